"""Read-aloud: on-device speech of the screen's words, in her language, hidden where it cannot."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.ui import KioskWindow
from kiosk.ui.screenshots import LONGEST_NAME, SAMPLES
from kiosk.ui.services.speech import (
    TEST_ENGINE,
    Speaker,
    choose_engine,
    choose_locale,
    choose_voice,
    spoken_text,
)
from tests.a11y.conftest import SIZES
from tests.ui.driver import answer_button, tap, tap_name, walk

SpokenWindow = Callable[..., KioskWindow]


def test_the_platform_engine_is_chosen_and_never_the_mock() -> None:
    assert choose_engine(["mock", "speechd"], None, "linux") == "speechd"
    assert choose_engine(["flite", "speechd"], None, "linux") == "speechd"
    assert choose_engine(["sapi", "winrt", "mock"], None, "win32") == "winrt"
    assert choose_engine(["darwin", "mock"], None, "darwin") == "darwin"
    assert choose_engine(["mock"], None, "linux") is None
    assert choose_engine([], None, "linux") is None


def test_an_engine_asked_for_is_used_only_if_qt_has_it() -> None:
    assert choose_engine(["mock", "speechd"], "mock", "linux") == "mock"
    assert choose_engine(["mock"], "speechd", "linux") is None


def test_spanish_prefers_a_latin_american_voice() -> None:
    assert choose_locale(["en_GB", "es_ES", "es_419", "en_US"], "es") == "es_419"
    assert choose_locale(["es_ES", "es_MX"], "es") == "es_MX"
    assert choose_locale(["es_ES"], "es") == "es_ES"
    assert choose_locale(["en_GB", "en_US"], "en") == "en_US"
    assert choose_locale(["en_GB", "fi_FI"], "es") is None


def test_a_plain_voice_is_chosen_over_its_variants() -> None:
    names = ["English (Caribbean)+Annie", "English (Caribbean)", "English (America)"]
    assert choose_voice(names) == 2
    assert choose_voice(["Anne", "Bob"]) == 1
    assert choose_voice(["x+1", "x+2"]) == 0


def test_the_speaker_makes_its_engine_only_when_first_asked_to_speak(qtbot: Any) -> None:
    speaker = Speaker(TEST_ENGINE)
    assert speaker.can_speak("en") and speaker.can_speak("es")  # not known before first use
    assert speaker._tts is None
    with qtbot.waitSignal(speaker.speaking_changed) as spoke:
        assert speaker.speak("Hello there.", "en")
    assert spoke.args == [True] and speaker.is_speaking() and speaker.text == "Hello there."
    assert speaker._tts.locale().name() == "en_US"
    speaker.stop()
    assert not speaker.is_speaking() and speaker.text == ""
    # The mock engine has no Spanish voice: nothing is said, and Spanish is not offered.
    assert not speaker.speak("Hola.", "es")
    assert not speaker.can_speak("es") and speaker.can_speak("en")
    speaker.deleteLater()


def test_a_reading_ends_by_itself(qtbot: Any) -> None:
    speaker = Speaker(TEST_ENGINE)
    with qtbot.waitSignal(speaker.speaking_changed, check_params_cb=lambda on: not on):
        speaker.speak("One two.", "en")
    assert speaker.text == ""
    speaker.deleteLater()


def test_no_engine_means_no_speech() -> None:
    speaker = Speaker("no-such-engine")
    assert speaker.engine_name() is None
    assert not speaker.can_speak("en")
    assert not speaker.speak("Hello.", "en")
    speaker.deleteLater()


def test_speech_stays_off_the_start_up_path() -> None:
    code = "import sys, kiosk.ui.window, kiosk.app; print('PySide6.QtTextToSpeech' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_the_speaker_button_reads_the_question_and_its_answers(
    qtbot: Any, spoken_window: SpokenWindow, size: str
) -> None:
    window = spoken_window(SIZES[size])
    window.go_to("delivery")
    assert window.access.speaker._tts is None  # made on first use
    tap_name(qtbot, window, "read_aloud")
    said = window.access.speaker.text
    words = window.questionnaire.question("delivery").text("en")
    assert said.startswith(words.prompt)
    assert said.endswith("Part 1 of 5 · You and your baby.")
    for option in words.options.values():
        assert option in said
    assert words.option_help["assisted_vaginal"] in said
    assert said.index(words.prompt) < said.index(words.options["vaginal"])
    assert window.access.read_aloud.text() == window.texts.text("en", "read_stop")
    tap_name(qtbot, window, "read_aloud")  # a second tap stops it
    assert not window.access.speaker.is_speaking()
    assert window.access.read_aloud.text() == window.texts.text("en", "read_aloud")


def test_one_speaker_icon_serves_every_page(qtbot: Any, spoken_window: SpokenWindow) -> None:
    """The read-aloud icon is drawn once for each size and colour. Drawn again for every page,
    each copy left a pixmap in Qt's caches: about 12 KB a patient (bench/soak.py, heaptrack)."""
    window = spoken_window()

    def icon_key() -> int:
        assert window.access.read_aloud is not None
        return int(window.access.read_aloud.icon().cacheKey())

    first = icon_key()
    seen = {first}
    for step in ("privacy", "patient_name", "delivery", "review"):
        window.go_to(step)
        seen.add(icon_key())
    window.reset_session("test")
    seen.add(icon_key())
    assert seen == {first}
    tap_name(qtbot, window, "contrast")  # the icon follows the theme's text colour
    assert icon_key() != first
    tap_name(qtbot, window, "contrast")
    assert icon_key() == first


def test_reading_stops_when_the_page_changes_or_she_leaves(
    qtbot: Any, spoken_window: SpokenWindow
) -> None:
    window = spoken_window()
    window.go_to("delivery")
    tap_name(qtbot, window, "read_aloud")
    assert window.access.speaker.is_speaking()
    tap(qtbot, answer_button(window, "delivery", "vaginal"))
    qtbot.waitUntil(lambda: window.page_id != "delivery")
    assert not window.access.speaker.is_speaking()
    tap_name(qtbot, window, "read_aloud")
    assert window.access.speaker.is_speaking()
    window.reset_session("test")
    assert not window.access.speaker.is_speaking() and window.access.speaker.text == ""


def test_welcome_and_results_are_read_too(qtbot: Any, spoken_window: SpokenWindow) -> None:
    window = spoken_window()
    tap_name(qtbot, window, "read_aloud")
    said = window.access.speaker.text
    assert window.texts.text("en", "welcome_line") in said
    assert window.texts.text("en", "start_in") in said
    assert said.endswith(window.texts.text("es", "start_in") + ".")
    walk(qtbot, window, SAMPLES["build_foundation"])
    tap_name(qtbot, window, "finish")
    qtbot.waitUntil(lambda: window.page_id == "result")
    tap_name(qtbot, window, "read_aloud")
    said = window.access.speaker.text
    assert window.texts.text("en", "status_build_foundation") in said
    assert window.texts.text("en", "status_build_foundation_body") in said


def test_her_name_is_never_read_out(qtbot: Any, spoken_window: SpokenWindow) -> None:
    window = spoken_window()
    window.session.answer("patient_name", LONGEST_NAME)
    for step in ("name", "review"):
        window.go_to(step)
        text = spoken_text(window.current_page())
        assert "María" not in text and "Guadalupe" not in text
    labels = [w.text() for w in window.current_page().findChildren(QLabel)]
    assert LONGEST_NAME in labels  # it is on the review screen, just not spoken


def test_the_button_hides_where_no_voice_speaks_her_language(
    qtbot: Any, spoken_window: SpokenWindow
) -> None:
    window = spoken_window()
    tap_name(qtbot, window, "read_aloud")  # the engine is made: now its voices are known
    tap_name(qtbot, window, "language")
    assert window.session.language == "es"
    assert not window.access.speaker.is_speaking()  # the English reading stopped
    assert not window.access.read_aloud.isVisible()  # the mock engine has no Spanish voice
    tap_name(qtbot, window, "language")
    assert window.access.read_aloud.isVisible()


def test_a_spanish_tap_without_a_spanish_voice_hides_the_button(
    qtbot: Any, spoken_window: SpokenWindow
) -> None:
    window = spoken_window()
    tap_name(qtbot, window, "language")
    tap_name(qtbot, window, "read_aloud")
    assert not window.access.speaker.is_speaking()
    assert not window.access.read_aloud.isVisible()


def test_without_an_engine_the_button_is_never_shown(
    qtbot: Any, spoken_window: SpokenWindow
) -> None:
    window = spoken_window(speech_engine="no-such-engine")
    for step in ("welcome", "privacy", "delivery", "review"):
        window.go_to(step)
        assert window.access.read_aloud is not None
        assert not window.access.read_aloud.isVisible(), step


def test_a_failing_engine_takes_the_button_away(qtbot: Any, spoken_window: SpokenWindow) -> None:
    window = spoken_window()
    tap_name(qtbot, window, "read_aloud")
    speaker = window.access.speaker
    speaker._on_error_occurred(None, "no audio device")
    assert not speaker.is_speaking()
    assert not window.access.read_aloud.isVisible()
    window.go_to("delivery")
    assert not window.access.read_aloud.isVisible()


def test_the_urgent_screen_can_be_read_aloud(
    qtbot: Any, spoken_window: Callable[..., KioskWindow]
) -> None:
    window = spoken_window()
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["self_harm"]})
    assert window.page_id == "urgent"
    button = window.findChild(QPushButton, "read_aloud")
    assert button is not None and button.isVisible()
    assert "988" in spoken_text(window.current_page())
