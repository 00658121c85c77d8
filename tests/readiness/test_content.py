"""The data matches clinical-spec sections 3-5 exactly: questions, values, when, rule table."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.readiness import RULES, RULES_VERSION, SOURCES, Rule, Severity, default_questionnaire
from kiosk.readiness.conditions import AnswerIn, WarningSign, walk
from kiosk.readiness.resources import read_toml

YES_NO = ("yes", "no")
FREQUENCY = ("never", "sometimes", "often")
VAGINAL = ("delivery", ("vaginal", "assisted_vaginal"))
CAESAREAN = ("delivery", ("planned_caesarean", "unplanned_caesarean"))
NO_SIGN = ("warning_signs", "empty")
SCORE = ("0", "1", "2", "3")

# Section 3, row by row: (id, kind, values, when, optional).
SPEC_QUESTIONS: list[tuple[str, str, tuple[str, ...], object, bool]] = [
    ("patient_name", "name", (), None, True),
    ("assessed_on", "date", (), None, True),
    ("baby_birth_date", "date", (), None, False),
    ("delivery", "choice", ("vaginal", "assisted_vaginal", "planned_caesarean",
                            "unplanned_caesarean"), None, False),
    ("perineal_tear", "choice", ("none", "minor", "severe", "unsure"), VAGINAL, False),
    ("caesarean_scar_problem", "choice", YES_NO, CAESAREAN, False),
    ("feeding", "choice", ("breast", "mixed", "formula"), None, False),
    ("postnatal_check", "choice", ("cleared", "not_cleared", "not_yet"), None, False),
    ("warning_signs", "multi", ("chest_pain", "breathing", "heavy_bleeding", "leg_swelling",
                                "severe_headache", "fever", "wound", "fainting", "seizure",
                                "vision", "swelling_face_hands", "belly_pain", "vomiting",
                                "discharge", "self_harm"),
     None, False),
    ("blood_pressure", "choice", ("yes", "no", "unsure"), NO_SIGN, False),
    ("blood_loss", "choice", ("yes", "no", "unsure"), NO_SIGN, False),
    ("leak_effort", "choice", FREQUENCY, NO_SIGN, False),
    ("leak_urgency", "choice", FREQUENCY, NO_SIGN, False),
    ("bowel_leak", "choice", YES_NO, NO_SIGN, False),
    ("bowel_emptying", "choice", YES_NO, NO_SIGN, False),
    ("pelvic_heaviness", "choice", YES_NO, NO_SIGN, False),
    ("prolapse_diagnosis", "choice", ("none", "grade_1", "grade_2_plus", "grade_unknown"),
     NO_SIGN, False),
    ("pelvic_pain", "choice", YES_NO, NO_SIGN, False),
    ("bleeding", "choice", YES_NO, NO_SIGN, False),
    ("abdominal_doming", "choice", ("yes", "no", "unsure"), NO_SIGN, False),
    ("diastasis_measured", "choice", ("none", "up_to_2cm", "over_2cm", "size_unknown"),
     NO_SIGN, False),
    ("pain_back_pelvis", "choice", YES_NO, NO_SIGN, False),
    ("pain_pubic", "choice", YES_NO, NO_SIGN, False),
    ("pain_sciatic", "choice", YES_NO, NO_SIGN, False),
    ("pain_other", "choice", YES_NO, NO_SIGN, False),
    ("walking", "choice", ("symptom_free_30", "symptoms", "under_30"), NO_SIGN, False),
    ("tried_running", "choice", ("no", "yes_fine", "yes_symptoms"), NO_SIGN, False),
    ("running_history", "choice", ("none", "occasional", "regular", "competitive"), NO_SIGN,
     False),
    ("running_goal", "choice", ("casual", "race_short", "race_long", "stroller"), NO_SIGN, False),
    ("sleep", "choice", ("under_4", "4_to_6", "over_6"), NO_SIGN, False),
    ("fueling", "choice", ("enough", "unsure", "not_enough"), NO_SIGN, False),
    ("mood_interest", "scale", SCORE, NO_SIGN, True),
    ("mood_down", "scale", SCORE, NO_SIGN, True),
]  # fmt: skip

# Section 5 (red flags in section 4 order): (id, severity, sources).
RF, CI, CA, NOTE = "red_flag", "contraindication", "caution", "note"
SPEC_RULES: list[tuple[str, str, tuple[str, ...]]] = [
    *[
        (f"RF-{name}", RF, ("POSTBIRTH",))
        for name in ("CHEST-PAIN", "BREATHING", "HEAVY-BLEEDING", "LEG-SWELLING",
                     "SEVERE-HEADACHE", "FEVER", "WOUND", "FAINTING", "SEIZURE", "VISION",
                     "SWELLING-FACE-HANDS", "BELLY-PAIN", "VOMITING", "DISCHARGE", "SELF-HARM")
    ],
    ("CI-EARLY", CI, ("CHRISTOPHER2024",)),
    ("CI-NOT-CLEARED", CI, ("DAVENPORT2025",)),
    ("CI-PROLAPSE", CI, ("CLINIC", "POPQ")),
    ("CI-HEAVINESS", CI, ("GOOM2019",)),
    ("CI-STRESS-LEAK", CI, ("CLINIC", "ICS")),
    ("CI-URGE-LEAK", CI, ("GOOM2019", "ICS")),
    ("CI-BOWEL", CI, ("GOOM2019",)),
    ("CI-BOWEL-EMPTYING", CI, ("GOOM2019",)),
    ("CI-PELVIC-PAIN", CI, ("GOOM2019",)),
    ("CI-BLEEDING", CI, ("GOOM2019",)),
    ("CI-DIASTASIS", CI, ("CLINIC",)),
    ("CI-SI-PAIN", CI, ("CLINIC",)),
    ("CI-PUBIC-PAIN", CI, ("CLINIC",)),
    ("CI-SCIATIC", CI, ("CLINIC",)),
    ("CI-WALK-SYMPTOMS", CI, ("GOOM2019",)),
    ("CI-RUN-SYMPTOMS", CI, ("GOOM2019",)),
    ("CA-BEFORE-12-WEEKS", CA, ("GOOM2019", "CHRISTOPHER2024")),
    ("CA-NO-CHECKUP", CA, ("DAVENPORT2025",)),
    ("CA-PROLAPSE-GRADE", CA, ("CLINIC", "POPQ")),
    ("CA-DIASTASIS-CHECK", CA, ("CLINIC", "GOOM2019")),
    ("CA-SEVERE-TEAR", CA, ("RCOG-OASI",)),
    ("CA-SCAR", CA, ("DAVENPORT2025",)),
    ("CA-WALK", CA, ("GOOM2019",)),
    ("CA-LOCHIA", CA, ("GOOM2019",)),
    ("CA-OTHER-PAIN", CA, ("GOOM2019",)),
    ("NOTE-BREASTFEEDING", NOTE, ("CLINIC", "GOOM2019")),
    ("NOTE-TEAR-UNSURE", NOTE, ("RCOG-OASI",)),
    ("NOTE-ASSISTED-BIRTH", NOTE, ("GOOM2019",)),
    ("NOTE-BLOOD-PRESSURE", NOTE, ("DAVENPORT2025",)),
    ("NOTE-ANAEMIA", NOTE, ("DAVENPORT2025", "GOOM2019")),
    ("NOTE-PROLAPSE-GRADE-1", NOTE, ("CLINIC", "POPQ")),
    ("NOTE-SLEEP", NOTE, ("DEERING2024",)),
    ("NOTE-FUEL", NOTE, ("GOOM2019",)),
    ("NOTE-MOOD", NOTE, ("PHQ2",)),
    ("NOTE-MOOD-SKIPPED", NOTE, ("PHQ2",)),
    ("NOTE-NEW-RUNNER", NOTE, ("DEERING2024",)),
    ("NOTE-STROLLER", NOTE, ("MOVINGMED",)),
]  # fmt: skip

SPEC_SOURCE_KEYS = [
    "CLINIC",
    "GOOM2019",
    "DONNELLY2020",
    "CHRISTOPHER2024",
    "DEERING2024",
    "DAVENPORT2025",
    "POSTBIRTH",
    "ICS",
    "POPQ",
    "RCOG-OASI",
    "PHQ2",
    "MOVINGMED",
]


def test_question_ids_in_spec_order() -> None:
    assert list(default_questionnaire().ids) == [row[0] for row in SPEC_QUESTIONS]


@pytest.mark.parametrize(("qid", "kind", "values", "when", "optional"), SPEC_QUESTIONS)
def test_question_matches_the_spec(
    qid: str, kind: str, values: tuple[str, ...], when: object, optional: bool
) -> None:
    question = default_questionnaire().question(qid)
    assert question.kind == kind
    assert question.options == values
    assert question.optional is optional
    assert question.asked is (qid != "assessed_on")
    if when is None:
        assert question.when is None
    elif when == NO_SIGN:
        assert question.when is not None
        assert (question.when.question, question.when.empty) == ("warning_signs", True)
    else:
        assert question.when is not None and not question.when.empty
        assert (question.when.question, question.when.values) == when


def test_warning_signs_none_option_is_not_an_answer_value() -> None:
    question = default_questionnaire().question("warning_signs")
    assert question.none_option == "none"
    assert "none" not in question.options


def test_rules_version_matches_the_questionnaire() -> None:
    assert default_questionnaire().rules_version == RULES_VERSION == "2026.11-3"


def test_there_are_52_rules_and_15_warning_signs() -> None:
    assert len(RULES) == 52
    signs = default_questionnaire().question("warning_signs").options
    assert [r.id for r in RULES if r.severity is Severity.RED_FLAG] == [
        "RF-" + sign.upper().replace("_", "-") for sign in signs
    ]
    assert len(signs) == 15


def test_warning_signs_are_urgent_and_split_over_the_two_screens_of_section_4() -> None:
    form = default_questionnaire()
    question = form.question("warning_signs")
    assert question.urgent
    assert question.screens == (
        ("chest_pain", "breathing", "heavy_bleeding", "seizure", "severe_headache", "vision",
         "fainting", "self_harm"),
        ("leg_swelling", "swelling_face_hands", "fever", "wound", "discharge", "belly_pain",
         "vomiting"),
    )  # fmt: skip
    assert [q.id for q in form.urgent_questions] == ["warning_signs"]


def test_default_questionnaire_is_loaded_once() -> None:
    assert default_questionnaire() is default_questionnaire()


def test_rule_table_matches_the_spec() -> None:
    table = [(rule.id, rule.severity.value, rule.sources) for rule in RULES]
    assert table == SPEC_RULES


def test_rule_table_is_grouped_by_severity() -> None:
    ranks = [rule.severity.rank for rule in RULES]
    assert ranks == sorted(ranks)
    assert [s.value for s in Severity] == [RF, CI, CA, NOTE]


def test_source_keys_match_section_2() -> None:
    assert list(SOURCES) == SPEC_SOURCE_KEYS


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_conditions_name_real_questions_and_values(rule: Rule) -> None:
    form = default_questionnaire()
    for condition in walk(rule.predicate):
        if isinstance(condition, AnswerIn):
            assert set(condition.values) <= set(form.question(condition.question).options)
        if isinstance(condition, WarningSign):
            assert condition.sign in form.question("warning_signs").options


@pytest.mark.parametrize(
    ("rule_id", "words"),
    [
        ("CI-EARLY", "weeks_postpartum < 3"),
        ("CA-BEFORE-12-WEEKS", "3 <= weeks_postpartum < 12"),
        ("CI-BLEEDING", "bleeding = yes and weeks_postpartum >= 8"),
        ("CI-STRESS-LEAK", "leak_effort is sometimes or often"),
        (
            "CA-DIASTASIS-CHECK",
            "diastasis_measured = size_unknown, or (diastasis_measured = none and "
            "(abdominal_doming is yes or unsure))",
        ),
        ("NOTE-MOOD", "mood_interest + mood_down >= 3 (a skipped item counts 0)"),
        (
            "NOTE-MOOD-SKIPPED",
            "no warning sign and (mood_interest or mood_down is null or absent)",
        ),
        ("RF-WOUND", "warning_signs includes wound"),
    ],
)
def test_conditions_describe_themselves_as_in_the_spec(rule_id: str, words: str) -> None:
    rule = next(rule for rule in RULES if rule.id == rule_id)
    assert rule.predicate.describe() == words


def test_the_language_files_are_parsed_once_until_they_change(tmp_path: Path) -> None:
    path = tmp_path / "words.toml"
    path.write_text('greeting = "hello"\n', encoding="utf-8")
    first = read_toml(path)
    assert read_toml(path) is first  # the questionnaire and the screen words share one parse
    path.write_text('greeting = "hello again"\n', encoding="utf-8")
    assert read_toml(path) == {"greeting": "hello again"}
