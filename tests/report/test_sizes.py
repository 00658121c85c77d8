"""Type never shrinks to fit: every text run read back from the PDF is 8 pt or more, the
median is 9 pt or more, and grey text is 8 pt or more; the checklist leaves room to write."""

from __future__ import annotations

import io
import statistics
from typing import Any

import pytest
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kiosk.readiness import assess
from kiosk.report.checklist import CHECKLIST, checklist_items, checklist_table, escalation_record
from kiosk.report.styles import FRAME_WIDTH, PAGE_HEIGHT
from kiosk.report.words import report_words
from tests.report.pdfsizes import rectangles, text_runs
from tests.report.pdftext import rendered
from tests.report.samples import (
    ALTERNATE,
    LONGEST,
    LONGEST_NAME,
    LONGEST_URGENT,
    NOT_YET,
    READY,
    TODAY,
    URGENT,
    WORST_BUILD_FOUNDATION,
    WORST_READY,
    with_name,
)

CASES: dict[str, tuple[dict[str, Any], str]] = {
    "longest_es": (with_name(LONGEST, LONGEST_NAME), "es"),
    "longest_urgent": (LONGEST_URGENT, "en"),
    "alternate_es": (ALTERNATE, "es"),
    "calm": (READY, "en"),
    "not_yet_es": (NOT_YET, "es"),
    "urgent": (URGENT, "en"),
    "worst_build_foundation_es": (WORST_BUILD_FOUNDATION, "es"),
    "worst_ready": (WORST_READY, "en"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_no_text_under_8pt_body_at_9pt_no_small_grey(case: str) -> None:
    answers, language = CASES[case]
    pdf, pages = rendered(answers, report_language=language)
    runs = text_runs(pdf)
    assert {run.page for run in runs} == set(range(1, len(pages) + 1))
    assert min(run.size for run in runs) >= 8
    assert statistics.median(run.size for run in runs) >= 9
    by_character = [run.size for run in runs for _ in range(run.chars)]
    assert statistics.median(by_character) >= 9
    grey = [run.size for run in runs if 0 < run.grey < 1]
    assert grey and min(grey) >= 8  # the footer and the source keys are grey: at 8 pt or more


def test_the_size_reader_sees_small_and_grey_text() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(10, 10, "body")
    canvas.saveState()
    canvas.translate(100, 100)
    canvas.scale(0.5, 0.5)
    canvas.setFillGray(0.5)
    canvas.drawString(0, 0, "tiny grey")  # 9 pt drawn at half size
    canvas.restoreState()
    text = canvas.beginText(10, 50)
    text.setFont("Helvetica", 12)
    text.textLine("big")
    canvas.drawText(text)
    canvas.save()
    runs = text_runs(buffer.getvalue())
    assert sorted((r.size, r.grey, r.chars) for r in runs) == [
        (4.5, 0.5, 9),
        (9.0, 0.0, 4),
        (12.0, 0.0, 3),
    ]


def _row_heights(table: Any) -> list[float]:
    table.wrap(FRAME_WIDTH, PAGE_HEIGHT)
    return list(table._rowHeights)


@pytest.mark.parametrize("answers", [READY, LONGEST, ALTERNATE], ids=["ready", "longest", "alt"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_checklist_rows_are_at_least_7mm(answers: dict[str, Any], language: str) -> None:
    table = checklist_table(assess(answers, today=TODAY), report_words(language))
    heights = _row_heights(table)
    assert len(heights) >= len(checklist_items(report_words(language)))
    assert min(heights) >= 7 * mm


def test_escalation_rows_are_at_least_7mm_with_room_to_write() -> None:
    heights = _row_heights(escalation_record(report_words("en")))
    assert min(heights) >= 7 * mm
    assert max(heights) >= 25 * mm  # "what was done" gets several lines


def test_tick_boxes_are_at_least_4mm() -> None:
    pdf, _ = rendered(READY)
    boxes = [
        (w, h)
        for page in (1, 2)
        for w, h in rectangles(pdf, page)
        if abs(w - h) < 0.01 and w < 10 * mm
    ]
    tests = [test for _, group in CHECKLIST for test in group]
    # pass and fail on each side of a sided test, and once for the others
    assert len(boxes) == sum(4 if test.sided else 2 for test in tests) == 52
    assert min(w for w, _ in boxes) >= 4 * mm


def test_results_have_room_for_reps_seconds_and_centimetres() -> None:
    words = report_words("en")
    _, pages = rendered(READY)
    text = " ".join(pages)
    for unit in ("reps", "seconds", "cm"):
        assert f"{words.get('fail')} {words.get(f'units.{unit}')}" in text
