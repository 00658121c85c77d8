"""The two entry screens: the name (on-screen keyboard) and the baby's birth date (taps)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk.readiness.questionnaire import Question
from kiosk.readiness.validate import has_visible_text
from kiosk.ui.pages.base import PageContext
from kiosk.ui.pages.questions import QuestionPage
from kiosk.ui.widgets.common import make_label
from kiosk.ui.widgets.datepicker import DAYS, BirthDatePicker
from kiosk.ui.widgets.keyboard import OnScreenKeyboard

MAX_NAME = 60
MAX_YEARS_BACK = 5


class NamePage(QuestionPage):
    """Her name, typed only on the kiosk's own keyboard; 1-60 characters."""

    def __init__(self, ctx: PageContext, question: Question) -> None:
        super().__init__(ctx, question)
        m = ctx.metrics
        self.field = QLineEdit()
        self.field.setObjectName("patient_name")
        self.field.setMaxLength(MAX_NAME)
        self.field.setMinimumHeight(m.px(96))
        # No focus and no input method: no operating-system keyboard ever pops up.
        self.field.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.field.setAcceptDrops(False)
        session = ctx.session
        start = session.drafts.get(question.id, session.value(question.id) or "")
        self.field.setText(str(start)[:MAX_NAME])
        self.keyboard = OnScreenKeyboard(self.field, m, lambda key: ctx.tr(key))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(m.px(28))
        column.addWidget(self.field)
        column.addStretch(1)  # the keys sit low, where a thumb reaches with a baby in the arm
        column.addWidget(self.keyboard)
        box.setMaximumWidth(m.px(1300))
        self.field.textChanged.connect(self._on_field_text_changed)
        centred = QWidget()
        row = QHBoxLayout(centred)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(box, 100)
        row.addStretch(1)
        self.add_content(centred, forward=True)
        self._on_field_text_changed(self.field.text())
        self.retranslate()

    def retranslate_content(self) -> None:
        self.field.setPlaceholderText(self.ctx.tr("name_placeholder"))
        self.keyboard.retranslate()

    def name(self) -> str:
        """What she typed, trimmed; "" if nothing of it shows (spaces, zero-width, NUL)."""
        text = self.field.text().strip()
        return text if has_visible_text(text) else ""

    def _on_field_text_changed(self, text: str) -> None:
        self.ctx.session.drafts[self.question.id] = text
        self.nav.next.setEnabled(bool(self.name()))

    def _on_back_clicked(self) -> None:
        if self.name():
            self.answer_selected.emit(self.question.id, self.name())
        self.back_requested.emit()

    def _on_next_clicked(self) -> None:
        if self.name():
            self.answer_selected.emit(self.question.id, self.name())
            self.next_requested.emit()


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DatePage(QuestionPage):
    """The baby's birth date: not after today, not more than 5 years before it."""

    def __init__(self, ctx: PageContext, question: Question) -> None:
        super().__init__(ctx, question)
        today = _qdate(ctx.session.today)
        stored = ctx.session.value(question.id)
        initial = QDate.fromString(stored, Qt.DateFormat.ISODate) if stored else None
        self.picker = BirthDatePicker(
            ctx.metrics,
            today.addYears(-MAX_YEARS_BACK),
            today,
            ctx.tr,
            lambda: ctx.texts.months(ctx.session.language),
            initial,
        )
        self._age = make_label("body")
        self._age.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(ctx.metrics.px(28))
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.picker, 100)
        centred.addStretch(1)
        column.addWidget(self._age)
        column.addLayout(centred)
        column.addStretch(1)
        self.picker.date_changed.connect(self._on_picker_date_changed)
        self.picker.view_changed.connect(self._show_age)
        self.add_content(box, forward=True)
        self.retranslate()

    def retranslate_content(self) -> None:
        self.picker.retranslate()
        self._show_age()

    def _show_age(self) -> None:
        self.nav.next.setEnabled(self.picker.is_set)
        if not self.picker.is_set:
            key = "date_pick_day" if self.picker.view == DAYS else "date_pick_month"
            self._age.setText(self.ctx.tr(key))
            return
        picked = self.picker.get_date()
        born = date(picked.year(), picked.month(), picked.day())
        days = (self.ctx.session.today - born).days
        if days < 7:
            text = self.ctx.tr("date_age_days")
        elif days < 14:
            text = self.ctx.tr("date_age_week")
        elif days < 16 * 7:
            text = self.ctx.tr("date_age_weeks", weeks=days // 7)
        else:
            text = self.ctx.tr("date_age_months", months=round(days / 30.44))
        self._age.setText(text)

    def _on_picker_date_changed(self, value: QDate) -> None:
        self.answer_selected.emit(self.question.id, value.toString(Qt.DateFormat.ISODate))
        self._show_age()
