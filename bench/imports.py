"""What the kiosk imports before its first screen is painted, and what that costs.

    python bench/imports.py [--top 15]

Runs `python -X importtime -m kiosk` (fullscreen, offscreen) with the first-paint probe
(KIOSK_BENCH_FIRST_PAINT=1) and reads the import log up to the `first-paint` line.
Exits 1 if a heavy module that belongs after the first screen was imported before it:
reportlab, Pillow, QtPdf, QtPrintSupport, QtTextToSpeech, QtMultimedia, kiosk.report.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from display import private_home

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "reportlab",
    "PIL",
    "PySide6.QtPdf",
    "PySide6.QtPrintSupport",
    "PySide6.QtTextToSpeech",
    "PySide6.QtMultimedia",
    "kiosk.report",
)


def imports_before_first_paint(env: dict[str, str]) -> list[tuple[str, int, int]]:
    """(module, own µs, cumulative µs) of every import before the first paint, in order."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kiosk"],
        cwd=ROOT,
        env={**env, "KIOSK_BENCH_FIRST_PAINT": "1", "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream: the import lines and first-paint in order
        text=True,
        timeout=120,
        check=False,
    )
    found: list[tuple[str, int, int]] = []
    for line in done.stdout.splitlines():
        if line.startswith("first-paint"):
            return found
        if line.startswith("import time:") and "self [us]" not in line:
            own, total, name = line.split(":", 1)[1].split("|")
            found.append((name.strip(), int(own), int(total)))
    raise SystemExit(f"the kiosk never painted (exit {done.returncode}):\n{done.stdout[-2000:]}")


def heavy(modules: list[tuple[str, int, int]]) -> list[str]:
    return [m for m, _, _ in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as home:
        env = {**os.environ, **private_home(Path(home)), "PYTHONPATH": str(ROOT)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        imports_before_first_paint(env)  # compiles the .pyc files
        modules = imports_before_first_paint(env)
    total = sum(own for _, own, _ in modules) / 1000
    print(f"{len(modules)} modules imported before the first paint, {total:.0f} ms in all")
    print(f"  slowest {args.top} (own time):")
    for name, own, _ in sorted(modules, key=lambda m: -m[1])[: args.top]:
        print(f"    {own / 1000:6.1f} ms  {name}")
    bad = heavy(modules)
    if bad:
        print(f"  heavy before the first paint: {', '.join(bad)}")
        raise SystemExit(1)
    print(f"  none of {', '.join(HEAVY)} before the first paint")


if __name__ == "__main__":
    main()
