"""A tapped answer shows with its tick before the next question, which never comes under a
finger still on the screen; a second tap in that pause answers nothing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from kiosk.config import Settings
from kiosk.ui import Timing
from tests.ui.conftest import MakeWindow
from tests.ui.driver import answer_button, page_id, tap, tap_name, wait_page

PAUSE = Timing(600_000, 600_000, 600_000, advance_ms=400)


def ticks(window: Any) -> list[str]:
    return [
        w.text()
        for w in window.current_page().findChildren(QLabel)
        if w.property("role") == "answer_check" and w.isVisible() and w.text()
    ]


def start_at(qtbot: Any, window: Any, language: str, question: str) -> None:
    if window.session.language != language:
        tap_name(qtbot, window, "language")
    window.go_to(question)


def test_the_pause_is_about_eight_tenths_of_a_second_by_default() -> None:
    assert Timing.from_settings(Settings()).advance_ms == 800


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_choice_shows_with_a_tick_and_a_second_tap_answers_nothing(
    qtbot: Any, make_window: MakeWindow, language: str
) -> None:
    window = make_window(timing=PAUSE)
    start_at(qtbot, window, language, "feeding")
    chosen = answer_button(window, "feeding", "mixed")
    tap(qtbot, chosen)
    assert page_id(window) == "feeding" and ticks(window) == ["✓"]
    assert chosen.isChecked()
    # a second tap in the pause, where the next page's first answer would be, does nothing
    tap(qtbot, answer_button(window, "feeding", "breast"))
    tap_name(qtbot, window, "nav_back")
    assert page_id(window) == "feeding" and chosen.isChecked()
    assert window.session.answers["feeding"] == "mixed"
    wait_page(qtbot, window, "postnatal_check")
    assert "postnatal_check" not in window.session.answers
    assert ticks(window) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_next_question_waits_for_the_finger_to_lift(
    qtbot: Any, make_window: MakeWindow, language: str
) -> None:
    window = make_window(timing=Timing(600_000, 600_000, 600_000, advance_ms=30))
    window.session.answer("warning_signs", [])  # no warning sign: the questions go on
    start_at(qtbot, window, language, "sleep")
    chosen = answer_button(window, "sleep", "over_6")
    tap(qtbot, chosen)
    qtbot.mousePress(chosen, Qt.MouseButton.LeftButton)  # the finger comes down again
    qtbot.waitUntil(lambda: window.pause.held)
    assert page_id(window) == "sleep" and window.pause.pending
    qtbot.mouseRelease(chosen, Qt.MouseButton.LeftButton)
    assert page_id(window) == "fueling"
    assert "fueling" not in window.session.answers
    assert window.session.answers["sleep"] == "over_6"


def test_a_page_rebuilt_inside_the_pause_takes_no_second_answer(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window(timing=PAUSE)
    window.go_to("feeding")
    tap(qtbot, answer_button(window, "feeding", "mixed"))
    tap_name(qtbot, window, "text_size")  # larger text rebuilds the page in the pause
    tap(qtbot, answer_button(window, "feeding", "formula"))
    assert window.session.answers["feeding"] == "mixed"
    assert answer_button(window, "feeding", "mixed").isChecked()
    wait_page(qtbot, window, "postnatal_check")
