"""The idle watch: any touch or key restarts it; quiet too long, it warns, then it expires."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal

_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatch(QObject):
    """An application-wide event filter with two timers.

    `arm(quiet_ms, countdown_ms)`: after `quiet_ms` without activity `warned` is emitted and
    a countdown of `countdown_ms` starts (`ticked` gives the seconds left each second);
    at its end `expired` is emitted. With `countdown_ms` 0 it expires without a warning.
    While the warning shows, only `keep_alive()` (the "I'm still here" button) stops it.
    """

    warned = Signal()
    ticked = Signal(int)
    expired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quiet = QTimer(self)
        self._quiet.setTimerType(Qt.TimerType.PreciseTimer)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._on_quiet_timeout)
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.timeout.connect(self._on_countdown_timeout)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self._clock = QElapsedTimer()
        self._quiet_ms = 0
        self._countdown_ms = 0
        self.warning = False

    @property
    def armed(self) -> bool:
        return self._quiet.isActive() or self.warning

    def arm(self, quiet_ms: int, countdown_ms: int) -> None:
        self.disarm()
        self._quiet_ms, self._countdown_ms = quiet_ms, countdown_ms
        self._quiet.start(quiet_ms)

    def disarm(self) -> None:
        for timer in (self._quiet, self._countdown, self._tick):
            timer.stop()
        self.warning = False
        self._quiet_ms = 0

    def keep_alive(self) -> None:
        """She is still here: stop any warning and start the quiet time again."""
        if self._quiet_ms:
            self.arm(self._quiet_ms, self._countdown_ms)

    def quiet_left_ms(self) -> int:
        """Milliseconds until the warning (-1 when not counting)."""
        return self._quiet.remainingTime() if self._quiet.isActive() else -1

    def warn_now(self) -> None:
        """Start the warning at once, as if the quiet time had just run out."""
        if self._quiet_ms:
            self._quiet.stop()
            self._on_quiet_timeout()

    def seconds_left(self) -> int:
        if not self.warning:
            return math.ceil(self._countdown_ms / 1000)
        left = max(0, self._countdown_ms - self._clock.elapsed())
        return math.ceil(left / 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._quiet.isActive():
            self._quiet.start(self._quiet_ms)
        return False

    def _on_quiet_timeout(self) -> None:
        if self._countdown_ms <= 0:
            self.disarm()
            self.expired.emit()
            return
        self.warning = True
        self._clock.start()
        self._countdown.start(self._countdown_ms)
        self._tick.start()
        self.warned.emit()
        self.ticked.emit(self.seconds_left())

    def _on_tick_timeout(self) -> None:
        self.ticked.emit(self.seconds_left())

    def _on_countdown_timeout(self) -> None:
        self.disarm()
        self.expired.emit()
