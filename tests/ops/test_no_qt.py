"""The operations modules stay free of Qt, so staff tasks run without a display."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_ops_modules_do_not_import_qt() -> None:
    code = (
        "import sys\n"
        "import kiosk.paths, kiosk.config, kiosk.staff_pin, kiosk.logs, kiosk.ops_cli\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'\n"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, cwd=root)
