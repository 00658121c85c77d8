"""Each patient's choices (language, text size, contrast, read-aloud) are hers alone: the next
patient starts with the clinic's defaults; and her language reaches the PT's summary."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.samples import SAMPLES
from kiosk.ui.metrics import stylesheet_template
from tests.ui.conftest import FakeDelivery
from tests.ui.driver import page_id, start, tap_name, walk


def test_the_next_patient_starts_with_every_default(qtbot: Any, spoken_window: Any) -> None:
    window = spoken_window()
    window.go_to("delivery")
    tap_name(qtbot, window, "read_aloud")
    for name in ("language", "text_size", "contrast"):
        tap_name(qtbot, window, name)
    assert window.session.language == "es" and window.session.large_text
    assert window.session.high_contrast and not window.access.speaker.is_speaking()
    tap_name(qtbot, window, "language")
    tap_name(qtbot, window, "read_aloud")
    assert window.access.speaker.is_speaking()
    window.idle.warn_now()
    assert window.overlay.isVisible()
    window.idle.expired.emit()  # the countdown ran out
    qtbot.waitUntil(lambda: page_id(window) == "welcome")
    assert window.session.language == "en"
    assert not window.session.large_text and not window.metrics.large_text
    assert not window.session.high_contrast
    assert window.styleSheet() == window.metrics.stylesheet(stylesheet_template())
    assert not window.access.speaker.is_speaking() and window.access.speaker.text == ""
    texts = window.texts
    for name, key in (
        ("text_size", "text_larger"),
        ("contrast", "contrast_on"),
        ("read_aloud", "read_aloud"),
    ):
        assert window.findChild(QWidget, name).text() == texts.text("en", key), name


def test_a_spanish_visit_reaches_the_summary_as_spanish(
    qtbot: Any, make_window: Any, delivery: FakeDelivery
) -> None:
    window = make_window()
    tap_name(qtbot, window, "language")
    walk(qtbot, window, SAMPLES["ready_for_assessment"])
    tap_name(qtbot, window, "finish")
    qtbot.waitUntil(lambda: page_id(window) == "result")
    assert [call["language"] for call in delivery.calls] == ["es"]
    assert window.settings.report_language == "en"  # the PT reads the clinic's language


def test_the_idle_warning_speaks_her_language(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    tap_name(qtbot, window, "language")
    start(qtbot, window)
    window.idle.warn_now()
    assert window.overlay.title.text() == window.texts.text("es", "idle_title")
    assert window.overlay.button.text() == window.texts.text("es", "still_here")
