"""The summary's parts: header, patient block, flags, answers table and sources."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from kiosk.readiness.model import SOURCES, Assessment, Severity, Status
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.readiness.urgency import unasked_signs
from kiosk.report.context import ReportContext
from kiosk.report.fonts import BOLD, REGULAR
from kiosk.report.marks import SEVERITY_TAGS
from kiosk.report.styles import FRAME_WIDTH, HEADER_FILL, INK, RULE, WHITE, Look
from kiosk.report.text import answer_label, esc, phq2_words, question_label

# Answers printed in full at the top of page 1, so not again in the answers table.
_IN_HEADER = frozenset({"patient_name"})
TITLE = "Return-to-running screening: PT summary"
NO_NAME = "(no name given)"


class _LaidOutTable(Table):  # type: ignore[misc]
    """A table that keeps its layout: the fit check on page one and the frame lay it out
    at the same width, and a layout costs as much as the rest of the page together."""

    _laid_out: tuple[float, float, float] | None = None  # (available width, width, height)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        laid = self._laid_out
        if laid is not None and abs(laid[0] - availWidth) < 1e-6 and laid[2] <= availHeight:
            return laid[1], laid[2]
        width, height = super().wrap(availWidth, availHeight)
        # Keep only a whole layout (reportlab stops measuring rows that cannot fit).
        self._laid_out = (availWidth, width, height) if height <= availHeight else None
        return width, height


def _padded(table: Table, look: Look, extra: list[tuple[object, ...]]) -> Table:
    pad = look.mm(0.9)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.4 * mm),
                *extra,
            ]
        )
    )
    return table


def urgent_banner(look: Look) -> Table:
    """URGENT across the top: white on black, readable on any printer."""
    text = "URGENT: warning sign reported. See the patient now."
    table = Table([[Paragraph(esc(text), look.style("urgent_banner"))]], colWidths=[FRAME_WIDTH])
    return _padded(
        table,
        look,
        [
            ("BACKGROUND", (0, 0), (-1, -1), INK),
            ("TOPPADDING", (0, 0), (-1, -1), look.mm(2)),
            ("BOTTOMPADDING", (0, 0), (-1, -1), look.mm(2)),
        ],
    )


def header(context: ReportContext, look: Look) -> Table:
    """Clinic name on the left; what this is and the clinic's phone numbers on the right."""
    phones = " · ".join(f"{esc(name)} {esc(phone)}" for name, phone in context.locations)
    right = Paragraph(f"<b>{esc(TITLE)}</b><br/>{phones}", look.style("clinic_sub"))
    table = Table(
        [[Paragraph(esc(context.clinic_name), look.style("clinic")), right]],
        colWidths=[FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5],
    )
    return _padded(
        table,
        look,
        [
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
        ],
    )


def _name_paragraph(name: str, look: Look) -> Paragraph:
    """The patient's name on one line: long names shrink rather than wrap."""
    style = look.style("patient")
    size = style.fontSize
    room = FRAME_WIDTH - 4 * mm
    while size > 7 and stringWidth(name, BOLD, size) > room:
        size -= 0.5
    return Paragraph(f'<font size="{size:.1f}">{esc(name)}</font>', style)


def patient_block(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    questionnaire: Questionnaire,
    look: Look,
) -> list[Flowable]:
    """Name, screening time, weeks postpartum with birth date, delivery, feeding, PHQ-2."""
    lang = context.report_language

    def answered(qid: str) -> str:
        if qid not in answers or qid not in questionnaire.ids:
            return "not asked"
        return answer_label(questionnaire.question(qid), answers[qid], lang)

    def label(qid: str) -> str:
        return question_label(questionnaire.question(qid), lang)

    birth = answers.get("baby_birth_date")
    weeks = f"{assessment.weeks_postpartum} weeks"
    if birth:
        weeks += f" · born {birth}"
    language = questionnaire.language_names.get(context.patient_language, context.patient_language)
    cells = [
        ("Screened", context.screened_at.strftime("%Y-%m-%d %H:%M")),
        ("Weeks postpartum", weeks),
        (label("delivery"), answered("delivery")),
        (label("feeding"), answered("feeding")),
        ("PHQ-2 score", phq2_words(assessment.phq2_score)),
        (label("postnatal_check"), answered("postnatal_check")),
        ("Patient answered in", language),
        ("Flags", _flag_counts(assessment)),
    ]
    lab, val = look.style("label"), look.style("value")
    grid = [
        [[Paragraph(esc(k), lab), Paragraph(esc(v), val)] for k, v in cells[i : i + 4]]
        for i in (0, 4)
    ]
    table = Table(grid, colWidths=[FRAME_WIDTH * f for f in (0.22, 0.3, 0.24, 0.24)])
    name = answers.get("patient_name")
    name_text = name.strip() if isinstance(name, str) and name.strip() else NO_NAME
    return [
        Paragraph("Patient", lab),
        _name_paragraph(name_text, look),
        _padded(table, look, [("LEFTPADDING", (0, 0), (0, -1), 0)]),
    ]


def _flag_counts(assessment: Assessment) -> str:
    names = {
        Severity.RED_FLAG: "red flag",
        Severity.CONTRAINDICATION: "contraindication",
        Severity.CAUTION: "caution",
        Severity.NOTE: "note",
    }
    parts = []
    for severity, word in names.items():
        n = sum(1 for flag in assessment.flags if flag.severity is severity)
        if n:
            parts.append(f"{n} {word}{'s' if n > 1 else ''}")
    return ", ".join(parts) or "none"


SEVERITY_GROUPS: dict[Severity, str] = {
    Severity.RED_FLAG: "RED FLAGS: urgent, see the patient now",
    Severity.CONTRAINDICATION: "CONTRAINDICATIONS: a reason to defer running",
    Severity.CAUTION: "CAUTIONS: build the foundation first",
    Severity.NOTE: "NOTES: for the plan",
}


def flags_table(assessment: Assessment, look: Look) -> Flowable:
    """Every flag, red flags first, grouped by severity: title, clinician text, id, sources."""
    flags = sorted(assessment.flags, key=lambda flag: flag.severity.rank)
    if not flags:
        return Paragraph("No flags: nothing in the answers calls for caution.", look.style("body"))
    body, meta, group = look.style("flag_text"), look.style("flag_meta"), look.style("severity")
    small = f'<font size="{meta.fontSize:.1f}" color="{meta.textColor.hexval()}">'
    rows: list[list[Paragraph]] = []
    extra: list[tuple[object, ...]] = []
    for severity in Severity:
        members = [flag for flag in flags if flag.severity is severity]
        if not members:
            continue
        red = severity is Severity.RED_FLAG
        tag = SEVERITY_TAGS[severity]
        heading = f"{tag[0]} {SEVERITY_GROUPS[severity]} ({len(members)})"
        colour = f' color="{WHITE.hexval()}"' if red else ""
        extra.append(("BACKGROUND", (0, len(rows)), (0, len(rows)), INK if red else HEADER_FILL))
        extra.append(("LINEABOVE", (0, len(rows)), (0, len(rows)), 1, INK))
        rows.append([Paragraph(f"<font{colour}>{esc(heading)}</font>", group)])
        for flag in members:
            if red:  # a heavy bar beside each red flag, on any printer
                extra.append(("LINEBEFORE", (0, len(rows)), (0, len(rows)), 3, INK))
            rows.append(
                [
                    Paragraph(
                        f"{esc(tag[0])} <b>{esc(flag.clinician_title)}.</b> "
                        f"{esc(flag.clinician_text)} "
                        f"{small}{esc(flag.id)} · {esc(', '.join(flag.sources))}</font>",
                        body,
                    )
                ]
            )
    table = _LaidOutTable(rows, colWidths=[FRAME_WIDTH])
    return _padded(
        table,
        look,
        [
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), look.mm(0.5)),
            ("BOTTOMPADDING", (0, 0), (-1, -1), look.mm(0.7)),
            *extra,
        ],
    )


def answers_table(
    answers: Mapping[str, Any],
    questionnaire: Questionnaire,
    assessment: Assessment,
    language: str,
    look: Look,
) -> list[Flowable]:
    """Every answer as question label and answer label, in two column pairs."""
    lab, cell = look.style("cell_label"), look.style("cell")
    pairs = [
        [
            Paragraph(esc(question_label(q, language)), lab),
            Paragraph(esc(answer_label(q, answers[q.id], language)), cell),
        ]
        for q in questionnaire.questions
        if q.id in answers and q.id not in _IN_HEADER
    ]
    out: list[Flowable] = []
    if pairs:
        half = (len(pairs) + 1) // 2
        left, right = pairs[:half], pairs[half:]
        rows = [left[i] + (right[i] if i < len(right) else ["", ""]) for i in range(half)]
        widths = [FRAME_WIDTH * f for f in (0.2, 0.3, 0.2, 0.3)]
        out.append(
            _padded(
                Table(rows, colWidths=widths),
                look,
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("LINEBEFORE", (2, 0), (2, -1), 0.8, INK),
                    ("TOPPADDING", (0, 0), (-1, -1), look.mm(0.6)),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), look.mm(0.6)),
                ],
            )
        )
    if assessment.status is Status.URGENT:
        out.append(
            Paragraph(
                "The questionnaire stopped at the warning signs: later questions were not asked.",
                look.style("small"),
            )
        )
    for question in questionnaire.urgent_questions:
        unasked = [v for v in unasked_signs(questionnaire, answers) if v in question.options]
        if unasked:
            out.append(
                Paragraph(
                    esc(
                        f"{question_label(question, language)} not asked (the urgent screen "
                        f"came first): {answer_label(question, unasked, language)}."
                    ),
                    look.style("small"),
                )
            )
    return out


def sources_paragraph(look: Look) -> Paragraph:
    """The sources in full, keyed as the flags cite them."""
    items = " ".join(f"<b>{esc(key)}</b> {esc(text)}" for key, text in SOURCES.items())
    return Paragraph(items, look.style("source"))


def section(title: str, look: Look) -> Paragraph:
    """A section heading that stays with what follows it."""
    heading = Paragraph(esc(title), look.style("section"))
    heading.keepWithNext = 1
    return heading
