"""Every text run of a PDF with the size it is printed at and its fill colour.

Walks each page's content stream (pypdf parses it): the graphics state stack (q/Q, cm,
fill colour) and the text state (Tf, Tm, Td, TD, T*, TL); each text-showing operator
(Tj, TJ, ', ") is one run. Its printed size is the font size scaled by the text and
the current transformation matrices.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(frozen=True)
class Run:
    """One piece of text shown on a page."""

    page: int
    size: float  # points, as printed
    grey: float  # fill lightness: 0 = black, 1 = white
    chars: int


def _times(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _lightness(operator: bytes, values: list[float]) -> float:
    if operator == b"g" and values:
        return values[0]
    if operator == b"rg" and len(values) == 3:
        return 0.299 * values[0] + 0.587 * values[1] + 0.114 * values[2]
    if operator == b"k" and len(values) == 4:
        c, m, y, k = values
        return (
            (1 - min(1.0, c + k)) * 0.299
            + (1 - min(1.0, m + k)) * 0.587
            + (1 - min(1.0, y + k)) * 0.114
        )
    return 0.0


def _shown_chars(operator: bytes, operands: list[object]) -> int:
    if operator == b"TJ":
        parts = operands[0] if operands else []
        return sum(len(p) for p in parts if isinstance(p, bytes | str))  # type: ignore[union-attr]
    text = operands[-1] if operands else b""
    return len(text) if isinstance(text, bytes | str) else 0


def text_runs(pdf: bytes) -> list[Run]:
    """Every text run on every page (page numbers from 1)."""
    reader = PdfReader(io.BytesIO(pdf))
    runs: list[Run] = []
    for number, page in enumerate(reader.pages, start=1):
        content = ContentStream(page.get_contents(), reader)
        ctm, fill = IDENTITY, 0.0
        stack: list[tuple[Matrix, float]] = []
        tm = line = IDENTITY
        size, leading = 0.0, 0.0
        for operands, operator in content.operations:
            values = [float(v) for v in operands if isinstance(v, int | float)]
            if operator == b"q":
                stack.append((ctm, fill))
            elif operator == b"Q":
                ctm, fill = stack.pop()
            elif operator == b"cm":
                ctm = _times(tuple(values), ctm)  # type: ignore[arg-type]
            elif operator in (b"g", b"rg", b"k"):
                fill = _lightness(operator, values)
            elif operator == b"BT":
                tm = line = IDENTITY
            elif operator == b"Tf":
                size = float(operands[1])  # type: ignore[arg-type]
            elif operator == b"TL":
                leading = values[0]
            elif operator == b"Tm":
                tm = line = tuple(values)  # type: ignore[assignment]
            elif operator in (b"Td", b"TD"):
                if operator == b"TD":
                    leading = -values[1]
                tm = line = _times((1, 0, 0, 1, values[0], values[1]), line)
            elif operator in (b"T*", b"'", b'"'):
                tm = line = _times((1, 0, 0, 1, 0, -leading), line)
            if operator in (b"Tj", b"TJ", b"'", b'"'):
                chars = _shown_chars(operator, list(operands))
                if chars:
                    a, b, c, d, _, _ = _times(tm, ctm)
                    scale = math.sqrt(abs(a * d - b * c))
                    runs.append(Run(number, round(size * scale, 2), round(fill, 3), chars))
    return runs


def rectangles(pdf: bytes, page_number: int) -> list[tuple[float, float]]:
    """The (width, height) in points of every rectangle drawn on a page (`re`), as printed."""
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[page_number - 1]
    content = ContentStream(page.get_contents(), reader)
    ctm = IDENTITY
    stack: list[Matrix] = []
    found: list[tuple[float, float]] = []
    for operands, operator in content.operations:
        values = [float(v) for v in operands if isinstance(v, int | float)]
        if operator == b"q":
            stack.append(ctm)
        elif operator == b"Q":
            ctm = stack.pop()
        elif operator == b"cm":
            ctm = _times(tuple(values), ctm)  # type: ignore[arg-type]
        elif operator == b"re":
            a, b, c, d, _, _ = ctm
            found.append((abs(values[2]) * math.hypot(a, b), abs(values[3]) * math.hypot(c, d)))
    return found
