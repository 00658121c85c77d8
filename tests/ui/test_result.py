"""The result says what happens next: the status in a sentence, the flags as short titles,
the mood note kindly when it fires, numbered next steps, the clinic's phones, a visible
countdown and Done; in Spanish with larger text on a portrait screen, at most two pages."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.readiness import assess
from kiosk.samples import CALM, SAMPLES, TODAY, born
from kiosk.ui import Timing
from tests.ui.conftest import SIZES, FakeDelivery, MakeWindow
from tests.ui.driver import button, page_id, tap, tap_name, walk

MOODY = {**SAMPLES["not_yet"], "mood_interest": 3, "mood_down": 2}
# As many flags as answers can raise together without a warning sign.
WORST: dict[str, Any] = {
    **{key: value for key, value in CALM.items() if key != "perineal_tear"},
    "patient_name": "María Guadalupe Hernández-Villaseñor de la Cruz O'Donnell Ruiz"[:60],
    "baby_birth_date": born(2),
    "delivery": "unplanned_caesarean",
    "caesarean_scar_problem": "yes",
    "feeding": "breast",
    "postnatal_check": "not_cleared",
    "leak_effort": "often",
    "leak_urgency": "often",
    "bowel_leak": "yes",
    "pelvic_heaviness": "yes",
    "prolapse_diagnosis": "grade_2_plus",
    "pelvic_pain": "yes",
    "bleeding": "yes",
    "abdominal_doming": "yes",
    "diastasis_measured": "over_2cm",
    "pain_back_pelvis": "yes",
    "pain_pubic": "yes",
    "pain_sciatic": "yes",
    "pain_other": "yes",
    "walking": "symptoms",
    "tried_running": "yes_symptoms",
    "running_history": "competitive",
    "running_goal": "race_long",
    "sleep": "under_4",
    "fueling": "not_enough",
    "mood_interest": 3,
    "mood_down": 3,
}
WILL = {"en": "Your physical therapist will", "es": "Su fisioterapeuta va a"}


def finish(qtbot: Any, window: Any, answers: dict[str, Any], language: str) -> Any:
    if language != window.session.language:
        tap_name(qtbot, window, "language")
    walk(qtbot, window, answers)
    tap_name(qtbot, window, "finish")
    qtbot.waitUntil(lambda: page_id(window) == "result")
    return window.current_page()


def shown_on_every_page(qtbot: Any, window: Any) -> list[str]:
    """Every visible word of the result, page by page, as she would tap through it."""
    page = window.current_page()
    seen: dict[int, str] = {}  # each label once, however many pages it shows on
    for number in range(page.list.page_count):
        if number:
            tap_name(qtbot, window, "page_next")
        for label in page.findChildren(QLabel):
            if label.isVisible() and label.text():
                seen[id(label)] = label.text()
    return list(seen.values())


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_result_says_what_happens_next(
    qtbot: Any, make_window: MakeWindow, language: str
) -> None:
    window = make_window()
    page = finish(qtbot, window, MOODY, language)
    tr = window.texts.text
    words = shown_on_every_page(qtbot, window)
    assert tr(language, "status_not_yet") in words
    content = window.questionnaire
    for flag in assess(MOODY, today=TODAY).flags:
        rule = content.words(flag.id, language)
        assert words.count(rule.title) == 1, flag.id
        if flag.id != "NOTE-MOOD":
            assert rule.patient_text not in words  # titles, not paragraphs
    assert content.words("NOTE-MOOD", language).patient_text in words
    assert any("988" in text for text in words)
    assert sum(WILL[language] in text for text in words) == 1
    assert tr(language, "next_heading") in words
    for number in (1, 2, 3):
        assert f"{number}." in words and tr(language, f"next_{number}") in words
    phones = page.phones.text()
    assert page.phones.isVisible() and phones.startswith(tr(language, "free_consult"))
    for place in window.settings.locations:
        place_words = tr(language, "location_phone", name=place.name, phone=place.phone)
        assert place_words.replace(" ", "\u00a0") in phones
    assert tr(language, "result_clears", seconds=600) in words
    assert button(window, "done").isVisible()
    assert page.property("status") == "not_yet"


@pytest.mark.parametrize("status", ["ready_for_assessment", "build_foundation"])
def test_every_result_has_the_phones_and_no_mood_note_unless_it_fired(
    qtbot: Any, make_window: MakeWindow, status: str
) -> None:
    window = make_window()
    finish(qtbot, window, SAMPLES[status], "en")
    words = shown_on_every_page(qtbot, window)
    phones = window.current_page().phones
    assert phones.isVisible()  # on the first page, whatever the list holds
    for place in window.settings.locations:
        assert f"{place.name}:\u00a0{place.phone}" in phones.text()
    assert not any("988" in text for text in words)
    assert sum(WILL["en"] in text for text in words) == 1


def test_the_countdown_shows_and_done_clears_at_once(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window(timing=Timing(600_000, 600_000, result_ms=3000, advance_ms=5))
    finish(qtbot, window, SAMPLES["ready_for_assessment"], "en")
    countdown = window.current_page().countdown
    assert countdown.isVisible() and countdown.text() == "This screen clears itself in 3 seconds."
    qtbot.waitUntil(lambda: "in 2 seconds" in countdown.text(), timeout=3000)
    tap(qtbot, countdown)  # a touch starts the time again, and the next tick shows it
    qtbot.waitUntil(lambda: "in 3 seconds" in countdown.text(), timeout=1500)
    tap_name(qtbot, window, "done")
    assert page_id(window) == "welcome" and not window.session.answers


@pytest.mark.parametrize("answers", ["worst", *SAMPLES])
def test_spanish_larger_text_in_portrait_fits_two_pages(
    qtbot: Any, make_window: MakeWindow, answers: str
) -> None:
    window = make_window(SIZES["portrait"], deliver=FakeDelivery(printed=False))
    tap_name(qtbot, window, "text_size")
    page = finish(qtbot, window, WORST if answers == "worst" else SAMPLES[answers], "es")
    assert window.session.large_text and window.session.language == "es"
    assert page.list.page_count <= 2
