"""A summary in Spanish has no English words but proper names, ids and source keys."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.readiness import RULES, SOURCES
from kiosk.readiness.resources import resource_path
from kiosk.report.context import DEFAULT_CLINIC_NAME, DEFAULT_LOCATIONS
from kiosk.report.words import report_words
from tests.report.pdftext import rendered
from tests.report.samples import ALTERNATE, LONGEST, LONGEST_URGENT, NOT_YET

ES = report_words("es")
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]{3,}")


def _strings(table: Any) -> Iterator[str]:
    if isinstance(table, dict):
        for value in table.values():
            yield from _strings(value)
    elif isinstance(table, list):
        for value in table:
            yield from _strings(value)
    elif isinstance(table, str):
        yield table


def _vocabulary(language: str) -> set[str]:
    with resource_path("i18n", f"{language}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    return {w.lower() for text in _strings(data) for w in _WORD.findall(text)}


# Words only English uses, anywhere in the language files (questions, rules, report, screens).
ENGLISH_ONLY = _vocabulary("en") - _vocabulary("es")
# Proper names: the clinic, its towns, the instruments and organisations named in texts.
PROPER = {
    w.lower()
    for text in (DEFAULT_CLINIC_NAME, *(place for place, _ in DEFAULT_LOCATIONS))
    for w in _WORD.findall(text)
}


def _without_sources(text: str) -> str:
    """The page text less the printed references (publication titles keep their language)."""
    for key in SOURCES:
        reference = " ".join(ES.get(f"sources.{key}").split())
        text = text.replace(f"{key} {reference}", " ")
    return text


@pytest.mark.parametrize(
    "answers", [LONGEST, LONGEST_URGENT, ALTERNATE, NOT_YET], ids=["longest", "urgent", "alt", "no"]
)
def test_a_spanish_summary_has_no_english_words(answers: dict[str, Any]) -> None:
    _, pages = rendered(answers, report_language="es", patient_language="es")
    text = _without_sources(" ".join(pages))
    codes = {rule.id for rule in RULES} | set(SOURCES)
    for code in sorted(codes, key=len, reverse=True):
        text = text.replace(code, " ")
    english = {w for w in _WORD.findall(text) if w.lower() in ENGLISH_ONLY} - PROPER
    assert not {w for w in english if w.lower() not in PROPER}, sorted(english)


def test_the_check_finds_english() -> None:
    _, pages = rendered(NOT_YET, report_language="en")
    text = _without_sources(" ".join(pages))
    assert {w for w in _WORD.findall(text) if w.lower() in ENGLISH_ONLY} - PROPER


def test_every_source_is_printed_in_every_language() -> None:
    for language in ("en", "es"):
        words = report_words(language)
        for key in SOURCES:
            assert words.get(f"sources.{key}")
    assert report_words("en").get("sources.CLINIC") != ES.get("sources.CLINIC")
