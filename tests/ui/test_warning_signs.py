"""The 15 warning signs on the two screens of clinical-spec section 4, by touch: a tick can be
undone, a sign goes straight to the urgent screen (and the summary says URGENT and lists it),
"None of these" leads on, Back works between the screens; the urgent screen stays 5 minutes."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton

from kiosk.readiness import RULES_BY_ID, load_questionnaire
from kiosk.report import ReportContext, render
from kiosk.samples import SAMPLES
from kiosk.session import question_of
from kiosk.ui import KioskWindow, Timing
from kiosk.ui.window import URGENT_STAY_MS
from tests.report.pdftext import page_texts
from tests.ui.conftest import CALM, SIZES, FakeDelivery, MakeWindow
from tests.ui.driver import (
    answer_button,
    answer_page,
    button,
    page_id,
    tap,
    tap_name,
    wait_page,
    walk,
)

QUESTION = load_questionnaire().question("warning_signs")
SCREEN_1, SCREEN_2 = QUESTION.option_screens
EVERY_SIGN = [*SCREEN_1, *SCREEN_2]


def shown_answers(window: KioskWindow) -> list[str]:
    """The answer values of the visible answer buttons, as the testability contract names them."""
    found = []
    for widget in window.current_page().findChildren(QAbstractButton):
        if widget.isVisible() and widget.property("answer_value") is not None:
            assert widget.property("question_id") == "warning_signs"
            found.append(str(widget.property("answer_value")))
    return found


def to_signs(qtbot: Any, window: KioskWindow) -> None:
    """Through the questions before the warning signs, by touch."""
    answers = SAMPLES["ready_for_assessment"]
    tap_name(qtbot, window, "start")
    tap_name(qtbot, window, "nav_next")
    while page_id(window) != "warning_signs":
        answer_page(qtbot, window, answers[question_of(page_id(window))])


def none_of_these(qtbot: Any, window: KioskWindow, then: str) -> None:
    """Tap "None of these" and Next on the sign screen shown; wait for the page `then`."""
    tap(qtbot, answer_button(window, "warning_signs", "none"))
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, then)


def test_section_4_splits_the_signs_over_two_screens() -> None:
    assert SCREEN_1 == (
        "chest_pain", "breathing", "heavy_bleeding", "seizure", "severe_headache", "vision",
        "fainting", "self_harm",
    )  # fmt: skip
    assert SCREEN_2 == (
        "leg_swelling", "swelling_face_hands", "fever", "wound", "discharge", "belly_pain",
        "vomiting",
    )  # fmt: skip
    assert sorted(EVERY_SIGN) == sorted(QUESTION.options) and len(EVERY_SIGN) == 15


@pytest.mark.parametrize("sign", EVERY_SIGN)
def test_any_sign_by_touch_reaches_the_urgent_screen_and_the_summary_lists_it(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery, sign: str
) -> None:
    window = make_window()
    pages: list[str] = []
    window.page_changed.connect(pages.append)
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": [sign]})
    assert page_id(window) == "urgent"
    assert ("warning_signs.2" in pages) is (
        sign in SCREEN_2
    )  # screen 2 only if screen 1 was "none"
    (call,) = delivery.calls
    assert call["answers"]["warning_signs"] == [sign]
    assessment = call["assessment"]
    assert assessment.status.value == "urgent"
    rule_id = "RF-" + sign.upper().replace("_", "-")
    assert [flag.id for flag in assessment.flags] == [rule_id]
    pdf = render(call["answers"], assessment, ReportContext(), questionnaire=window.questionnaire)
    text = " ".join(page_texts(pdf))
    assert text.startswith("URGENT")
    assert rule_id in text and assessment.flags[0].clinician_title in text
    assert (" not asked (the urgent screen came first): " in text) is (sign in SCREEN_1)
    if sign in SCREEN_1:  # the summary names the signs of the screen she never saw
        for unasked in SCREEN_2:
            assert QUESTION.text("en").options[unasked] in text


def test_a_tick_can_be_undone_and_none_of_these_leads_to_screen_2(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery
) -> None:
    window = make_window()
    to_signs(qtbot, window)
    assert shown_answers(window) == [*SCREEN_1, "none"]
    mistap = answer_button(window, "warning_signs", "self_harm")
    tap(qtbot, mistap)
    assert mistap.property("selected")
    tap(qtbot, mistap)  # undone
    assert not mistap.property("selected")
    assert not button(window, "nav_next").isEnabled()
    none_of_these(qtbot, window, "warning_signs.2")
    assert shown_answers(window) == [*SCREEN_2, "none"]
    answers = [b for b in window.current_page().findChildren(QAbstractButton)]
    assert not any(b.property("selected") for b in answers if b.property("answer_value"))
    assert "warning_signs" not in window.session.answers
    assert delivery.calls == []


def test_back_works_between_the_screens_and_keeps_none_of_these(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery
) -> None:
    window = make_window()
    to_signs(qtbot, window)
    none_of_these(qtbot, window, "warning_signs.2")
    tap_name(qtbot, window, "nav_back")
    wait_page(qtbot, window, "warning_signs")
    assert answer_button(window, "warning_signs", "none").property("selected")
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, "warning_signs.2")
    assert not answer_button(window, "warning_signs", "none").property("selected")
    none_of_these(qtbot, window, "blood_pressure")
    assert window.session.answers["warning_signs"] == []
    tap_name(qtbot, window, "nav_back")
    wait_page(qtbot, window, "warning_signs.2")
    assert answer_button(window, "warning_signs", "none").property("selected")
    tap_name(qtbot, window, "nav_back")
    wait_page(qtbot, window, "warning_signs")
    tap_name(qtbot, window, "nav_back")
    wait_page(qtbot, window, "postnatal_check")
    assert delivery.calls == []


def test_a_sign_on_screen_2_after_none_on_screen_1(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery
) -> None:
    window = make_window()
    to_signs(qtbot, window)
    none_of_these(qtbot, window, "warning_signs.2")
    tap(qtbot, answer_button(window, "warning_signs", "fever"))
    tap(qtbot, answer_button(window, "warning_signs", "vomiting"))
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, "urgent")
    assert delivery.calls[0]["answers"]["warning_signs"] == ["fever", "vomiting"]


def test_a_resize_keeps_her_on_screen_2(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    to_signs(qtbot, window)
    none_of_these(qtbot, window, "warning_signs.2")
    old = window.current_page()
    window.resize(*SIZES["portrait"])
    qtbot.waitUntil(lambda: window.current_page() is not old, timeout=3000)
    assert page_id(window) == "warning_signs.2"
    assert shown_answers(window) == [*SCREEN_2, "none"]


def test_the_urgent_screen_stays_five_minutes_by_default(settings: Any) -> None:
    assert URGENT_STAY_MS == 5 * 60 * 1000
    assert Timing.from_settings(settings).urgent_ms == URGENT_STAY_MS


def test_the_urgent_screen_stays_with_no_idle_warning_then_welcome_returns(
    qtbot: Any, make_window: MakeWindow
) -> None:
    # The idle warning would come after 30 ms anywhere else; the urgent screen waits 600 ms.
    timing = Timing(idle_ms=30, countdown_ms=20_000, result_ms=600_000, advance_ms=5, urgent_ms=600)
    window = make_window(timing=timing)
    warnings: list[object] = []
    window.idle.warned.connect(lambda: warnings.append(window.page_id))
    window.session.answer("warning_signs", ["seizure"])
    window.go_to("warning_signs")
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, "urgent")
    assert window.idle.quiet_left_ms() > timing.idle_ms  # counting the urgent stay, not idle
    with qtbot.waitSignal(window.session_reset, timeout=5000):
        pass
    assert page_id(window) == "welcome"
    assert warnings == []  # no "Are you still there?" on the urgent screen


def test_done_ends_the_urgent_screen_sooner(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window(timing=CALM)
    window.session.answer("warning_signs", ["vision"])
    window.go_to("warning_signs")
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, "urgent")
    assert window.idle.quiet_left_ms() > 60_000
    tap_name(qtbot, window, "done")
    wait_page(qtbot, window, "welcome")
    assert window.session.answers == {}


def test_every_red_flag_has_a_sign_on_one_of_the_screens() -> None:
    signs = {"RF-" + s.upper().replace("_", "-") for s in EVERY_SIGN}
    assert signs == {rule_id for rule_id in RULES_BY_ID if rule_id.startswith("RF-")}
