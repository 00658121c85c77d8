"""What the PT summary needs to know besides the answers: clinic, versions, languages, time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import kiosk

DEFAULT_CLINIC_NAME = "bodymechanics physical therapy"
DEFAULT_LOCATIONS: tuple[tuple[str, str], ...] = (
    ("Milwaukee", "414-224-8219"),
    ("Pewaukee", "262-695-3057"),
)


@dataclass(frozen=True)
class ReportContext:
    """Everything printed on the summary that is not an answer or a flag.

    `locations` are (name, phone) pairs. `report_language` picks the question and
    answer labels; `patient_language` is the language the patient used, noted on the PDF.
    An empty `rules_version` means "take it from the questionnaire".
    """

    clinic_name: str = DEFAULT_CLINIC_NAME
    locations: tuple[tuple[str, str], ...] = DEFAULT_LOCATIONS
    app_version: str = kiosk.__version__
    rules_version: str = ""
    report_language: str = "en"
    patient_language: str = "en"
    screened_at: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
