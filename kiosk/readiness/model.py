"""The readiness module's result types: severities, statuses, rules, flags, assessments."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class AnswersError(ValueError):
    """The answers are not valid; the message names the key and what is allowed."""


class Severity(StrEnum):
    """Flag severities, most severe first (clinical-spec section 5)."""

    RED_FLAG = "red_flag"
    CONTRAINDICATION = "contraindication"
    CAUTION = "caution"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


class Status(StrEnum):
    """Readiness statuses (clinical-spec section 6)."""

    URGENT = "urgent"
    NOT_YET = "not_yet"
    BUILD_FOUNDATION = "build_foundation"
    READY_FOR_ASSESSMENT = "ready_for_assessment"


@dataclass(frozen=True)
class Flag:
    """One rule that fired for this patient, in the words of one language."""

    id: str
    severity: Severity
    title: str
    clinician_title: str
    patient_text: str
    clinician_text: str
    sources: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "severity": self.severity.value,
            "title": self.title,
            "clinician_title": self.clinician_title,
            "patient_text": self.patient_text,
            "clinician_text": self.clinician_text,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class Assessment:
    """The result of `assess()`: status, weeks postpartum, ordered flags, PHQ-2 score."""

    status: Status
    weeks_postpartum: int
    flags: tuple[Flag, ...]
    phq2_score: int | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON of clinical-spec section 6."""
        return {
            "status": self.status.value,
            "weeks_postpartum": self.weeks_postpartum,
            "flags": [flag.to_dict() for flag in self.flags],
            "phq2_score": self.phq2_score,
        }


# Full citations, by the keys of clinical-spec section 2.
SOURCES: dict[str, str] = {
    "CLINIC": 'The clinic\'s article "Postpartum Running".',
    "GOOM2019": (
        "Goom T, Donnelly G, Brockwell E. Returning to running postnatal: guidelines for "
        "medical, health and fitness professionals managing this population. 2019."
    ),
    "DONNELLY2020": "Donnelly GM et al. Br J Sports Med 2020;54:1114.",
    "CHRISTOPHER2024": (
        "Christopher SM et al. Br J Sports Med 2024;58:299-312 (Delphi consensus on "
        "return-to-running readiness)."
    ),
    "DEERING2024": (
        "Deering RE et al. Br J Sports Med 2024;58:183-195 (Delphi consensus on programme design)."
    ),
    "DAVENPORT2025": (
        "Davenport MH et al. Br J Sports Med 2025;59:527-538 (postpartum pre-participation "
        "screening and relative contraindications)."
    ),
    "POSTBIRTH": (
        'AWHONN POST-BIRTH warning signs, with the CDC "Hear Her" urgent maternal warning signs.'
    ),
    "ICS": "International Continence Society terminology (stress and urgency incontinence).",
    "POPQ": "Bump RC et al. 1996. Pelvic organ prolapse quantification (POP-Q) staging.",
    "RCOG-OASI": ("RCOG Green-top Guideline 29: third- and fourth-degree perineal tears (OASI)."),
    "PHQ2": (
        "Kroenke K, Spitzer RL, Williams JB. The Patient Health Questionnaire-2. "
        "Med Care 2003;41:1284-92."
    ),
    "MOVINGMED": "Moving Medicine postnatal activity pages (running with a buggy from ~6 months).",
}
