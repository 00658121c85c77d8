"""The review screen: every answer with a big Change, then Finish."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.readiness.questionnaire import Question
from kiosk.session import REVIEW
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.widgets.common import make_button, make_label
from kiosk.ui.widgets.layouts import PagedList


class ReviewRow(QFrame):
    """One answer: the question's short label, the answer, and Change."""

    def __init__(self, ctx: PageContext, question: Question) -> None:
        super().__init__()
        self.question = question
        self.setProperty("role", "review_row")
        self.setProperty("question_id", question.id)
        m = ctx.metrics
        row = QHBoxLayout(self)
        row.setContentsMargins(m.px(20), m.px(8), m.px(12), m.px(8))
        row.setSpacing(m.gap)
        words = QVBoxLayout()
        words.setSpacing(0)
        self.label = make_label("strong")
        self.answer = make_label("body")
        words.addWidget(self.label)
        words.addWidget(self.answer)
        row.addLayout(words, 1)
        self.change: QPushButton = make_button("change", "secondary", m)
        self.change.setProperty("question_id", question.id)
        self.change.setMinimumWidth(m.px(190))
        row.addWidget(self.change, 0, Qt.AlignmentFlag.AlignVCenter)

    def retranslate(self, ctx: PageContext) -> None:
        lang = ctx.session.language
        self.label.setText(ctx.words(self.question).label)
        value = ctx.session.value(self.question.id)
        self.answer.setText(ctx.texts.answer(self.question, lang, value))
        self.change.setText(ctx.tr("change"))
        self.change.setAccessibleName(f"{ctx.tr('change')}: {self.label.text()}")


class ReviewPage(Page):
    """Every visible answer, in order, in as many pages as the screen needs."""

    change_requested = Signal(str)
    back_requested = Signal()
    finish_requested = Signal()

    def __init__(self, ctx: PageContext) -> None:
        super().__init__(ctx, REVIEW)
        m = ctx.metrics
        self._title = make_label("title")
        self._hint = make_label("help")
        self.column.addWidget(self._title)
        self.column.addWidget(self._hint)
        self.rows = [ReviewRow(ctx, q) for q in ctx.session.visible()]
        self.list = PagedList(
            m,
            ctx.tr,
            min_column_width=m.px(840),
            next_key="review_more",
            previous_key="review_earlier",
            controls_on_top=True,  # paging is not a second Back: it stays away from Back
        )
        self.list.set_items(self.rows)
        self.list.page = ctx.session.review_page
        self.column.addWidget(self.list, 1)
        for row in self.rows:
            row.change.clicked.connect(lambda _=False, q=row.question.id: self._on_change(q))
        nav = QHBoxLayout()
        nav.setSpacing(m.gap)
        self.back = make_button("nav_back", "secondary", m)
        self.finish = make_button("finish", "primary", m)
        for button in (self.back, self.finish):
            button.setMinimumWidth(m.px(240))
        nav.addWidget(self.back)
        nav.addStretch(1)
        nav.addWidget(self.finish)
        self.column.addLayout(nav)
        self.back.clicked.connect(self.back_requested)
        self.finish.clicked.connect(self.finish_requested)
        self.retranslate()

    def retranslate(self) -> None:
        self._title.setText(self.ctx.tr("review_title"))
        self._hint.setText(self.ctx.tr("review_hint"))
        for row in self.rows:
            row.retranslate(self.ctx)
        self.list.retranslate()
        self.list.arrange()
        self.back.setText(f"‹  {self.ctx.tr('back')}")
        self.finish.setText(f"{self.ctx.tr('finish')}  ✓")

    def _on_change(self, question_id: str) -> None:
        self.ctx.session.review_page = self.list.page
        self.change_requested.emit(question_id)
