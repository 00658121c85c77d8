"""The PT summary PDF (reportlab, no Qt): `render(answers, assessment, context) -> bytes`.

    from kiosk.report import ReportContext, render
    pdf = render(answers, assess(answers), ReportContext(clinic_name="...", screened_at=now))

reportlab is imported on the first `render`, not with this package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.readiness.model import Assessment
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.report.context import DEFAULT_CLINIC_NAME, DEFAULT_LOCATIONS, ReportContext


def render(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    *,
    questionnaire: Questionnaire | None = None,
) -> bytes:
    """The PT summary as PDF bytes: US Letter, as many pages as it needs (type never shrinks).

    `questionnaire`: the content the caller loaded once (default: the one in `resources/`).
    """
    from kiosk.report.document import render as render_pdf

    return render_pdf(answers, assessment, context, questionnaire=questionnaire)


__all__ = ["DEFAULT_CLINIC_NAME", "DEFAULT_LOCATIONS", "ReportContext", "render"]
