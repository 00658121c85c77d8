"""Runs summary deliveries (render, save, print) one at a time, off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from kiosk.logs import log_event

_log = logging.getLogger(__name__)
Job = Callable[[], Any]


def run_job(job: Job) -> Any:
    """Run one delivery; a crash is logged (type and place only) and gives None."""
    try:
        return job()
    except Exception:  # she is told kindly to see the front desk; the kiosk goes on
        _log.exception("summary delivery failed")
        return None


class DeliveryRunner(QObject):
    """Takes delivery jobs; `finished(token, result)` always arrives on the GUI thread.

    With `background` the jobs run in order on one worker thread, so the screen
    never freezes while a summary prints; without it they run at once, inline (the
    window's default, which keeps simple tests synchronous). A job is never
    cancelled: the PDF is saved and printed even if its session has ended, and the
    receiver uses `token` to ignore outcomes that are no longer its own.
    """

    finished = Signal(int, object)
    _done = Signal(int, object)  # emitted by the worker; queued to the GUI thread

    def __init__(self, parent: QObject | None = None, *, background: bool = True) -> None:
        super().__init__(parent)
        self._pool: QThreadPool | None = None
        if background:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(1)  # one job at a time: the printer takes turns anyway
        self._pending = 0
        self._done.connect(self._on_done)

    @property
    def background(self) -> bool:
        return self._pool is not None

    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def submit(self, job: Job, token: int = 0) -> None:
        """Run `job`; its result (None if it raised) comes back through `finished`."""
        self._pending += 1
        if self._pool is None:
            self._on_done(token, run_job(job))
            return
        self._pool.start(partial(self._work, job, token))

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every job has finished (at exit: no summary is lost); False on timeout."""
        if self._pool is None:
            return True
        return bool(self._pool.waitForDone(timeout_ms))

    def _work(self, job: Job, token: int) -> None:
        result = run_job(job)
        try:
            self._done.emit(token, result)
        except RuntimeError:  # the receiver is gone (the window closed mid-print)
            log_event(_log, "delivery.outcome_dropped", level=logging.WARNING)

    def _on_done(self, token: int, result: Any) -> None:
        self._pending = max(0, self._pending - 1)
        self.finished.emit(token, result)
