"""The summary's one stylesheet: named paragraph styles, page geometry (mm) and tones.

Type never shrinks to fit: body text is 9 pt, nothing is under 8 pt, and grey text
is 8 pt or more (a long summary takes another page instead).
"""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm

from kiosk.report.fonts import BOLD, REGULAR, register_fonts

# Page geometry: US Letter, in points (reportlab's unit), set from mm.
PAGE_WIDTH, PAGE_HEIGHT = LETTER
MARGIN_X = 9 * mm
MARGIN_TOP = 9.5 * mm
MARGIN_BOTTOM = 10.5 * mm
FOOTER_Y = 6 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

# Tones: everything reads in black and white; tints only help on a colour printer.
INK = colors.black
MUTED = colors.Color(0.3, 0.3, 0.3)
RULE = colors.Color(0.55, 0.55, 0.55)
HEADER_FILL = colors.Color(0.88, 0.88, 0.88)
WHITE = colors.white

BODY_SIZE = 9.0
MIN_SIZE = 8.0
FOOTER_SIZE = 8.0
HEADER_SIZE = 8.5  # whose summary it is, atop every later page

# (name, bold face, font size, leading, other ParagraphStyle arguments)
_STYLES: tuple[tuple[str, bool, float, float, dict[str, object]], ...] = (
    ("body", False, 9, 11.5, {}),
    ("body_bold", True, 9, 11.5, {}),
    ("clinic", True, 14, 17, {}),
    ("clinic_sub", False, 8.5, 10.5, {"textColor": MUTED, "alignment": TA_RIGHT}),
    ("patient", True, 13, 16, {"splitLongWords": 1}),
    ("label", False, 8.5, 10.5, {"textColor": MUTED}),
    ("value", True, 9.5, 11.5, {}),
    ("section", True, 11, 13, {"spaceBefore": 3.5, "spaceAfter": 1}),
    ("section_cell", True, 11, 13, {}),
    ("flag", False, 9, 11, {}),
    ("flag_title", True, 9, 9.8, {}),
    ("flag_meta", False, 8.5, 9.8, {"textColor": MUTED}),
    ("group", True, 9.5, 12, {}),
    ("group_inverse", True, 9.5, 12, {"textColor": WHITE}),
    ("assess", False, 9, 10, {"spaceBefore": 0.6}),
    ("shared", False, 9, 10.3, {"spaceBefore": 0.6}),
    ("cell", False, 9, 11, {}),
    ("answers", False, 9, 10.2, {}),
    ("cell_label", False, 9, 11, {"textColor": MUTED}),
    ("cell_bold", True, 9, 11, {}),
    ("cell_centred", False, 9, 11, {"alignment": TA_CENTER}),
    ("source", False, 8, 9.3, {"textColor": MUTED}),
    ("status_word", True, 16, 18, {}),
    ("status_gist", False, 9.5, 12, {}),
    ("callout_title", True, 10, 12.5, {}),
    ("callout", False, 9, 11.5, {}),
    ("urgent_banner", True, 13, 16, {"textColor": WHITE, "alignment": TA_CENTER}),
)


@cache
def stylesheet() -> StyleSheet1:
    """The named paragraph styles every part of the summary uses."""
    register_fonts()
    sheet = StyleSheet1()
    for name, bold, size, leading, extra in _STYLES:
        sheet.add(
            ParagraphStyle(
                name,
                fontName=BOLD if bold else REGULAR,
                fontSize=size,
                leading=leading,
                **{"textColor": INK, **extra},
            )
        )
    return sheet


def style(name: str) -> ParagraphStyle:
    """One named style of the stylesheet."""
    found: ParagraphStyle = stylesheet()[name]
    return found
