"""Tap through the real window: every status, both birth branches, Back, Change, review."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.samples import SAMPLES, TODAY
from tests.ui.conftest import FakeDelivery, MakeWindow
from tests.ui.driver import (
    answer_button,
    answer_page,
    button,
    page_id,
    tap,
    tap_name,
    texts_in,
    wait_page,
    walk,
)


def expected(answers: dict[str, Any]) -> dict[str, Any]:
    return {**answers, "assessed_on": TODAY.isoformat()}


@pytest.mark.parametrize("status", ["ready_for_assessment", "build_foundation", "not_yet"])
def test_full_flow_gives_each_status(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery, status: str
) -> None:
    window = make_window()
    answers = SAMPLES[status]
    walk(qtbot, window, answers)
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    page = window.current_page()
    assert page.property("status") == status
    assert len(delivery.calls) == 1
    assert delivery.calls[0]["answers"] == expected(answers)
    assert delivery.calls[0]["language"] == "en"
    words = " ".join(t for t in texts_in(page) if t).lower()
    assert "cleared" not in words and "ready to run" not in words
    assert window.texts.text("en", f"status_{status}") in texts_in(page)
    assert window.texts.text("en", "summary_printed") in texts_in(page)
    phones = [place.phone for place in window.settings.locations]
    shown = any(phone in text for phone in phones for text in texts_in(page))
    assert shown  # on every result


def test_result_asks_kindly_when_the_summary_did_not_print(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window(deliver=FakeDelivery(printed=False))
    walk(qtbot, window, SAMPLES["build_foundation"])
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    assert window.texts.text("en", "summary_not_printed") in texts_in(window.current_page())


def test_every_flag_reaches_the_patient_as_a_short_title(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery
) -> None:
    window = make_window()
    walk(qtbot, window, SAMPLES["not_yet"])
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    shown = texts_in(window.current_page())
    for flag in delivery.calls[0]["assessment"].flags:
        assert flag.title in shown
        assert flag.id == "NOTE-MOOD" or flag.patient_text not in shown


@pytest.mark.parametrize(
    ("delivery_value", "branch", "skipped"),
    [
        ("vaginal", "perineal_tear", "caesarean_scar_problem"),
        ("assisted_vaginal", "perineal_tear", "caesarean_scar_problem"),
        ("planned_caesarean", "caesarean_scar_problem", "perineal_tear"),
        ("unplanned_caesarean", "caesarean_scar_problem", "perineal_tear"),
    ],
)
def test_birth_branches(
    qtbot: Any, make_window: MakeWindow, delivery_value: str, branch: str, skipped: str
) -> None:
    window = make_window()
    answers = {**SAMPLES["ready_for_assessment"], "delivery": delivery_value}
    answers.pop("perineal_tear")
    answers[branch] = "no" if branch == "caesarean_scar_problem" else "none"
    seen = walk(qtbot, window, answers)
    assert branch in seen and skipped not in seen
    assert seen.index(branch) == seen.index("delivery") + 1


def test_one_tap_shows_the_choice_then_moves_on(qtbot: Any, make_window: MakeWindow) -> None:
    from kiosk.ui import Timing

    window = make_window(timing=Timing(600_000, 600_000, 600_000, advance_ms=300))
    window.go_to("feeding")
    chosen = answer_button(window, "feeding", "mixed")
    tap(qtbot, chosen)
    assert chosen.property("selected") is True
    assert page_id(window) == "feeding"
    wait_page(qtbot, window, "postnatal_check")
    assert window.session.answers["feeding"] == "mixed"


def test_back_keeps_every_answer_and_next_shows_on_answered_questions(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    walk(qtbot, window, SAMPLES["ready_for_assessment"])
    before = dict(window.session.answers)
    for _ in range(9):
        tap_name(qtbot, window, "nav_back")
    assert page_id(window) == "pain_other"
    assert answer_button(window, "pain_other", "no").property("selected") is True
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, "walking")
    assert window.session.answers == before


def test_change_from_review_drops_what_no_longer_applies(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery
) -> None:
    window = make_window()
    walk(qtbot, window, SAMPLES["ready_for_assessment"])
    change = next(
        b
        for b in window.current_page().findChildren(type(button(window, "finish")))
        if b.objectName() == "change" and b.property("question_id") == "delivery"
    )
    tap(qtbot, change)
    wait_page(qtbot, window, "delivery")
    answer_page(qtbot, window, "planned_caesarean")
    assert page_id(window) == "caesarean_scar_problem"
    assert "perineal_tear" not in window.session.answers
    answer_page(qtbot, window, "yes")
    assert page_id(window) == "review"
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    sent = delivery.calls[0]["answers"]
    assert sent["delivery"] == "planned_caesarean" and sent["caesarean_scar_problem"] == "yes"
    assert "perineal_tear" not in sent
    assert sent["leak_effort"] == "never" and sent["mood_down"] == 0


def test_change_then_back_returns_to_review_unchanged(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    walk(qtbot, window, SAMPLES["not_yet"])
    before = dict(window.session.answers)
    review = window.current_page()
    row = next(r for r in review.rows if r.question.id == "sleep")
    where = review.list.page_of(row)
    assert where > 0
    for _ in range(where):
        tap(qtbot, button(window, "page_next"))
    tap(qtbot, row.change)
    wait_page(qtbot, window, "sleep")
    tap_name(qtbot, window, "nav_back")
    wait_page(qtbot, window, "review")
    assert window.session.answers == before
    assert window.current_page().list.page == where


def test_review_lists_every_answer(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    answers = SAMPLES["not_yet"]
    walk(qtbot, window, answers)
    review = window.current_page()
    shown: dict[str, str] = {}
    for number in range(review.list.page_count):
        if number:
            tap(qtbot, button(window, "page_next"))
        for row in review.rows:
            if row.isVisible():
                shown[row.question.id] = row.answer.text()
    assert set(shown) == set(answers)
    assert shown["patient_name"] == answers["patient_name"]
    assert shown["delivery"] == "Unplanned C-section"
    assert shown["mood_interest"] == "Skipped"
    assert shown["warning_signs"] == "None of these"
    assert shown["baby_birth_date"] == "July 31, 2026"
    labels = [w.text() for w in review.findChildren(QLabel)]
    assert "Leaks with effort" in labels


def test_warning_sign_goes_straight_to_the_urgent_screen(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery
) -> None:
    window = make_window()
    answers = {**SAMPLES["ready_for_assessment"], "warning_signs": ["chest_pain", "self_harm"]}
    seen = walk(qtbot, window, answers)
    assert seen[-1] == "warning_signs"
    page = window.current_page()
    assert page_id(window) == "urgent" and page.property("status") == "urgent"
    assert window.texts.text("en", "urgent_988") in texts_in(page)
    assert len(delivery.calls) == 1
    sent = delivery.calls[0]["answers"]
    order = [q.id for q in window.questionnaire.questions]
    assert max(order.index(k) for k in sent) == order.index("warning_signs")
    assert sent["warning_signs"] == ["chest_pain", "self_harm"]
    assert delivery.calls[0]["assessment"].status.value == "urgent"


def test_no_988_without_thoughts_of_self_harm(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["fever"]})
    assert window.texts.text("en", "urgent_988") not in [
        w.text() for w in window.current_page().findChildren(QLabel) if w.isVisible()
    ]


def test_none_of_these_and_signs_exclude_each_other(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    window.go_to("warning_signs")
    assert not button(window, "nav_next").isEnabled()
    fever = answer_button(window, "warning_signs", "vision")
    none = answer_button(window, "warning_signs", "none")
    tap(qtbot, fever)
    tap(qtbot, none)
    assert none.property("selected") and not fever.property("selected")
    tap(qtbot, fever)
    assert fever.property("selected") and not none.property("selected")
    tap(qtbot, fever)
    assert not button(window, "nav_next").isEnabled()


def test_mood_skip_is_recorded_as_null(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    window.session.answer("warning_signs", [])
    window.go_to("mood_interest")
    tap(qtbot, answer_button(window, "mood_interest", "skip"))
    qtbot.waitUntil(lambda: window.session.answered("mood_interest"))
    assert window.session.answers["mood_interest"] is None
