"""What the PT summary needs to know besides the answers: clinic, versions, languages, time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import kiosk
from kiosk import clinic

DEFAULT_CLINIC_NAME = clinic.CLINIC_NAME
DEFAULT_LOCATIONS: tuple[tuple[str, str], ...] = tuple(
    (place.name, place.phone) for place in clinic.LOCATIONS
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
    alert_reference: str = ""  # urgent: the front-desk alert's reference, printed near URGENT
