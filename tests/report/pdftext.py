"""Reading a rendered summary back: page texts (pypdf), whitespace-normalised."""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from pypdf import PdfReader

from kiosk.readiness import Assessment, assess
from kiosk.report import ReportContext, render
from tests.report.samples import SCREENED_AT, TODAY

CONTEXT = ReportContext(screened_at=SCREENED_AT)


def page_texts(pdf: bytes) -> list[str]:
    """The text of each page, with runs of whitespace folded to one space."""
    reader = PdfReader(io.BytesIO(pdf))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def rendered(
    answers: Mapping[str, Any],
    assessment: Assessment | None = None,
    **context: Any,
) -> tuple[bytes, list[str]]:
    """Render `answers` (assessed for real unless given) and read the pages back."""
    if assessment is None:
        assessment = assess(answers, today=TODAY)
    pdf = render(answers, assessment, replace(CONTEXT, **context))
    return pdf, page_texts(pdf)
