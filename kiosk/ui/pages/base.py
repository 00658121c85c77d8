"""What every page shares: the context it is built from, and the `Page` base class."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.config import Settings
from kiosk.readiness.questionnaire import Question, QuestionText
from kiosk.session import Session
from kiosk.ui.metrics import Metrics
from kiosk.ui.texts import UiTexts


@dataclass(frozen=True)
class PageContext:
    """Everything a page reads: the session (answers), words, sizes and the clinic's settings."""

    session: Session
    texts: UiTexts
    metrics: Metrics
    settings: Settings
    host: QWidget | None = None  # the window: pages are born inside it, so its style applies

    def tr(self, key: str, **fields: object) -> str:
        return self.texts.text(self.session.language, key, **fields)

    def words(self, question: Question) -> QuestionText:
        return self.texts.question(question, self.session.language)


class Page(QWidget):
    """A full screen; carries the `page_id` property that tests and drivers look for."""

    def __init__(self, ctx: PageContext, page_id: str) -> None:
        super().__init__(ctx.host)
        self.hide()
        self.ctx = ctx
        self.setProperty("page_id", page_id)
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.column = QVBoxLayout(self)
        m = ctx.metrics
        self.column.setContentsMargins(m.margin, m.px(18), m.margin, m.px(18))
        self.column.setSpacing(m.gap)

    @property
    def page_id(self) -> str:
        return str(self.property("page_id"))

    def retranslate(self) -> None:
        """Put every word on the page in the session's current language."""
        raise NotImplementedError
