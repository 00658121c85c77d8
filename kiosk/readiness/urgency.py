"""Which answers make a session urgent: content, not a question type (clinical-spec section 4)."""

from __future__ import annotations

from collections.abc import Mapping

from kiosk.readiness.questionnaire import Questionnaire


def urgent_signs(questionnaire: Questionnaire, answers: Mapping[str, object]) -> tuple[str, ...]:
    """The urgent answers ticked so far, in the questionnaire's option order.

    Reads only the questions marked `urgent = true` in the questionnaire data; `answers`
    may be partial (the kiosk asks after each screen). Empty: not urgent.
    """
    signs: list[str] = []
    for question in questionnaire.urgent_questions:
        value = answers.get(question.id)
        if isinstance(value, list | tuple):
            ticked = {item for item in value if isinstance(item, str)}
            signs.extend(option for option in question.options if option in ticked)
    return tuple(signs)


def is_urgent(questionnaire: Questionnaire, answers: Mapping[str, object]) -> bool:
    """Whether a (partial) answer set already holds an urgent answer."""
    return bool(urgent_signs(questionnaire, answers))


def unasked_signs(questionnaire: Questionnaire, answers: Mapping[str, object]) -> tuple[str, ...]:
    """The urgent options never shown: those on the screens after the first ticked one.

    A sign ticked on a screen goes straight to the urgent screen, so the later screens of
    that question are not asked (clinical-spec section 4). Empty when nothing is ticked.
    """
    missed: list[str] = []
    for question in questionnaire.urgent_questions:
        value = answers.get(question.id)
        if not isinstance(value, list | tuple):
            continue
        screens = question.option_screens
        hit = next((n for n, screen in enumerate(screens) if set(screen) & set(value)), None)
        if hit is not None:
            missed.extend(option for screen in screens[hit + 1 :] for option in screen)
    return tuple(missed)
