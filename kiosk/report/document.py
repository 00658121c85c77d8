"""Lay out the PT summary on US Letter pages and return the PDF bytes."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
)

from kiosk.readiness.content import default_questionnaire
from kiosk.readiness.model import Assessment, Status
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.report.checklist import CHECKLIST_SOURCES, checklist
from kiosk.report.context import ReportContext
from kiosk.report.fonts import BOLD, REGULAR, printable, register_fonts
from kiosk.report.marks import status_word
from kiosk.report.sections import (
    answers_table,
    clinician_texts,
    flag_lines,
    header,
    patient_block,
    patient_name,
    section,
    sources_paragraph,
    status_row,
    urgent_banner,
)
from kiosk.report.styles import (
    FOOTER_SIZE,
    FOOTER_Y,
    FRAME_WIDTH,
    HEADER_SIZE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    style,
)
from kiosk.report.text import esc, plain
from kiosk.report.words import ReportWords, report_words

PageDecorator = Callable[[Canvas, int, int], None]


def _story(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    questionnaire: Questionnaire,
    words: ReportWords,
) -> list[Flowable]:
    """Page one answers the first minute; then clinician texts, answers, checklist, sources."""
    story: list[Flowable] = []
    if assessment.status is Status.URGENT:
        story += [urgent_banner(words), Spacer(1, 2 * mm)]
        if context.alert_reference:  # staff match the front-desk alert to this page
            line = words.get("alert_reference", reference=context.alert_reference)
            story += [Paragraph(f"<b>{esc(line)}</b>", style("body")), Spacer(1, 1 * mm)]
    story += [header(context, words), Spacer(1, 1 * mm)]
    story += patient_block(answers, assessment, context, questionnaire, words)
    story += [Spacer(1, 2 * mm), status_row(assessment, answers, words)]
    story += flag_lines(assessment, words)
    if assessment.flags:
        story += clinician_texts(assessment, words)
    story += section(words.get("answers_heading"), 14 * mm)
    story += answers_table(answers, questionnaire, assessment, words)
    story += checklist(assessment, words)
    cited = [key for flag in assessment.flags for key in flag.sources]
    if assessment.status is not Status.URGENT:
        cited += CHECKLIST_SOURCES
    story += [CondPageBreak(14 * mm), sources_paragraph(cited, words)]
    return story


def _decorator(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    rules_version: str,
    words: ReportWords,
) -> PageDecorator:
    """Draws the footer on every page, and whose summary it is atop every later page."""
    who = printable(plain(patient_name(answers, words)))
    when = context.screened_at.strftime("%Y-%m-%d %H:%M")
    status = status_word(assessment.status, words)
    versions = words.get("versions", app=context.app_version, rules=rules_version)
    disclaimer = words.get("disclaimer")

    def decorate(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setFont(BOLD, FOOTER_SIZE)
        canvas.drawString(MARGIN_X, FOOTER_Y, disclaimer)
        canvas.setFont(REGULAR, FOOTER_SIZE)
        page_of = words.get("page_of", n=page, total=pages)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, f"{versions} · {page_of}")
        if page > 1:  # pages can part: every later page says whose it is
            top = PAGE_HEIGHT - 6.5 * mm
            canvas.setFont(BOLD, HEADER_SIZE)
            right = f"{when} · {status}"
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, right)
            room = FRAME_WIDTH - stringWidth(right, BOLD, HEADER_SIZE) - 6 * mm
            label = who
            while label and stringWidth(label, BOLD, HEADER_SIZE) > room:
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


def render_pages(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    *,
    questionnaire: Questionnaire | None = None,
) -> tuple[bytes, int]:
    """The PT summary as PDF bytes, and its number of pages.

    `questionnaire` is the content the caller loaded (default: the one in `resources/`);
    the rule words are taken from it in the report's language.
    """
    register_fonts()
    questionnaire = questionnaire if questionnaire is not None else default_questionnaire()
    words = report_words(context.report_language, questionnaire, answers)
    rules_version = context.rules_version or questionnaire.rules_version
    decorate = _decorator(answers, assessment, context, rules_version, words)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=words.get("title"),
        author=plain(context.clinic_name),
        creator=f"kiosk {context.app_version}",
        lang=context.report_language,
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
        _story(answers, assessment, context, questionnaire, words),
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
    """The PT summary as PDF bytes, US Letter; a long summary takes more pages."""
    return render_pages(answers, assessment, context, questionnaire=questionnaire)[0]
