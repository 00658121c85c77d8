"""What sits around every page: the top bar (language, text size) and the idle warning."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets.common import make_button, make_label

EXTRA_SLOTS = 2  # room kept for the contrast and read-aloud buttons


class TopBar(QFrame):
    """Language and text size on the right; `add_button` puts later buttons before them
    (on a portrait screen, in a second row below them)."""

    language_clicked = Signal()
    text_size_clicked = Signal()

    def __init__(self, metrics: Metrics) -> None:
        super().__init__()
        self.setProperty("role", "top_bar")
        self._metrics = metrics
        rows = QVBoxLayout(self)
        pad = metrics.px(12)
        rows.setContentsMargins(metrics.margin, pad, metrics.margin, pad)
        rows.setSpacing(metrics.gap)
        self._row = QHBoxLayout()
        # A portrait screen is too narrow for four buttons: added ones get a second row.
        self._extra_row = QHBoxLayout() if metrics.portrait else self._row
        for row in dict.fromkeys((self._row, self._extra_row)):
            row.setSpacing(metrics.gap)
            row.addStretch(1)
            rows.addLayout(row)
        self.language: QPushButton = make_button("language", "secondary", metrics)
        self.text_size: QPushButton = make_button("text_size", "secondary", metrics)
        for button in (self.language, self.text_size):
            button.setMinimumWidth(metrics.px(200))
            self._row.addWidget(button)
        self.language.clicked.connect(self.language_clicked)
        self.text_size.clicked.connect(self.text_size_clicked)

    def add_button(self, button: QPushButton) -> None:
        """Add one more bar button (e.g. `contrast`, `read_aloud`), left of the others."""
        button.setMinimumSize(self._metrics.control, self._metrics.control)
        self._extra_row.insertWidget(1, button)

    def set_texts(self, language: str, language_hint: str, text_size: str) -> None:
        self.language.setText(language)
        self.language.setAccessibleName(f"{language_hint}: {language}")
        self.text_size.setText(text_size)


def centred_card(
    overlay: QWidget, metrics: Metrics, *, width: int, pad: int, spacing: int
) -> tuple[QFrame, QVBoxLayout]:
    """Lay out `overlay` as a card centred in the window; the card and its column."""
    outer = QVBoxLayout(overlay)
    outer.setContentsMargins(metrics.margin, metrics.margin, metrics.margin, metrics.margin)
    card = QFrame()
    card.setProperty("role", "card")
    card.setMaximumWidth(metrics.px(width))
    column = QVBoxLayout(card)
    column.setContentsMargins(metrics.px(pad), metrics.px(pad), metrics.px(pad), metrics.px(pad))
    column.setSpacing(metrics.px(spacing))
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card, 100)
    row.addStretch(1)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(1)
    return card, column


class IdleOverlay(QWidget):
    """Covers the window: "Are you still there?", a countdown, and "I'm still here"."""

    still_here_confirmed = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("idle_overlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        card, column = centred_card(self, metrics, width=1100, pad=48, spacing=28)
        card.setMinimumWidth(metrics.px(900))
        self.title = make_label("title")
        self.body = make_label("body")
        self.button: QPushButton = make_button("still_here", "primary", metrics)
        self.button.setMinimumSize(metrics.px(480), metrics.px(120))
        column.addWidget(self.title)
        column.addWidget(self.body)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button.clicked.connect(self.still_here_confirmed)
        self.hide()

    def set_texts(self, title: str, body: str, button: str) -> None:
        self.title.setText(title)
        self.body.setText(body)
        self.button.setText(button)
