"""Valid answer sets for tests: `valid_answers(**overrides)` and a hypothesis strategy."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from kiosk.readiness import default_questionnaire
from kiosk.readiness.validate import has_visible_text
from kiosk.samples import CALM

ASSESSED_ON = date(2026, 11, 7)
ABSENT: Any = object()  # pass as an override to leave a key out

# An answer set that raises no flag at all: status ready_for_assessment. The shared calm
# set, with an answer for both delivery branches; valid_answers() keeps the one that applies.
_BASE: dict[str, object] = {
    **CALM,
    "patient_name": "Test Patient",
    "assessed_on": ASSESSED_ON.isoformat(),
    "baby_birth_date": (ASSESSED_ON - timedelta(weeks=30)).isoformat(),
    "perineal_tear": "none",
    "caesarean_scar_problem": "no",
    "running_goal": "casual",
}


def birth_date(weeks: int, days: int = 0, assessed_on: date = ASSESSED_ON) -> str:
    """The ISO birth date that makes `weeks` whole weeks (plus `days`) before `assessed_on`."""
    return (assessed_on - timedelta(weeks=weeks, days=days)).isoformat()


def valid_answers(**overrides: Any) -> dict[str, Any]:
    """A valid answer set (no flags, 30 weeks postpartum) with `overrides` applied.

    Answers to questions that the overrides hide are dropped (e.g. perineal_tear after
    delivery="planned_caesarean", everything after warning_signs=["fever"]) unless given
    explicitly; pass ABSENT to leave a key out; `weeks=N` sets baby_birth_date N whole
    weeks before assessed_on.
    Explicit overrides are kept as given, so a test can build a deliberately bad set.
    """
    weeks: int | None = overrides.pop("weeks", None)
    merged: dict[str, Any] = {**_BASE, **overrides}
    if weeks is not None:
        assessed = merged.get("assessed_on", ASSESSED_ON.isoformat())
        merged["baby_birth_date"] = birth_date(weeks, assessed_on=date.fromisoformat(assessed))
    result: dict[str, Any] = {}
    for question in default_questionnaire().questions:
        value = merged.get(question.id, ABSENT)
        if value is ABSENT:
            continue
        if question.id in overrides or question.applies(result):
            result[question.id] = value
    for key, value in overrides.items():
        if key not in result and value is not ABSENT:
            result[key] = value  # unknown keys, for error tests
    return result


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, Any]:
    """Any valid answer set: every shown question answered from its options, in order."""
    answers: dict[str, Any] = {}
    assessed = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
    for question in default_questionnaire().questions:
        if not question.applies(answers):
            continue
        if question.kind == "name":
            name = draw(
                st.text(min_size=1, max_size=60).filter(
                    lambda s: s.strip() == s != "" and has_visible_text(s)
                )
            )
            if draw(st.booleans()):
                answers[question.id] = name
        elif question.id == "assessed_on":
            answers[question.id] = assessed.isoformat()
        elif question.kind == "date":
            days = draw(st.integers(min_value=0, max_value=5 * 365))
            answers[question.id] = (assessed - timedelta(days=days)).isoformat()
        elif question.kind == "choice":
            answers[question.id] = draw(st.sampled_from(question.options))
        elif question.kind == "multi":
            signs = draw(st.lists(st.sampled_from(question.options), unique=True, max_size=3))
            answers[question.id] = draw(st.sampled_from([[], [], signs]))
        else:
            value = draw(st.sampled_from([None, ABSENT, 0, 1, 2, 3]))
            if value is not ABSENT:
                answers[question.id] = value
    return answers
