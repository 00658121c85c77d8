"""The shared readiness module: pure Python screening logic, no Qt, no reportlab.

    from kiosk.readiness import assess, AnswersError
    assessment = assess({"baby_birth_date": "2026-08-01", ...})
    assessment.to_dict()   # the JSON of clinical-spec section 6
"""

from kiosk.readiness.model import SOURCES, AnswersError, Assessment, Flag, Severity, Status
from kiosk.readiness.questionnaire import (
    Question,
    Questionnaire,
    QuestionnaireError,
    QuestionText,
    load_questionnaire,
)

__all__ = [
    "SOURCES",
    "AnswersError",
    "Assessment",
    "Flag",
    "Question",
    "QuestionText",
    "Questionnaire",
    "QuestionnaireError",
    "Severity",
    "Status",
    "load_questionnaire",
]
