"""The hidden staff gesture: a long press (about 3 s) in the window's top-left corner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QApplication, QWidget

HOLD_MS = 3000
CORNER_PX = 120  # at the reference screen size; scaled with the window's metrics

_PRESS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
_MOVE = frozenset({QEvent.Type.MouseMove, QEvent.Type.TouchUpdate})
_END = frozenset(
    {
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.WindowDeactivate,
    }
)


def _global_point(event: QEvent) -> QPoint | None:
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition().toPoint()
    return None


class CornerHold(QObject):
    """An application-wide event filter: `held` after a press kept `hold_ms` in the corner.

    Works on every screen, over any page or overlay, because it watches the press
    before any widget does; it never takes the event, so the page still gets it.
    Releasing, or sliding out of the corner, cancels it.
    """

    held = Signal()

    def __init__(self, window: QWidget, *, hold_ms: int = HOLD_MS, corner_px: int = 0) -> None:
        super().__init__(window)
        self._window = window
        self._corner_px = corner_px
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(hold_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._hub = getattr(window, "input_hub", None)
        if self._hub is not None:
            self._hub.listen(self.eventFilter)
        elif (app := QApplication.instance()) is not None:
            app.installEventFilter(self)

    @property
    def pressing(self) -> bool:
        return self._timer.isActive()

    def corner_size(self) -> int:
        if self._corner_px:
            return self._corner_px
        metrics = getattr(self._window, "metrics", None)
        return metrics.px(CORNER_PX) if metrics is not None else CORNER_PX

    def in_corner(self, global_point: QPoint) -> bool:
        if not self._window.isVisible():
            return False
        point = self._window.mapFromGlobal(global_point)
        side = self.corner_size()
        return 0 <= point.x() < side and 0 <= point.y() < side

    def cancel(self) -> None:
        self._timer.stop()

    def remove(self) -> None:
        self.cancel()
        if self._hub is not None:
            self._hub.unlisten(self.eventFilter)
        elif (app := QApplication.instance()) is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESS:
            point = _global_point(event)
            if point is not None and self.in_corner(point):
                if not self._timer.isActive():
                    self._timer.start()
            else:
                self._timer.stop()
        elif kind in _MOVE and self._timer.isActive():
            point = _global_point(event)
            if point is not None and not self.in_corner(point):
                self._timer.stop()
        elif kind in _END:
            self._timer.stop()
        return False

    def _on_timer_timeout(self) -> None:
        self.held.emit()
