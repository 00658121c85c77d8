"""Kiosk mode: no key or close request ends the kiosk; only the staff panel's Exit does."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.logs import log_event

_log = logging.getLogger(__name__)
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_BLOCKED_KEYS = frozenset({Qt.Key.Key_Escape, Qt.Key.Key_Close, Qt.Key.Key_Back})
_BLOCKED_WITH_CTRL = frozenset({Qt.Key.Key_W, Qt.Key.Key_Q, Qt.Key.Key_F4})
_KEY_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride})


def blocked_key(event: QKeyEvent) -> bool:
    """Escape, Alt+F4, Ctrl+W, Ctrl+Q, Ctrl+F4 and the Back/Close keys."""
    key = Qt.Key(event.key())
    mods = event.modifiers()
    if key in _BLOCKED_KEYS:
        return True
    if key == Qt.Key.Key_F4 and mods & _ALT:
        return True
    return key in _BLOCKED_WITH_CTRL and bool(mods & _CTRL)


class KioskGuard(QObject):
    """An application-wide event filter for the fullscreen kiosk.

    Swallows the keys that close windows or quit programs, and refuses every close
    request for the kiosk window (the window manager's Alt+F4, a close button)
    until `release()`. The application quitting releases it: only the program (the
    staff panel's Exit) or the operating system (shutting down) can ask for that.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.released = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def release(self) -> None:
        """Let the window close (the staff panel's Exit)."""
        self.released = True
        log_event(_log, "kiosk.released")

    def remove(self) -> None:
        """Stop guarding (a deleted guard is dropped by Qt by itself)."""
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.released:
            return False
        kind = event.type()
        if kind == QEvent.Type.Quit and watched is QApplication.instance():
            self.release()  # the program (staff Exit) or the system (shutdown) ends the kiosk
            return False
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent) and blocked_key(event):
            event.accept()  # taken: no shortcut and no widget sees it
            return True
        if kind == QEvent.Type.Close and watched is self._window:
            assert isinstance(event, QCloseEvent)
            event.ignore()  # the window stays open
            log_event(_log, "kiosk.close_refused")
            return True
        return False
