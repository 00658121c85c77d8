"""The pause after a tapped answer: the choice shows, and the next page waits for the finger."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_DOWN = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
_UP = frozenset(
    {
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.WindowDeactivate,
    }
)


class AnswerPause(QObject):
    """`start(ms)`: `due` is emitted once `ms` have passed AND no finger is on the screen.

    A finger still down when the time is up holds the next page back until it lifts, so a
    new page never appears under it. `watch` is an input listener (see `InputHub`).
    """

    due = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._finger_down = False
        self._held = False  # the time is up, but a finger is still on the screen

    @property
    def pending(self) -> bool:
        """A tapped answer is still showing: the next page has not come yet."""
        return self._timer.isActive() or self._held

    @property
    def held(self) -> bool:
        """The time is up, and the next page waits for the finger to lift."""
        return self._held

    def start(self, ms: int) -> None:
        self._held = False
        self._timer.start(max(0, ms))

    def cancel(self) -> None:
        self._timer.stop()
        self._held = False

    def watch(self, _watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _DOWN:
            self._finger_down = True
        elif kind in _UP:
            self._finger_down = False
            if self._held:
                self._held = False
                self.due.emit()
        return False

    def _on_timer_timeout(self) -> None:
        if self._finger_down:
            self._held = True
            return
        self.due.emit()
