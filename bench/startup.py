"""Cold start and peak memory: the kiosk next to a bare PySide6 window, in the same run.

    python bench/startup.py [--runs 7] [--xvfb] [--frozen DIST]

Each run is a new process, from spawn to the `first-paint` line it prints once its
first screen is painted (KIOSK_BENCH_FIRST_PAINT=1), then it quits. Runs alternate
kiosk, bare, kiosk, ... after one warm-up each (which also compiles the .pyc files;
the disk cache is warm: this is a new process, not a fresh boot). Peak memory is the
child's maximum resident set.
With --frozen DIST the apps built by `make dist` and bench/bare.spec are timed
(DIST/postpartum-run-kiosk/postpartum-run-kiosk and DIST/bare-window/bare-window).
Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from display import platform_name, private_home, screen

ROOT = Path(__file__).resolve().parents[1]
TARGET_RATIO = 1.5


def commands(frozen: Path | None) -> dict[str, list[str]]:
    if frozen is not None:
        return {
            "kiosk": [str(frozen / "postpartum-run-kiosk" / "postpartum-run-kiosk")],
            "bare": [str(frozen / "bare-window" / "bare-window")],
        }
    return {
        "kiosk": [sys.executable, "-m", "kiosk"],
        "bare": [sys.executable, str(ROOT / "bench" / "bare_window.py")],
    }


def run_once(command: list[str], env: dict[str, str], timeout_s: float = 60) -> tuple[float, int]:
    """(seconds from spawn to the first-paint line, peak RSS in KiB) of one start."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert child.stdout is not None
    painted = None
    deadline = start + timeout_s
    for line in child.stdout:
        if line.startswith("first-paint"):
            painted = time.perf_counter() - start
            break
        if time.perf_counter() > deadline:
            break
    child.stdout.close()
    _pid, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if painted is None or child.returncode != 0:
        raise SystemExit(f"{command[-1]}: no first paint (exit {child.returncode})")
    return painted, int(usage.ru_maxrss)


def session_peak(env: dict[str, str], frozen: Path | None) -> int:
    """Peak RSS (KiB) of a whole screening: `--self-test` (window, PDF render, QtPdf check)."""
    command = commands(frozen)["kiosk"] + ["--self-test"]
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit("the self-test failed: run it alone to see why")
    return int(usage.ru_maxrss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--xvfb", action="store_true", help="draw on a private Xvfb (xcb)")
    parser.add_argument("--frozen", type=Path, metavar="DIST", help="time the built apps")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as home, screen(args.xvfb) as shown:
        env = {**os.environ, **private_home(Path(home)), **shown, "KIOSK_BENCH_FIRST_PAINT": "1"}
        env["PYTHONPATH"] = str(ROOT)
        # Compiled once in the warm-up, as an installed app would be (kept out of the tree).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(home) / "pycache")
        apps = commands(args.frozen)
        times: dict[str, list[float]] = {name: [] for name in apps}
        peaks: dict[str, list[int]] = {name: [] for name in apps}
        for command in apps.values():
            run_once(command, env)  # warm-up: page cache, .pyc files
        for _ in range(args.runs):
            for name, command in apps.items():
                seconds, peak = run_once(command, env)
                times[name].append(seconds)
                peaks[name].append(peak)
        env.pop("KIOSK_BENCH_FIRST_PAINT")
        session = session_peak(env, args.frozen)
    kind = "frozen (PyInstaller)" if args.frozen else f"source ({sys.executable})"
    print(f"start-up to first paint, {kind}, {platform_name(shown)}, {args.runs} runs each:")
    for name in apps:
        ms = [t * 1000 for t in times[name]]
        print(
            f"  {name:5}  median {statistics.median(ms):5.0f} ms  "
            f"(min {min(ms):.0f}, max {max(ms):.0f})   "
            f"peak RSS median {statistics.median(peaks[name]) / 1024:5.1f} MiB"
        )
    ratio = statistics.median(times["kiosk"]) / statistics.median(times["bare"])
    memory = statistics.median(peaks["kiosk"]) / statistics.median(peaks["bare"])
    verdict = "within" if ratio <= TARGET_RATIO else "OVER"
    print(
        f"  kiosk / bare: start-up {ratio:.2f}x ({verdict} the {TARGET_RATIO}x target), "
        f"peak RSS {memory:.2f}x"
    )
    print(f"  peak RSS of a whole screening (--self-test, PDF included): {session / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
