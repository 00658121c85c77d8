"""The welcome screen greets her in her language: one big start button per language."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.config import Settings
from tests.ui.conftest import MakeWindow
from tests.ui.driver import button, page_id, tap, tap_name, texts_in, visible


def start_buttons(window: Any) -> dict[str, str]:
    return {
        str(b.property("language")): b.text()
        for b in visible(window)
        if b.objectName().startswith("start")
    }


def test_one_start_button_per_language_each_in_its_own_words(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    assert start_buttons(window) == {"en": "Start in English", "es": "Empezar en español"}
    assert button(window, "language").isVisible()  # the corner switch stays
    tap_name(qtbot, window, "language")
    assert start_buttons(window) == {"en": "Start in English", "es": "Empezar en español"}


@pytest.mark.parametrize(
    ("name", "language", "title"),
    [("start", "en", "Before we start"), ("start_es", "es", "Antes de empezar")],
)
def test_starting_in_a_language_speaks_it_from_then_on(
    qtbot: Any, make_window: MakeWindow, name: str, language: str, title: str
) -> None:
    window = make_window()
    tap_name(qtbot, window, name)
    assert page_id(window) == "privacy" and window.session.language == language
    assert title in texts_in(window.current_page())
    other = "English" if language == "es" else "Español"
    assert button(window, "language").text() == other
    window.reset_session("done")
    assert window.session.language == "en" and page_id(window) == "welcome"


def test_only_the_configured_languages_get_a_button(
    qtbot: Any, make_window: MakeWindow, tmp_path: Any
) -> None:
    window = make_window(settings=Settings(output_dir=tmp_path, languages=("es",)))
    assert start_buttons(window) == {"es": "Empezar en español"}
    tap(qtbot, button(window, "start"))
    assert window.session.language == "es"
