"""No jargon on her screens: every patient-facing string, in every language, is free of
clinic shorthand ("PHQ-2", "PT") and of awkward phrases, and never says she may run."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.readiness import load_questionnaire
from kiosk.readiness.resources import resource_path

LANGUAGES = load_questionnaire().languages
JARGON = {
    r"\bPHQ": "a screening tool's name",
    r"\bPTs?\b": "say 'your physical therapist'",
    r"\bEPDS\b": "a screening tool's name",
    r"por revisar": "awkward Spanish: say what will be checked",
    r"cleared to run|ready to run|lista para correr": "the kiosk never clears anyone to run",
}
PATIENT_STAFF_KEYS = ("summary_not_saved",)  # [staff] words a patient can see


def _flatten(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{where}[{index}]")
    elif isinstance(value, str):
        yield where, value


def patient_strings(language: str) -> Iterator[tuple[str, str]]:
    """(where, text) for every string a patient can meet on the screens, in `language`."""
    with resource_path("i18n", f"{language}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    for table in ("questions", "ui", "parts"):
        yield from _flatten(data.get(table, {}), table)
    for key in PATIENT_STAFF_KEYS:
        yield f"staff.{key}", data["staff"][key]
    rules = data.get("rules", {})
    assert rules, "no rule words"
    for rule_id, words in rules.items():  # her words only, not the clinician's
        for key in ("title", "patient_text"):
            yield f"rules.{rule_id}.{key}", words[key]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_jargon_on_her_screens(language: str) -> None:
    found = [
        f"{where}: {why}: {text!r}"
        for where, text in patient_strings(language)
        for pattern, why in JARGON.items()
        if re.search(pattern, text)
    ]
    assert not found, "\n".join(found)


def test_the_check_catches_jargon() -> None:
    samples = ["Your PT will call.", "PHQ-2 score", "Separación por revisar"]
    for text in samples:
        assert any(re.search(pattern, text) for pattern in JARGON)
    assert not any(re.search(p, "Your physical therapist. Options. Ptolemy") for p in JARGON)
