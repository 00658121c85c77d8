"""Status precedence, flag order and the JSON shape of clinical-spec section 6."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from kiosk.readiness import (
    RULES,
    Assessment,
    Severity,
    Status,
    assess,
    default_questionnaire,
    status_for,
)
from kiosk.readiness.assess import make_flag
from tests.readiness.factories import ABSENT, ASSESSED_ON, birth_date, valid_answers

RED = {"warning_signs": ["wound"]}
CONTRA = {"pain_pubic": "yes"}
CAUTION = {"walking": "under_30"}
NOTE = {"sleep": "under_4"}


@pytest.mark.parametrize(
    ("parts", "status"),
    [
        ((RED, CONTRA, CAUTION, NOTE), Status.URGENT),
        ((RED,), Status.URGENT),
        ((CONTRA, CAUTION, NOTE), Status.NOT_YET),
        ((CONTRA,), Status.NOT_YET),
        ((CAUTION, NOTE), Status.BUILD_FOUNDATION),
        ((CAUTION,), Status.BUILD_FOUNDATION),
        ((NOTE,), Status.READY_FOR_ASSESSMENT),
        ((), Status.READY_FOR_ASSESSMENT),
    ],
)
def test_status_precedence(parts: tuple[dict[str, object], ...], status: Status) -> None:
    overrides: dict[str, object] = {}
    for part in parts:
        overrides.update(part)
    if "warning_signs" in overrides:  # an urgent set stops at warning_signs
        overrides = {"warning_signs": overrides["warning_signs"], "postnatal_check": "not_yet"}
    assert assess(valid_answers(**overrides)).status is status


def test_urgent_wins_over_a_contraindication_before_the_warning_signs() -> None:
    result = assess(valid_answers(weeks=1, warning_signs=["fainting"]))
    assert [flag.id for flag in result.flags] == ["RF-FAINTING", "CI-EARLY"]
    assert result.status is Status.URGENT


def test_notes_never_change_the_status() -> None:
    answers = valid_answers(
        feeding="mixed", sleep="under_4", fueling="unsure", running_history="none",
        running_goal="stroller", weeks=26, mood_interest=3, mood_down=3,
        delivery="assisted_vaginal", blood_pressure="yes", blood_loss="unsure",
        prolapse_diagnosis="grade_1",
    )  # fmt: skip
    result = assess(answers)
    assert {flag.severity for flag in result.flags} == {Severity.NOTE}
    assert result.status is Status.READY_FOR_ASSESSMENT


def test_flags_are_ordered_by_severity_then_rule_table_order() -> None:
    answers = valid_answers(
        weeks=5, feeding="breast", postnatal_check="not_yet", leak_urgency="often",
        leak_effort="sometimes", diastasis_measured="size_unknown", pain_pubic="yes",
        pain_back_pelvis="yes", sleep="under_4", mood_down=ABSENT, running_history="none",
    )  # fmt: skip
    ids = [flag.id for flag in assess(answers).flags]
    assert ids == [
        "CI-STRESS-LEAK",
        "CI-URGE-LEAK",
        "CI-SI-PAIN",
        "CI-PUBIC-PAIN",
        "CA-BEFORE-12-WEEKS",
        "CA-NO-CHECKUP",
        "CA-DIASTASIS-CHECK",
        "NOTE-BREASTFEEDING",
        "NOTE-SLEEP",
        "NOTE-MOOD-SKIPPED",
        "NOTE-NEW-RUNNER",
    ]


def test_status_for_counts_only_the_most_severe_flag() -> None:
    content = default_questionnaire()
    flags = [
        make_flag(rule, content, "en", {"interest": "1", "down": "2", "sum": "3"}) for rule in RULES
    ]
    assert status_for(flags) is Status.URGENT
    assert status_for([f for f in flags if f.severity is not Severity.RED_FLAG]) is Status.NOT_YET
    assert status_for([f for f in flags if f.severity.rank >= 2]) is Status.BUILD_FOUNDATION
    assert status_for([f for f in flags if f.severity is Severity.NOTE]) is (
        Status.READY_FOR_ASSESSMENT
    )
    assert status_for([]) is Status.READY_FOR_ASSESSMENT


def test_to_dict_is_the_spec_json() -> None:
    result = assess(valid_answers(weeks=14, leak_effort="often", mood_interest=1, mood_down=0))
    data = result.to_dict()
    assert list(data) == ["status", "weeks_postpartum", "flags", "phq2_score"]
    assert data["status"] == "not_yet"
    assert data["weeks_postpartum"] == 14
    assert data["phq2_score"] == 1
    (flag,) = data["flags"]
    assert list(flag) == [
        "id",
        "severity",
        "title",
        "clinician_title",
        "patient_text",
        "clinician_text",
        "sources",
    ]
    assert flag["title"] == "Leaks pee with effort"
    assert flag["clinician_title"] == "Stress urinary incontinence"
    assert flag["id"] == "CI-STRESS-LEAK"
    assert flag["severity"] == "contraindication"
    assert flag["sources"] == ["CLINIC", "ICS"]
    assert json.loads(json.dumps(data, allow_nan=False)) == data


def test_phq2_score_is_null_in_the_json_when_skipped() -> None:
    data = assess(valid_answers(mood_interest=None)).to_dict()
    assert data["phq2_score"] is None


def test_assessed_on_defaults_to_the_injected_today() -> None:
    answers = valid_answers(assessed_on=ABSENT, baby_birth_date="2026-01-01")
    assert assess(answers, today=date(2026, 1, 22)).weeks_postpartum == 3
    assert assess(answers, today=date(2026, 1, 21)).weeks_postpartum == 2


def test_assessed_on_wins_over_today() -> None:
    answers = valid_answers(weeks=10)
    assert assess(answers, today=ASSESSED_ON + timedelta(weeks=5)).weeks_postpartum == 10


def test_assessed_on_defaults_to_the_real_today() -> None:
    before = date.today()
    answers = valid_answers(assessed_on=ABSENT, baby_birth_date=birth_date(10, assessed_on=before))
    weeks = assess(answers).weeks_postpartum
    assert weeks == 10 or (date.today() != before and weeks in (10, 11))


def test_patient_name_is_optional() -> None:
    assert isinstance(assess(valid_answers(patient_name=ABSENT)), Assessment)
