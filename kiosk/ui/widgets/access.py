"""Access for every patient: the contrast and read-aloud buttons, and a name for each control."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QWidget,
)

from kiosk.session import Session
from kiosk.ui.metrics import Metrics
from kiosk.ui.services.speech import Speaker, spoken_text
from kiosk.ui.texts import UiTexts
from kiosk.ui.widgets.chrome import TopBar
from kiosk.ui.widgets.common import make_button

# Descriptions (the [ui] key) for controls whose name alone does not say what they do.
HINTS = {
    "text_size": "hint_text_size",
    "contrast": "hint_contrast",
    "read_aloud": "hint_read_aloud",
    "nav_back": "hint_back",
    "nav_next": "hint_next",
    "patient_name": "hint_name",
}
# Keys whose symbol a screen reader would not say well: the [ui] key of their name.
KEY_NAMES = {"'": "key_apostrophe", "-": "key_hyphen"}
_AUTO = "auto_accessible_name"  # the name this module gave, so it can follow the words
_GLYPHS = "‹›✓"


def speaker_icon(button: QPushButton) -> QIcon:
    """A loudspeaker with two sound waves, drawn in the button's own text colour, so that a
    patient who reads little still finds read-aloud (and it follows the contrast theme)."""
    button.ensurePolished()
    side = button.fontMetrics().height()
    width = side + side // 4  # a little air between the speaker and the words
    button.setIconSize(QSize(width, side))
    return _speaker_icon(side, button.palette().color(QPalette.ColorRole.ButtonText).rgba())


@functools.lru_cache(maxsize=32)
def _speaker_icon(side: int, rgba: int) -> QIcon:
    """One icon per size and colour for the whole run. Every page's top bar asks for it: a
    new icon each time would leave a new pixmap in Qt's caches for every page a patient
    sees (about 12 KB a session, measured with heaptrack under bench/soak.py)."""
    width = side + side // 4
    pixmap = QPixmap(width, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    ink = QColor.fromRgba(rgba)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    u = side / 12
    body = QPainterPath()
    body.moveTo(1 * u, 4.5 * u)
    body.lineTo(3.5 * u, 4.5 * u)
    body.lineTo(6.5 * u, 1.5 * u)
    body.lineTo(6.5 * u, 10.5 * u)
    body.lineTo(3.5 * u, 7.5 * u)
    body.lineTo(1 * u, 7.5 * u)
    body.closeSubpath()
    painter.fillPath(body, ink)
    pen = QPen(ink, max(1.0, 1.1 * u))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    centre = QPointF(6.5 * u, 6 * u)
    for radius in (2.5 * u, 4.5 * u):
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.drawArc(box, -50 * 16, 100 * 16)
    painter.end()
    return QIcon(pixmap)


def _plain(text: str) -> str:
    for glyph in _GLYPHS:
        text = text.replace(glyph, " ")
    return " ".join(text.split())


def _page_prompt(widget: QWidget) -> str:
    page = widget.parentWidget()
    while page is not None and page.property("page_id") is None:
        page = page.parentWidget()
    if page is None:
        return ""
    labels = [w for w in page.findChildren(QLabel) if w.property("role") == "prompt"]
    return labels[0].text() if labels else ""


def _spoken_name(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return _plain(widget.text())
    if isinstance(widget, QLineEdit):
        return _page_prompt(widget) or widget.placeholderText()
    parent = widget.parentWidget()
    labels = parent.findChildren(QLabel) if parent is not None else []
    progress = [w.text() for w in labels if w.property("role") == "progress"]
    return progress[0] if progress else ""


def name_controls(root: QWidget, tr: Callable[[str], str]) -> None:
    """Give every control under `root` a name in the current language, and a description
    where one helps. Names a page set itself (answers, steppers, Change) are kept."""
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit | QProgressBar):
            continue
        current = widget.accessibleName()
        if not current or current == widget.property(_AUTO):
            key = KEY_NAMES.get(str(widget.property("key")))
            name = tr(key) if key is not None else _spoken_name(widget)
            widget.setAccessibleName(name)
            widget.setProperty(_AUTO, name)
        hint = HINTS.get(widget.objectName())
        if hint is not None:
            widget.setAccessibleDescription(tr(hint))


class AccessHost(Protocol):
    """What the access controls use of the kiosk window (`KioskWindow` is one); the window
    also calls `page_changed()` and `speaker.stop()` when its page or session changes."""

    texts: UiTexts
    session: Session

    def current_page(self) -> QWidget:
        """The page on screen."""

    def window(self) -> QWidget:
        """The top-level widget (Qt's `QWidget.window()`) whose controls get names."""


class AccessControls(QObject):
    """Adds `contrast` and `read_aloud` to each new top bar and keeps them in step.

    Read-aloud is offered once the speaker finds an engine (looked for after the first
    paint, never at start-up), and hidden where no voice speaks the patient's language.
    """

    contrast_clicked = Signal()

    def __init__(self, host: AccessHost, speaker: Speaker) -> None:
        window = host.window()
        super().__init__(window)
        self._host, self._window = host, window
        self.speaker = speaker
        speaker.setParent(self)
        self.contrast: QPushButton | None = None
        self.read_aloud: QPushButton | None = None
        self._looked = False  # looked for a speech engine yet (after the first paint)
        speaker.speaking_changed.connect(self._on_speaker_speaking_changed)
        speaker.failed.connect(self.retranslate)
        window.installEventFilter(self)  # the engine is looked for once the window has painted

    def attach(self, bar: TopBar, metrics: Metrics) -> None:
        """Put the two buttons on a freshly built top bar (read-aloud leftmost)."""
        self.contrast = make_button("contrast", "secondary", metrics)
        self.read_aloud = make_button("read_aloud", "secondary", metrics)
        for button in (self.contrast, self.read_aloud):
            bar.add_button(button)
        self.contrast.clicked.connect(self.contrast_clicked)
        self.read_aloud.clicked.connect(self._on_read_aloud_clicked)
        self.read_aloud.setVisible(self._offered())

    @property
    def looked(self) -> bool:
        """Whether the speaker has looked for an engine yet."""
        return self._looked

    def _tr(self, key: str) -> str:
        return self._host.texts.text(self._host.session.language, key)

    def _offered(self) -> bool:
        return self._looked and self.speaker.can_speak(self._host.session.language)

    def retranslate(self) -> None:
        """The bar's words in the current language; read-aloud shown only where it can speak."""
        if self.contrast is None or self.read_aloud is None:
            return
        contrast = "contrast_off" if self._host.session.high_contrast else "contrast_on"
        self.contrast.setText(self._tr(contrast))
        reading = self.speaker.is_speaking()
        self.read_aloud.setText(self._tr("read_stop" if reading else "read_aloud"))
        self.read_aloud.setIcon(speaker_icon(self.read_aloud))
        self.read_aloud.setVisible(self._offered())
        name_controls(self._window, self._tr)

    def language_changed(self) -> None:
        """After the page took the new language: stop reading the old one, rename controls."""
        self.speaker.stop()
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._window:
            # Loading Qt's speech module (and QtMultimedia) waits until the first screen
            # is up: a timer started before the first paint would fire before it.
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._on_engine_search)
        return False

    def _on_engine_search(self) -> None:
        self._looked = True
        self.retranslate()

    def page_changed(self, _page: str = "") -> None:
        """A new page is on screen: stop reading the old one, name the new controls."""
        self.speaker.stop()
        name_controls(self._window, self._tr)

    def _on_read_aloud_clicked(self) -> None:
        if self.speaker.is_speaking():
            self.speaker.stop()
            return
        text = spoken_text(self._host.current_page())
        if not self.speaker.speak(text, self._host.session.language):
            self.retranslate()  # no voice for this language after all: the button goes

    def _on_speaker_speaking_changed(self, _speaking: bool) -> None:
        self.retranslate()
