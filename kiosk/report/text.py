"""Words for the summary: text made safe for Paragraph markup, and answers turned into labels."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from kiosk.readiness.questionnaire import Question

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
NOT_ANSWERED = "not answered"
SKIPPED = "skipped"


def esc(text: object) -> str:
    """Any text as Paragraph-safe markup: control characters dropped, &, < and > escaped."""
    return escape(_CONTROL.sub("", str(text)))


def plain(text: object) -> str:
    """Any text for direct canvas drawing (no markup is parsed there): controls dropped."""
    return _CONTROL.sub("", str(text))


def answer_label(question: Question, value: Any, language: str) -> str:
    """The answer as the patient saw it (option labels, not raw ids); plain text, unescaped."""
    words = question.texts.get(language) or next(iter(question.texts.values()), None)
    options = words.options if words is not None else {}
    if value is None:
        return SKIPPED if question.kind == "scale" else NOT_ANSWERED
    if question.kind == "multi" and isinstance(value, list | tuple):
        if not value:
            return options.get(question.none_option or "", "none")
        return "; ".join(options.get(str(item), str(item)) for item in value)
    if question.kind == "scale" and isinstance(value, int) and not isinstance(value, bool):
        label = options.get(str(value))
        return f"{value} · {label}" if label else str(value)
    if question.kind == "choice" and isinstance(value, str):
        return options.get(value, value)
    return str(value)


def question_label(question: Question, language: str) -> str:
    """The question's short label in `language` (falling back to its first language, then id)."""
    words = question.texts.get(language) or next(iter(question.texts.values()), None)
    return words.label if words is not None else question.id


def phq2_words(score: int | None) -> str:
    """The PHQ-2 score as the PT reads it."""
    if score is None:
        return NOT_ANSWERED
    verdict = "positive screen (3 or more)" if score >= 3 else "negative (under 3)"
    return f"{score} of 6, {verdict}"
