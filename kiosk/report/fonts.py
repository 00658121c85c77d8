"""The summary's font (DejaVu Sans, shipped in resources/fonts), registered with reportlab once."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.readiness.resources import resource_path

REGULAR = "KioskSans"
BOLD = "KioskSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the regular and bold faces (and the <b>/<i> mapping); later calls do nothing."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        # No italic face ships with the app: italic markup falls back to the upright faces.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)
        _registered = True


def missing_glyphs(text: str) -> set[str]:
    """The characters of `text` that the regular face cannot draw (for tests and checks)."""
    register_fonts()
    face = pdfmetrics.getFont(REGULAR).face
    char_widths: dict[int, int] = face.charWidths  # codepoint -> width, for mapped glyphs
    return {ch for ch in text if ch not in "\n\t" and ord(ch) not in char_widths}
