"""The end screens: the kind result (with what happens next) and the calm urgent screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.outcome import DeliveryResult, Problem
from kiosk.readiness.model import Assessment, Flag, Severity
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.session import RESULT, URGENT
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.widgets.common import make_button, make_label
from kiosk.ui.widgets.layouts import PagedList

SELF_HARM = "self_harm"
# A mark beside the status words, so the status never rests on colour alone.
_MARKS = {"ready_for_assessment": "✓", "build_foundation": "↗", "not_yet": "●"}


MOOD = "NOTE-MOOD"  # its text is always shown in full, with where to find help


class ResultLine(QFrame):
    """One short line of the result's list: a flag's title, a step, a phone number."""

    def __init__(self, mark: str = "•") -> None:
        super().__init__()
        self.setProperty("role", "result_line")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.mark = make_label("strong", mark, wrap=False)
        self.text = make_label("body")
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)


class MoodNote(QFrame):
    """NOTE-MOOD's own words, kindly, and where help is any time (hotline, 988)."""

    def __init__(self, flag: Flag) -> None:
        super().__init__()
        self.flag = flag
        self.setProperty("role", "note")
        self.setProperty("flag_id", flag.id)
        column = QVBoxLayout(self)
        self.title = make_label("strong")
        self.text = make_label("body")
        self.help = make_label("body")
        for label in (self.title, self.text, self.help):
            column.addWidget(label)


def _flag_words(flag: Flag, language: str, content: Questionnaire) -> tuple[str, str]:
    """A flag's patient title and text in `language`, from the content's rule words."""
    words = content.words(flag.id, language)
    return words.title, words.patient_text


def _delivery_words(ctx: PageContext, delivery: DeliveryResult | None, *, pending: bool) -> str:
    if pending:
        return ctx.tr("summary_pending")
    if delivery is None or delivery.problem == Problem.SAVE_FAILED:
        return ctx.tr("summary_not_saved")  # not kept here, even if printed: tell the desk
    if delivery.printed:
        return ctx.tr("summary_printed")
    return ctx.tr("summary_not_printed")


class ResultPage(Page):
    """One centred column: the status in a sentence, then a list (over pages when it must)
    that starts with what happens next (numbered), then what to talk about today (flag
    titles) and the mood note when it fired; at the foot, always in view, the clinic's
    phones, the print state and a countdown to the screen clearing itself, beside Done."""

    done_requested = Signal()

    def __init__(self, ctx: PageContext, assessment: Assessment) -> None:
        super().__init__(ctx, RESULT)
        self.assessment = assessment
        self.status = assessment.status.value
        self.setProperty("status", self.status)
        m = ctx.metrics
        self._pending = True
        panel = QFrame()
        panel.setProperty("role", "status_panel")
        panel.setProperty("status", self.status)
        panel_row = QHBoxLayout(panel)
        panel_row.setContentsMargins(m.px(24), m.px(16), m.px(24), m.px(16))
        panel_row.setSpacing(m.gap)
        mark = make_label("status_mark", _MARKS.get(self.status, "•"), wrap=False)
        panel_row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        self._title = make_label("title")
        self._body = make_label("body")
        words.addWidget(self._title)
        words.addWidget(self._body)
        panel_row.addLayout(words, 1)
        concerns = [f for f in assessment.flags if f.severity != Severity.NOTE]
        notes = [f for f in assessment.flags if f.severity == Severity.NOTE and f.id != MOOD]
        mood = next((f for f in assessment.flags if f.id == MOOD), None)
        self._headings: dict[str, QLabel] = {}
        self.flag_lines: list[tuple[Flag, ResultLine]] = []
        self.mood = MoodNote(mood) if mood is not None else None
        self.steps = [ResultLine(f"{n}.") for n in (1, 2, 3)]
        self.phones = make_label("body")
        self.phones.setObjectName("result_phones")
        items: list[QWidget] = [self._heading("next_heading"), *self.steps]  # first, always
        for key, flags in (("flags_heading", concerns), ("notes_heading", notes)):
            if flags:
                items.append(self._heading(key))
                for flag in flags:
                    line = ResultLine()
                    line.setProperty("flag_id", flag.id)
                    self.flag_lines.append((flag, line))
                    items.append(line)
            if key == "flags_heading" and self.mood is not None:
                items.append(self.mood)
        self.list = PagedList(
            m, ctx.tr, min_column_width=m.px(600), max_columns=1, item_gap=m.px(10)
        )
        self.list.set_items(items)
        self._printed = make_label("strong")
        self.countdown = make_label("help")
        self.countdown.setObjectName("result_countdown")
        self.done = make_button("done", "primary", m)
        self.done.setMinimumWidth(m.px(280))
        self._seconds = -1
        self._build(panel)
        self.done.clicked.connect(self.done_requested)
        self.retranslate()

    def _heading(self, key: str) -> QLabel:
        label = make_label("strong")
        label.setProperty("words", key)
        self._headings[key] = label
        return label

    def _build(self, panel: QFrame) -> None:
        m = self.ctx.metrics
        body = QWidget()
        body.setMaximumWidth(m.px(1400))
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(m.gap)
        column.addWidget(panel)
        column.addWidget(self.list, 1)
        end = QGridLayout()  # phones and print state across; the countdown beside Done
        end.setHorizontalSpacing(m.gap)
        end.setVerticalSpacing(m.px(6))
        end.addWidget(self.phones, 0, 0, 1, 2)
        end.addWidget(self._printed, 1, 0, 1, 2)
        end.addWidget(self.countdown, 2, 0)
        end.addWidget(self.done, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        end.setColumnStretch(0, 1)
        column.addLayout(end)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(body, 100)
        centred.addStretch(1)
        self.column.addLayout(centred, 1)

    def set_delivery(self, delivery: DeliveryResult | None) -> None:
        """Show whether her summary printed (None: delivery did not succeed)."""
        self._pending = False
        self._printed.setText(_delivery_words(self.ctx, delivery, pending=False))

    def set_seconds_left(self, seconds: int) -> None:
        """The countdown to the screen clearing itself."""
        self._seconds = seconds
        self.countdown.setText(self.ctx.tr("result_clears", seconds=seconds))
        self.countdown.setVisible(seconds >= 0)

    def retranslate(self) -> None:
        tr = self.ctx.tr
        language = self.ctx.session.language
        content = self.ctx.session.questionnaire
        self._title.setText(tr(f"status_{self.status}"))
        self._body.setText(tr(f"status_{self.status}_body"))
        for key, label in self._headings.items():
            label.setText(tr(key))
        for flag, line in self.flag_lines:
            line.text.setText(_flag_words(flag, language, content)[0])
        if self.mood is not None:
            title, text = _flag_words(self.mood.flag, language, content)
            self.mood.title.setText(title)
            self.mood.text.setText(text)
            help_words = tr("mood_help")
            self.mood.help.setText(help_words)
            self.mood.help.setVisible("988" not in text)  # unless her note says it already
        for number, line in enumerate(self.steps, start=1):
            line.text.setText(tr(f"next_{number}"))
        places = [  # a place and its number never part at the end of a line
            tr("location_phone", name=place.name, phone=place.phone).replace(" ", "\u00a0")
            for place in self.ctx.settings.locations
        ]
        joined = "\u00a0·   ".join(places)  # the dot stays with the number before it
        self.phones.setText(f"{tr('free_consult')} {joined}")
        self.phones.setVisible(bool(places))
        delivery = self.ctx.session.delivery
        self._printed.setText(_delivery_words(self.ctx, delivery, pending=self._pending))
        self.set_seconds_left(self._seconds)
        self.done.setText(tr("done"))
        self.list.retranslate()
        self.list.arrange()


class UrgentPage(Page):
    """Calm and direct; says only what the kiosk knows about the front-desk alert.

    "delivered" (the relay accepted it, or the webhook answered 2xx): the front desk has
    been told, someone will come. Anything else: go to the front desk now. A printed page
    never stands in for a person, so this screen does not speak of the printer.
    """

    done_requested = Signal()

    def __init__(self, ctx: PageContext, signs: list[str]) -> None:
        super().__init__(ctx, URGENT)
        self.setProperty("status", "urgent")
        m = ctx.metrics
        self.self_harm = SELF_HARM in signs
        self._title = make_label("urgent_title")
        self._alert = make_label("title")
        self._alert.setObjectName("urgent_alert")
        self._crisis = QFrame()
        self._crisis.setProperty("role", "crisis")
        crisis_column = QVBoxLayout(self._crisis)
        crisis_column.setContentsMargins(m.px(24), m.px(16), m.px(24), m.px(16))
        self._crisis_text = make_label("strong")
        crisis_column.addWidget(self._crisis_text)
        self._crisis.setVisible(self.self_harm)
        self.done = make_button("done", "secondary", m)
        self.done.setMinimumWidth(m.px(240))
        self.column.addStretch(1)
        for widget in (self._title, self._alert, self._crisis):
            self.column.addWidget(widget)
        self.column.addStretch(2)
        self.column.addWidget(self.done, 0, Qt.AlignmentFlag.AlignRight)
        self.done.clicked.connect(self.done_requested)
        self.retranslate()

    def set_delivery(self, delivery: DeliveryResult | None) -> None:
        """The summary's print state is for staff (the staff panel), not a promise to her."""

    def set_alert_state(self, state: str) -> None:
        """`state`: "pending", "delivered", "failed" or "not_configured" (session.alert_state)."""
        self.setProperty("alert_state", state)
        self._alert.setText(self.alert_words(state))

    def alert_words(self, state: str) -> str:
        tr = self.ctx.tr
        if state == "pending":
            return tr("urgent_alert_pending")
        if state == "delivered":
            private = "urgent_alert_delivered_private"
            return tr(private if self.self_harm else "urgent_alert_delivered")
        words = tr("urgent_go_to_desk")
        return f"{words} {tr('urgent_say_private')}" if self.self_harm else words

    def retranslate(self) -> None:
        self._title.setText(self.ctx.tr("urgent_title"))
        self.set_alert_state(self.ctx.session.alert_state or "failed")
        self._crisis_text.setText(self.ctx.tr("urgent_988"))
        self.done.setText(self.ctx.tr("done"))
