"""The one application-wide event filter: it hands touch, mouse and key events to listeners.

Every event of every widget passes an application-wide filter, and a filter written in
Python costs a call per event (thousands when a page is built). So the window installs
this one, and the idle watch, the staff gesture and the staff panel listen to it; each
listener sees only input events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

Listener = Callable[[QObject, QEvent], bool]

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.Wheel,
        QEvent.Type.WindowDeactivate,
    }
)


class InputHub(QObject):
    """Installed on the application while it lives; `listen(f)` adds `f(watched, event)`.

    A listener returning True takes the event (no widget sees it).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listeners: list[Listener] = []
        self._removed = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def listen(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unlisten(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Off the application while the block runs (no input arrives during it)."""
        app = QApplication.instance()
        if app is None or self._removed:
            yield
            return
        app.removeEventFilter(self)
        try:
            yield
        finally:
            if not self._removed:
                app.installEventFilter(self)

    def remove(self) -> None:
        """Stop filtering (the window is closing)."""
        self._removed = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            for listener in tuple(self._listeners):
                if listener(watched, event):
                    return True
        return False
