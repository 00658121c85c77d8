"""A hung print server never freezes the kiosk: the real CUPS scheduler is stopped (SIGSTOP)
while a patient finishes; her summary is saved, the result says it did not print, and the
GUI thread never pauses for more than a second. The scheduler is shared: it is stopped for
a few seconds only and always continued."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from kiosk import app
from kiosk.config import Settings
from kiosk.output import SUMMARY_NAME
from kiosk.samples import SAMPLES
from kiosk.ui.services.delivery_runner import DeliveryRunner
from tests.output.conftest import CupsQueue, cups_queue
from tests.ui.conftest import MakeWindow
from tests.ui.driver import tap_name, texts_in, wait_page, walk

__all__ = ["cups_queue"]
pytestmark = pytest.mark.cups
PRINT_TIMEOUT_S = 2.5
HEARTBEAT_MS = 20
WATCHDOG_S = 20  # the longest the shared scheduler can stay stopped


def _cupsd_pids() -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() == "cupsd":
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


class Heartbeat:
    """A QTimer on the GUI thread; the longest gap between its ticks is the longest pause."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.longest = 0.0

    def _tick(self) -> None:
        now = time.monotonic()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.monotonic()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return self.longest


@pytest.fixture
def stopped_cupsd(cups_queue: CupsQueue) -> Iterator[Any]:
    """A function that stops the scheduler; it is always continued after the test."""
    pids = _cupsd_pids()
    if not pids:
        pytest.skip("no cupsd process to stop here")
    stopped: list[int] = []
    watchdogs: list[subprocess.Popen[bytes]] = []

    def stop() -> None:
        # Continued after WATCHDOG_S by another process, even if this one froze or died.
        for pid in pids:
            watchdogs.append(
                subprocess.Popen(
                    ["sh", "-c", f"sleep {WATCHDOG_S}; kill -CONT {pid}"],
                    start_new_session=True,
                )
            )
            os.kill(pid, signal.SIGSTOP)
            stopped.append(pid)

    try:
        yield stop
    finally:
        for pid in stopped:
            os.kill(pid, signal.SIGCONT)
        for watchdog in watchdogs:
            watchdog.kill()
            watchdog.wait()


def test_a_stopped_scheduler_never_freezes_the_screen(
    qtbot: Any,
    make_window: MakeWindow,
    settings: Settings,
    cups_queue: CupsQueue,
    stopped_cupsd: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = Settings(output_dir=settings.output_dir, printer=cups_queue.name)
    window = make_window(
        settings=settings,
        deliver=partial(app.deliver_summary, print_timeout_s=PRINT_TIMEOUT_S),
        runner=DeliveryRunner(background=True),
    )
    walk(qtbot, window, SAMPLES["ready_for_assessment"])
    heartbeat = Heartbeat()
    stopped_cupsd()
    started = time.monotonic()
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    heartbeat.start()  # from her result on: the summary is rendered, saved, and not printed
    not_printed = window.texts.text("en", "summary_not_printed")
    qtbot.waitUntil(lambda: not_printed in texts_in(window), timeout=30_000)
    waited = time.monotonic() - started
    longest = heartbeat.stop()
    saved = [p for p in settings.output_dir.iterdir() if SUMMARY_NAME.fullmatch(p.name)]
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF")
    assert window.session.delivery.problem == "print_failed"
    with capsys.disabled():
        print(f"\nhung cupsd: result after {waited:.1f} s; longest GUI pause {longest:.3f} s")
    assert longest < 1.0
