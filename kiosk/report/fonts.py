"""The summary's font (DejaVu Sans, shipped in resources/fonts), registered with reportlab once,
and a fallback for names in scripts it lacks (CJK): a TrueType font of the system, if any,
else a clear placeholder, never empty boxes."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.readiness.resources import resource_path

REGULAR = "KioskSans"
BOLD = "KioskSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False
PLACEHOLDER = "[?]"  # stands for characters no available font can draw
# System fonts with TrueType outlines (reportlab cannot embed CFF-based OpenType or colour
# emoji) and wide coverage, first found wins: Debian's fonts-droid-fallback (CJK), WenQuanYi,
# Windows' SimSun and Microsoft YaHei.
FALLBACK_FILES: tuple[str, ...] = (
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
_fallbacks: dict[tuple[str, ...], str | None] = {}


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


def _chars(font: str) -> dict[int, int]:
    widths: dict[int, int] = pdfmetrics.getFont(font).face.charWidths
    return widths


def fallback_font() -> str | None:
    """The registered name of the first usable font in `FALLBACK_FILES`, or None."""
    search = FALLBACK_FILES
    with _lock:
        if search in _fallbacks:
            return _fallbacks[search]
        found: str | None = None
        for file in search:
            name = f"KioskFallback-{Path(file).stem}"
            try:
                if Path(file).is_file():
                    pdfmetrics.registerFont(TTFont(name, file, subfontIndex=0))
                    found = name
                    break
            except Exception:  # not TrueType, damaged, unreadable: try the next one
                continue
        _fallbacks[search] = found
        return found


def _runs(text: str) -> list[tuple[str | None, str]]:
    """`text` cut into runs drawn by one font: REGULAR, the fallback, or None (no font)."""
    register_fonts()
    regular = _chars(REGULAR)
    fallback = fallback_font()
    extra = _chars(fallback) if fallback is not None else {}
    runs: list[tuple[str | None, str]] = []
    for char in text:
        code = ord(char)
        font = REGULAR if code in regular or char in "\n\t" else None
        if font is None and code in extra:
            font = fallback
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def printable(text: str) -> str:
    """`text` for a single-font line: what the summary's font lacks becomes "[?]"."""
    return "".join(part if font == REGULAR else PLACEHOLDER for font, part in _runs(text))


def printable_markup(text: str) -> str:
    """`text` as Paragraph markup: the fallback font where the summary's font has no glyph,
    "[?]" where no font has one. Escaped (&, <, >); control characters are the caller's."""
    from xml.sax.saxutils import escape

    pieces = []
    for font, part in _runs(text):
        if font == REGULAR:
            pieces.append(escape(part))
        elif font is not None:
            pieces.append(f'<font name="{font}">{escape(part)}</font>')
        else:
            pieces.append(PLACEHOLDER)
    return "".join(pieces)
