"""Status and severity cues that survive a black-and-white printer: words, symbols, patterns."""

from __future__ import annotations

import math
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from kiosk.readiness.model import Severity, Status
from kiosk.report.fonts import BOLD
from kiosk.report.styles import INK, WHITE, style
from kiosk.report.words import ReportWords


@dataclass(frozen=True)
class StatusLook:
    """How one status reads on paper besides its words: a pattern and a border."""

    pattern: str  # "solid" | "hatch" | "dots" | "plain"
    border: float  # points
    dashed: bool
    tint: colors.Color


STATUS_LOOKS: dict[Status, StatusLook] = {
    Status.URGENT: StatusLook("solid", 3.0, False, colors.Color(0.55, 0.04, 0.04)),
    Status.NOT_YET: StatusLook("hatch", 3.0, False, colors.Color(0.75, 0.25, 0.0)),
    Status.BUILD_FOUNDATION: StatusLook("dots", 2.0, True, colors.Color(0.6, 0.45, 0.0)),
    Status.READY_FOR_ASSESSMENT: StatusLook("plain", 1.2, False, colors.Color(0.0, 0.4, 0.15)),
}

# Severity symbols: a shape for each, printed beside the severity's word.
SEVERITY_SYMBOLS: dict[Severity, str] = {
    Severity.RED_FLAG: "■",
    Severity.CONTRAINDICATION: "●",
    Severity.CAUTION: "▲",
    Severity.NOTE: "○",
}


def status_word(status: Status, words: ReportWords) -> str:
    """The status in words, as printed in the status box."""
    return words.get(f"status_{status.value}")


def status_gist(status: Status, words: ReportWords) -> str:
    """What the status means for the PT today, in one sentence."""
    return words.get(f"status_{status.value}_gist")


class StatusBox(Flowable):  # type: ignore[misc]
    """A bordered box: a patterned band with the status symbol, then the word and its gist."""

    def __init__(self, status: Status, words: ReportWords) -> None:
        super().__init__()
        self.status = status
        self.spec = STATUS_LOOKS[status]
        self.band = 22 * mm
        self.box_height = 15 * mm
        inverse = self.spec.pattern == "solid"
        colour = WHITE if inverse else INK
        self.word = Paragraph(
            f'<font color="{colour.hexval()}">{escape(status_word(status, words))}</font>',
            style("status_word"),
        )
        self.gist = Paragraph(
            f'<font color="{colour.hexval()}">{escape(status_gist(status, words))}</font>',
            style("status_gist"),
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        text_width = avail_width - self.band - 4 * mm
        _, word_h = self.word.wrap(text_width, avail_height)
        _, gist_h = self.gist.wrap(text_width, avail_height)
        self.height = max(self.box_height, word_h + gist_h + 2.2 * mm)
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        w, h, band, spec = self.width, self.height, self.band, self.spec
        canvas.saveState()
        if spec.pattern == "solid":
            canvas.setFillColor(spec.tint)
            canvas.rect(0, 0, w, h, stroke=0, fill=1)
        elif spec.pattern == "hatch":
            _hatch(canvas, band, h, spec.tint, spec.border)
        elif spec.pattern == "dots":
            _dots(canvas, band, h, spec.tint)
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(spec.border)
        if spec.dashed:
            canvas.setDash(6, 3)
        half = spec.border / 2
        canvas.rect(half, half, w - spec.border, h - spec.border, stroke=1, fill=0)
        canvas.setDash()
        if spec.pattern == "solid":  # a second, inner border makes urgent unmistakable
            canvas.setStrokeColor(WHITE)
            canvas.setLineWidth(1)
            canvas.rect(2.2 * mm, 2.2 * mm, w - 4.4 * mm, h - 4.4 * mm, stroke=1, fill=0)
        else:
            canvas.setLineWidth(1)
            canvas.line(band, 0, band, h)
        _symbol(canvas, self.status, band / 2, h / 2, min(h * 0.3, 6 * mm))
        x = band + 2 * mm
        word_h = self.word.wrap(w - x - 2 * mm, h)[1]
        gist_h = self.gist.wrap(w - x - 2 * mm, h)[1]
        top = (h + word_h + gist_h) / 2
        self.word.drawOn(canvas, x, top - word_h)
        self.gist.drawOn(canvas, x, top - word_h - gist_h)
        canvas.restoreState()


def _hatch(canvas: Canvas, width: float, height: float, tint: colors.Color, inset: float) -> None:
    """Diagonal stripes over the band (not yet), inside the border."""
    canvas.saveState()
    path = canvas.beginPath()
    path.rect(inset, inset, width - inset, height - 2 * inset)
    canvas.clipPath(path, stroke=0, fill=0)
    canvas.setStrokeColor(tint)
    canvas.setLineWidth(1.6)
    step = 2.4 * mm
    x = -height
    while x < width:
        canvas.line(x, 0, x + height, height)
        x += step
    canvas.restoreState()


def _dots(canvas: Canvas, width: float, height: float, tint: colors.Color) -> None:
    """A grid of dots over the band (build foundation)."""
    canvas.setFillColor(tint)
    step = 2.6 * mm
    y = step / 2
    while y < height:
        x = step / 2
        while x < width:
            canvas.circle(x, y, 0.45 * mm, stroke=0, fill=1)
            x += step
        y += step


def _symbol(canvas: Canvas, status: Status, cx: float, cy: float, r: float) -> None:
    """The status symbol on a white (or, for urgent, on the dark) disc."""
    canvas.setLineWidth(1.6)
    if status is Status.URGENT:
        _triangle(canvas, cx, cy, r, WHITE, fill=True)
        canvas.setFillColor(colors.black)
        canvas.setFont(BOLD, r * 1.25)
        canvas.drawCentredString(cx, cy - r * 0.5, "!")
        return
    canvas.setFillColor(WHITE)
    canvas.setStrokeColor(INK)
    canvas.circle(cx, cy, r * 1.15, stroke=1, fill=1)
    canvas.setLineWidth(2.2)
    if status is Status.NOT_YET:  # no entry: a bar across the disc
        canvas.setFillColor(INK)
        canvas.rect(cx - r * 0.7, cy - r * 0.18, r * 1.4, r * 0.36, stroke=0, fill=1)
    elif status is Status.BUILD_FOUNDATION:  # caution: a triangle with a bang
        _triangle(canvas, cx, cy + r * 0.05, r * 0.8, WHITE, fill=False)
        canvas.setFillColor(INK)
        canvas.setFont(BOLD, r * 0.8)
        canvas.drawCentredString(cx, cy - r * 0.38, "!")
    else:  # ready for assessment: an arrow on to the in-clinic tests
        canvas.line(cx - r * 0.6, cy, cx + r * 0.55, cy)
        canvas.line(cx + r * 0.15, cy + r * 0.4, cx + r * 0.6, cy)
        canvas.line(cx + r * 0.15, cy - r * 0.4, cx + r * 0.6, cy)


def _triangle(
    canvas: Canvas, cx: float, cy: float, r: float, colour: colors.Color, *, fill: bool
) -> None:
    points = [
        (cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)))
        for a in (90, 210, 330)
    ]
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.close()
    canvas.setStrokeColor(colour if fill else INK)
    canvas.setFillColor(colour)
    canvas.drawPath(path, stroke=1, fill=1 if fill else 0)
