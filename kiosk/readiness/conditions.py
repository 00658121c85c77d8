"""The small, printable predicates that say when a rule fires (clinical-spec section 5)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from kiosk.readiness.validate import ValidAnswers


class Condition(Protocol):
    """A predicate over validated answers that can describe itself in words."""

    def __call__(self, answers: ValidAnswers) -> bool: ...

    def describe(self) -> str: ...

    def parts(self) -> tuple[Condition, ...]: ...


@dataclass(frozen=True)
class AnswerIn:
    """The answer to `question` is one of `values` (never true when it was not asked)."""

    question: str
    values: tuple[str, ...]

    def __call__(self, answers: ValidAnswers) -> bool:
        return answers.answer(self.question) in self.values

    def describe(self) -> str:
        if len(self.values) == 1:
            return f"{self.question} = {self.values[0]}"
        return f"{self.question} is {' or '.join(self.values)}"

    def parts(self) -> tuple[Condition, ...]:
        return ()


@dataclass(frozen=True)
class WarningSign:
    """`sign` is among the warning signs."""

    sign: str

    def __call__(self, answers: ValidAnswers) -> bool:
        return self.sign in answers.warning_signs

    def describe(self) -> str:
        return f"warning_signs includes {self.sign}"

    def parts(self) -> tuple[Condition, ...]:
        return ()


@dataclass(frozen=True)
class NoWarningSign:
    """No warning sign was selected (the full questionnaire was asked)."""

    def __call__(self, answers: ValidAnswers) -> bool:
        return not answers.warning_signs

    def describe(self) -> str:
        return "no warning sign"

    def parts(self) -> tuple[Condition, ...]:
        return ()


@dataclass(frozen=True)
class Weeks:
    """`low <= weeks_postpartum < high`; either bound may be open (None)."""

    low: int | None = None
    high: int | None = None

    def __call__(self, answers: ValidAnswers) -> bool:
        weeks = answers.weeks_postpartum
        return (self.low is None or weeks >= self.low) and (self.high is None or weeks < self.high)

    def describe(self) -> str:
        if self.low is None:
            return f"weeks_postpartum < {self.high}"
        if self.high is None:
            return f"weeks_postpartum >= {self.low}"
        return f"{self.low} <= weeks_postpartum < {self.high}"

    def parts(self) -> tuple[Condition, ...]:
        return ()


@dataclass(frozen=True)
class Phq2AnsweredSumAtLeast:
    """The PHQ-2 items that were answered add up to at least `threshold` (skipped = 0)."""

    threshold: int

    def __call__(self, answers: ValidAnswers) -> bool:
        return answers.phq2_answered_sum >= self.threshold

    def describe(self) -> str:
        return f"mood_interest + mood_down >= {self.threshold} (a skipped item counts 0)"

    def parts(self) -> tuple[Condition, ...]:
        return ()


@dataclass(frozen=True)
class Phq2Incomplete:
    """A PHQ-2 item is null (skipped) or absent."""

    def __call__(self, answers: ValidAnswers) -> bool:
        return answers.phq2_score is None

    def describe(self) -> str:
        return "mood_interest or mood_down is null or absent"

    def parts(self) -> tuple[Condition, ...]:
        return ()


@dataclass(frozen=True)
class AllOf:
    """Every part holds."""

    members: tuple[Condition, ...]

    def __call__(self, answers: ValidAnswers) -> bool:
        return all(member(answers) for member in self.members)

    def describe(self) -> str:
        return " and ".join(_grouped(member, " or ") for member in self.members)

    def parts(self) -> tuple[Condition, ...]:
        return self.members


@dataclass(frozen=True)
class AnyOf:
    """At least one part holds."""

    members: tuple[Condition, ...]

    def __call__(self, answers: ValidAnswers) -> bool:
        return any(member(answers) for member in self.members)

    def describe(self) -> str:
        return ", or ".join(_grouped(member, " and ") for member in self.members)

    def parts(self) -> tuple[Condition, ...]:
        return self.members


def _grouped(condition: Condition, joiner: str) -> str:
    """The description, in parentheses when it could be misread inside a `joiner` list."""
    text = condition.describe()
    return f"({text})" if condition.parts() or joiner in text else text


def walk(condition: Condition) -> Iterator[Condition]:
    """The condition and every condition inside it, depth first."""
    yield condition
    for part in condition.parts():
        yield from walk(part)
