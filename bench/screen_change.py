"""Screen change after a tap: from the tap to the next screen painted, median and p95.

    python bench/screen_change.py [--rounds 6] [--xvfb] [--size 1920x1080]

Drives the real window in this process, as `--self-test` does: a scripted patient
taps Start, answers every question (the choice answers advance at once: the 800 ms
pause that shows her choice is set to 0 here), goes Back and on again on every
other question, changes one answer from the review, finishes, taps Done; repeated
for several rounds after one warm-up round. A tap is timed from the mouse press to
the end of the event-loop pass that painted the new page (layout, paint, flush).
The summary is not rendered (a stand-in delivery): bench_report.py times that.
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from display import apply, platform_name, private_home, screen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FRAME_MS = 16.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class Stopwatch:
    """Times taps that change the page: tap, then events until the new page has painted."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.window = window
        self.samples: dict[str, list[tuple[float, str]]] = defaultdict(list)
        self.recording = False
        self._painted = False
        watch = self

        class _Painted(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and watched is window.current_page():
                    watch._painted = True
                return False

        self._filter = _Painted(window)
        window.page_changed.connect(self._on_page_changed)

    def _on_page_changed(self, _page: str) -> None:
        self._painted = False  # only a paint of the new page counts
        self.window.current_page().installEventFilter(self._filter)

    def tap(self, kind: str, button: Any) -> None:
        from PySide6.QtWidgets import QApplication

        from kiosk.ui.driver import DriveError, tap

        app = QApplication.instance()
        before = self.window.page_id
        self._painted = False
        start = time.perf_counter()
        tap(button)
        deadline = start + 5
        while not (self._painted and self.window.page_id != before):
            app.processEvents()
            if time.perf_counter() > deadline:
                raise DriveError(f"no new page painted after {kind} on {before!r}")
        elapsed = (time.perf_counter() - start) * 1000
        if self.recording:
            self.samples[kind].append((elapsed, f"{before} -> {self.window.page_id}"))


def answer(watch: Stopwatch) -> None:
    """Answer the question on screen as the script says, and go on (one timed tap)."""
    from kiosk.selftest import NAME, SCRIPT
    from kiosk.ui.driver import find_button, pick_date, tap, visible

    window = watch.window
    page = window.page_id
    question = window.questionnaire.question("patient_name" if page == "name" else page)
    if question.kind == "name" and not window.session.answered("patient_name"):
        keys = {str(b.property("key")): b for b in visible(window) if b.property("key")}
        for char in NAME.lower():
            tap(keys["space" if char == " " else char])
    elif question.kind == "date" and not window.session.answered(page):
        pick_date(window, date.fromisoformat(SCRIPT[page]))
    elif question.kind == "multi" and not window.session.answered(page):
        tap(find_button(window, question_id=page, answer_value=question.none_option))
    elif question.kind in ("choice", "scale"):
        value = SCRIPT[page]
        shown = "skip" if value is None else str(value)
        watch.tap("answer", find_button(window, question_id=page, answer_value=shown))
        return
    watch.tap("next", find_button(window, "nav_next"))


def one_round(watch: Stopwatch) -> None:
    """Welcome to welcome: every question, Back and on, a change from the review, Done."""
    from kiosk.ui.driver import find_button, visible

    window = watch.window
    watch.tap("start", find_button(window, "start"))
    watch.tap("next", find_button(window, "nav_next"))
    count = 0
    while window.page_id not in ("review", "urgent"):
        if count % 2 == 1:  # Back, and on again
            watch.tap("back", find_button(window, "nav_back"))
            watch.tap("next", find_button(window, "nav_next"))
        count += 1
        answer(watch)
    change = [b for b in visible(window) if b.objectName() == "change"]
    watch.tap("change", change[len(change) // 2])
    answer(watch)
    watch.tap("finish", find_button(window, "finish"))
    watch.tap("done", find_button(window, "done"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--xvfb", action="store_true", help="draw on a private Xvfb (xcb)")
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as home, screen(args.xvfb) as shown:
        apply({**private_home(Path(home)), **shown})
        from PySide6.QtWidgets import QApplication

        from kiosk.app import build_window
        from kiosk.config import Settings
        from kiosk.outcome import DeliveryResult
        from kiosk.samples import TODAY
        from kiosk.ui import Timing
        from kiosk.ui.driver import wait_page

        app = QApplication(sys.argv[:1])

        def deliver(*_args: Any, **_kwargs: Any) -> DeliveryResult:
            return DeliveryResult(saved_path=None, printed=True, problem=None)

        long = 3_600_000
        window = build_window(
            Settings(output_dir=Path(home) / "summaries"),
            deliver=deliver,
            clock=lambda: TODAY,
            timing=Timing(idle_ms=long, countdown_ms=long, result_ms=long, advance_ms=0),
        )
        window.resize(width, height)
        window.show()
        wait_page(window, "welcome")
        watch = Stopwatch(window)
        one_round(watch)  # warm-up
        watch.recording = True
        for _ in range(args.rounds):
            one_round(watch)
        window.close()
        del app
    report(watch.samples, f"{platform_name(shown)}, window {args.size}")


def report(samples: dict[str, list[tuple[float, str]]], where: str) -> None:
    every = [ms for kind in samples.values() for ms, _ in kind]
    print(f"screen change after a tap, {where}, {len(every)} taps:")
    print(
        f"  all      median {statistics.median(every):5.1f} ms   "
        f"p95 {percentile(every, 0.95):5.1f} ms   max {max(every):5.1f} ms   "
        f"({'within' if percentile(every, 0.95) < FRAME_MS else 'OVER'} one {FRAME_MS:.0f} ms frame"
        " at p95)"
    )
    for kind, values in sorted(samples.items(), key=lambda kv: -len(kv[1])):
        ms = [v for v, _ in values]
        print(
            f"  {kind:8} median {statistics.median(ms):5.1f} ms   "
            f"p95 {percentile(ms, 0.95):5.1f} ms   max {max(ms):5.1f} ms   ({len(ms)} taps)"
        )
    slowest: dict[str, list[float]] = defaultdict(list)
    for values in samples.values():
        for ms, change in values:
            slowest[change].append(ms)
    worst = sorted(slowest.items(), key=lambda kv: -statistics.median(kv[1]))[:5]
    print(
        "  slowest changes (median): "
        + ", ".join(f"{change} {statistics.median(ms):.0f} ms" for change, ms in worst)
    )


if __name__ == "__main__":
    main()
