"""The urgent screen comes at once while the front-desk alert is still out.

    python bench/urgent_alert.py [--rounds 5] [--timeout 2] [--xvfb] [--size 1920x1080]

Drives the real window in this process. Each round a patient ticks a warning sign and
taps Next; the tap is timed from the mouse press to the end of the event-loop pass that
painted the urgent screen. The alert goes out for real (kiosk.alert.send_alert) by SMTP
to a local port that accepts connections and never answers, so it stays pending until
its timeout and one retry: the figures show the screen did not wait for it, and when the
screen changed from "letting the front desk know" to "please go to the front desk now".
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from display import apply, platform_name, private_home, screen

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class PaintWatch:
    """Notes each paint of the urgent page (a filter put on every new page)."""

    def __init__(self, window: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.painted = False
        watch = self

        class _Filter(QObject):
            def eventFilter(self, _watched: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint and window.page_id == "urgent":
                    watch.painted = True
                return False

        self._filter = _Filter(window)
        window.page_changed.connect(
            lambda _page: window.current_page().installEventFilter(self._filter)
        )


def one_round(window: Any, app: Any, watch: PaintWatch) -> tuple[float, bool, float]:
    """(tap to painted ms, alert still pending when painted, tap to alert outcome s)."""
    from kiosk.samples import SAMPLES
    from kiosk.selftest import find_button, tap

    window.reset_session("bench")
    answers = SAMPLES["ready_for_assessment"]
    for question in window.questionnaire.questions:
        if question.id == "warning_signs":
            break
        if question.id in answers and question.shown(window.session.answers):
            window.session.answer(question.id, answers[question.id])
    window.go_to("warning_signs")
    tap(find_button(window, question_id="warning_signs", answer_value="fever"))
    watch.painted = False
    start = time.perf_counter()
    tap(find_button(window, "nav_next"))
    while not watch.painted:
        app.processEvents()
    shown_ms = (time.perf_counter() - start) * 1000
    pending = window.session.alert_state == "pending"
    while window.session.alert_state == "pending":
        app.processEvents()
        time.sleep(0.005)
    outcome_s = time.perf_counter() - start
    return shown_ms, pending, outcome_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=2.0, help="alert timeout_s")
    parser.add_argument("--xvfb", action="store_true", help="draw on a private Xvfb (xcb)")
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)  # the kernel accepts; nobody ever answers
    port = int(listener.getsockname()[1])
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as home, screen(args.xvfb) as shown:
        apply({**private_home(Path(home)), **shown})
        from PySide6.QtWidgets import QApplication

        from kiosk.alert import AlertSettings
        from kiosk.app import build_window
        from kiosk.config import Settings
        from kiosk.selftest import TODAY, wait_page
        from kiosk.ui import Timing

        app = QApplication(sys.argv[:1])
        alert = AlertSettings(
            email_to=("frontdesk@clinic.example",),
            email_from="kiosk@clinic.example",
            smtp_host="127.0.0.1",
            smtp_port=port,
            smtp_security="none",
            timeout_s=args.timeout,
        )

        def deliver(*_args: Any, **_kwargs: Any) -> Any:
            return SimpleNamespace(saved_path=None, printed=True, problem=None)

        long = 3_600_000
        window = build_window(
            Settings(output_dir=Path(home) / "summaries", alert=alert),
            deliver=deliver,
            clock=lambda: TODAY,
            timing=Timing(idle_ms=long, countdown_ms=long, result_ms=long, advance_ms=0),
        )
        window.resize(width, height)
        window.show()
        wait_page(window, "welcome")
        watch = PaintWatch(window)
        one_round(window, app, watch)  # warm-up
        results = [one_round(window, app, watch) for _ in range(args.rounds)]
        window.close()
        del app
    listener.close()
    shown_ms = [r[0] for r in results]
    outcome_s = [r[2] for r in results]
    print(
        f"urgent screen with the alert out, {platform_name(shown)}, window {args.size}, "
        f"alert timeout {args.timeout:g} s (+1 retry), {len(results)} taps:"
    )
    print(
        f"  tap -> urgent screen painted: median {statistics.median(shown_ms):.1f} ms, "
        f"max {max(shown_ms):.1f} ms"
    )
    pending = sum(r[1] for r in results)
    print(f"  alert still pending when the screen was painted: {pending} of {len(results)} taps")
    print(
        f"  tap -> alert outcome on screen: median {statistics.median(outcome_s):.2f} s, "
        f"max {max(outcome_s):.2f} s"
    )


if __name__ == "__main__":
    main()
