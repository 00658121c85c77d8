"""The end screens: the kind result (with what comes next) and the calm urgent screen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.outcome import DeliveryResult, Problem
from kiosk.readiness.model import Assessment, Flag, Severity
from kiosk.readiness.rules import RULES_BY_ID
from kiosk.session import RESULT, URGENT
from kiosk.ui.base import Page, PageContext
from kiosk.ui.layouts import PagedList
from kiosk.ui.widgets import make_button, make_label

SELF_HARM = "self_harm"
# A mark beside the status words, so the status never rests on colour alone.
_MARKS = {"ready_for_assessment": "✓", "build_foundation": "↗", "not_yet": "●"}


class FlagItem(QFrame):
    """One flag for the patient: its short title and its plain-words text."""

    def __init__(self, flag: Flag) -> None:
        super().__init__()
        self.flag = flag
        self.setProperty("role", "note" if flag.severity == Severity.NOTE else "flag")
        self.setProperty("flag_id", flag.id)
        column = QVBoxLayout(self)
        self.title = make_label("strong")
        self.text = make_label("body")
        column.addWidget(self.title)
        column.addWidget(self.text)

    def retranslate(self, language: str) -> None:
        rule = RULES_BY_ID.get(self.flag.id)
        self.title.setText(rule.title_in(language) if rule else self.flag.title)
        self.text.setText(rule.patient_text_in(language) if rule else self.flag.patient_text)


def _delivery_words(ctx: PageContext, delivery: DeliveryResult | None, *, pending: bool) -> str:
    if pending:
        return ctx.tr("summary_pending")
    if delivery is None or delivery.problem == Problem.SAVE_FAILED:
        return ctx.tr("summary_not_saved")  # not kept here, even if printed: tell the desk
    if delivery.printed:
        return ctx.tr("summary_printed")
    return ctx.tr("summary_not_printed")


class ResultPage(Page):
    """The status in kind words, what her PT will talk about, the next step, the print state."""

    done_pressed = Signal()

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
        self._heading = make_label("strong")
        self._notes_heading = make_label("strong")
        concerns = [f for f in assessment.flags if f.severity != Severity.NOTE]
        notes = [f for f in assessment.flags if f.severity == Severity.NOTE]
        self.flag_items = [FlagItem(f) for f in (*concerns, *notes)]
        items: list[QWidget] = []
        if concerns and self.status != "not_yet":
            items.append(self._heading)
        items += self.flag_items[: len(concerns)]
        if notes:
            items.append(self._notes_heading)
        items += self.flag_items[len(concerns) :]
        self.list = PagedList(m, ctx.tr, min_column_width=m.px(760))
        self.list.set_items(items)
        for heading in (self._heading, self._notes_heading):
            if heading.parent() is None:
                heading.setParent(self)
                heading.hide()
        self._next = make_label("body")
        self._consult = make_label("body")
        self._phones: list[QLabel] = []
        if self.status in ("not_yet", "build_foundation"):
            self._phones = [make_label("strong") for _ in ctx.settings.locations]
        self._consult.setVisible(bool(self._phones))
        self._printed = make_label("strong")
        self.done = make_button("done", "primary", m)
        self.done.setMinimumWidth(m.px(280))
        self._build(panel)
        self.done.clicked.connect(self.done_pressed)
        self.retranslate()

    def _build(self, panel: QFrame) -> None:
        m = self.ctx.metrics
        side = QVBoxLayout()
        side.setSpacing(m.px(12))
        for label in (self._next, self._consult, *self._phones):
            side.addWidget(label)
        side.addStretch(1)
        side.addWidget(self._printed)
        side.addWidget(self.done, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(panel)
        body = QBoxLayout(
            QBoxLayout.Direction.TopToBottom if m.portrait else QBoxLayout.Direction.LeftToRight
        )
        body.setSpacing(m.px(32))
        body.addWidget(self.list, 3)
        body.addLayout(side, 2)
        self.column.addLayout(body, 1)

    def set_delivery(self, delivery: DeliveryResult | None) -> None:
        """Show whether her summary printed (None: delivery did not succeed)."""
        self._pending = False
        self._printed.setText(_delivery_words(self.ctx, delivery, pending=False))

    def retranslate(self) -> None:
        tr = self.ctx.tr
        self._title.setText(tr(f"status_{self.status}"))
        self._body.setText(tr(f"status_{self.status}_body"))
        self._heading.setText(tr("flags_heading"))
        self._notes_heading.setText(tr("notes_heading"))
        self._next.setText(tr("next_step_today"))
        self._consult.setText(tr("free_consult"))
        for label, place in zip(self._phones, self.ctx.settings.locations, strict=False):
            label.setText(tr("location_phone", name=place.name, phone=place.phone))
        delivery = self.ctx.session.delivery
        self._printed.setText(_delivery_words(self.ctx, delivery, pending=self._pending))
        self.done.setText(tr("done"))
        for item in self.flag_items:
            item.retranslate(self.ctx.session.language)
        self.list.retranslate()
        self.list.arrange()


class UrgentPage(Page):
    """Calm and direct: tell the front desk now; 988 when she has thoughts of self-harm."""

    done_pressed = Signal()

    def __init__(self, ctx: PageContext, signs: list[str]) -> None:
        super().__init__(ctx, URGENT)
        self.setProperty("status", "urgent")
        m = ctx.metrics
        self._title = make_label("urgent_title")
        self._body = make_label("body")
        self._crisis = QFrame()
        self._crisis.setProperty("role", "crisis")
        crisis_column = QVBoxLayout(self._crisis)
        crisis_column.setContentsMargins(m.px(24), m.px(16), m.px(24), m.px(16))
        self._crisis_text = make_label("strong")
        crisis_column.addWidget(self._crisis_text)
        self._crisis.setVisible(SELF_HARM in signs)
        self._printed = make_label("body")
        self._pending = True
        self.done = make_button("done", "secondary", m)
        self.done.setMinimumWidth(m.px(240))
        self.column.addStretch(1)
        for widget in (self._title, self._body, self._crisis, self._printed):
            self.column.addWidget(widget)
        self.column.addStretch(2)
        self.column.addWidget(self.done, 0, Qt.AlignmentFlag.AlignRight)
        self.done.clicked.connect(self.done_pressed)
        self.retranslate()

    def set_delivery(self, delivery: DeliveryResult | None) -> None:
        self._pending = False
        self._show_delivery(delivery)

    def _show_delivery(self, delivery: DeliveryResult | None) -> None:
        printed = delivery is not None and delivery.printed
        if self._pending:
            self._printed.setText(self.ctx.tr("summary_pending"))
        else:
            self._printed.setText(self.ctx.tr("urgent_printed") if printed else "")
        self._printed.setVisible(self._pending or printed)

    def retranslate(self) -> None:
        self._title.setText(self.ctx.tr("urgent_title"))
        self._body.setText(self.ctx.tr("urgent_body"))
        self._crisis_text.setText(self.ctx.tr("urgent_988"))
        self._show_delivery(self.ctx.session.delivery)
        self.done.setText(self.ctx.tr("done"))
