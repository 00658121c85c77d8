"""The first two screens: welcome (Start) and the short privacy note."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton

from kiosk.session import PRIVACY, WELCOME
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.widgets.common import NavRow, make_button, make_label


class WelcomePage(Page):
    """The clinic's name, a warm line, and one big start button per language, each in its
    own words ("Start in English", "Empezar en español").

    The first language's button is named `start`, the others `start_<language>`; each
    carries the dynamic property `language`.
    """

    started = Signal(str)  # the language she started in

    def __init__(self, ctx: PageContext, languages: Sequence[str]) -> None:
        super().__init__(ctx, WELCOME)
        m = ctx.metrics
        self._title = make_label("title")
        self._line = make_label("body")
        self._time = make_label("help")
        for label in (self._title, self._line, self._time):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.starts: list[QPushButton] = []
        for index, language in enumerate(languages):
            button = make_button("start" if index == 0 else f"start_{language}", "primary", m)
            button.setProperty("language", language)
            button.setMinimumSize(m.px(620), m.px(128))
            button.clicked.connect(lambda _=False, lang=language: self.started.emit(lang))
            self.starts.append(button)
        self.start = self.starts[0]
        self.column.addStretch(2)
        self.column.addWidget(self._title)
        self.column.addSpacing(m.gap)
        self.column.addWidget(self._line)
        self.column.addWidget(self._time)
        self.column.addSpacing(m.px(40))
        for button in self.starts:
            self.column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.column.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.ctx.tr("welcome_title", clinic=self.ctx.settings.clinic_name))
        self._line.setText(self.ctx.tr("welcome_line"))
        self._time.setText(self.ctx.tr("welcome_time"))
        for button in self.starts:  # each in its own language, whatever is showing
            language = str(button.property("language"))
            button.setText(self.ctx.texts.text(language, "start_in"))


class PrivacyPage(Page):
    """What is asked, who sees it, how long the file is kept (the retention setting), and
    that the screen clears itself."""

    back_requested = Signal()
    next_requested = Signal()

    _KEYS = ("privacy_what", "privacy_who", "privacy_keep", "privacy_clears", "privacy_change")

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, PRIVACY)
        self._title = make_label("title")
        self._lines = [make_label("body") for _ in self._KEYS]
        self.column.addStretch(1)
        self.column.addWidget(self._title)
        self.column.addSpacing(ctx.metrics.gap)
        for label in self._lines:
            self.column.addWidget(label)
        self.column.addStretch(2)
        self.nav = NavRow(ctx.metrics)
        self.column.addWidget(self.nav)
        self.nav.back_requested.connect(self.back_requested)
        self.nav.next_requested.connect(self.next_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.ctx.tr("privacy_title"))
        for label, key in zip(self._lines, self._KEYS, strict=True):
            words = self.ctx.tr(key, days=self.ctx.settings.retention_days)
            label.setText(f"•  {words}")
        self.nav.set_texts(self.ctx.tr("back"), self.ctx.tr("continue"))
