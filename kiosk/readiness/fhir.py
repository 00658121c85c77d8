"""The screening as HL7 FHIR R4 JSON: the Questionnaire (from resources/questionnaire.toml)
and one screening's QuestionnaireResponse, as plain dicts; and back to an answer set.

linkIds are the question ids of clinical-spec section 3. Choice answers are Codings in a
code system per question (`urn:postpartum-run-kiosk:answer:<question id>`, code = the
answer value); the PHQ-2 items sit in a group coded with LOINC (panel 55757-9, items
44250-9 and 44255-8, total 55758-7) and answer with LOINC answer codes carrying their
score. The kiosk's result (status, weeks postpartum, flag ids, rules version) is a
read-only group `assessment` at the end. No FHIR library is needed to build these.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from kiosk.readiness.model import AnswersError, Assessment, Status
from kiosk.readiness.questionnaire import Question, Questionnaire, When
from kiosk.readiness.rules import RULES

BASE = "urn:postpartum-run-kiosk"
QUESTIONNAIRE_URL = f"{BASE}:questionnaire:return-to-run"
LOINC = "http://loinc.org"
ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"

PHQ2_GROUP = "phq2"
PHQ2_PANEL = ("55757-9", "Patient Health Questionnaire 2 item (PHQ-2) [Reported]")
PHQ2_TOTAL = ("phq2_score", "55758-7", "Patient Health Questionnaire 2 item (PHQ-2) total score")
PHQ2_ITEMS: dict[str, tuple[str, str]] = {
    "mood_interest": ("44250-9", "Little interest or pleasure in doing things"),
    "mood_down": ("44255-8", "Feeling down, depressed, or hopeless"),
}
# LOINC answer list LL358-3 (PHQ): the score of each answer.
PHQ_ANSWERS: tuple[tuple[str, str], ...] = (
    ("LA6568-5", "Not at all"),
    ("LA6569-3", "Several days"),
    ("LA6570-1", "More than half the days"),
    ("LA6571-9", "Nearly every day"),
)
ASSESSMENT_GROUP = "assessment"


def answer_system(question_id: str) -> str:
    """The code system of one question's answer values."""
    return f"{BASE}:answer:{question_id}"


STATUS_SYSTEM = f"{BASE}:status"
RULE_SYSTEM = f"{BASE}:rule"


def _coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return coding


def _english(question: Question) -> tuple[str, Mapping[str, str]]:
    texts = question.texts.get("en") or next(iter(question.texts.values()), None)
    if texts is None:
        return question.id, {}
    return texts.prompt, texts.options


def _enable_when(when: When, questionnaire: Questionnaire) -> dict[str, Any]:
    source = questionnaire.question(when.question)
    _, labels = _english(source)
    codes = [source.none_option or "none"] if when.empty else list(when.values)
    conditions = [
        {
            "question": when.question,
            "operator": "=",
            "answerCoding": _coding(answer_system(source.id), code, labels.get(code)),
        }
        for code in codes
    ]
    item: dict[str, Any] = {"enableWhen": conditions}
    if len(conditions) > 1:
        item["enableBehavior"] = "any"
    return item


def _phq2_item(question: Question) -> dict[str, Any]:
    code, display = PHQ2_ITEMS[question.id]
    text, _ = _english(question)
    return {
        "linkId": question.id,
        "code": [_coding(LOINC, code, display)],
        "text": text,
        "type": "choice",
        "required": False,
        "answerOption": [
            {
                "extension": [{"url": ORDINAL, "valueDecimal": score}],
                "valueCoding": _coding(LOINC, answer, label),
            }
            for score, (answer, label) in enumerate(PHQ_ANSWERS)
        ],
    }


def _item(question: Question, questionnaire: Questionnaire) -> dict[str, Any]:
    text, labels = _english(question)
    item: dict[str, Any] = {"linkId": question.id, "text": text}
    if question.kind == "name":
        item |= {"type": "string", "maxLength": 60}
    elif question.kind == "date":
        item["type"] = "date"
    else:
        values = list(question.options)
        if question.kind == "multi":
            item["repeats"] = True
            values.append(question.none_option or "none")
        item["type"] = "choice"
        item["answerOption"] = [
            {"valueCoding": _coding(answer_system(question.id), v, labels.get(v))} for v in values
        ]
    item["required"] = not question.optional
    if not question.asked:
        item["readOnly"] = True  # filled in by the kiosk (the screening date)
    if question.when is not None:
        item |= _enable_when(question.when, questionnaire)
    return item


def _phq2_group(questions: Sequence[Question], questionnaire: Questionnaire) -> dict[str, Any]:
    link, code, display = PHQ2_TOTAL
    group: dict[str, Any] = {
        "linkId": PHQ2_GROUP,
        "code": [_coding(LOINC, *PHQ2_PANEL)],
        "text": "PHQ-2",
        "type": "group",
        "item": [
            *(_phq2_item(q) for q in questions),
            {
                "linkId": link,
                "code": [_coding(LOINC, code, display)],
                "text": "PHQ-2 total score (both items answered)",
                "type": "integer",
                "readOnly": True,
            },
        ],
    }
    when = questions[0].when
    if when is not None:
        group |= _enable_when(when, questionnaire)
    return group


def _clinician_title(questionnaire: Questionnaire, rule_id: str) -> str | None:
    try:
        return questionnaire.words(rule_id).clinician_title
    except KeyError:
        return None


def _assessment_group(questionnaire: Questionnaire) -> dict[str, Any]:
    return {
        "linkId": ASSESSMENT_GROUP,
        "text": "Kiosk screening result (from the rules, not answered by the patient)",
        "type": "group",
        "readOnly": True,
        "item": [
            {
                "linkId": "status",
                "text": "Readiness status",
                "type": "choice",
                "readOnly": True,
                "answerOption": [{"valueCoding": _coding(STATUS_SYSTEM, s.value)} for s in Status],
            },
            {
                "linkId": "weeks_postpartum",
                "text": "Weeks postpartum",
                "type": "integer",
                "readOnly": True,
            },
            {
                "linkId": "flags",
                "text": "Flags raised (rule ids)",
                "type": "choice",
                "repeats": True,
                "readOnly": True,
                "answerOption": [
                    {
                        "valueCoding": _coding(
                            RULE_SYSTEM, rule.id, _clinician_title(questionnaire, rule.id)
                        )
                    }
                    for rule in RULES
                ],
            },
        ],
    }


def questionnaire_resource(questionnaire: Questionnaire) -> dict[str, Any]:
    """The FHIR R4 Questionnaire of the screening (English texts; the flag codes labelled
    with the rules' clinician titles)."""
    items: list[dict[str, Any]] = []
    phq2 = [q for q in questionnaire.questions if q.id in PHQ2_ITEMS]
    for question in questionnaire.questions:
        if question.id in PHQ2_ITEMS:
            if question is phq2[0]:
                items.append(_phq2_group(phq2, questionnaire))
            continue
        items.append(_item(question, questionnaire))
    items.append(_assessment_group(questionnaire))
    return {
        "resourceType": "Questionnaire",
        "id": "postpartum-return-to-run",
        "url": QUESTIONNAIRE_URL,
        "version": questionnaire.rules_version,
        "name": "PostpartumReturnToRunScreening",
        "title": "Postpartum return-to-running screening",
        "status": "active",
        "subjectType": ["Patient"],
        "language": "en",
        "item": items,
    }


def _answer(question: Question, value: Any) -> list[dict[str, Any]]:
    if question.kind == "name":
        return [{"valueString": value}]
    if question.kind == "date":
        return [{"valueDate": value}]
    if question.kind == "scale":
        code, label = PHQ_ANSWERS[value]
        return [{"valueCoding": _coding(LOINC, code, label)}]
    _, labels = _english(question)
    values = list(value) if question.kind == "multi" else [value]
    if question.kind == "multi" and not values:
        values = [question.none_option or "none"]
    return [{"valueCoding": _coding(answer_system(question.id), v, labels.get(v))} for v in values]


def _response_item(question: Question, answers: Mapping[str, Any]) -> dict[str, Any]:
    text, _ = _english(question)
    item: dict[str, Any] = {"linkId": question.id, "text": text}
    value = answers[question.id]
    if value is None:  # shown and skipped
        item["extension"] = [{"url": ABSENT, "valueCode": "asked-declined"}]
    else:
        item["answer"] = _answer(question, value)
    return item


def questionnaire_response(
    answers: Mapping[str, Any],
    assessment: Assessment,
    questionnaire: Questionnaire,
    *,
    authored: datetime,
    response_id: str | None = None,
) -> dict[str, Any]:
    """One screening as a FHIR R4 QuestionnaireResponse: every answer given (a skipped
    PHQ-2 item as an item without answer), then the kiosk's result."""
    items: list[dict[str, Any]] = []
    phq2: list[dict[str, Any]] = []
    for question in questionnaire.questions:
        if question.id not in answers:
            continue
        item = _response_item(question, answers)
        (phq2 if question.id in PHQ2_ITEMS else items).append(item)
    if phq2:
        if assessment.phq2_score is not None:
            phq2.append(
                {"linkId": PHQ2_TOTAL[0], "answer": [{"valueInteger": assessment.phq2_score}]}
            )
        items.append({"linkId": PHQ2_GROUP, "text": "PHQ-2", "item": phq2})
    result: list[dict[str, Any]] = [
        {
            "linkId": "status",
            "answer": [{"valueCoding": _coding(STATUS_SYSTEM, assessment.status.value)}],
        },
        {"linkId": "weeks_postpartum", "answer": [{"valueInteger": assessment.weeks_postpartum}]},
    ]
    if assessment.flags:
        result.append(
            {
                "linkId": "flags",
                "answer": [
                    {
                        "valueCoding": _coding(
                            RULE_SYSTEM, f.id, _clinician_title(questionnaire, f.id)
                        )
                    }
                    for f in assessment.flags
                ],
            }
        )
    items.append({"linkId": ASSESSMENT_GROUP, "item": result})
    when = authored if authored.tzinfo else authored.astimezone()
    return {
        "resourceType": "QuestionnaireResponse",
        "id": response_id or uuid.uuid4().hex,
        "questionnaire": f"{QUESTIONNAIRE_URL}|{questionnaire.rules_version}",
        "status": "completed",
        "authored": when.isoformat(timespec="seconds"),
        "item": items,
    }


def _flatten(items: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    out: list[Mapping[str, Any]] = []
    for item in items:
        if item.get("linkId") == ASSESSMENT_GROUP:
            continue
        if "item" in item:
            out += _flatten(item["item"])
        else:
            out.append(item)
    return out


def answers_from_response(
    response: Mapping[str, Any], questionnaire: Questionnaire
) -> dict[str, Any]:
    """The answer set a QuestionnaireResponse made by `questionnaire_response` holds."""
    answers: dict[str, Any] = {}
    scores = {code: score for score, (code, _) in enumerate(PHQ_ANSWERS)}
    for item in _flatten(response.get("item", [])):
        link = item.get("linkId")
        if link not in questionnaire.ids:
            continue
        question = questionnaire.question(link)
        given = item.get("answer", [])
        if not given:
            answers[link] = None
            continue
        if question.kind == "name":
            answers[link] = given[0]["valueString"]
        elif question.kind == "date":
            answers[link] = given[0]["valueDate"]
        elif question.kind == "scale":
            answers[link] = scores[given[0]["valueCoding"]["code"]]
        else:
            codes = [a["valueCoding"]["code"] for a in given]
            if question.kind == "multi":
                answers[link] = [c for c in codes if c != question.none_option]
            else:
                answers[link] = codes[0]
    if not answers:
        raise AnswersError("the QuestionnaireResponse holds no answers")
    return answers
