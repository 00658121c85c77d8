"""Guard for the pinned PySide6: Qt calls that return None, many times over, must not abort.

PySide6 6.12.0 on Python 3.11 miscounts references to None and a long-running kiosk
dies with "Fatal Python error: none_dealloc". The pin (6.11.3) does not; this keeps it so.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

SCRIPT = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    window = QWidget()
    for _ in range({CALLS}):
        assert window.parentWidget() is None
        assert QApplication.focusWidget() is None
        assert window.findChild(QWidget, "no-such-widget") is None
        assert window.findChild(QObject, "no-such-object") is None
        assert window.property("missing") is None
        assert window.layout() is None
    window.deleteLater()
    print("survived", sys.getrefcount(None) > 0)
    """
)


def test_none_returning_qt_calls_do_not_kill_the_process() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived True"
