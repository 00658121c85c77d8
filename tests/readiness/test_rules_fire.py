"""Each rule of clinical-spec sections 4-5 fires exactly when the spec says, at its boundaries."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.readiness import RULES, assess, default_questionnaire
from tests.readiness.factories import ABSENT, birth_date, valid_answers


def fired(answers: dict[str, Any]) -> list[str]:
    return [flag.id for flag in assess(answers).flags]


def options(question_id: str) -> tuple[str, ...]:
    return default_questionnaire().question(question_id).options


def test_the_baseline_raises_no_flag() -> None:
    assert fired(valid_answers()) == []


# Rules that read one answer: (rule id, question, the values that fire it), from section 5.
SINGLE_ANSWER_RULES = [
    ("CI-NOT-CLEARED", "postnatal_check", {"not_cleared"}),
    ("CI-PROLAPSE", "prolapse_diagnosis", {"grade_2_plus"}),
    ("CI-HEAVINESS", "pelvic_heaviness", {"yes"}),
    ("CI-STRESS-LEAK", "leak_effort", {"sometimes", "often"}),
    ("CI-URGE-LEAK", "leak_urgency", {"sometimes", "often"}),
    ("CI-BOWEL", "bowel_leak", {"yes"}),
    ("CI-BOWEL-EMPTYING", "bowel_emptying", {"yes"}),
    ("CI-PELVIC-PAIN", "pelvic_pain", {"yes"}),
    ("CI-DIASTASIS", "diastasis_measured", {"over_2cm"}),
    ("CI-SI-PAIN", "pain_back_pelvis", {"yes"}),
    ("CI-PUBIC-PAIN", "pain_pubic", {"yes"}),
    ("CI-SCIATIC", "pain_sciatic", {"yes"}),
    ("CI-WALK-SYMPTOMS", "walking", {"symptoms"}),
    ("CI-RUN-SYMPTOMS", "tried_running", {"yes_symptoms"}),
    ("CA-NO-CHECKUP", "postnatal_check", {"not_yet"}),
    ("CA-PROLAPSE-GRADE", "prolapse_diagnosis", {"grade_unknown"}),
    ("CA-WALK", "walking", {"under_30"}),
    ("CA-OTHER-PAIN", "pain_other", {"yes"}),
    ("NOTE-BREASTFEEDING", "feeding", {"breast", "mixed"}),
    ("NOTE-ASSISTED-BIRTH", "delivery", {"assisted_vaginal"}),
    ("NOTE-BLOOD-PRESSURE", "blood_pressure", {"yes", "unsure"}),
    ("NOTE-ANAEMIA", "blood_loss", {"yes", "unsure"}),
    ("NOTE-PROLAPSE-GRADE-1", "prolapse_diagnosis", {"grade_1"}),
    ("NOTE-SLEEP", "sleep", {"under_4"}),
    ("NOTE-FUEL", "fueling", {"unsure", "not_enough"}),
    ("NOTE-NEW-RUNNER", "running_history", {"none"}),
]

SINGLE_CASES = [
    pytest.param(rule_id, question, value, value in firing, id=f"{rule_id}-{value}")
    for rule_id, question, firing in SINGLE_ANSWER_RULES
    for value in options(question)
]


@pytest.mark.parametrize(("rule_id", "question", "value", "fires"), SINGLE_CASES)
def test_single_answer_rule(rule_id: str, question: str, value: str, fires: bool) -> None:
    assert (rule_id in fired(valid_answers(**{question: value}))) is fires


@pytest.mark.parametrize("tear", ["none", "minor", "severe", "unsure"])
@pytest.mark.parametrize("delivery", ["vaginal", "assisted_vaginal"])
def test_tear_rules(delivery: str, tear: str) -> None:
    flags = fired(valid_answers(delivery=delivery, perineal_tear=tear))
    assert ("CA-SEVERE-TEAR" in flags) is (tear == "severe")
    assert ("NOTE-TEAR-UNSURE" in flags) is (tear == "unsure")


@pytest.mark.parametrize("scar", ["yes", "no"])
@pytest.mark.parametrize("delivery", ["planned_caesarean", "unplanned_caesarean"])
def test_scar_rule(delivery: str, scar: str) -> None:
    flags = fired(valid_answers(delivery=delivery, caesarean_scar_problem=scar))
    assert ("CA-SCAR" in flags) is (scar == "yes")
    assert "CA-SEVERE-TEAR" not in flags
    assert "NOTE-TEAR-UNSURE" not in flags


@pytest.mark.parametrize(
    ("weeks", "early", "before_12"),
    [(0, True, False), (2, True, False), (3, False, True), (11, False, True), (12, False, False)],
)
def test_weeks_rules(weeks: int, early: bool, before_12: bool) -> None:
    flags = fired(valid_answers(weeks=weeks))
    assert ("CI-EARLY" in flags) is early
    assert ("CA-BEFORE-12-WEEKS" in flags) is before_12


@pytest.mark.parametrize(("days", "weeks"), [(20, 2), (21, 3), (83, 11), (84, 12)])
def test_weeks_are_whole_weeks(days: int, weeks: int) -> None:
    result = assess(valid_answers(baby_birth_date=birth_date(0, days)))
    assert result.weeks_postpartum == weeks
    assert ("CI-EARLY" in [f.id for f in result.flags]) is (weeks < 3)


def test_birth_on_the_screening_day_is_week_zero() -> None:
    result = assess(valid_answers(baby_birth_date=birth_date(0)))
    assert result.weeks_postpartum == 0
    assert "CI-EARLY" in [flag.id for flag in result.flags]


@pytest.mark.parametrize(
    ("weeks", "bleeding", "expected"),
    [
        (7, "yes", "CA-LOCHIA"),
        (8, "yes", "CI-BLEEDING"),
        (3, "yes", "CA-LOCHIA"),
        (40, "yes", "CI-BLEEDING"),
        (7, "no", None),
        (8, "no", None),
    ],
)
def test_bleeding_rules_split_at_8_weeks(weeks: int, bleeding: str, expected: str | None) -> None:
    flags = fired(valid_answers(weeks=weeks, bleeding=bleeding))
    found = [rule for rule in ("CA-LOCHIA", "CI-BLEEDING") if rule in flags]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize("goal", ["casual", "race_short", "race_long", "stroller"])
@pytest.mark.parametrize("weeks", [12, 25, 26, 52])
def test_stroller_note(goal: str, weeks: int) -> None:
    flags = fired(valid_answers(weeks=weeks, running_goal=goal))
    assert ("NOTE-STROLLER" in flags) is (goal == "stroller" and weeks < 26)


DIASTASIS_CHECK = {
    # (diastasis_measured, abdominal_doming): fires
    ("none", "yes"): True,
    ("none", "unsure"): True,
    ("none", "no"): False,
    ("size_unknown", "yes"): True,
    ("size_unknown", "unsure"): True,
    ("size_unknown", "no"): True,
    ("up_to_2cm", "yes"): False,
    ("up_to_2cm", "unsure"): False,
    ("up_to_2cm", "no"): False,
    ("over_2cm", "yes"): False,
    ("over_2cm", "unsure"): False,
    ("over_2cm", "no"): False,
}


@pytest.mark.parametrize(("measured", "doming"), sorted(DIASTASIS_CHECK))
def test_diastasis_check(measured: str, doming: str) -> None:
    flags = fired(valid_answers(diastasis_measured=measured, abdominal_doming=doming))
    assert ("CA-DIASTASIS-CHECK" in flags) is DIASTASIS_CHECK[(measured, doming)]
    assert ("CI-DIASTASIS" in flags) is (measured == "over_2cm")


def test_diastasis_table_covers_every_value() -> None:
    assert {m for m, _ in DIASTASIS_CHECK} == set(options("diastasis_measured"))
    assert {d for _, d in DIASTASIS_CHECK} == set(options("abdominal_doming"))


MOOD_VALUES = [ABSENT, None, 0, 1, 2, 3]


@pytest.mark.parametrize("down", MOOD_VALUES, ids=repr)
@pytest.mark.parametrize("interest", MOOD_VALUES, ids=repr)
def test_mood_rules_and_phq2_score(interest: object, down: object) -> None:
    result = assess(valid_answers(mood_interest=interest, mood_down=down))
    flags = [flag.id for flag in result.flags]
    both = isinstance(interest, int) and isinstance(down, int)
    score = interest + down if isinstance(interest, int) and isinstance(down, int) else None
    answered = sum(item for item in (interest, down) if isinstance(item, int))
    assert result.phq2_score == score
    assert ("NOTE-MOOD" in flags) is (answered >= 3)  # a skipped item counts 0
    assert ("NOTE-MOOD-SKIPPED" in flags) is (not both)


def _flag(answers: dict[str, Any], rule_id: str, language: str = "en") -> Any:
    return next(f for f in assess(answers, language=language).flags if f.id == rule_id)


@pytest.mark.parametrize("skipped", [None, ABSENT], ids=["null", "absent"])
def test_one_item_nearly_every_day_and_the_other_skipped_is_a_positive_screen(
    skipped: object,
) -> None:
    answers = valid_answers(mood_interest=skipped, mood_down=3)
    flags = fired(answers)
    assert "NOTE-MOOD" in flags and "NOTE-MOOD-SKIPPED" in flags
    mood = _flag(answers, "NOTE-MOOD")
    assert "item 1 (interest) skipped, item 2 (down) 3: answered sum 3" in mood.clinician_text
    assert "PHQ-9 or EPDS" in mood.clinician_text
    assert "1-833-852-6262" in mood.patient_text
    skipped_note = _flag(answers, "NOTE-MOOD-SKIPPED")
    assert "item 1 (interest) skipped, item 2 (down) 3" in skipped_note.clinician_text
    assert "not screened" not in skipped_note.clinician_text


def test_the_mood_texts_name_each_item_in_spanish_too() -> None:
    answers = valid_answers(mood_interest=2, mood_down=None)
    mood = _flag(answers, "NOTE-MOOD-SKIPPED", "es")
    assert "ítem 1 (interés) 2, ítem 2 (ánimo) omitido" in mood.clinician_text


@pytest.mark.parametrize(("interest", "down"), [(2, 1), (1, 2), (3, 0), (0, 3), (3, 3)])
def test_mood_clinician_text_gives_both_items_and_the_sum(interest: int, down: int) -> None:
    mood = _flag(valid_answers(mood_interest=interest, mood_down=down), "NOTE-MOOD")
    expected = f"item 1 (interest) {interest}, item 2 (down) {down}: answered sum {interest + down}"
    assert expected in mood.clinician_text


@pytest.mark.parametrize(("interest", "down"), [(2, 0), (1, 1), (None, 2), (2, None), (None, None)])
def test_mood_note_stays_quiet_under_3(interest: object, down: object) -> None:
    assert "NOTE-MOOD" not in fired(valid_answers(mood_interest=interest, mood_down=down))


def test_mood_skipped_on_both_items_names_both() -> None:
    note = _flag(valid_answers(mood_interest=None, mood_down=ABSENT), "NOTE-MOOD-SKIPPED")
    assert "item 1 (interest) skipped, item 2 (down) skipped" in note.clinician_text


SIGNS = [
    ("chest_pain", "RF-CHEST-PAIN"),
    ("breathing", "RF-BREATHING"),
    ("heavy_bleeding", "RF-HEAVY-BLEEDING"),
    ("leg_swelling", "RF-LEG-SWELLING"),
    ("severe_headache", "RF-SEVERE-HEADACHE"),
    ("fever", "RF-FEVER"),
    ("wound", "RF-WOUND"),
    ("fainting", "RF-FAINTING"),
    ("seizure", "RF-SEIZURE"),
    ("vision", "RF-VISION"),
    ("swelling_face_hands", "RF-SWELLING-FACE-HANDS"),
    ("belly_pain", "RF-BELLY-PAIN"),
    ("vomiting", "RF-VOMITING"),
    ("discharge", "RF-DISCHARGE"),
    ("self_harm", "RF-SELF-HARM"),
]


@pytest.mark.parametrize(("sign", "rule_id"), SIGNS)
def test_each_warning_sign_raises_its_own_red_flag(sign: str, rule_id: str) -> None:
    result = assess(valid_answers(warning_signs=[sign]))
    assert [flag.id for flag in result.flags] == [rule_id]
    assert result.status.value == "urgent"
    assert result.phq2_score is None


def test_the_signs_are_the_questionnaire_options_in_section_4_order() -> None:
    assert options("warning_signs") == tuple(sign for sign, _ in SIGNS)


def test_an_urgent_set_raises_none_of_the_later_rules() -> None:
    result = assess(valid_answers(warning_signs=["vision"], delivery="assisted_vaginal"))
    assert [flag.id for flag in result.flags] == ["RF-VISION", "NOTE-ASSISTED-BIRTH"]
    assert result.status.value == "urgent"


def test_every_warning_sign_in_section_4_order_whatever_the_input_order() -> None:
    signs = [sign for sign, _ in reversed(SIGNS)]
    assert fired(valid_answers(warning_signs=signs)) == [rule_id for _, rule_id in SIGNS]


def test_rules_reading_later_answers_do_not_fire_when_urgent() -> None:
    answers = valid_answers(
        warning_signs=["fever"], feeding="breast", postnatal_check="not_yet", perineal_tear="severe"
    )
    assert "leak_effort" not in answers and "mood_down" not in answers
    assert fired(answers) == ["RF-FEVER", "CA-NO-CHECKUP", "CA-SEVERE-TEAR", "NOTE-BREASTFEEDING"]


def test_every_rule_is_covered_by_these_tests() -> None:
    covered = {rule_id for rule_id, _, _ in SINGLE_ANSWER_RULES} | {rule for _, rule in SIGNS}
    covered |= {"CA-SEVERE-TEAR", "NOTE-TEAR-UNSURE", "CA-SCAR", "CI-EARLY"}
    covered |= {"CA-BEFORE-12-WEEKS", "CA-LOCHIA", "CI-BLEEDING", "NOTE-STROLLER"}
    covered |= {"CA-DIASTASIS-CHECK", "NOTE-MOOD", "NOTE-MOOD-SKIPPED"}
    assert len(covered) == 52
    assert covered == {rule.id for rule in RULES}
