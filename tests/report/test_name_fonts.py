"""Names in scripts the summary's font lacks: a fallback font, or "[?]", never empty boxes."""

from __future__ import annotations

import io
import os

import pytest
from pypdf import PdfReader

from kiosk.report import fonts
from tests.report.pdftext import rendered
from tests.report.samples import READY

CJK = "李小龙"
EMOJI = "🏃"


def _font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_a_name_in_a_script_the_font_lacks_prints_with_the_fallback() -> None:
    if fonts.fallback_font() is None:
        message = "no fallback font here (apt-get install fonts-droid-fallback)"
        if os.environ.get("KIOSK_REQUIRE_CUPS") == "1":  # CI installs the system packages
            pytest.fail(message)
        pytest.skip(message)
    pdf, pages = rendered({**READY, "patient_name": f"{CJK} Lin {EMOJI}"})
    assert f"{CJK} Lin {fonts.PLACEHOLDER}" in pages[0]  # no font here has the runner
    assert any("Fallback" in name for name in _font_names(pdf))


def test_without_a_fallback_a_clear_placeholder_and_never_a_missing_glyph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(fonts, "FALLBACK_FILES", ())
    pdf, pages = rendered({**READY, "patient_name": f"{CJK} Lin {EMOJI}"})
    assert f"{fonts.PLACEHOLDER} Lin {fonts.PLACEHOLDER}" in pages[0]
    assert all(not fonts.missing_glyphs(text) for text in pages)
    assert not any("Fallback" in name for name in _font_names(pdf))


def test_the_runs_split_by_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "FALLBACK_FILES", ())
    assert fonts.printable(f"Ana {CJK}") == f"Ana {fonts.PLACEHOLDER}"
    assert fonts.printable_markup("A&B <i>") == "A&amp;B &lt;i&gt;"
