"""Lay out the PT summary on US Letter pages and return the PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Spacer

from kiosk.readiness.model import Assessment, Status
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.readiness.validate import default_questionnaire
from kiosk.report.checklist import checklist_table, plan_and_notes
from kiosk.report.context import ReportContext
from kiosk.report.fonts import BOLD, REGULAR, register_fonts
from kiosk.report.marks import StatusBox, status_word
from kiosk.report.sections import (
    NO_NAME,
    answers_table,
    flags_table,
    header,
    patient_block,
    section,
    sources_paragraph,
    urgent_banner,
)
from kiosk.report.styles import (
    FOOTER_Y,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    Look,
)
from kiosk.report.text import plain

DISCLAIMER = "Screening aid for clinician review, not a diagnosis"
MAX_PAGES = 2
# Densities tried in turn until the summary fits on MAX_PAGES pages (a safety net: the
# longest answer set the rules allow fits at 1.0).
_DENSITIES = (1.0, 0.92, 0.85, 0.78)
# Sizes tried in turn for the flags until every flag fits on page one.
_FLAG_FITS = (1.1, 1.0, 0.95, 0.9, 0.86, 0.82, 0.78)

PageDecorator = Callable[[Canvas, int, int], None]


def _page_one(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    questionnaire: Questionnaire,
    look: Look,
) -> list[Flowable]:
    """What the PT reads first: who, when and the status; the flags follow."""
    story: list[Flowable] = []
    if assessment.status is Status.URGENT:
        story += [urgent_banner(look), Spacer(1, look.mm(2))]
    story += [header(context, look), Spacer(1, look.mm(1.5))]
    story += patient_block(answers, assessment, context, questionnaire, look)
    story += [Spacer(1, look.mm(1.5)), StatusBox(assessment.status, look)]
    story += [section(f"Flags ({len(assessment.flags)}), most serious first", look)]
    return story


def _height(story: list[Flowable]) -> float:
    total = 0.0
    for flowable in story:
        total += flowable.wrap(FRAME_WIDTH, PAGE_HEIGHT)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _flags_that_fit(assessment: Assessment, look: Look, room: float) -> Flowable:
    """The flags at the largest size of _FLAG_FITS that fits in `room` (else the smallest).

    Each size tried is a full layout of the flags, so not every size is tried: after the
    largest, a binary search over the smaller sizes (a smaller size is never taller).
    """
    made: dict[int, tuple[Flowable, float]] = {}

    def fits(index: int) -> bool:
        if index not in made:
            flags = flags_table(assessment, Look(look.scale * _FLAG_FITS[index]))
            made[index] = (flags, _height([flags]))
        return made[index][1] <= room

    if fits(0):
        return made[0][0]
    low, high = 1, len(_FLAG_FITS) - 1  # the answer is in low..high (high if none fits)
    while low < high:
        middle = (low + high) // 2
        if fits(middle):
            high = middle
        else:
            low = middle + 1
    fits(low)
    return made[low][0]


def _story(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    questionnaire: Questionnaire,
    look: Look,
) -> list[Flowable]:
    """Page one, with the flags as large as still fit on it; then answers, checklist, sources."""
    story = _page_one(answers, assessment, context, questionnaire, look)
    room = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM - 2 * mm - _height(story)
    story += [_flags_that_fit(assessment, look, room), section("Answers", look)]
    story += answers_table(answers, questionnaire, assessment, context.report_language, look)
    story += [
        KeepTogether(
            [
                section("In-clinic checklist", look),
                checklist_table(look),
                Spacer(1, look.mm(2.5)),
                plan_and_notes(look),
            ]
        )
    ]
    story += [section("Sources", look), sources_paragraph(look)]
    return story


def _decorator(
    answers: Mapping[str, Any], assessment: Assessment, context: ReportContext, rules_version: str
) -> PageDecorator:
    """Draws the footer on every page, and whose summary it is atop every later page."""
    name = answers.get("patient_name")
    who = plain(name.strip()) if isinstance(name, str) and name.strip() else NO_NAME
    when = context.screened_at.strftime("%Y-%m-%d %H:%M")
    status = status_word(assessment.status)
    versions = f"App {context.app_version} · Rules {rules_version}"

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(BOLD, 7.2)
        canvas.drawString(MARGIN_X, FOOTER_Y, DISCLAIMER)
        canvas.setFont(REGULAR, 7)
        canvas.drawRightString(
            PAGE_WIDTH - MARGIN_X, FOOTER_Y, f"{versions} · Page {page} of {pages}"
        )
        if page > 1:  # pages can part: every later page says whose it is
            top = PAGE_HEIGHT - 7 * mm
            canvas.setFillColor(MUTED)
            canvas.setFont(BOLD, 7.5)
            right = f"{when} · {status}"
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, right)
            room = PAGE_WIDTH - 2 * MARGIN_X - stringWidth(right, BOLD, 7.5) - 6 * mm
            label = who
            while label and stringWidth(label, BOLD, 7.5) > room:
                label = label[:-2] + "…"
            canvas.drawString(MARGIN_X, top, label)
        canvas.restoreState()

    return decorate


def _canvas_class(decorate: PageDecorator, page_count: list[int]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "page n of N" on each."""

    class _Canvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            page_count.append(total)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                super().showPage()
            super().save()

    return _Canvas


def _build(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    questionnaire: Questionnaire,
    look: Look,
) -> tuple[bytes, int]:
    rules_version = context.rules_version or questionnaire.rules_version
    decorate = _decorator(answers, assessment, context, rules_version)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title="Return-to-running screening: PT summary",
        author=plain(context.clinic_name),
        creator=f"kiosk {context.app_version}",
        initialFontName=REGULAR,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="summary", frames=[frame])])
    pages: list[int] = []
    doc.build(
        _story(answers, assessment, context, questionnaire, look),
        canvasmaker=_canvas_class(decorate, pages),
    )
    return buffer.getvalue(), pages[-1]


def render(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    *,
    questionnaire: Questionnaire | None = None,
) -> bytes:
    """The PT summary as PDF bytes: US Letter, at most two pages for any answer set.

    `questionnaire` is the content the caller loaded (default: the one in `resources/`).
    """
    register_fonts()
    questionnaire = questionnaire if questionnaire is not None else default_questionnaire()
    pdf = b""
    for scale in _DENSITIES:
        pdf, pages = _build(answers, assessment, context, questionnaire, Look(scale))
        if pages <= MAX_PAGES:
            break
    return pdf
