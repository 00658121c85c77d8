"""A full screen that says the kiosk cannot start (a bad config), instead of a crash."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

SCREEN_MS = 120_000  # then exit (the service manager starts the kiosk again, config re-read)
TITLE = "This kiosk cannot start"
PATIENT_LINE = "Please let the front desk know."
STAFF_LINE = (
    "For staff: the settings file has a mistake. Fix it, check it with --check-config, "
    "then restart the kiosk (or wait: it tries again by itself in a few minutes)."
)
_STYLE = """
QWidget#startup_error { background-color: #FBF6EF; }
QLabel { color: #2A2420; font-family: "DejaVu Sans"; font-size: 28px; }
QLabel#startup_error_title { font-size: 46px; font-weight: bold; color: #8A2B12; }
QLabel#startup_error_detail { font-family: "DejaVu Sans Mono", monospace; font-size: 22px; }
"""


class StartupErrorScreen(QWidget):
    """Says the kiosk cannot start, for patients and for staff; `closed` when it is closed."""

    closed = Signal()

    def __init__(self, message: str) -> None:
        super().__init__()
        self.setObjectName("startup_error")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(_STYLE)
        column = QVBoxLayout(self)
        column.setContentsMargins(64, 64, 64, 64)
        column.setSpacing(32)
        column.addStretch(1)
        for name, text in (
            ("startup_error_title", TITLE),
            ("startup_error_patient", PATIENT_LINE),
            ("startup_error_staff", STAFF_LINE),
            ("startup_error_detail", message),
        ):
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            column.addWidget(label)
        column.addStretch(2)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


def show_startup_error(
    message: str, *, timeout_ms: int = SCREEN_MS, fullscreen: bool = True
) -> None:
    """Show `message` full screen until the screen is closed or `timeout_ms` has passed.

    A QApplication must exist. Returns when the screen is gone.
    """
    screen = StartupErrorScreen(message)
    loop = QEventLoop()
    screen.closed.connect(loop.quit)
    timer = QTimer(screen)
    timer.setSingleShot(True)
    timer.timeout.connect(screen.close)
    timer.start(timeout_ms)
    if fullscreen:
        screen.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        screen.showFullScreen()
    else:
        screen.show()
    loop.exec()
    timer.stop()
    screen.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
