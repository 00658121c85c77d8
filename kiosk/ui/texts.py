"""The kiosk's screen words: the `[ui]` table of each language file, with English as fallback."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date
from typing import Any

from kiosk.readiness.questionnaire import Question, QuestionText

FALLBACK = "en"
_log = logging.getLogger(__name__)


class UiTexts:
    """Screen words by language; a missing language, key or placeholder falls back to English."""

    def __init__(self, tables: Mapping[str, Mapping[str, Any]]) -> None:
        if FALLBACK not in tables or not tables[FALLBACK]:
            raise ValueError("the English [ui] table is missing")
        self._tables = {lang: dict(table) for lang, table in tables.items()}

    def _raw(self, language: str, key: str) -> Any:
        for lang in (language, FALLBACK):
            value = self._tables.get(lang, {}).get(key)
            if value is not None:
                return value
        raise KeyError(f"[ui] has no text {key!r}")

    def text(self, language: str, key: str, **fields: object) -> str:
        """The words for `key` in `language`, with `{placeholders}` filled in."""
        raw = self._raw(language, key)
        try:
            return str(raw).format(**fields)
        except (KeyError, IndexError, ValueError):
            fallback = self._tables[FALLBACK].get(key)
            return str(fallback).format(**fields) if fallback is not None else str(raw)

    def months(self, language: str) -> list[str]:
        months = self._raw(language, "months")
        if not isinstance(months, list) or len(months) != 12:
            months = self._tables[FALLBACK]["months"]
        return [str(m) for m in months]

    def date(self, language: str, day: date) -> str:
        month = self.months(language)[day.month - 1]
        return self.text(language, "date_format", month=month, day=day.day, year=day.year)

    def question(self, question: Question, language: str) -> QuestionText:
        """A question's words in `language`, or in English if it has none in that language."""
        if language in question.texts:
            return question.text(language)
        return (
            question.text(FALLBACK)
            if FALLBACK in question.texts
            else next(iter(question.texts.values()))
        )

    def answer(self, question: Question, language: str, value: Any) -> str:
        """How an answer reads on the review screen."""
        words = self.question(question, language)
        if question.kind == "date" and isinstance(value, str):
            return self.date(language, date.fromisoformat(value))
        if question.kind == "name":
            return str(value)
        if question.kind == "multi":
            chosen = list(value) if value else [question.none_option or ""]
            sep = self.text(language, "list_separator") + " "
            return sep.join(words.options.get(v, v) for v in chosen)
        if question.kind == "scale" and value is None:
            return self.text(language, "skipped")
        return words.options.get(str(value), str(value))
