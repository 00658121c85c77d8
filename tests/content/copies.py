"""A private copy of the kiosk's content (questionnaire and language files) to edit in a test."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.readiness.resources import resource_path


def content_copy(folder: Path) -> Path:
    """`folder` holding questionnaire.toml and i18n/*.toml, copied from resources/."""
    (folder / "i18n").mkdir(parents=True, exist_ok=True)
    shutil.copy(resource_path("questionnaire.toml"), folder / "questionnaire.toml")
    for path in resource_path("i18n").glob("*.toml"):
        shutil.copy(path, folder / "i18n" / path.name)
    return folder


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a text file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


HARMLESS_MULTI = """
[[question]]
id = "surfaces"
kind = "multi"
options = ["road", "trail", "track"]
none_option = "none"
"""
HARMLESS_WORDS = """
[questions.surfaces]
label = "Surfaces"
prompt = "Where would you like to run?"
[questions.surfaces.options]
road = "Road"
trail = "Trail"
track = "Track"
none = "None of these"
"""


def add_harmless_multi(folder: Path) -> None:
    """A multi-select question that is not urgent, right after postnatal_check."""
    form = folder / "questionnaire.toml"
    text = form.read_text(encoding="utf-8")
    marker = '[[question]]\nid = "warning_signs"'
    assert marker in text
    form.write_text(text.replace(marker, HARMLESS_MULTI.strip() + "\n\n" + marker), "utf-8")
    for path in (folder / "i18n").glob("*.toml"):
        words = path.read_text(encoding="utf-8")
        marker = "[questions.warning_signs]"
        path.write_text(words.replace(marker, HARMLESS_WORDS.strip() + "\n\n" + marker), "utf-8")
