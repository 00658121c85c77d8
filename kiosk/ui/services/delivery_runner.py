"""Runs summary deliveries off the GUI thread: saving on one lane, printing on another."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from kiosk.logs import log_event

_log = logging.getLogger(__name__)
Job = Callable[[], Any]


@dataclass(frozen=True)
class ThenPrint:
    """What a job returns when its slow second step (printing) is still to come.

    The runner runs `step` on its print lane and reports `step()`'s result as the
    job's; the save lane is free at once for the next patient's summary.
    """

    step: Job


def run_job(job: Job) -> Any:
    """Run one delivery; a crash is logged (type and place only) and gives None."""
    try:
        return job()
    except Exception:  # she is told kindly to see the front desk; the kiosk goes on
        _log.exception("summary delivery failed")
        return None


class DeliveryRunner(QObject):
    """Takes delivery jobs; `finished(token, result)` always arrives on the GUI thread.

    With `background` the jobs run in order on a worker thread (the save lane), and a
    job's printing (`ThenPrint`, or a job submitted with `printing=True`) on a second
    one (the print lane): the screen never freezes while a summary prints, and saving
    a summary never waits for an earlier one's print. With `lanes` above 1 that many jobs
    run side by side instead of in order (the front-desk alerts: a second urgent
    patient's alert never waits behind a first that is still trying a silent relay).
    Without `background` they run at once, inline (the window's default, which keeps
    simple tests synchronous). A job is never cancelled: the PDF is saved and printed
    even if its session has ended, and the receiver uses `token` to ignore outcomes that
    are no longer its own.
    """

    finished = Signal(int, object)
    _done = Signal(int, object)  # emitted by the workers; queued to the GUI thread

    def __init__(
        self, parent: QObject | None = None, *, background: bool = True, lanes: int = 1
    ) -> None:
        super().__init__(parent)
        self._pool: QThreadPool | None = None
        self._print_pool: QThreadPool | None = None
        if background:
            self._pool = QThreadPool(self)
            self._pool.setMaxThreadCount(max(1, lanes))  # 1: saved in the order they came
            self._print_pool = QThreadPool(self)
            self._print_pool.setMaxThreadCount(1)  # the printer takes turns anyway
        self._pending = 0
        self._done.connect(self._on_done)

    @property
    def background(self) -> bool:
        return self._pool is not None

    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return self._pending > 0

    def submit(self, job: Job, token: int = 0, *, printing: bool = False) -> None:
        """Run `job` (on the print lane if `printing`); its outcome comes through `finished`."""
        self._pending += 1
        if self._pool is None or self._print_pool is None:
            result = run_job(job)
            while isinstance(result, ThenPrint):
                result = run_job(result.step)
            self._on_done(token, result)
            return
        pool = self._print_pool if printing else self._pool
        pool.start(partial(self._work, job, token))

    def wait(self, timeout_ms: int = -1) -> bool:
        """Block until every job has finished (at exit: no summary is lost); False on timeout."""
        if self._pool is None or self._print_pool is None:
            return True
        saved = bool(self._pool.waitForDone(timeout_ms))  # may still hand a print over
        return bool(self._print_pool.waitForDone(timeout_ms)) and saved

    def _work(self, job: Job, token: int) -> None:
        result = run_job(job)
        if isinstance(result, ThenPrint) and self._print_pool is not None:
            self._print_pool.start(partial(self._work, result.step, token))
            return
        try:
            self._done.emit(token, result)
        except RuntimeError:  # the receiver is gone (the window closed mid-print)
            log_event(_log, "delivery.outcome_dropped", level=logging.WARNING)

    def _on_done(self, token: int, result: Any) -> None:
        self._pending = max(0, self._pending - 1)
        self.finished.emit(token, result)
