"""Kiosk mode: Escape, Alt+F4, Ctrl+W/Q and close requests do nothing until staff exit."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from kiosk.ui.services.guard import KioskGuard
from tests.ui.conftest import MakeWindow

KEYS = [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
]


class KeySpy(QObject):
    """Sees the keys that reach the window (after the application's filters)."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.keys.append(event.key())  # type: ignore[attr-defined]
        return False


@pytest.mark.parametrize(("key", "modifier"), KEYS)
def test_closing_keys_never_reach_the_window(
    qtbot: Any, make_window: MakeWindow, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    window = make_window()
    guard = KioskGuard(window)
    spy = KeySpy()
    window.installEventFilter(spy)
    try:
        qtbot.keyClick(window, key, modifier)
        assert key not in spy.keys and window.isVisible()
        qtbot.keyClick(window, Qt.Key.Key_A)
        assert Qt.Key.Key_A in spy.keys  # other keys pass
    finally:
        window.removeEventFilter(spy)
        guard.remove()


def test_a_close_request_is_refused_until_staff_exit(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    guard = KioskGuard(window)
    try:
        assert window.close() is False
        assert window.isVisible()
        guard.release()
        assert window.close() is True
        assert not window.isVisible()
    finally:
        guard.remove()


def test_closing_every_window_is_refused_while_guarded(qtbot: Any, make_window: MakeWindow) -> None:
    """A request to close all windows (not a quit) leaves the kiosk running."""
    window = make_window()
    guard = KioskGuard(window)
    try:
        QApplication.closeAllWindows()
        assert window.isVisible()
    finally:
        guard.remove()


def test_without_the_guard_the_window_closes_normally(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    assert window.close() is True


def test_quitting_the_application_is_let_through(qtbot: Any, make_window: MakeWindow) -> None:
    """The staff panel's Exit (or the system shutting down) quits even a guarded kiosk.

    The filter is handed the Quit event directly: a real quit would leave the test
    application closing for every later test.
    """
    window = make_window()
    guard = KioskGuard(window)
    try:
        assert window.close() is False
        guard.eventFilter(QApplication.instance(), QEvent(QEvent.Type.Quit))
        assert guard.released and window.close() is True
    finally:
        guard.remove()
