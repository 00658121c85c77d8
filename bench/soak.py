"""Soak: N patient sessions through the real kiosk window, offscreen; memory and widgets.

    python bench/soak.py [--sessions 600] [--real-delivery] [--size 1920x1080] [--trim]

Each session taps through the real window with the kiosk's driver (kiosk/ui/driver.py),
cycling through finishes with each status (ending with Done, or with the result
screen's own timeout), idle wipes after the warning, and urgent exits. Summaries are
delivered on the worker thread as in the kiosk: a fake delivery by default, or with
--real-delivery the real render and save (into a temp folder, deleted after) with
printing faked. Every 50 sessions the staff PIN pad is opened and closed as well.
The window hands freed heap back after each session, as the kiosk does (kiosk/memory.py).

Every 50 sessions it prints the process's resident memory (VmRSS) and the number of
live widgets; at the end the growth after the warm-up: the first 100 sessions, and at
least the first minute. Thirty seconds after its first use, Qt's pixmap cache sends its
first clean-up event through the kiosk's application event filters, and PySide then
builds its Python types for every Qt class once (about 3 MB, measured with heaptrack):
a step the kiosk takes once in its first minute, not growth. The soak also prints the
growth from session 100 itself. It exits 1 if memory grew by 5 MB or more, or the
widget count grew. Each figure is taken
after the freed heap went back to the system, as the kiosk does after each session.
With --trim it also empties Qt's pixmap cache first, which tells a bounded cache from
a real leak (still growing).
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import (  # noqa: E402
    QEvent,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QPixmapCache  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk import app as kiosk_app  # noqa: E402
from kiosk import memory  # noqa: E402
from kiosk.config import Settings  # noqa: E402
from kiosk.outcome import DeliveryResult, PrintResult  # noqa: E402
from kiosk.samples import SAMPLES, TODAY  # noqa: E402
from kiosk.ui import Timing, driver  # noqa: E402
from kiosk.ui.staff.panel import StaffAccess  # noqa: E402

EVERY = 50
WARM_UP = 100
WARM_UP_S = 60.0  # Qt's pixmap cache cleans up 30 s after first use (see above)
LIMIT_KB = 5 * 1024
NAMES = ("Ana María López", "Zoé O'Brien-Núñez", "Keisha Washington", "Lin Chen")
# The waits are long (nothing interrupts a walk); idle wipes start the warning at once.
TIMING = Timing(idle_ms=600_000, countdown_ms=60, result_ms=600_000, advance_ms=1, trim_ms=20)
KINDS = (
    "ready_for_assessment",
    "build_foundation",
    "idle",
    "not_yet",
    "urgent",
    "result_timeout",
)


def quiet_offscreen(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages on stderr, except the offscreen platform's one per shown page."""
    if "propagateSizeHints" not in message:
        sys.stderr.write(f"{message}\n")


def rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    import resource  # not Linux: the peak instead of the current size

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def settle(trim: bool = False) -> None:
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
    gc.collect()
    if trim:  # tells a bounded cache from a leak
        QPixmapCache.clear()
    # What the kiosk does a moment after each session (kiosk/memory.py): measured after it,
    # not before, so the figure is what the kiosk keeps between patients.
    memory.release_free_memory()


def fake_deliver(answers: dict[str, Any], assessment: Any, **_kwargs: Any) -> DeliveryResult:
    return DeliveryResult(saved_path=Path("summary.pdf"), printed=True, problem=None)


def fake_printer(path: Path, printer_name: str, **_kwargs: Any) -> PrintResult:
    return PrintResult(ok=path.is_file())


def answers_for(kind: str, number: int) -> dict[str, Any]:
    sample = {"idle": "ready_for_assessment", "urgent": "ready_for_assessment"}
    base = SAMPLES[sample.get(kind, "build_foundation" if kind == "result_timeout" else kind)]
    answers = {**base, "patient_name": NAMES[number % len(NAMES)]}
    if kind == "urgent":
        answers["warning_signs"] = ["fever"] if number % 2 else ["fever", "self_harm"]
    return answers


def session(window: Any, kind: str, number: int) -> None:
    answers = answers_for(kind, number)
    if kind == "idle":
        driver.tap_name(window, "start")
        driver.tap_name(window, "nav_next")
        for step in ("patient_name", "baby_birth_date", "delivery"):
            driver.answer_page(window, answers[step])
        window.idle.warn_now()  # as if she walked away: the warning, then the wipe
    else:
        driver.walk(window, answers)
        if kind != "urgent":
            driver.tap_name(window, "finish")
            driver.wait_page(window, "result")
        pending = window.texts.text(window.session.language, "summary_pending")
        shown = lambda: pending not in driver.texts_in(window.current_page())  # noqa: E731
        driver.wait_until(shown, "the summary's outcome")
        if kind == "result_timeout":
            window.idle.warn_now()  # the result screen's own timeout, without the wait
        else:
            driver.tap_name(window, "done")
    driver.wait_page(window, "welcome")


def staff_round(staff: StaffAccess) -> None:
    staff.open_pad()
    driver.tap_name(staff.parent(), "staff_pin_cancel")
    driver.wait_until(lambda: not staff.showing, "the pad to close")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=600)
    parser.add_argument("--real-delivery", action="store_true")
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument(
        "--trim",
        action="store_true",
        help="before each measurement, empty Qt's pixmap cache",
    )
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    qInstallMessageHandler(quiet_offscreen)  # 5,000 sessions would print it 50,000 times
    app = QApplication.instance() or QApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    settings = Settings(output_dir=folder / "summaries")
    deliver: Callable[..., Any] = fake_deliver
    if args.real_delivery:
        from kiosk.delivery import deliver_summary

        deliver = partial(deliver_summary, printer=fake_printer)
    window = kiosk_app.build_window(
        settings, deliver=deliver, clock=lambda: TODAY, timing=TIMING, background=True
    )
    staff = StaffAccess(window, settings, on_exit=lambda: None)
    window.resize(width, height)
    window.show()
    print(
        f"soak: {args.sessions} sessions, {width}x{height}, "
        f"{'real render+save' if args.real_delivery else 'fake'} delivery",
        flush=True,
    )
    print(f"{'sessions':>8} {'rss_kb':>9} {'widgets':>8} {'objects':>9} {'threads':>7} {'s':>7}")
    marks: dict[int, tuple[int, int, float]] = {}
    started = time.monotonic()
    try:
        for number in range(1, args.sessions + 1):
            session(window, KINDS[(number - 1) % len(KINDS)], number)
            if number % EVERY == 0:
                staff_round(staff)
                window.delivery_runner.wait()
                settle(args.trim)
                rss, widgets = rss_kb(), len(QApplication.allWidgets())
                marks[number] = (rss, widgets, time.monotonic() - started)
                print(
                    f"{number:>8} {rss:>9} {widgets:>8} {len(gc.get_objects()):>9} "
                    f"{threading.active_count():>7} {time.monotonic() - started:>7.1f}",
                    flush=True,
                )
    finally:
        window.delivery_runner.wait()
        window.close()
        window.deleteLater()
        settle()
        shutil.rmtree(folder, ignore_errors=True)
    if not marks:
        print("soak: no measurement (fewer than 50 sessions)")
        return 1
    warmed = [n for n, mark in marks.items() if n >= WARM_UP and mark[2] >= WARM_UP_S]
    start = min(warmed) if warmed else max(marks)
    last = marks[max(marks)]
    if WARM_UP in marks and start != WARM_UP:
        from_100 = last[0] - marks[WARM_UP][0]
        print(f"growth from session {WARM_UP}: rss {from_100:+d} kB ({from_100 / 1024:+.1f} MB)")
    grew_kb, grew_widgets = last[0] - marks[start][0], last[1] - marks[start][1]
    print(
        f"growth over {max(marks) - start} sessions after warm-up "
        f"(session {start}, {marks[start][2]:.0f} s): "
        f"rss {grew_kb:+d} kB ({grew_kb / 1024:+.1f} MB), widgets {grew_widgets:+d}"
    )
    ok = grew_kb < LIMIT_KB and grew_widgets <= 0
    print("soak: ok" if ok else "soak: LEAK (>= 5 MB or more widgets)")
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
