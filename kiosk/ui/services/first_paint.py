"""The start-up benchmark's probe: say when the window has painted its first screen, then quit."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class _Probe(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.property("seen"):
            self.setProperty("seen", True)
            QTimer.singleShot(0, self._report)  # after this paint pass is flushed
        return False

    def _report(self) -> None:
        print(f"first-paint cpu={time.process_time():.3f}s", flush=True)
        QApplication.exit(0)  # not quit(): the kiosk refuses to close its window


def quit_after_first_paint(window: QWidget) -> None:
    """Print `first-paint` once `window` has painted its first screen, then quit the app.

    Used by bench/startup.py when the environment has KIOSK_BENCH_FIRST_PAINT=1.
    """
    probe = _Probe(window)
    window.installEventFilter(probe)
