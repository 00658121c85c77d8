"""Languages: switch on any screen, redraw at once, keep answers, default for the next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.readiness import load_questionnaire
from kiosk.readiness.resources import resource_path
from kiosk.samples import SAMPLES
from kiosk.ui.texts import UiTexts
from kiosk.ui.words import load_texts
from tests.ui.conftest import MakeWindow
from tests.ui.driver import (
    answer_button,
    answer_page,
    page_id,
    tap,
    tap_name,
    texts_in,
    type_name,
    walk,
)


def prompt_text(window: Any) -> str:
    labels = [w for w in window.findChildren(QLabel) if w.property("role") == "prompt"]
    return labels[0].text()


def test_switching_language_redraws_the_page_and_keeps_answers(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    assert window.languages == ("en", "es")
    walk(qtbot, window, SAMPLES["ready_for_assessment"])
    tap_name(qtbot, window, "nav_back")
    before = dict(window.session.answers)
    question = window.questionnaire.question("mood_down")
    assert prompt_text(window) == question.text("en").prompt
    tap_name(qtbot, window, "language")
    assert window.session.language == "es"
    assert page_id(window) == "mood_down"
    assert prompt_text(window) == question.text("es").prompt
    chosen = answer_button(window, "mood_down", "0")
    assert chosen.property("selected") is True
    assert chosen.words()[0] == question.text("es").options["0"]
    assert window.session.answers == before
    tap_name(qtbot, window, "language")
    assert window.session.language == "en"
    assert prompt_text(window) == question.text("en").prompt


def test_the_language_button_names_the_other_language(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    assert window.top_bar.language.text() == "Español"
    tap_name(qtbot, window, "language")
    assert window.top_bar.language.text() == "English"


def test_review_and_result_follow_the_language(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    walk(qtbot, window, SAMPLES["not_yet"])
    tap_name(qtbot, window, "language")
    words = texts_in(window.current_page())
    assert window.questionnaire.question("delivery").text("es").label in words
    tap_name(qtbot, window, "finish")
    qtbot.waitUntil(lambda: page_id(window) == "result")
    words = texts_in(window.current_page())
    assert window.questionnaire.words("CI-STRESS-LEAK", "es").title in words
    tap_name(qtbot, window, "language")  # and back: the result redraws in English
    words = texts_in(window.current_page())
    assert window.questionnaire.words("CI-STRESS-LEAK", "en").title in words


def test_next_patient_starts_in_the_default_language(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    tap_name(qtbot, window, "language")
    tap_name(qtbot, window, "start")
    window.reset_session("test")
    assert window.session.language == "en"
    assert window.top_bar.language.text() == "Español"


def test_a_language_without_screen_words_falls_back_to_english(tmp_path: Path) -> None:
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "xx.toml").write_text('language_name = "X"\n[ui]\nstart = "Go"\n')
    english = resource_path("i18n", "en.toml")
    (tmp_path / "i18n" / "en.toml").write_bytes(english.read_bytes())
    texts = load_texts(["en", "xx"], tmp_path)
    assert texts.text("xx", "start") == "Go"
    assert texts.text("xx", "finish") == texts.text("en", "finish")
    assert texts.text("zz", "finish") == texts.text("en", "finish")
    assert texts.months("xx") == texts.months("en")


def test_a_bad_placeholder_in_a_translation_falls_back(tmp_path: Path) -> None:
    texts = UiTexts({"en": {"progress": "{n} of {total}"}, "xx": {"progress": "{count}"}})
    assert texts.text("xx", "progress", n=2, total=9) == "2 of 9"


@pytest.mark.parametrize("language", load_questionnaire().languages)
def test_every_screen_word_exists_in_english(language: str) -> None:
    texts = load_texts([language])
    for key in ("start_in", "finish", "urgent_title", "still_here", "status_not_yet"):
        assert texts.text(language, key)


def test_settings_can_narrow_the_languages(
    qtbot: Any, make_window: MakeWindow, settings: Any
) -> None:
    from dataclasses import replace

    window = make_window(settings=replace(settings, languages=("es",), default_language="es"))
    assert window.languages == ("es",) and window.session.language == "es"
    tap_name(qtbot, window, "start")
    tap_name(qtbot, window, "nav_next")
    question = window.questionnaire.question("patient_name")
    assert prompt_text(window) == question.text("es").prompt
    answer_page(qtbot, window, "Ana")


def test_larger_text_keeps_what_she_was_in_the_middle_of(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    window.go_to("warning_signs")
    tap_name(qtbot, window, "text_size")
    tap(qtbot, answer_button(window, "warning_signs", "vision"))
    tap_name(qtbot, window, "text_size")
    assert answer_button(window, "warning_signs", "vision").property("selected") is True
    assert "warning_signs" not in window.session.answers
    window.go_to("name")
    type_name(qtbot, window, "Ana")
    tap_name(qtbot, window, "text_size")
    assert "Ana" in texts_in(window.current_page())
