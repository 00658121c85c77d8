"""The in-clinic checklist (clinical-spec section 7) and the return-to-run plan box."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table, TableStyle

from kiosk.report.fonts import REGULAR
from kiosk.report.styles import FRAME_WIDTH, HEADER_FILL, INK, RULE, Look

# (group heading, [(test, sided)]); sided = a left and a right result.
CHECKLIST: tuple[tuple[str, tuple[tuple[str, bool], ...]], ...] = (
    (
        "Load and impact, each without pain, heaviness, dragging or leaking (GOOM2019)",
        (
            ("Walk 30 minutes", False),
            ("Single-leg balance 10 s", True),
            ("Single-leg squat x10", True),
            ("Jog on the spot 1 minute", False),
            ("Forward bounds x10", False),
            ("Hop in place x10", True),
            ('Single-leg "running man" x10', True),
        ),
    ),
    (
        "Strength, 20 repetitions each side (GOOM2019)",
        (
            ("Single-leg calf raise", True),
            ("Single-leg bridge", True),
            ("Single-leg sit to stand", True),
            ("Side-lying hip abduction", True),
        ),
    ),
    (
        "Also (CLINIC)",
        (
            ("Abdominal wall and diastasis measurement", False),
            ("Pelvic floor assessment", False),
            ("Hip strength", True),
            ("Hip mobility and control", True),
            ("Jumping mechanics", False),
        ),
    ),
)

PLAN_TEXT = (
    "Start with walk-run intervals. Change one thing at a time. Add no more than about 10% "
    "running volume a week. If leaking, heaviness or pain start during the run part: stop "
    "and walk. Adjust for sleep, mood, breastfeeding and energy."
)
PASS_FAIL = "□ pass  □ fail"


def checklist_items() -> list[str]:
    """Every test name on the checklist, in order."""
    return [test for _, tests in CHECKLIST for test, _ in tests]


def checklist_table(look: Look) -> Table:
    """The checklist: one row a test, left/right pass-fail boxes and a column for notes."""
    cell, bold, label = look.style("cell"), look.style("cell_bold"), look.style("cell_label")
    centred = look.style("cell_centred")
    rows: list[list[Flowable | str]] = [
        [
            Paragraph("Test", bold),
            Paragraph("Left", bold),
            Paragraph("Right", bold),
            Paragraph("Notes", bold),
        ]
    ]
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
    ]
    for heading, tests in CHECKLIST:
        commands += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("LINEBELOW", (0, len(rows)), (-1, len(rows)), 0.6, INK),
        ]
        rows.append([Paragraph(f"<b>{escape(heading)}</b>", label), "", "", ""])
        for test, sided in tests:
            if sided:
                rows.append(
                    [
                        Paragraph(escape(test), cell),
                        Paragraph(PASS_FAIL, cell),
                        Paragraph(PASS_FAIL, cell),
                        "",
                    ]
                )
            else:
                commands.append(("SPAN", (1, len(rows)), (2, len(rows))))
                rows.append([Paragraph(escape(test), cell), Paragraph(PASS_FAIL, centred), "", ""])
    widths = [62 * mm, 27 * mm, 27 * mm, FRAME_WIDTH - 116 * mm]
    table = Table(rows, colWidths=widths, repeatRows=1)
    pad = look.mm(1.0)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTSIZE", (0, 0), (-1, -1), 6),
                ("LEADING", (0, 0), (-1, -1), 7),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), pad),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.6 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.2 * mm),
                *commands,
            ]
        )
    )
    return table


def plan_and_notes(look: Look) -> Table:
    """The return-to-run plan box beside lines for the PT's notes and signature."""
    cell, bold = look.style("cell"), look.style("cell_bold")
    plan = [
        Paragraph("Return-to-run plan (DEERING2024)", bold),
        Paragraph(escape(PLAN_TEXT), cell),
        Paragraph("Walk-run intervals: ____________________", cell),
        Paragraph("Sessions a week: ______  Review on: ____________", cell),
    ]
    notes: list[Flowable] = [Paragraph("PT notes", bold)]
    notes += [
        HRFlowable(width="100%", thickness=0.5, color=RULE, spaceBefore=look.mm(6), spaceAfter=0)
        for _ in range(3)
    ]
    notes.append(Spacer(1, look.mm(5)))
    notes.append(
        Paragraph("PT signature: ______________________________  Date: ____________", cell)
    )
    table = Table([[plan, notes]], colWidths=[FRAME_WIDTH * 0.46, FRAME_WIDTH * 0.54])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (0, 0), 1.4, INK),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), look.mm(1.4)),
                ("BOTTOMPADDING", (0, 0), (-1, -1), look.mm(1.4)),
                ("LEFTPADDING", (0, 0), (-1, -1), 2 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return table
