"""The outcome types: every problem has the staff panel's words, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.outcome import DeliveryResult, Problem
from kiosk.readiness import load_questionnaire
from kiosk.ui.words import load_texts


@pytest.mark.parametrize("problem", list(Problem))
def test_every_problem_has_words_for_staff_in_every_language(problem: Problem) -> None:
    languages = load_questionnaire().languages
    texts = load_texts(languages)
    for language in languages:
        words = texts.text(language, f"problem_{problem}")
        assert words and words != f"problem_{problem}", (language, problem)


def test_a_delivery_is_ok_only_without_a_problem() -> None:
    saved = Path("summary.pdf")
    assert DeliveryResult(saved, printed=True, problem=None).ok
    assert not DeliveryResult(saved, printed=False, problem=Problem.NO_PRINTER).ok
    assert not DeliveryResult(None, printed=True, problem=Problem.SAVE_FAILED).ok
