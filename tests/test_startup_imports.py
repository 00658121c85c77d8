"""The kiosk paints its first screen before it loads the PDF, printing and speech modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LATER = (
    "reportlab",
    "PIL",
    "kiosk.report",
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
    "PySide6.QtTextToSpeech",
    "PySide6.QtMultimedia",
)


def _start(*args: str) -> list[str]:
    """The kiosk's import log and first-paint line, in the order they happened."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
        "KIOSK_BENCH_FIRST_PAINT": "1",
    }
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kiosk", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    return done.stdout.splitlines()


def _imported(lines: list[str]) -> list[str]:
    return [line.rsplit("|", 1)[1].strip() for line in lines if line.startswith("import time:")]


def test_the_first_paint_comes_before_the_heavy_modules() -> None:
    lines = _start()
    painted = next(i for i, line in enumerate(lines) if line.startswith("first-paint"))
    before = _imported(lines[:painted])
    assert "kiosk.ui.window" in before  # the log is read right
    early = [m for m in before if any(m == h or m.startswith(h + ".") for h in LATER)]
    assert early == []


def test_the_demo_window_starts_as_lean() -> None:
    lines = _start("--windowed")
    painted = next(i for i, line in enumerate(lines) if line.startswith("first-paint"))
    assert not [m for m in _imported(lines[:painted]) if m.startswith(LATER)]
