"""Every class of bad input in clinical-spec section 3 raises AnswersError naming the key."""

from __future__ import annotations

import math
from collections import OrderedDict
from datetime import date, timedelta
from typing import Any

import pytest

from kiosk.readiness import AnswersError, assess, default_questionnaire
from kiosk.readiness.validate import show
from tests.readiness.factories import ABSENT, ASSESSED_ON, birth_date, valid_answers

HUGE = 10**5000  # more digits than Python will turn into a string


def error_for(answers: object) -> str:
    with pytest.raises(AnswersError) as info:
        assess(answers)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message
    assert isinstance(info.value, ValueError)
    return message


def test_a_valid_set_passes() -> None:
    assess(valid_answers())


@pytest.mark.parametrize("value", [[], [("delivery", "vaginal")], "answers", 3, None, 1.5, True])
def test_the_top_level_must_be_a_mapping(value: object) -> None:
    assert "answers must be an object" in error_for(value)


def test_an_ordered_dict_is_a_mapping() -> None:
    assess(OrderedDict(valid_answers()))


@pytest.mark.parametrize("key", ["favourite_colour", "Delivery", "delivery ", ""])
def test_unknown_key(key: str) -> None:
    message = error_for({**valid_answers(), key: "x"})
    assert f"unknown key {key!r}" in message
    assert "allowed keys: patient_name, assessed_on, baby_birth_date" in message


@pytest.mark.parametrize("key", [1, None, ("delivery",), 2.5, b"delivery"])
def test_non_string_key(key: object) -> None:
    answers: dict[Any, Any] = {**valid_answers(), key: "x"}
    assert "answer keys must be question ids" in error_for(answers)


REQUIRED = [
    q.id for q in default_questionnaire().questions if not q.optional and q.id != "perineal_tear"
]


@pytest.mark.parametrize("key", [*REQUIRED, "caesarean_scar_problem"])
def test_missing_required_key(key: str) -> None:
    overrides: dict[str, Any] = {key: ABSENT}
    if key == "caesarean_scar_problem":
        overrides["delivery"] = "planned_caesarean"
    message = error_for(valid_answers(**overrides))
    assert message.startswith(f"{key}: missing required key; allowed: ")


def test_missing_perineal_tear_after_a_vaginal_birth() -> None:
    message = error_for(valid_answers(delivery="assisted_vaginal", perineal_tear=ABSENT))
    assert message == (
        "perineal_tear: missing required key; allowed: one of none, minor, severe, unsure"
    )


@pytest.mark.parametrize("key", ["patient_name", "assessed_on", "mood_interest", "mood_down"])
def test_optional_keys_may_be_absent(key: str) -> None:
    assess(valid_answers(**{key: ABSENT}), today=ASSESSED_ON)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("delivery", "c_section"),
        ("delivery", "Vaginal"),
        ("feeding", ""),
        ("leak_effort", "always"),
        ("sleep", "4-6"),
        ("walking", "yes"),
        ("bowel_leak", "unsure"),
    ],
)
def test_value_outside_its_list(key: str, value: str) -> None:
    message = error_for(valid_answers(**{key: value}))
    options = ", ".join(default_questionnaire().question(key).options)
    assert message == f"{key}: {value!r} is not allowed; allowed: one of {options}"


@pytest.mark.parametrize(
    "value", [True, False, None, 1, 0, 1.5, ["yes"], {"yes": True}, math.nan, -(10**400)]
)
def test_wrong_json_type_for_a_choice(value: object) -> None:
    message = error_for(valid_answers(bowel_leak=value))
    assert message.startswith("bowel_leak: ")
    assert message.endswith("allowed: one of yes, no")


@pytest.mark.parametrize(
    "value",
    [
        True,
        False,
        -1,
        4,
        1.0,
        2.5,
        "2",
        "",
        [],
        {},
        math.nan,
        math.inf,
        pytest.param(HUGE, id="huge"),
    ],
)
@pytest.mark.parametrize("key", ["mood_interest", "mood_down"])
def test_mood_scores_are_integers_0_to_3_or_null(key: str, value: object) -> None:
    message = error_for(valid_answers(**{key: value}))
    assert message.startswith(f"{key}: ")
    assert "allowed: an integer 0-3, or null when skipped" in message


def test_true_is_not_a_mood_score() -> None:
    assert error_for(valid_answers(mood_down=True)).startswith("mood_down: true is not allowed")


@pytest.mark.parametrize("signs", ["fever", None, {"fever": True}, 0])
def test_warning_signs_must_be_a_list(signs: object) -> None:
    message = error_for(valid_answers(warning_signs=signs))
    assert message.startswith("warning_signs: ")
    assert "allowed: a list (empty for none) of chest_pain, breathing" in message


@pytest.mark.parametrize("item", ["cough", "none", None, 1, ["fever"], "Fever"])
def test_warning_sign_outside_its_list(item: object) -> None:
    message = error_for(valid_answers(warning_signs=["fever", item]))
    assert message.startswith(f"warning_signs: item {show(item)} is not allowed")
    if item == "none":
        assert "an empty list means none" in message


def test_duplicate_warning_sign() -> None:
    message = error_for(valid_answers(warning_signs=["fever", "wound", "fever"]))
    assert message.startswith("warning_signs: 'fever' is listed twice")
    assert "each at most once" in message


def test_warning_signs_may_be_a_tuple() -> None:
    assert assess(valid_answers(warning_signs=("fever",))).status.value == "urgent"


@pytest.mark.parametrize("delivery", ["planned_caesarean", "unplanned_caesarean"])
def test_perineal_tear_with_a_caesarean(delivery: str) -> None:
    message = error_for(valid_answers(delivery=delivery, perineal_tear="none"))
    assert message == (
        f"perineal_tear: must be left out when delivery is {delivery}; "
        "allowed only when delivery is vaginal or assisted_vaginal"
    )


@pytest.mark.parametrize("delivery", ["vaginal", "assisted_vaginal"])
def test_scar_question_after_a_vaginal_birth(delivery: str) -> None:
    message = error_for(valid_answers(delivery=delivery, caesarean_scar_problem="no"))
    assert message.startswith("caesarean_scar_problem: must be left out when delivery is ")


LATER = [
    q.id
    for q in default_questionnaire().questions
    if q.when is not None and q.when.question == "warning_signs"
]


def test_every_question_after_warning_signs_depends_on_it() -> None:
    ids = default_questionnaire().ids
    assert list(ids[ids.index("warning_signs") + 1 :]) == LATER


@pytest.mark.parametrize("key", LATER)
def test_later_answer_with_a_warning_sign(key: str) -> None:
    value = valid_answers()[key]
    message = error_for(valid_answers(warning_signs=["breathing"], **{key: value}))
    assert message == (
        f"{key}: must be left out when warning_signs is not empty; "
        "allowed only when warning_signs is an empty list"
    )


def test_null_mood_with_a_warning_sign_is_still_a_mismatch() -> None:
    message = error_for(valid_answers(warning_signs=["fever"], mood_interest=None))
    assert message.startswith("mood_interest: must be left out")


@pytest.mark.parametrize(
    "value",
    ["2026-13-01", "2026-02-30", "26-08-01", "2026/08/01", "20260801", "2026-W31-1",
     "2026-08-01T00:00", " 2026-08-01", "2026-8-1", "", "２０２６-０８-０１", 20260801, None],
)  # fmt: skip
@pytest.mark.parametrize("key", ["baby_birth_date", "assessed_on"])
def test_dates_must_be_iso_dates(key: str, value: object) -> None:
    message = error_for(valid_answers(**{key: value}))
    assert message.startswith(f"{key}: ")
    assert message.endswith("allowed: an ISO date YYYY-MM-DD")


def test_birth_date_after_the_screening_day() -> None:
    message = error_for(valid_answers(assessed_on="2026-11-07", baby_birth_date="2026-11-08"))
    assert message == (
        "baby_birth_date: 2026-11-08 is after assessed_on 2026-11-07; "
        "allowed: a date on or before it"
    )


def test_birth_date_after_the_injected_today() -> None:
    answers = valid_answers(assessed_on=ABSENT, baby_birth_date="2026-03-02")
    with pytest.raises(AnswersError, match=r"^baby_birth_date: 2026-03-02 is after assessed_on"):
        assess(answers, today=date(2026, 3, 1))


@pytest.mark.parametrize(
    ("assessed_on", "earliest"), [("2026-11-07", "2021-11-07"), ("2028-02-29", "2023-02-28")]
)
def test_birth_date_at_most_5_years_before(assessed_on: str, earliest: str) -> None:
    assess(valid_answers(assessed_on=assessed_on, baby_birth_date=earliest))
    too_early = (date.fromisoformat(earliest) - timedelta(days=1)).isoformat()
    message = error_for(valid_answers(assessed_on=assessed_on, baby_birth_date=too_early))
    assert message == (
        f"baby_birth_date: {too_early} is more than 5 years before assessed_on; "
        f"allowed: {earliest} to {assessed_on}"
    )


@pytest.mark.parametrize(
    ("assessed_on", "birth"), [("0004-06-01", "0001-01-01"), ("9999-12-31", "9999-12-31")]
)
def test_extreme_dates_do_not_crash(assessed_on: str, birth: str) -> None:
    assess(valid_answers(assessed_on=assessed_on, baby_birth_date=birth))


def test_birth_date_5_years_and_a_day_before_is_refused() -> None:
    message = error_for(valid_answers(baby_birth_date=birth_date(0, 5 * 365 + 2)))
    assert message.startswith("baby_birth_date: ")


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "x" * 61, " " + "y" * 61 + " "])
def test_bad_patient_name(name: str) -> None:
    message = error_for(valid_answers(patient_name=name))
    assert message.startswith("patient_name: ")
    assert "1-60 characters" in message


@pytest.mark.parametrize("name", ["A", "x" * 60, "  " + "z" * 60 + "  ", "María José Núñez"])
def test_good_patient_name(name: str) -> None:
    assess(valid_answers(patient_name=name))


@pytest.mark.parametrize("name", [None, 5, ["Ann"], True])
def test_patient_name_must_be_text(name: object) -> None:
    assert error_for(valid_answers(patient_name=name)).startswith("patient_name: must be text")


def test_errors_never_echo_the_patient_name() -> None:
    secret = "Secret Person " * 5
    assert "Secret" not in error_for(valid_answers(patient_name=secret))


def test_long_bad_values_are_shortened_in_the_message() -> None:
    message = error_for(valid_answers(delivery="v" * 10_000))
    assert len(message) < 200


@pytest.mark.parametrize(
    "name", ["\x00", "\u200b\u200b", "\u200d\ufeff", "\u202e\u2066", " \u00a0\u3000 ", "\u0301"]
)
def test_a_name_of_invisible_characters_is_refused_like_an_empty_one(name: str) -> None:
    from kiosk.readiness import AnswersError, validate_answers
    from tests.readiness.factories import valid_answers

    with pytest.raises(AnswersError, match="patient_name: is empty"):
        answers = {**valid_answers(), "patient_name": name}
        validate_answers(answers, questionnaire=default_questionnaire())
