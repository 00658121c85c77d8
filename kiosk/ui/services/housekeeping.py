"""Housekeeping while the kiosk runs: old summaries are purged at start-up and every hour."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer

from kiosk.config import Settings
from kiosk.logs import log_event
from kiosk.output import purge_old_summaries

HOUR_MS = 60 * 60 * 1000
_log = logging.getLogger(__name__)


class Housekeeping(QObject):
    """Purges old summaries from `settings.output_dir` now and every `interval_ms`.

    Logs the number removed, never a file name (the names hold the patient's).
    A purge that fails is logged and tried again at the next interval.
    """

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        *,
        interval_ms: int = HOUR_MS,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._now = now
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.purge)
        self.purged = 0  # summaries removed since start (for tests and the log)

    def start(self) -> int:
        """Purge once now, then start the timer; returns how many were removed now."""
        removed = self.purge()
        self.timer.start()
        return removed

    def stop(self) -> None:
        self.timer.stop()

    def purge(self) -> int:
        try:
            removed = purge_old_summaries(
                self._settings.output_dir, self._settings.retention_days, self._now()
            )
        except (OSError, ValueError) as exc:
            log_event(_log, "housekeeping.failed", level=logging.WARNING, error=type(exc).__name__)
            return 0
        self.purged += removed
        log_event(_log, "housekeeping.purged", count=removed)
        return removed
