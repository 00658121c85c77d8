"""Idle warning, "I'm still here", the wipe, the result screen's return, and no trace left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit

from kiosk.samples import SAMPLES
from kiosk.ui import KioskWindow, Timing
from tests.ui.conftest import MakeWindow
from tests.ui.driver import answer_page, button, page_id, tap, tap_name, texts_in, wait_page, walk

NAME = "Zoé O'Brien-Núñez"
QUICK = Timing(idle_ms=150, countdown_ms=300, result_ms=150, advance_ms=5)


def assert_no_trace(window: KioskWindow, answers: dict[str, Any]) -> None:
    """Walk every widget: no name, no answer words, no chosen answer, nothing to go Back to."""
    QApplication.processEvents()
    words = texts_in(window)
    for part in NAME.split():
        assert not any(part in text for text in words), part
    assert all(field.text() == "" for field in window.findChildren(QLineEdit))
    chosen = [b for b in window.findChildren(QAbstractButton) if b.property("selected")]
    assert not chosen
    assert window.session.answers == {} and window.session.drafts == {}
    assert window.session.assessment is None and window.session.delivery is None
    assert page_id(window) == "welcome"
    assert not [b for b in window.findChildren(QAbstractButton) if b.objectName() == "nav_back"]
    labels = window.questionnaire.question("delivery").text("en").options
    assert labels[answers["delivery"]] not in words


def start_and_name(qtbot: Any, window: KioskWindow) -> None:
    tap_name(qtbot, window, "start")
    tap_name(qtbot, window, "nav_next")
    answer_page(qtbot, window, NAME)
    answer_page(qtbot, window, "2026-08-01")
    answer_page(qtbot, window, "vaginal")


def test_idle_warns_then_wipes_everything(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window(timing=QUICK)
    start_and_name(qtbot, window)
    assert page_id(window) == "perineal_tear"
    qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=3000)
    assert button(window, "still_here").isVisible()
    with qtbot.waitSignal(window.session_reset, timeout=3000):
        pass
    assert not window.overlay.isVisible()
    assert_no_trace(window, {"delivery": "vaginal"})


def test_still_here_keeps_her_answers(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window(timing=Timing(idle_ms=150, countdown_ms=20_000, result_ms=150))
    start_and_name(qtbot, window)
    qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=3000)
    assert "20 seconds" in window.overlay.body.text()
    tap_name(qtbot, window, "still_here")
    assert not window.overlay.isVisible()
    assert page_id(window) == "perineal_tear"
    assert window.session.answers["patient_name"] == NAME
    assert window.idle.armed and not window.idle.warning


def test_any_touch_or_key_restarts_the_quiet_time(qtbot: Any, make_window: MakeWindow) -> None:
    quiet = 60_000
    window = make_window(timing=Timing(idle_ms=quiet, countdown_ms=20_000, result_ms=quiet))
    start_and_name(qtbot, window)
    for touch in (
        lambda: QTest.mouseClick(window.current_page(), Qt.MouseButton.LeftButton),
        lambda: QTest.keyClick(window.current_page(), Qt.Key.Key_A),
    ):
        qtbot.waitUntil(lambda: window.idle.quiet_left_ms() < quiet - 300, timeout=3000)
        touch()
        assert window.idle.quiet_left_ms() > quiet - 200
    assert not window.overlay.isVisible()


def test_no_idle_on_the_welcome_screen(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window(timing=QUICK)
    assert not window.idle.armed and window.idle.quiet_left_ms() == -1
    tap_name(qtbot, window, "start")
    assert window.idle.armed
    tap_name(qtbot, window, "nav_back")
    assert page_id(window) == "welcome" and not window.idle.armed


def test_result_returns_to_welcome_by_itself(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window(
        timing=Timing(idle_ms=600_000, countdown_ms=20_000, result_ms=200, advance_ms=5)
    )
    walk(qtbot, window, {**SAMPLES["not_yet"], "patient_name": NAME})
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    with qtbot.waitSignal(window.session_reset, timeout=3000):
        pass
    assert not window.overlay.isVisible()
    assert_no_trace(window, SAMPLES["not_yet"])


def test_done_wipes_and_restores_the_defaults(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    tap_name(qtbot, window, "text_size")
    tap_name(qtbot, window, "language")
    assert window.session.language == "es" and window.session.large_text
    walk(qtbot, window, {**SAMPLES["build_foundation"], "patient_name": NAME})
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    with qtbot.waitSignal(window.session_reset, timeout=3000):
        tap_name(qtbot, window, "done")
    assert window.session.language == "en" and not window.session.large_text
    assert not window.metrics.large_text
    assert_no_trace(window, SAMPLES["build_foundation"])


def test_urgent_done_wipes(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    answers = {**SAMPLES["ready_for_assessment"], "patient_name": NAME, "warning_signs": ["wound"]}
    walk(qtbot, window, answers)
    assert page_id(window) == "urgent"
    tap(qtbot, button(window, "done"))
    assert_no_trace(window, answers)
