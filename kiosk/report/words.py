"""The summary's own words (the `[report]` table of each language file), and the rule words.

Counted words come in pairs, `<key>_one` and `<key>_other`; `count()` picks one (English
and Spanish both say "1 week" but "0 weeks", "2 weeks").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from kiosk.readiness.assess import text_fields
from kiosk.readiness.model import AnswersError, Flag
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.readiness.resources import read_toml, resource_path
from kiosk.readiness.validate import validate_answers

FALLBACK = "en"


@dataclass(frozen=True)
class FlagWords:
    """What the summary prints of one flag, in the report's language."""

    title: str
    clinician_title: str
    clinician_text: str


@dataclass(frozen=True)
class ReportWords:
    """The `[report]` words of one language, English for any key it lacks; with the
    content, also each rule's words in that language (placeholders filled in)."""

    language: str
    table: Mapping[str, Any]
    fallback: Mapping[str, Any]
    content: Questionnaire | None = None
    fields: Mapping[str, str] = field(default_factory=dict)

    def _lookup(self, path: str) -> str:
        for source in (self.table, self.fallback):
            node: Any = source
            for part in path.split("."):
                node = node.get(part) if isinstance(node, Mapping) else None
            if isinstance(node, str):
                return node
        raise KeyError(f"no report word {path!r}")

    def get(self, key: str, **values: object) -> str:
        """The word or sentence `key` (dots for sub-tables), with `{placeholders}` filled."""
        text = self._lookup(key)
        return text.format(**values) if values else text

    def count(self, key: str, n: int, **values: object) -> str:
        """`key_one` for exactly 1, else `key_other`, with `{n}` filled."""
        return self.get(f"{key}_one" if n == 1 else f"{key}_other", n=n, **values)

    def flag(self, flag: Flag) -> FlagWords:
        """The flag's titles and clinician text in this language, from the language files
        (the flag's own words if the content has none for its rule)."""
        if self.content is not None:
            try:
                words = self.content.words(flag.id, self.language)
                return FlagWords(
                    title=words.title.format(**self.fields),
                    clinician_title=words.clinician_title.format(**self.fields),
                    clinician_text=words.clinician_text.format(**self.fields),
                )
            except (KeyError, IndexError, ValueError):
                pass
        return FlagWords(flag.title, flag.clinician_title, flag.clinician_text)


def _report_table(language: str) -> Mapping[str, Any]:
    try:
        data = read_toml(resource_path("i18n", f"{language}.toml"))
    except (OSError, ValueError):
        return {}
    table = data.get("report", {})
    return table if isinstance(table, dict) else {}


@cache
def _table_words(language: str) -> ReportWords:
    return ReportWords(language, _report_table(language), _report_table(FALLBACK))


def report_words(
    language: str,
    content: Questionnaire | None = None,
    answers: Mapping[str, Any] | None = None,
) -> ReportWords:
    """The summary's words in `language` (read once per process); with `content` (and the
    `answers` rule texts fill in), the rule words too."""
    words = _table_words(language)
    if content is None:
        return words
    try:
        valid = validate_answers(answers or {}, questionnaire=content)
        fields = text_fields(valid, content.field_word("skipped", language))
    except (AnswersError, KeyError):
        fields = {}
    return replace(words, content=content, fields=fields)
