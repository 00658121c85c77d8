"""The summary's one stylesheet: named paragraph styles, page geometry (mm) and tones."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from kiosk.report.fonts import BOLD, REGULAR, register_fonts

# Page geometry: US Letter, in points (reportlab's unit), set from mm.
PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN_X = 13 * mm
MARGIN_TOP = 11 * mm
MARGIN_BOTTOM = 13 * mm
FOOTER_Y = 7 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

# Tones: everything reads in black and white; tints only help on a colour printer.
INK = colors.black
MUTED = colors.Color(0.3, 0.3, 0.3)
RULE = colors.Color(0.55, 0.55, 0.55)
HEADER_FILL = colors.Color(0.9, 0.9, 0.9)
WHITE = colors.white


# (name, bold face, font size, leading, other ParagraphStyle arguments)
_STYLES: tuple[tuple[str, bool, float, float, dict[str, object]], ...] = (
    ("body", False, 8.6, 10.4, {}),
    ("clinic", True, 14, 17, {}),
    ("clinic_sub", False, 7.6, 9.2, {"textColor": MUTED, "alignment": TA_RIGHT}),
    ("patient", True, 13, 16, {}),
    ("label", False, 7.2, 8.8, {"textColor": MUTED}),
    ("value", True, 9, 11, {}),
    ("section", True, 10, 12.5, {"spaceBefore": 4, "spaceAfter": 2}),
    ("flag_text", False, 7.9, 9.5, {}),
    ("flag_meta", False, 6.6, 8, {"textColor": MUTED}),
    ("severity", True, 7.2, 8.8, {}),
    ("cell", False, 7.3, 8.7, {}),
    ("cell_label", False, 7.3, 8.7, {"textColor": MUTED}),
    ("cell_bold", True, 7.3, 8.7, {}),
    ("cell_centred", False, 7.3, 8.7, {"alignment": TA_CENTER}),
    ("small", False, 7.2, 8.8, {}),
    ("source", False, 6.6, 8, {"textColor": MUTED}),
    ("status_word", True, 15, 18, {}),
    ("status_gist", False, 8.4, 10.2, {}),
    ("urgent_banner", True, 12, 14, {"textColor": WHITE, "alignment": TA_CENTER}),
    ("footer", False, 6.8, 8, {"textColor": MUTED}),
)


@cache
def stylesheet(scale: float = 1.0) -> StyleSheet1:
    """The named paragraph styles every part of the summary uses, at a size `scale`."""
    register_fonts()
    sheet = StyleSheet1()
    for name, bold, size, leading, extra in _STYLES:
        kwargs: dict[str, object] = {"textColor": INK, **extra}
        for key in ("spaceBefore", "spaceAfter"):
            if key in kwargs:
                kwargs[key] = float(kwargs[key]) * scale  # type: ignore[arg-type]
        sheet.add(
            ParagraphStyle(
                name,
                fontName=BOLD if bold else REGULAR,
                fontSize=size * scale,
                leading=leading * scale,
                **kwargs,
            )
        )
    return sheet


@dataclass(frozen=True)
class Look:
    """The stylesheet and spacing at one density (1.0 = normal; smaller = tighter)."""

    scale: float = 1.0

    def style(self, name: str) -> ParagraphStyle:
        """One named style of the stylesheet."""
        found: ParagraphStyle = stylesheet(self.scale)[name]
        return found

    def mm(self, value: float) -> float:
        """A vertical distance in mm, in points, tightened with the density."""
        return float(value * mm * self.scale)
