"""The parts of the questionnaire: every asked question falls in one, in order, with a title
in every language; a bad [[part]] entry stops loading with a message naming it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.readiness import QuestionnaireError, load_questionnaire
from kiosk.readiness.resources import resource_path

QUESTIONNAIRE = load_questionnaire()


def test_every_asked_question_falls_in_a_part_in_order() -> None:
    parts = QUESTIONNAIRE.parts
    assert len(parts) >= 2
    asked = [q.id for q in QUESTIONNAIRE.questions if q.asked]
    assert parts[0].first == asked[0]
    seen = [QUESTIONNAIRE.part_of(qid) for qid in asked]
    assert seen == sorted(seen), "a part comes back after a later one"
    assert set(seen) == set(range(len(parts))), "a part with no question"
    for part in parts:
        assert seen[asked.index(part.first)] == parts.index(part)


@pytest.mark.parametrize("language", QUESTIONNAIRE.languages)
def test_every_part_has_a_title_in_every_language(language: str) -> None:
    for part in QUESTIONNAIRE.parts:
        assert part.titles[language].strip() == part.titles[language] != ""


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "resources"
    shutil.copytree(resource_path(), target)
    return target


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('first = "walking"', 'first = "walk"', "moving: 'first' must be an asked question"),
        ('first = "walking"', 'first = "feeding"', "moving: parts must follow the order"),
        ('first = "patient_name"', 'first = "delivery"', "must start at 'patient_name'"),
        ('id = "moving"', 'id = "body"', "part #4: needs a unique 'id'"),
    ],
)
def test_a_bad_part_is_named(tmp_path: Path, old: str, new: str, message: str) -> None:
    base = _copy(tmp_path)
    path = base / "questionnaire.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=message):
        load_questionnaire(base)


def test_a_part_without_its_title_is_named(tmp_path: Path) -> None:
    base = _copy(tmp_path)
    path = base / "i18n" / "es.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('moving = "Caminar y correr"\n', ""), encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"es\.toml: parts: 'moving'"):
        load_questionnaire(base)
