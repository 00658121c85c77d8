"""A full screen that says the kiosk cannot start (a bad config), instead of a crash."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kiosk.ui.metrics import Metrics, register_fonts, stylesheet_template
from kiosk.ui.widgets.common import make_label
from kiosk.ui.words import load_texts

SCREEN_MS = 120_000  # then exit (the service manager starts the kiosk again, config re-read)
LANGUAGES = ("en", "es")  # the settings could not be read: every language the kiosk has
TITLE = "This kiosk cannot start"  # if even the language files cannot be read
PLEA = "Please let the front desk know."


def _words() -> list[tuple[str, str, str]]:
    """(objectName, role, text) of each line: title and staff line in English, the plea in all."""
    try:
        texts = load_texts(LANGUAGES)
        title, staff = texts.text("en", "startup_title"), texts.text("en", "startup_staff")
        pleas = [texts.text(language, "startup_patient") for language in LANGUAGES]
    except (OSError, ValueError, KeyError):
        title, staff, pleas = TITLE, "", [PLEA]
    return [
        ("startup_error_title", "urgent_title", title),
        *(("startup_error_patient", "strong", plea) for plea in dict.fromkeys(pleas)),
        ("startup_error_staff", "body", staff),
    ]


class StartupErrorScreen(QWidget):
    """Says the kiosk cannot start, for patients and for staff; `closed` when it is closed."""

    closed = Signal()

    def __init__(self, message: str) -> None:
        super().__init__()
        self.setObjectName("startup_error")
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        register_fonts()
        self._template = stylesheet_template()  # the one stylesheet, sized for the screen
        self._metrics: Metrics | None = None
        self._column = QVBoxLayout(self)
        self._column.addStretch(1)
        for name, role, text in (*_words(), ("startup_error_detail", "help", message)):
            label = make_label(role, text)
            label.setObjectName(name)
            self._column.addWidget(label)
        self._column.addStretch(2)
        self._restyle()

    def _restyle(self) -> None:
        metrics = Metrics.for_size(max(self.width(), 320), max(self.height(), 320))
        if metrics != self._metrics:
            self._metrics = metrics
            self.setStyleSheet(metrics.stylesheet(self._template))
            margin = metrics.margin * 2
            self._column.setContentsMargins(margin, margin, margin, margin)
            self._column.setSpacing(metrics.gap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._restyle()

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
