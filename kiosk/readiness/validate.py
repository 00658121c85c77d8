"""Validation of an answer set against the questionnaire (clinical-spec section 3)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from kiosk.readiness.model import AnswersError
from kiosk.readiness.questionnaire import Question, Questionnaire

NAME_MAX = 60  # characters of patient_name after trimming
MAX_YEARS_BEFORE = 5  # baby_birth_date may be at most this many years before assessed_on

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

Answer = str | int | date | tuple[str, ...] | None


@dataclass(frozen=True)
class ValidAnswers:
    """An answer set that passed validation: what the rules read."""

    values: Mapping[str, Answer]
    assessed_on: date
    baby_birth_date: date

    @property
    def weeks_postpartum(self) -> int:
        """Whole weeks from the baby's birth to the screening day."""
        return (self.assessed_on - self.baby_birth_date).days // 7

    @property
    def warning_signs(self) -> tuple[str, ...]:
        signs = self.values.get("warning_signs", ())
        return signs if isinstance(signs, tuple) else ()

    @property
    def phq2_score(self) -> int | None:
        """mood_interest + mood_down, or None if either was skipped or not asked."""
        interest = self.values.get("mood_interest")
        down = self.values.get("mood_down")
        if isinstance(interest, int) and isinstance(down, int):
            return interest + down
        return None

    @property
    def phq2_answered_sum(self) -> int:
        """The sum of the PHQ-2 items that were answered (a skipped or absent item counts 0)."""
        items = (self.values.get("mood_interest"), self.values.get("mood_down"))
        return sum(item for item in items if isinstance(item, int))

    def answer(self, question_id: str) -> Answer:
        """The validated answer, or None if the question was not asked or was skipped."""
        return self.values.get(question_id)


def show(value: object) -> str:
    """A short, one-line, never-failing rendering of any value for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if -(10**12) < value < 10**12 else "a very large integer"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        text = repr(value)
        return text if len(text) <= 42 else text[:38] + "...'"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    return f"a value of type {type(value).__name__}"


def _choices(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def allowed(question: Question) -> str:
    """What a question accepts, in words, for error messages."""
    if question.kind == "choice":
        return f"one of {_choices(question.options)}"
    if question.kind == "multi":
        return f"a list (empty for none) of {_choices(question.options)}, each at most once"
    if question.kind == "scale":
        return f"an integer {question.options[0]}-{question.options[-1]}, or null when skipped"
    if question.kind == "name":
        return f"text of 1-{NAME_MAX} characters after trimming"
    return "an ISO date YYYY-MM-DD"


def _hidden_error(question: Question, values: Mapping[str, Answer]) -> AnswersError:
    when = question.when
    assert when is not None  # only a question with a when-condition can be hidden
    current = values.get(when.question)
    if when.empty:
        now = "is not empty" if current else "is missing"
        rule = f"{when.question} is an empty list"
    else:
        now = f"is {current}" if isinstance(current, str) else "is missing"
        rule = f"{when.question} is {' or '.join(when.values)}"
    return AnswersError(
        f"{question.id}: must be left out when {when.question} {now}; allowed only when {rule}"
    )


def _check_choice(question: Question, value: object) -> str:
    if not isinstance(value, str) or value not in question.options:
        raise AnswersError(
            f"{question.id}: {show(value)} is not allowed; allowed: {allowed(question)}"
        )
    return value


def _scale_values(question: Question) -> tuple[int, ...]:
    return tuple(int(option) for option in question.options)


def _check_scale(question: Question, value: object) -> int | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value not in _scale_values(question)
    ):
        raise AnswersError(
            f"{question.id}: {show(value)} is not allowed; allowed: {allowed(question)}"
        )
    return value


def _check_multi(question: Question, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise AnswersError(
            f"{question.id}: {show(value)} is not allowed; allowed: {allowed(question)}"
        )
    seen: list[str] = []
    for item in value:
        if not isinstance(item, str) or item not in question.options:
            hint = " (an empty list means none)" if item == question.none_option else ""
            raise AnswersError(
                f"{question.id}: item {show(item)} is not allowed{hint}; "
                f"allowed: {allowed(question)}"
            )
        if item in seen:
            raise AnswersError(
                f"{question.id}: {item!r} is listed twice; allowed: {allowed(question)}"
            )
        seen.append(item)
    return tuple(seen)


# Characters that show nothing by themselves: controls (NUL), format characters (zero-width
# space and joiners, direction marks, BOM), surrogates, spaces and separators, lone accents.
# Unassigned code points count as visible: a newer Unicode may have given them a letter.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Me"})


def has_visible_text(text: str) -> bool:
    """Whether `text` has a character that shows (not only spaces, NUL, zero-width...)."""
    return any(unicodedata.category(char) not in _INVISIBLE for char in text)


def _check_name(question: Question, value: object) -> str:
    # Never echo the name itself: it is patient data.
    if not isinstance(value, str):
        raise AnswersError(
            f"{question.id}: must be text of 1-{NAME_MAX} characters, not {show(value)}"
        )
    name = value.strip()
    if not has_visible_text(name):  # "", or only invisible characters
        raise AnswersError(f"{question.id}: is empty; allowed: 1-{NAME_MAX} characters")
    if len(name) > NAME_MAX:
        raise AnswersError(
            f"{question.id}: is {len(name)} characters long; allowed: 1-{NAME_MAX} characters"
        )
    return name


def _check_date(question: Question, value: object) -> date:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise AnswersError(f"{question.id}: {show(value)} is not allowed; allowed: {allowed(question)}")


def _years_before(day: date, years: int) -> date:
    if day.year - years < date.min.year:
        return date.min
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _check_birth_date(birth: date, assessed_on: date) -> None:
    if birth > assessed_on:
        raise AnswersError(
            f"baby_birth_date: {birth.isoformat()} is after assessed_on "
            f"{assessed_on.isoformat()}; allowed: a date on or before it"
        )
    earliest = _years_before(assessed_on, MAX_YEARS_BEFORE)
    if birth < earliest:
        raise AnswersError(
            f"baby_birth_date: {birth.isoformat()} is more than {MAX_YEARS_BEFORE} years before "
            f"assessed_on; allowed: {earliest.isoformat()} to {assessed_on.isoformat()}"
        )


def _check_value(question: Question, value: object) -> Answer:
    if question.kind == "choice":
        return _check_choice(question, value)
    if question.kind == "scale":
        return _check_scale(question, value)
    if question.kind == "multi":
        return _check_multi(question, value)
    if question.kind == "name":
        return _check_name(question, value)
    return _check_date(question, value)


def _check_keys(answers: Mapping[object, object], questionnaire: Questionnaire) -> None:
    known = questionnaire.ids
    for key in answers:
        if not isinstance(key, str):
            raise AnswersError(f"answer keys must be question ids (text), not {show(key)}")
        if key not in known:
            raise AnswersError(f"unknown key {show(key)}; allowed keys: {_choices(known)}")


def validate_answers(
    answers: object,
    *,
    today: date | None = None,
    questionnaire: Questionnaire,
) -> ValidAnswers:
    """Check an answer set against `questionnaire`; raise AnswersError naming the first
    bad key and what is allowed."""
    if not isinstance(answers, Mapping):
        raise AnswersError(
            f"answers must be an object mapping question ids to answers, not {show(answers)}"
        )
    form = questionnaire
    _check_keys(answers, form)
    values: dict[str, Answer] = {}
    for question in form.questions:
        present = question.id in answers
        if not question.applies(values):
            if present:
                raise _hidden_error(question, values)
            continue
        if not present:
            if question.optional:
                continue
            raise AnswersError(f"{question.id}: missing required key; allowed: {allowed(question)}")
        values[question.id] = _check_value(question, answers[question.id])
    assessed_on = values.setdefault("assessed_on", today if today is not None else date.today())
    birth = values.get("baby_birth_date")
    if not isinstance(assessed_on, date) or not isinstance(birth, date):
        raise AnswersError("baby_birth_date and assessed_on: must be ISO dates YYYY-MM-DD")
    _check_birth_date(birth, assessed_on)
    return ValidAnswers(MappingProxyType(values), assessed_on, birth)
