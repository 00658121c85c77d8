"""The summary's font covers what patients type; any valid answer set renders on 4 pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings

from kiosk.readiness import assess
from kiosk.readiness.resources import resource_path
from kiosk.report.fonts import missing_glyphs
from kiosk.ui.widgets.keyboard import ROWS
from tests.readiness.factories import answer_sets
from tests.report.pdftext import rendered
from tests.report.samples import READY, with_name

SPANISH = "áéíóúüñÁÉÍÓÚÜÑ¿¡«»ºª€"
TYPOGRAPHY = "'’‘\"“”-‐–—…·°"
LATIN_1_LETTERS = "".join(chr(c) for c in range(0xC0, 0x100) if chr(c).isalpha())


def test_font_ships_with_its_license() -> None:
    folder = resource_path("fonts")
    assert (folder / "DejaVuSans.ttf").is_file()
    assert (folder / "DejaVuSans-Bold.ttf").is_file()
    assert "Bitstream" in (folder / "LICENSE.txt").read_text(encoding="utf-8")


def test_font_covers_the_keyboard_spanish_and_punctuation() -> None:
    keys = "".join(key for row in ROWS for key in row if len(key) == 1)
    typed = keys + keys.upper() + " "
    assert missing_glyphs(typed + SPANISH + TYPOGRAPHY + LATIN_1_LETTERS) == set()


def test_every_name_the_keyboard_can_type_prints() -> None:
    keys = "".join(key for row in ROWS for key in row if len(key) == 1)
    name = (keys + keys.upper())[:60]
    _, pages = rendered(with_name(READY, name))
    assert name in pages[0]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets())
def test_any_valid_answer_set_renders_on_at_most_four_pages(answers: dict[str, Any]) -> None:
    assessment = assess(answers)
    _, pages = rendered(answers, assessment)
    assert 1 <= len(pages) <= 4


def test_importing_report_loads_neither_qt_nor_reportlab() -> None:
    code = (
        "import sys, kiosk, kiosk.report;"
        "heavy = ('PySide6', 'shiboken6', 'reportlab');"
        "print([m for m in sys.modules if m.split('.')[0] in heavy])"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
