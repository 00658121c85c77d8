"""The FHIR R4 export: a valid Questionnaire and QuestionnaireResponse that give every
answer back, the PHQ-2 coded with LOINC, the status and flags recorded."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from contextlib import redirect_stdout
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as FhirQuestionnaireResponse,
)
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

from kiosk.readiness import assess, default_questionnaire
from kiosk.readiness.__main__ import main
from kiosk.readiness.fhir import (
    LOINC,
    QUESTIONNAIRE_URL,
    RULE_SYSTEM,
    STATUS_SYSTEM,
    answers_from_response,
    questionnaire_resource,
    questionnaire_response,
)
from tests.readiness.factories import answer_sets
from tests.report.samples import (
    ALTERNATE,
    BUILD_FOUNDATION,
    LONGEST,
    LONGEST_URGENT,
    NOT_YET,
    READY,
    SCREENED_AT,
    TODAY,
    URGENT,
)

QUESTIONNAIRE = default_questionnaire()
SAMPLES = {
    "longest": LONGEST,
    "longest_urgent": LONGEST_URGENT,
    "alternate": ALTERNATE,
    "ready": READY,
    "build": BUILD_FOUNDATION,
    "not_yet": NOT_YET,
    "urgent": URGENT,
    "mood_one_skipped": {**READY, "mood_interest": 3, "mood_down": None},
    "mood_keys_absent": {k: v for k, v in READY.items() if not k.startswith("mood_")},
}
AUTHORED = SCREENED_AT.replace(tzinfo=timezone(timedelta(hours=-6)))


def _walk(
    items: list[Mapping[str, Any]], depth: int = 0
) -> Iterator[tuple[int, Mapping[str, Any]]]:
    for item in items:
        yield depth, item
        yield from _walk(item.get("item", []), depth + 1)


def _response(answers: Mapping[str, Any]) -> dict[str, Any]:
    assessment = assess(answers, today=TODAY)
    return questionnaire_response(answers, assessment, QUESTIONNAIRE, authored=AUTHORED)


def _code(coding: Mapping[str, str]) -> tuple[str, str]:
    return coding["system"], coding["code"]


def _conforms(response: Mapping[str, Any], questionnaire: Mapping[str, Any]) -> None:
    """Each response item is a questionnaire item at the same place, answered as it allows."""
    defined = {item["linkId"]: (depth, item) for depth, item in _walk(questionnaire["item"])}
    for depth, item in _walk(response["item"]):
        assert item["linkId"] in defined, item["linkId"]
        where, definition = defined[item["linkId"]]
        assert where == depth, item["linkId"]
        answers = item.get("answer", [])
        if len(answers) > 1:
            assert definition.get("repeats"), item["linkId"]
        allowed = [_code(o["valueCoding"]) for o in definition.get("answerOption", [])]
        for answer in answers:
            (kind,) = answer
            expected = {
                "choice": "valueCoding",
                "string": "valueString",
                "date": "valueDate",
                "integer": "valueInteger",
            }[definition["type"]]
            assert kind == expected, item["linkId"]
            if allowed:
                assert _code(answer["valueCoding"]) in allowed, (item["linkId"], answer)


def test_the_questionnaire_is_valid_fhir_with_the_spec_question_ids() -> None:
    resource = questionnaire_resource(QUESTIONNAIRE)
    FhirQuestionnaire.model_validate(resource)
    links = [item["linkId"] for _, item in _walk(resource["item"])]
    assert len(links) == len(set(links))
    assert set(QUESTIONNAIRE.ids) <= set(links)
    assert resource["url"] == QUESTIONNAIRE_URL
    assert resource["version"] == QUESTIONNAIRE.rules_version


def test_the_phq2_items_carry_their_loinc_codes() -> None:
    resource = questionnaire_resource(QUESTIONNAIRE)
    codes = {
        item["linkId"]: item["code"][0]["code"]
        for _, item in _walk(resource["item"])
        if item.get("code") and item["code"][0]["system"] == LOINC
    }
    assert codes == {
        "phq2": "55757-9",
        "mood_interest": "44250-9",
        "mood_down": "44255-8",
        "phq2_score": "55758-7",
    }


def test_hidden_questions_are_enabled_only_when_shown() -> None:
    resource = questionnaire_resource(QUESTIONNAIRE)
    items = {item["linkId"]: item for _, item in _walk(resource["item"])}
    tear = items["perineal_tear"]
    assert tear["enableBehavior"] == "any"
    assert {c["answerCoding"]["code"] for c in tear["enableWhen"]} == {
        "vaginal",
        "assisted_vaginal",
    }
    (after_signs,) = items["leak_effort"]["enableWhen"]
    assert after_signs["question"] == "warning_signs"
    assert (
        after_signs["answerCoding"]["code"] == QUESTIONNAIRE.question("warning_signs").none_option
    )


def test_the_cli_prints_the_questionnaire() -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--fhir-questionnaire"]) == 0
    assert json.loads(out.getvalue()) == questionnaire_resource(QUESTIONNAIRE)


@pytest.mark.parametrize("name", list(SAMPLES))
def test_each_response_is_valid_fhir_and_gives_every_answer_back(name: str) -> None:
    answers = SAMPLES[name]
    response = _response(answers)
    FhirQuestionnaireResponse.model_validate(response)
    _conforms(response, questionnaire_resource(QUESTIONNAIRE))
    assert response["questionnaire"] == f"{QUESTIONNAIRE_URL}|{QUESTIONNAIRE.rules_version}"
    assert response["authored"] == "2026-11-28T14:32:00-06:00"
    assert answers_from_response(json.loads(json.dumps(response)), QUESTIONNAIRE) == answers


@pytest.mark.parametrize("name", ["longest", "longest_urgent", "ready"])
def test_the_status_and_every_flag_are_recorded(name: str) -> None:
    assessment = assess(SAMPLES[name], today=TODAY)
    response = _response(SAMPLES[name])
    result = {item["linkId"]: item.get("answer", []) for item in response["item"][-1]["item"]}
    assert result["status"] == [
        {"valueCoding": {"system": STATUS_SYSTEM, "code": assessment.status.value}}
    ]
    assert result["weeks_postpartum"] == [{"valueInteger": assessment.weeks_postpartum}]
    flags = [_code(a["valueCoding"]) for a in result.get("flags", [])]
    assert flags == [(RULE_SYSTEM, f.id) for f in assessment.flags]


def test_a_skipped_phq2_item_is_asked_and_declined_and_the_total_left_out() -> None:
    response = _response(SAMPLES["mood_one_skipped"])
    items = {item["linkId"]: item for _, item in _walk(response["item"])}
    assert items["mood_interest"]["answer"][0]["valueCoding"]["code"] == "LA6571-9"  # 3
    assert "answer" not in items["mood_down"]
    assert items["mood_down"]["extension"][0]["valueCode"] == "asked-declined"
    assert "phq2_score" not in items
    both = {item["linkId"]: item for _, item in _walk(_response(NOT_YET)["item"])}
    assert both["phq2_score"]["answer"] == [{"valueInteger": 4}]


def test_the_validator_refuses_a_broken_response() -> None:
    response = _response(READY)
    response["item"][0]["answer"] = [{"valueString": "x", "valueDate": "2026-01-01"}]
    with pytest.raises(ValidationError):
        FhirQuestionnaireResponse.model_validate(response)
    response = _response(READY)
    del response["status"]
    with pytest.raises(ValidationError):
        FhirQuestionnaireResponse.model_validate(response)


def test_a_naive_time_is_recorded_with_the_local_offset() -> None:
    response = questionnaire_response(
        READY, assess(READY, today=TODAY), QUESTIONNAIRE, authored=datetime(2026, 11, 28, 9, 5)
    )
    assert datetime.fromisoformat(response["authored"]).utcoffset() is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answer_sets())
def test_any_valid_answer_set_round_trips(answers: dict[str, Any]) -> None:
    response = questionnaire_response(answers, assess(answers), QUESTIONNAIRE, authored=AUTHORED)
    FhirQuestionnaireResponse.model_validate(response)
    assert answers_from_response(response, QUESTIONNAIRE) == answers
