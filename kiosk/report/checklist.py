"""The in-clinic checklist (clinical-spec section 7) as the status allows it, or, for an
urgent summary, the escalation record that replaces it; the plan box and the PT's notes.

Rows are at least 7 mm high and tick boxes 4.2 mm square, with room to write reps,
seconds and centimetres.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from kiosk.readiness.model import Assessment, Status
from kiosk.report.fonts import REGULAR
from kiosk.report.styles import BODY_SIZE, FRAME_WIDTH, HEADER_FILL, INK, RULE, style
from kiosk.report.text import esc
from kiosk.report.words import ReportWords

TICK_BOX = 4.2 * mm
MIN_ROW = 7 * mm
ROW_PAD = 2.0  # points above and below a row's text; a row is at least MIN_ROW high
NOTE_LINES = 4
NOTE_GAP = 5.6 * mm  # between the lines for the PT's notes
BLOOD_PRESSURE_RULE = "NOTE-BLOOD-PRESSURE"
NOT_CLEARED_RULE = "CI-NOT-CLEARED"
EARLY_WEEKS = 3


@dataclass(frozen=True)
class Test:
    """One in-clinic test: its key in the language files, whether it has a left and a
    right result, the unit its result is written in (None: pass or fail only), and
    whether it is an impact test (not done under 3 weeks or without clearance)."""

    key: str
    sided: bool
    unit: str | None
    impact: bool = False


CHECKLIST: tuple[tuple[str, tuple[Test, ...]], ...] = (
    (
        "impact",
        (
            Test("walk", False, "minutes"),
            Test("balance", True, "seconds"),
            Test("squat", True, "reps"),
            Test("jog", False, "seconds", impact=True),
            Test("bounds", False, "reps", impact=True),
            Test("hop", True, "reps", impact=True),
            Test("running_man", True, "reps", impact=True),
        ),
    ),
    (
        "strength",
        (
            Test("calf_raise", True, "reps"),
            Test("bridge", True, "reps"),
            Test("sit_to_stand", True, "reps"),
            Test("hip_abduction", True, "reps"),
        ),
    ),
    (
        "also",
        (
            Test("abdominal_wall", False, "cm"),
            Test("pelvic_floor", False, None),
            Test("hip_strength", True, None),
            Test("hip_mobility", True, None),
            Test("jumping", False, None),
        ),
    ),
)


# The sources the checklist and the plan box cite.
CHECKLIST_SOURCES = ("CLINIC", "GOOM2019", "DEERING2024")


def checklist_items(words: ReportWords) -> list[str]:
    """Every test name on the checklist, in order, in the words' language."""
    return [words.get(f"tests.{test.key}") for _, tests in CHECKLIST for test in tests]


class ResultCell(Flowable):  # type: ignore[misc]
    """Tick boxes for pass and fail, then a line to write the result on and its unit."""

    def __init__(self, words: ReportWords, unit: str | None) -> None:
        super().__init__()
        self.labels = (words.get("pass"), words.get("fail"))
        self.unit = words.get(f"units.{unit}") if unit else None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = max(TICK_BOX, BODY_SIZE * 1.2)
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.9)
        canvas.setFont(REGULAR, BODY_SIZE)
        baseline = (self.height - BODY_SIZE * 0.72) / 2
        x = 0.0
        for label in self.labels:
            canvas.rect(x, (self.height - TICK_BOX) / 2, TICK_BOX, TICK_BOX, stroke=1, fill=0)
            x += TICK_BOX + 1 * mm
            canvas.drawString(x, baseline, label)
            x += stringWidth(label, REGULAR, BODY_SIZE) + 2 * mm
        if self.unit:  # the line to write on takes what room is left, within limits
            unit_width = stringWidth(self.unit, REGULAR, BODY_SIZE)
            line = min(10 * mm, max(5 * mm, self.width - x - unit_width - 1 * mm))
            canvas.setLineWidth(0.5)
            canvas.line(x, baseline - 1, x + line, baseline - 1)
            canvas.drawString(x + line + 0.8 * mm, baseline, self.unit)
        canvas.restoreState()


def not_today_reason(assessment: Assessment, words: ReportWords) -> str | None:
    """Why the impact tests are not done today (under 3 weeks, not cleared), or None."""
    reasons = []
    if assessment.weeks_postpartum < EARLY_WEEKS:
        reasons.append(words.get("reason_early"))
    if any(flag.id == NOT_CLEARED_RULE for flag in assessment.flags):
        reasons.append(words.get("reason_not_cleared"))
    return "; ".join(reasons) or None


def _grid(
    rows: list[list[Flowable | str]], widths: list[float], extra: list[tuple[object, ...]]
) -> Table:
    """The rows as a ruled table, each row as high as its text needs but never under 7 mm."""
    style_rows = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), ROW_PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), ROW_PAD),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5 * mm),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.2 * mm),
        *extra,
    ]
    natural = Table(rows, colWidths=widths)
    natural.setStyle(style_rows)
    natural.wrap(sum(widths), 10_000)
    heights = [max(MIN_ROW, height) for height in natural._rowHeights]
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1)
    table.setStyle(style_rows)
    return table


def checklist_table(assessment: Assessment, words: ReportWords) -> Table:
    """One row a test: left and right pass/fail with a result, and room for notes; the
    header row carries the checklist's title."""
    cell, bold = style("cell"), style("cell_bold")
    rows: list[list[Flowable | str]] = [
        [
            Paragraph(esc(words.get("checklist_heading")), style("section_cell")),
            *(Paragraph(esc(words.get(k)), bold) for k in ("col_left", "col_right", "col_notes")),
        ]
    ]
    extra: list[tuple[object, ...]] = [("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL)]
    reason = not_today_reason(assessment, words)
    blood_pressure = any(flag.id == BLOOD_PRESSURE_RULE for flag in assessment.flags)

    def spanning(text: str, paragraph_style: str = "cell_bold") -> None:
        extra.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        rows.append([Paragraph(text, style(paragraph_style)), "", "", ""])

    for group, tests in CHECKLIST:
        extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 1, INK))
        first = len(rows)
        spanning(esc(words.get(f"groups.{group}")))
        if group == "impact" and blood_pressure:
            extra.append(("SPAN", (1, len(rows)), (-1, len(rows))))
            rows.append(
                [
                    Paragraph(f"<b>{esc(words.get('resting_bp'))}</b>", cell),
                    Paragraph(esc(words.get("resting_bp_help")), cell),
                    "",
                    "",
                ]
            )
        if group == "impact" and reason:
            spanning(f"<b>{esc(words.get('not_today', reason=reason))}</b>", "cell")
        # A page never parts a group's heading (and its notes) from its first test.
        extra.append(("NOSPLIT", (0, first), (-1, len(rows))))
        for test in tests:
            name = Paragraph(esc(words.get(f"tests.{test.key}")), cell)
            if test.impact and reason:
                extra.append(("SPAN", (1, len(rows)), (-1, len(rows))))
                rows.append([name, Paragraph(esc(words.get("not_today_short")), bold), "", ""])
            elif test.sided:
                rows.append([name, ResultCell(words, test.unit), ResultCell(words, test.unit), ""])
            else:
                extra.append(("SPAN", (1, len(rows)), (2, len(rows))))
                rows.append([name, ResultCell(words, test.unit), "", ""])
    widths = [64 * mm, 46 * mm, 46 * mm, FRAME_WIDTH - 156 * mm]
    return _grid(rows, widths, extra)


def escalation_record(words: ReportWords) -> Table:
    """For an urgent summary: when staff were told, who, what was done, and a signature."""
    keys_and_heights = (
        ("escalation_time", 10),
        ("escalation_who", 10),
        ("escalation_done", 28),
        ("escalation_outcome", 16),
        ("escalation_signature", 11),
    )
    rows: list[list[Flowable | str]] = [
        [Paragraph(esc(words.get(key)), style("cell_bold")), ""] for key, _ in keys_and_heights
    ]
    table = Table(
        rows,
        colWidths=[62 * mm, FRAME_WIDTH - 62 * mm],
        rowHeights=[height * mm for _, height in keys_and_heights],
    )
    table.setStyle(
        [
            ("BOX", (0, 0), (-1, -1), 1.6, INK),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
        ]
    )
    return table


def plan_and_notes(words: ReportWords) -> Table:
    """The return-to-run plan box beside lines for the PT's notes and signature."""
    cell, bold = style("cell"), style("cell_bold")
    blank = "_" * 12
    plan: list[Flowable] = [
        Paragraph(esc(words.get("plan_title")), bold),
        Spacer(1, 0.6 * mm),
        Paragraph(esc(words.get("plan_text")), cell),
    ]
    plan += [
        Spacer(1, 1.8 * mm),
        Paragraph(f"{esc(words.get('plan_intervals'))} {blank}", cell),
        Spacer(1, 1.8 * mm),
        Paragraph(
            f"{esc(words.get('plan_sessions'))} {'_' * 6}&nbsp;&nbsp;&nbsp; "
            f"{esc(words.get('plan_review'))} {blank}",
            cell,
        ),
    ]
    notes: list[Flowable] = [Paragraph(esc(words.get("notes_title")), bold)]
    notes += [
        HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=NOTE_GAP, spaceAfter=0)
        for _ in range(NOTE_LINES)
    ]
    notes.append(Spacer(1, 2.8 * mm))
    notes.append(
        Paragraph(
            f"{esc(words.get('signature'))} {'_' * 20}  {esc(words.get('date'))} {'_' * 10}", cell
        )
    )
    table = Table([[plan, notes]], colWidths=[FRAME_WIDTH * 0.58, FRAME_WIDTH * 0.42])
    table.setStyle(
        [
            ("BOX", (0, 0), (0, 0), 1.4, INK),
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.2 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.2 * mm),
            ("LEFTPADDING", (1, 0), (1, 0), 3 * mm),
        ]
    )
    return table


def checklist(assessment: Assessment, words: ReportWords) -> list[Flowable]:
    """What the PT does next, as the status allows: the tests, or the escalation record."""
    if assessment.status is Status.URGENT:
        heading = Paragraph(esc(words.get("escalation_heading")), style("section"))
        note = Paragraph(esc(words.get("escalation_note")), style("body"))
        return [KeepTogether([heading, note, Spacer(1, 2 * mm), escalation_record(words)])]
    return [
        CondPageBreak(40 * mm),
        checklist_table(assessment, words),
        Spacer(1, 2 * mm),
        KeepTogether([plan_and_notes(words)]),
    ]
