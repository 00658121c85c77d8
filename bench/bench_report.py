"""Time the PT summary: render (median, p95 of the longest answer set) and the print hand-off.

Wall-clock times count the waits for a busy CPU; the CPU time and the load average printed
beside them tell how much of a figure is the machine's load.

    python bench/bench_report.py [--runs 20] [--printer kiosk-test]

Prints figures only. The print hand-off is timed when the printer exists (the CI's
cups-pdf queue "kiosk-test" by default); the job it sends is a real print.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.readiness import assess  # noqa: E402
from kiosk.report import ReportContext, render  # noqa: E402
from tests.report.samples import LONGEST, LONGEST_URGENT, SCREENED_AT, TODAY  # noqa: E402


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_render(runs: int) -> bytes:
    context = ReportContext(screened_at=SCREENED_AT)
    pdf = b""
    for label, answers in (("longest not_yet", LONGEST), ("longest urgent", LONGEST_URGENT)):
        assessment = assess(answers, today=TODAY)
        start = time.perf_counter()
        render(answers, assessment, context)  # first run: imports, font loading
        first = time.perf_counter() - start
        times, cpu = [], []
        for _ in range(runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            out = render(answers, assessment, context)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        if answers is LONGEST:
            pdf = out
        print(
            f"render {label} ({len(assessment.flags)} flags, {len(out) // 1024} KiB): "
            f"first {first * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms, "
            f"p95 {_percentile(times, 0.95) * 1000:.0f} ms over {runs} runs; "
            f"CPU time median {statistics.median(cpu) * 1000:.0f} ms "
            f"(load average {os.getloadavg()[0]:.1f})"
        )
    return pdf


def bench_print(pdf: bytes, printer_name: str) -> None:
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPrintSupport import QPrinterInfo

    from kiosk.printing import print_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    if QPrinterInfo.printerInfo(printer_name).isNull():
        print(f"print hand-off: skipped (no printer {printer_name!r})")
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "summary.pdf"
        path.write_bytes(pdf)
        start = time.perf_counter()
        result = print_pdf(path, printer_name, job_name="kiosk-bench")
        elapsed = time.perf_counter() - start
    print(f"print hand-off to {printer_name!r}: {elapsed * 1000:.0f} ms, result {result}")
    del app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--printer", default="kiosk-test")
    args = parser.parse_args()
    pdf = bench_render(args.runs)
    bench_print(pdf, args.printer)


if __name__ == "__main__":
    main()
