"""A ready_for_assessment or build_foundation summary fits 2 pages (clinical-spec section 8),
however many cautions and notes fire, in either report language, with a 60-character name."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kiosk.readiness import (
    RULES,
    Severity,
    Status,
    assess,
    default_questionnaire,
    load_questionnaire,
)
from kiosk.report.words import report_words
from tests.report.pdftext import rendered
from tests.report.samples import (
    LONGEST_NAME,
    SPANISH_LONG_NAME,
    TODAY,
    WORST_BUILD_FOUNDATION,
    WORST_BUILD_FOUNDATION_CAESAREAN,
    WORST_BUILD_FOUNDATION_TEAR_UNSURE,
    WORST_READY,
    birth_weeks_ago,
    with_name,
)

WORST: dict[str, tuple[dict[str, Any], Status]] = {
    "build_foundation": (WORST_BUILD_FOUNDATION, Status.BUILD_FOUNDATION),
    "build_foundation_tear_unsure": (
        WORST_BUILD_FOUNDATION_TEAR_UNSURE,
        Status.BUILD_FOUNDATION,
    ),
    "build_foundation_caesarean": (WORST_BUILD_FOUNDATION_CAESAREAN, Status.BUILD_FOUNDATION),
    "ready_for_assessment": (WORST_READY, Status.READY_FOR_ASSESSMENT),
}
BLOCKING = (Severity.RED_FLAG, Severity.CONTRAINDICATION)


def _trials(answers: dict[str, Any]) -> list[dict[str, Any]]:
    """Every answer set one answer (or the birth week) away from `answers`."""
    trials = []
    for question in load_questionnaire().questions:
        values: list[object] = list(question.options)
        if question.kind == "scale":
            values = [None, 0, 1, 2, 3]
        trials += [{**answers, question.id: value} for value in values]
    trials += [{**answers, "baby_birth_date": birth_weeks_ago(w)} for w in range(0, 60)]
    return trials


@pytest.mark.parametrize("case", list(WORST))
def test_the_worst_sets_hold_every_flag_their_status_allows(case: str) -> None:
    """No single other answer keeps the status and raises more flags."""
    answers, status = WORST[case]
    assessment = assess(answers, today=TODAY)
    assert assessment.status is status
    most = len(assessment.flags)
    for trial in _trials(answers):
        try:
            other = assess(trial, today=TODAY)
        except ValueError:
            continue  # not a valid answer set (e.g. a question hidden by another answer)
        if other.status is status:
            assert len(other.flags) <= most, {k: v for k, v in trial.items() if answers.get(k) != v}


def test_the_worst_sets_cover_every_caution_and_note() -> None:
    fired = {
        flag.id for answers, _ in WORST.values() for flag in assess(answers, today=TODAY).flags
    }
    assert fired == {rule.id for rule in RULES if rule.severity not in BLOCKING}


@pytest.mark.parametrize("name", [LONGEST_NAME, SPANISH_LONG_NAME], ids=["wide", "spanish"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("case", list(WORST))
def test_the_worst_ready_and_build_foundation_summaries_fit_two_pages(
    case: str, language: str, name: str
) -> None:
    assert len(name) == 60
    answers = with_name(WORST[case][0], name)
    _, pages = rendered(answers, report_language=language)
    assert len(pages) <= 2
    first = pages[0]
    assert "".join(name.split()) in "".join(first.split())
    words = report_words(language, default_questionnaire(), answers)
    for flag in assess(answers, today=TODAY).flags:  # still every flag as one line on page 1
        line = f"{words.flag(flag).clinician_title} {flag.id} {', '.join(flag.sources)}"
        assert line in first, line


def _safe_options() -> dict[str, list[object]]:
    """For each question, the answers that raise no red flag or contraindication on their own
    (bleeding still can, from 8 weeks: the test assumes it away)."""
    base = {**WORST_READY, "baby_birth_date": birth_weeks_ago(5)}
    safe: dict[str, list[object]] = {}
    for question in default_questionnaire().questions:
        values: list[object] = list(question.options)
        if question.kind == "scale":
            values = [None, 0, 1, 2, 3]
        elif question.kind == "multi":
            values = [[]]
        kept = []
        for value in values:
            try:
                flags = assess({**base, question.id: value}, today=TODAY).flags
            except ValueError:
                kept.append(value)  # hidden here; asked under other answers
                continue
            if not any(flag.severity in BLOCKING for flag in flags):
                kept.append(value)
        safe[question.id] = kept
    return safe


SAFE = _safe_options()


@st.composite
def calm_enough_answers(draw: st.DrawFn) -> dict[str, Any]:
    """An answer set whose status is ready_for_assessment or build_foundation."""
    answers: dict[str, Any] = {
        "patient_name": draw(st.sampled_from([LONGEST_NAME, SPANISH_LONG_NAME])),
        "assessed_on": TODAY.isoformat(),
        "baby_birth_date": (TODAY - timedelta(weeks=draw(st.integers(3, 80)))).isoformat(),
    }
    for question in default_questionnaire().questions:
        if question.id in answers or question.kind in ("name", "date"):
            continue
        if question.applies(answers):
            answers[question.id] = draw(st.sampled_from(SAFE[question.id]))
    return answers


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(answers=calm_enough_answers(), language=st.sampled_from(["en", "es"]))
def test_any_ready_or_build_foundation_summary_fits_two_pages(
    answers: dict[str, Any], language: str
) -> None:
    status = assess(answers, today=TODAY).status
    assume(status in (Status.READY_FOR_ASSESSMENT, Status.BUILD_FOUNDATION))
    _, pages = rendered(answers, report_language=language)
    assert len(pages) <= 2
