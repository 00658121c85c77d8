"""One question per screen: the shared frame, and the single-choice and multi-select pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from kiosk.readiness.questionnaire import SKIP, Question
from kiosk.session import page_id
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.widgets.common import AnswerButton, NavRow, make_label
from kiosk.ui.widgets.layouts import AnswerGrid


class QuestionPage(Page):
    """Progress, the question, its help line, the answers (added by subclasses), Back/Next."""

    answer_selected = Signal(str, object)
    back_requested = Signal()
    next_requested = Signal()

    def __init__(self, ctx: PageContext, question: Question, screen: int = 1) -> None:
        super().__init__(ctx, page_id(question.id, screen))
        self.question = question
        progress = QWidget()
        stack = QVBoxLayout(progress)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(0)
        self._progress_text = make_label("progress")  # wraps before it squeezes Next
        self._progress_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._progress_bar = QProgressBar()
        self._progress_bar.setTextVisible(False)
        stack.addWidget(self._progress_text)
        stack.addWidget(self._progress_bar)
        self._prompt = make_label("prompt")
        self._help = make_label("help")
        self.column.addWidget(self._prompt)
        self.column.addWidget(self._help)
        self.nav = NavRow(ctx.metrics, centre=progress)
        self.nav.back_requested.connect(self._on_back_clicked)
        self.nav.next_requested.connect(self._on_next_clicked)

    def add_content(self, content: QWidget, *, forward: bool) -> None:
        """Place the answers between the question and the nav row; show Next if asked."""
        self.column.addWidget(content, 1)
        self.column.addWidget(self.nav)
        self.nav.next.setVisible(forward)

    def retranslate(self) -> None:
        session = self.ctx.session
        part, parts, part_id = session.part(self.question.id)
        title = session.questionnaire.parts[part - 1].title(session.language) if part_id else ""
        self._progress_text.setText(self.ctx.tr("progress", n=part, total=parts, part=title))
        n, total = session.progress(self.question.id)  # the bar moves with every question
        self._progress_bar.setRange(0, total)
        self._progress_bar.setValue(n)
        words = self.ctx.words(self.question)
        self._prompt.setText(words.prompt)
        self._help.setText(words.help or self.help_fallback())
        self._help.setVisible(bool(self._help.text()))
        self.nav.set_texts(self.ctx.tr("back"), self.ctx.tr("next"))
        self.retranslate_content()

    def help_fallback(self) -> str:
        return ""

    def retranslate_content(self) -> None:
        """Subclasses put their answer words in the current language."""

    def _on_back_clicked(self) -> None:
        self.back_requested.emit()

    def _on_next_clicked(self) -> None:
        self.next_requested.emit()


class ChoicePage(QuestionPage):
    """Single choice (and the 0-3 mood scale with its Skip button): one tap answers.

    After that tap the page takes no more taps (`answered_now`): the choice shows with its
    tick until the window moves on, and a second tap cannot answer twice.
    """

    def __init__(self, ctx: PageContext, question: Question) -> None:
        super().__init__(ctx, question)
        m = ctx.metrics
        self.answered_now = False
        self.buttons = [AnswerButton(question.id, value, m) for value in question.options]
        footer = None
        if question.kind == "scale":
            footer = AnswerButton(question.id, SKIP, m)
            footer.setProperty("variant", "quiet")
            self.buttons.append(footer)
        grid = AnswerGrid(self.buttons[:-1] if footer else self.buttons, m, footer=footer)
        answered = ctx.session.answered(question.id)
        current = self._as_value(ctx.session.value(question.id)) if answered else None
        for button in self.buttons:
            button.set_selected(button.value == current)
            button.clicked.connect(lambda _=False, b=button: self._on_answer_clicked(b))
        self.add_content(grid, forward=answered)
        self.retranslate()

    @staticmethod
    def _as_value(stored: Any) -> str:
        return SKIP if stored is None else str(stored)

    def retranslate_content(self) -> None:
        words = self.ctx.words(self.question)
        for button in self.buttons:
            button.set_words(words.options[button.value], words.option_help.get(button.value, ""))

    def _on_answer_clicked(self, chosen: AnswerButton) -> None:
        if self.answered_now:
            return
        self.answered_now = True
        for button in self.buttons:
            button.set_selected(button is chosen)
        value: Any = chosen.value
        if self.question.kind == "scale":
            value = None if value == SKIP else int(value)
        self.answer_selected.emit(self.question.id, value)

    def _on_back_clicked(self) -> None:
        if not self.answered_now:
            super()._on_back_clicked()

    def _on_next_clicked(self) -> None:
        if not self.answered_now:
            super()._on_next_clicked()


class MultiPage(QuestionPage):
    """Tick every answer that applies, or "None of these"; Next confirms.

    A question whose options the data splits into `screens` has one page per screen,
    each with its own "None of these"; `screen` is which one (from 1).
    """

    screen_confirmed = Signal(str, int)  # "None of these" on a screen that is not the last

    def __init__(self, ctx: PageContext, question: Question, screen: int = 1) -> None:
        super().__init__(ctx, question, screen)
        m = ctx.metrics
        screens = question.option_screens
        self.screen_number = max(1, min(screen, len(screens)))
        self.last_screen = self.screen_number == len(screens)
        self.options = screens[self.screen_number - 1]
        self._none = question.none_option or "none"
        self.buttons = [AnswerButton(question.id, v, m, checkbox=True) for v in self.options]
        none_button = AnswerButton(question.id, self._none, m, checkbox=True)
        none_button.setProperty("variant", "quiet")
        grid = AnswerGrid(self.buttons, m, footer=none_button)
        self.buttons.append(none_button)
        for button in self.buttons:
            button.clicked.connect(lambda _=False, b=button: self._on_answer_clicked(b))
        self.add_content(grid, forward=True)
        self._show(self._selection())
        self.retranslate()

    def _selection(self) -> list[str]:
        session = self.ctx.session
        if self.question.id in session.drafts:
            return list(session.drafts[self.question.id])
        stored = session.value(self.question.id)
        if isinstance(stored, list):
            if not stored:
                return [self._none]
            return [v for v in self.options if v in stored]
        if session.screens_done.get(self.question.id, 0) >= self.screen_number:
            return [self._none]  # she came back to a screen she had answered "None of these"
        return []

    def _show(self, selection: list[str]) -> None:
        for button in self.buttons:
            button.set_selected(button.value in selection)
        self.nav.next.setEnabled(bool(selection))

    def help_fallback(self) -> str:
        return self.ctx.tr("select_hint")

    def retranslate_content(self) -> None:
        words = self.ctx.words(self.question)
        for button in self.buttons:
            button.set_words(words.options[button.value], words.option_help.get(button.value, ""))

    def _on_answer_clicked(self, button: AnswerButton) -> None:
        selection = self._selection()
        if button.value == self._none:
            selection = [] if self._none in selection else [self._none]
        elif button.value in selection:
            selection.remove(button.value)
        else:
            selection = [v for v in selection if v != self._none] + [button.value]
        self.ctx.session.drafts[self.question.id] = selection
        self._show(selection)

    def _on_next_clicked(self) -> None:
        selection = self._selection()
        if not selection:
            return
        signs = [v for v in self.options if v in selection]
        if not signs and not self.last_screen:
            self.screen_confirmed.emit(self.question.id, self.screen_number)
            return
        self.answer_selected.emit(self.question.id, signs)
        self.next_requested.emit()
