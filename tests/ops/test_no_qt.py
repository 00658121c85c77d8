"""The modules below the UI load no Qt, so staff tasks and the report run without a display."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import kiosk

ROOT = Path(__file__).resolve().parents[2]
# The UI, and the entry points that start it (they load Qt only when they run it).
QT_ALLOWED = ("kiosk.ui", "kiosk.__main__")


def _below_ui() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(kiosk.__path__, "kiosk.")]
    return sorted(n for n in names if not n.startswith(QT_ALLOWED))


def test_the_modules_below_the_ui_are_found() -> None:
    names = _below_ui()
    assert {"kiosk.config", "kiosk.printing", "kiosk.delivery", "kiosk.report.document"} <= set(
        names
    )
    assert not [n for n in names if n.startswith("kiosk.ui")]


def test_no_module_below_the_ui_imports_qt_when_loaded() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {_below_ui()!r}:\n"
        "    importlib.import_module(name)\n"
        "    qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "    assert not qt, f'{name} loads Qt'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
