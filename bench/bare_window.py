"""A bare PySide6 window (a label and a button): the yardstick for start-up, memory and size.

    python bench/bare_window.py [--windowed]

With KIOSK_BENCH_FIRST_PAINT=1 it prints `first-paint` once its first screen is painted
and quits, exactly like the kiosk (see kiosk.ui.services.first_paint.quit_after_first_paint).
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class _FirstPaint(QObject):
    """Prints `first-paint` after the window's first paint pass, then quits."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.property("seen"):
            self.setProperty("seen", True)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"first-paint cpu={time.process_time():.3f}s", flush=True)
        QApplication.exit(0)


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    column = QVBoxLayout(window)
    column.addWidget(QLabel("Welcome"))
    column.addWidget(QPushButton("Start"))
    if os.environ.get("KIOSK_BENCH_FIRST_PAINT") == "1":
        window.installEventFilter(_FirstPaint(window))
    if "--windowed" in sys.argv[1:]:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
