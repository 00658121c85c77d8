"""The screen the benchmarks draw on: offscreen, or a private Xvfb X server (`--xvfb`)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

SCREEN = "1920x1080x24"
_SOCKETS = Path("/tmp/.X11-unix")


def _free_display() -> int:
    for number in range(90, 200):
        if not (_SOCKETS / f"X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number between :90 and :199")


@contextlib.contextmanager
def screen(xvfb: bool) -> Iterator[dict[str, str]]:
    """Environment variables for Qt: a started Xvfb (xcb), else the offscreen platform."""
    if not xvfb:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("--xvfb: Xvfb is not installed (apt-get install xvfb)")
    number = _free_display()
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", SCREEN, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not (_SOCKETS / f"X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"Xvfb :{number} did not start")
            time.sleep(0.05)
        yield {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def platform_name(env: dict[str, str]) -> str:
    return "xcb on Xvfb " + SCREEN if env.get("DISPLAY") else "offscreen"


def private_home(root: Path) -> dict[str, str]:
    """XDG folders in `root`: the benchmarks read no real config and write no real logs."""
    env = {}
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        folder = root / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    return env


def apply(env: dict[str, str]) -> None:
    """Put `env` into this process's environment (for in-process benchmarks)."""
    os.environ.update(env)
