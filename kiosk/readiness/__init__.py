"""The shared readiness module: pure Python screening logic, no Qt, no reportlab.

``assess(answers)`` returns an Assessment whose ``to_dict()`` is the JSON of
clinical-spec section 6; bad input raises AnswersError (a ValueError) naming the key.
``load_questionnaire()`` reads the content (questions, rule words, languages) once;
hand it to ``assess(answers, questionnaire=..., language=...)``.
``urgent_signs(questionnaire, answers)`` says which urgent answers a (partial) set holds.
``RULES`` is the one rule table; ``python -m kiosk.readiness --rules`` prints it.
"""

from kiosk.readiness.assess import assess, status_for
from kiosk.readiness.content import default_questionnaire, load_questionnaire
from kiosk.readiness.model import SOURCES, AnswersError, Assessment, Flag, Severity, Status
from kiosk.readiness.questionnaire import (
    Part,
    Question,
    Questionnaire,
    QuestionnaireError,
    QuestionText,
    RuleWords,
)
from kiosk.readiness.rules import RULES, RULES_BY_ID, RULES_VERSION, Rule
from kiosk.readiness.urgency import is_urgent, unasked_signs, urgent_signs
from kiosk.readiness.validate import ValidAnswers, validate_answers

__all__ = [
    "RULES",
    "RULES_BY_ID",
    "RULES_VERSION",
    "SOURCES",
    "AnswersError",
    "Assessment",
    "Flag",
    "Part",
    "Question",
    "QuestionText",
    "Questionnaire",
    "QuestionnaireError",
    "Rule",
    "RuleWords",
    "Severity",
    "Status",
    "ValidAnswers",
    "assess",
    "default_questionnaire",
    "is_urgent",
    "load_questionnaire",
    "status_for",
    "unasked_signs",
    "urgent_signs",
    "validate_answers",
]
