"""Property tests: any JSON value gives an Assessment or an AnswersError, never anything else."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.readiness import RULES, AnswersError, Assessment, Severity, Status, assess
from kiosk.readiness import default_questionnaire as questionnaire
from tests.readiness.factories import answer_sets

SETTINGS = settings(max_examples=200, deadline=None, database=None)
TODAY = date(2026, 11, 7)
IDS = questionnaire().ids
RULE_ORDER = {rule.id: (rule.severity.rank, index) for index, rule in enumerate(RULES)}

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.just(4301).map(lambda digits: 10**digits)
    | st.floats()
    | st.text(max_size=80)
    | st.sampled_from(["2026-01-01", "none", "yes", "vaginal", "fever", "", " "])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(st.text(max_size=10) | st.sampled_from(IDS), children, max_size=5)
    ),
    max_leaves=25,
)
keys = st.sampled_from(IDS) | st.text(max_size=20) | st.integers() | st.none()


def assess_or_error(answers: Any) -> Assessment | None:
    try:
        result = assess(answers, today=TODAY)
    except AnswersError as exc:
        message = str(exc)
        assert message and "\n" not in message
        return None
    assert isinstance(result, Assessment)
    json.dumps(result.to_dict(), allow_nan=False)
    return result


@SETTINGS
@given(json_values)
def test_any_json_value(value: Any) -> None:
    assess_or_error(value)


@SETTINGS
@given(st.dictionaries(keys, json_values, max_size=len(IDS) + 3))
def test_any_mapping(value: dict[Any, Any]) -> None:
    assess_or_error(value)


@st.composite
def mutated(draw: st.DrawFn) -> dict[Any, Any]:
    answers: dict[Any, Any] = draw(answer_sets())
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        action = draw(st.sampled_from(["drop", "junk", "swap", "add", "own"]))
        key = draw(st.sampled_from(IDS))
        if action == "drop":
            answers.pop(key, None)
        elif action == "junk":
            answers[key] = draw(json_values)
        elif action == "swap":  # a value that is valid for some other question
            other = questionnaire().question(draw(st.sampled_from(IDS)))
            answers[key] = draw(st.sampled_from(other.options or ("2026-01-01",)))
        elif action == "add":
            answers[draw(keys)] = draw(json_values)
        else:  # any of the question's own values, shown or not
            options = questionnaire().question(key).options
            answers[key] = draw(st.sampled_from(options)) if options else draw(json_values)
    return answers


@SETTINGS
@given(mutated())
def test_mostly_valid_answer_sets(answers: dict[Any, Any]) -> None:
    assess_or_error(answers)


@SETTINGS
@given(answer_sets())
def test_every_valid_answer_set_is_assessed_consistently(answers: dict[str, Any]) -> None:
    result = assess(answers)
    ids = [flag.id for flag in result.flags]
    assert ids == sorted(ids, key=RULE_ORDER.__getitem__)
    assert len(set(ids)) == len(ids)
    severities = {flag.severity for flag in result.flags}
    expected = (
        Status.URGENT
        if Severity.RED_FLAG in severities
        else Status.NOT_YET
        if Severity.CONTRAINDICATION in severities
        else Status.BUILD_FOUNDATION
        if Severity.CAUTION in severities
        else Status.READY_FOR_ASSESSMENT
    )
    assert result.status is expected
    assert (result.status is Status.URGENT) is bool(answers["warning_signs"])
    assert result.weeks_postpartum >= 0
    if answers["warning_signs"]:
        assert result.phq2_score is None
        assert "NOTE-MOOD-SKIPPED" not in ids
    assert ("NOTE-MOOD-SKIPPED" in ids) is (
        not answers["warning_signs"] and result.phq2_score is None
    )
    assert assess(json.loads(json.dumps(answers))) == result
