"""`assess()`: answers in, readiness status and ordered flags out (clinical-spec sections 3-6)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from kiosk.readiness.model import Assessment, Flag, Severity, Status
from kiosk.readiness.rules import RULES, Rule
from kiosk.readiness.validate import ValidAnswers, validate_answers

# The status each severity leads to, most severe first (clinical-spec section 6).
_STATUS_FOR: tuple[tuple[Severity, Status], ...] = (
    (Severity.RED_FLAG, Status.URGENT),
    (Severity.CONTRAINDICATION, Status.NOT_YET),
    (Severity.CAUTION, Status.BUILD_FOUNDATION),
)


def status_for(flags: Sequence[Flag]) -> Status:
    """urgent > not_yet > build_foundation > ready_for_assessment; notes never count."""
    present = {flag.severity for flag in flags}
    for severity, status in _STATUS_FOR:
        if severity in present:
            return status
    return Status.READY_FOR_ASSESSMENT


def fired_rules(answers: ValidAnswers, rules: Sequence[Rule] = RULES) -> tuple[Rule, ...]:
    """The rules that fire, ordered by severity, then by rule table order."""
    order = {rule.id: (rule.severity.rank, index) for index, rule in enumerate(rules)}
    return tuple(sorted((rule for rule in rules if rule.fires(answers)), key=lambda r: order[r.id]))


def assess_valid(answers: ValidAnswers) -> Assessment:
    """The assessment of an answer set that has already been validated."""
    flags = tuple(rule.flag() for rule in fired_rules(answers))
    return Assessment(
        status=status_for(flags),
        weeks_postpartum=answers.weeks_postpartum,
        flags=flags,
        phq2_score=answers.phq2_score,
    )


def assess(answers: Mapping[str, object], *, today: date | None = None) -> Assessment:
    """Validate `answers` and assess them; bad input raises AnswersError naming the key.

    `today` is the screening day when `assessed_on` is absent (default: the real today).
    """
    return assess_valid(validate_answers(answers, today=today))
