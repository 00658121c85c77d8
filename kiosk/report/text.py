"""Words for the summary: text made safe for Paragraph markup, and answers turned into labels."""

from __future__ import annotations

import re
from typing import Any
from xml.sax.saxutils import escape

from kiosk.readiness.questionnaire import Question
from kiosk.report.words import ReportWords

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def esc(text: object) -> str:
    """Any text as Paragraph-safe markup: control characters dropped, &, < and > escaped."""
    return escape(_CONTROL.sub("", str(text)))


def plain(text: object) -> str:
    """Any text for direct canvas drawing (no markup is parsed there): controls dropped."""
    return _CONTROL.sub("", str(text))


def answer_label(question: Question, value: Any, language: str, words: ReportWords) -> str:
    """The answer as the patient saw it (option labels, not raw ids); plain text, unescaped."""
    texts = question.texts.get(language) or next(iter(question.texts.values()), None)
    options = texts.options if texts is not None else {}
    if value is None:
        return words.get("skipped")
    if question.kind == "multi" and isinstance(value, list | tuple):
        if not value:
            return options.get(question.none_option or "", "-")
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
