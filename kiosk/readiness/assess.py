"""`assess()`: answers in, readiness status and ordered flags out (clinical-spec sections 3-6)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from kiosk.readiness.content import default_questionnaire
from kiosk.readiness.model import Assessment, Flag, Severity, Status
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.readiness.resources import FALLBACK_LANGUAGE
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


def text_fields(answers: ValidAnswers, skipped: str) -> dict[str, str]:
    """What rule words may fill in: each PHQ-2 item (or `skipped`) and the answered sum."""
    fields: dict[str, str] = {}
    for name, question_id in (("interest", "mood_interest"), ("down", "mood_down")):
        value = answers.answer(question_id)
        fields[name] = str(value) if isinstance(value, int) else skipped
    fields["sum"] = str(answers.phq2_answered_sum)
    return fields


def make_flag(
    rule: Rule, questionnaire: Questionnaire, language: str, fields: Mapping[str, str]
) -> Flag:
    """The flag `rule` raises, in `language`'s words, placeholders filled from `fields`."""
    words = questionnaire.words(rule.id, language)
    return Flag(
        id=rule.id,
        severity=rule.severity,
        title=words.title.format(**fields),
        clinician_title=words.clinician_title.format(**fields),
        patient_text=words.patient_text.format(**fields),
        clinician_text=words.clinician_text.format(**fields),
        sources=rule.sources,
    )


def assess_valid(
    answers: ValidAnswers,
    *,
    questionnaire: Questionnaire | None = None,
    language: str = FALLBACK_LANGUAGE,
) -> Assessment:
    """The assessment of an answer set that has already been validated."""
    content = questionnaire if questionnaire is not None else default_questionnaire()
    fields = text_fields(answers, content.field_word("skipped", language))
    flags = tuple(make_flag(rule, content, language, fields) for rule in fired_rules(answers))
    return Assessment(
        status=status_for(flags),
        weeks_postpartum=answers.weeks_postpartum,
        flags=flags,
        phq2_score=answers.phq2_score,
    )


def assess(
    answers: Mapping[str, object],
    *,
    today: date | None = None,
    language: str = FALLBACK_LANGUAGE,
    questionnaire: Questionnaire | None = None,
) -> Assessment:
    """Validate `answers` and assess them; bad input raises AnswersError naming the key.

    `today` is the screening day when `assessed_on` is absent (default: the real today).
    The flags' words are in `language` if the content speaks it, else English.
    `questionnaire` is the content loaded by `load_questionnaire()` (the kiosk loads it
    once and hands it here); without it, the content in `resources/`, read once.
    """
    content = questionnaire if questionnaire is not None else default_questionnaire()
    valid = validate_answers(answers, today=today, questionnaire=content)
    return assess_valid(valid, questionnaire=content, language=language)
