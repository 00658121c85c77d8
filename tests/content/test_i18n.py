"""Every patient-facing string exists in every language, with the same placeholders."""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterator
from typing import Any

import pytest

from kiosk.readiness import RULES, load_questionnaire
from kiosk.readiness.resources import resource_path

LANGUAGES = load_questionnaire().languages


def _load(language: str) -> dict[str, Any]:
    with resource_path("i18n", f"{language}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _leaves(table: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in table.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, dict):
            yield from _leaves(value, path)
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield f"{path}[{index}]", item
        else:
            yield path, value


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_two_languages_at_least() -> None:
    assert set(LANGUAGES) >= {"en", "es"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_clean_text(language: str) -> None:
    for path, value in _leaves(_load(language)):
        assert isinstance(value, str), f"{language}: {path} is not text"
        assert value, f"{language}: {path} is empty"
        assert value == value.strip(), f"{language}: {path} has stray whitespace"
        assert "  " not in value, f"{language}: {path} has a double space"
        assert not re.search(r"[\t\r\n]", value), f"{language}: {path} has a control character"


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_same_keys_and_placeholders_as_english(language: str) -> None:
    english = dict(_leaves(_load("en")))
    other = dict(_leaves(_load(language)))
    missing = sorted(set(english) - set(other))
    stray = sorted(set(other) - set(english))
    assert not missing, f"{language} lacks {missing}"
    assert not stray, f"{language} has keys English does not: {stray}"
    for path, text in english.items():
        assert _placeholders(text) == _placeholders(other[path]), (
            f"{language}: {path} placeholders differ from English"
        )


def test_language_names_differ() -> None:
    names = [_load(lang)["language_name"] for lang in LANGUAGES]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_speaks_every_language(rule: Any) -> None:
    english = _load("en")["rules"][rule.id]
    assert set(english) == {"title", "clinician_title", "patient_text", "clinician_text"}
    for language in LANGUAGES:
        words = _load(language)["rules"][rule.id]
        assert set(words) == set(english), f"{language}: {rule.id}"
        if language != "en":
            for key, text in words.items():
                assert text != english[key], f"{language}: {rule.id}.{key} is not translated"
