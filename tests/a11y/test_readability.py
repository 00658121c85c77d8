"""Plain language: the patient's English reads at about grade 6 (Flesch-Kincaid, textstat);
no question above grade 9; the Spanish reads easily too (Fernández Huerta)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest
import textstat

from kiosk.readiness.resources import resource_path

MAX_GRADE_ALL = 7.0
MAX_GRADE_QUESTION = 9.0
MIN_EASE_ES = 70.0  # Fernández Huerta: 70-80 "fairly easy", like grade 7 English
# [ui] entries that are not sentences: formats, orders, names, and words for the staff only.
NOT_PROSE = {
    "language",
    "date_format",
    "date_month_year",
    "months",
    "location_phone",
    "list_separator",
}


def _strings(language: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every patient-facing string in a language."""
    with resource_path("i18n", f"{language}.toml").open("rb") as handle:
        data: dict[str, Any] = tomllib.load(handle)
    for qid, question in data["questions"].items():
        for key in ("prompt", "help", "label"):
            if key in question:
                yield f"{qid}.{key}", question[key]
        for table in ("options", "option_help"):
            for value, text in question.get(table, {}).items():
                yield f"{qid}.{table}.{value}", text
    for key, text in data["ui"].items():
        if key not in NOT_PROSE:
            yield f"ui.{key}", text
    for rule_id, words in data["rules"].items():  # the patient's words of each rule
        yield f"{rule_id}.title", words["title"]
        yield f"{rule_id}.patient_text", words["patient_text"]


def _as_sentence(text: str) -> str:
    text = re.sub(r"\{\w+\}", "5", text).strip()
    return text if text[-1] in ".?!:…" else f"{text}."


def prose(language: str) -> str:
    return " ".join(_as_sentence(text) for _, text in _strings(language))


def _grade(text: str) -> float:
    textstat.set_lang("en_US")
    return float(textstat.flesch_kincaid_grade(text))


def test_all_english_patient_text_reads_at_grade_7_or_below() -> None:
    assert _grade(prose("en")) <= MAX_GRADE_ALL


SCORED = [(w, t) for w, t in _strings("en") if w.endswith((".prompt", ".patient_text"))]


@pytest.mark.parametrize("where, text", SCORED, ids=[w for w, _ in SCORED])
def test_no_question_or_result_text_above_grade_9(where: str, text: str) -> None:
    assert _grade(text) <= MAX_GRADE_QUESTION, where


def test_the_measure_tells_hard_from_plain() -> None:
    hard = (
        "Postpartum individuals experiencing persistent pelvic floor dysfunction should "
        "consider comprehensive multidisciplinary rehabilitation before resuming "
        "high-impact locomotion."
    )
    assert _grade(hard) > MAX_GRADE_QUESTION
    assert _grade("Do you leak pee when you run?") < 4


def test_spanish_patient_text_reads_easily() -> None:
    textstat.set_lang("es")
    try:
        ease = float(textstat.fernandez_huerta(prose("es")))
    finally:
        textstat.set_lang("en_US")
    assert ease >= MIN_EASE_ES
