"""The content as the kiosk loads it: questions and words, checked against the rule table.

Above both `questionnaire` (the reader) and `rules` (the table), so that neither needs
the other: the reader is handed the rule ids to find words for.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kiosk.readiness.questionnaire import Questionnaire, read_questionnaire
from kiosk.readiness.rules import RULE_IDS


def load_questionnaire(directory: Path | None = None) -> Questionnaire:
    """The kiosk's content: `questionnaire.toml` and every `i18n/<lang>.toml` in
    `directory` (default: `resources/`), with words for every rule of the table.

    Questions, their words, the rule words and the languages on offer (one language file
    each, English required). A bad or missing entry raises QuestionnaireError, naming it.
    """
    return read_questionnaire(directory, rule_ids=RULE_IDS)


@lru_cache(maxsize=1)
def default_questionnaire() -> Questionnaire:
    """The questionnaire in `resources/`, read once and shared."""
    return load_questionnaire()
