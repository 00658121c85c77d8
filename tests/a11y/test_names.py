"""Screen readers: every control on every screen has a name in the patient's language, and the
controls whose name alone does not say what they do have a description."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QProgressBar, QWidget

from kiosk.ui import KioskWindow
from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets.access import HINTS
from kiosk.ui.widgets.common import AnswerButton
from tests.a11y.conftest import SIZES, Screens
from tests.ui.driver import tap_name

CONTROLS = (QAbstractButton, QLineEdit, QProgressBar)


def _spoken(widget: QWidget, what: QAccessible.Text) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None and face.isValid()
    return str(face.text(what))


def unnamed(window: KioskWindow) -> list[str]:
    """Controls a screen reader would announce without a proper name or description."""
    found = []
    lang = window.session.language
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        what = f"{type(widget).__name__} {widget.objectName() or widget.property('role')}"
        name = _spoken(widget, QAccessible.Text.Name)
        if not any(c.isalnum() for c in name) or name != name.strip():
            found.append(f"{what}: name {name!r}")
        hint = HINTS.get(widget.objectName())
        if hint is not None:
            wanted = window.texts.text(lang, hint)
            if _spoken(widget, QAccessible.Text.Description) != wanted:
                found.append(f"{what}: no description")
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_control_on_every_screen_has_a_name(screens: Screens, language: str) -> None:
    report = {}
    seen = 0
    for name, window in screens(SIZES["landscape"], language=language):
        assert window.session.language == language
        seen += 1
        problems = unnamed(window)
        if problems:
            report[name] = problems
    assert seen > 35
    assert not report, "\n".join(f"{k}: {v}" for k, v in report.items())


def test_names_follow_the_language(qtbot: Any, spoken_window: Any) -> None:
    window = spoken_window()
    window.go_to("delivery")
    back = window.findChild(QWidget, "nav_back")
    assert _spoken(back, QAccessible.Text.Name) == window.texts.text("en", "back")
    tap_name(qtbot, window, "language")
    back = window.findChild(QWidget, "nav_back")
    assert _spoken(back, QAccessible.Text.Name) == window.texts.text("es", "back")
    assert _spoken(back, QAccessible.Text.Description) == window.texts.text("es", "hint_back")
    speaker = window.findChild(QWidget, "read_aloud")
    assert _spoken(speaker, QAccessible.Text.Name) == window.texts.text("es", "read_aloud")


def test_the_name_field_is_named_by_its_question(qtbot: Any, spoken_window: Any) -> None:
    window = spoken_window()
    window.go_to("name")
    field = window.findChild(QLineEdit, "patient_name")
    prompt = window.questionnaire.question("patient_name").text("en").prompt
    assert _spoken(field, QAccessible.Text.Name) == prompt
    assert _spoken(field, QAccessible.Text.Description) == window.texts.text("en", "hint_name")


def test_the_progress_bar_says_where_she_is(qtbot: Any, spoken_window: Any) -> None:
    window = spoken_window()
    window.go_to("feeding")
    bar = window.current_page().findChild(QProgressBar)
    assert _spoken(bar, QAccessible.Text.Name) == "Part 1 of 5 · You and your baby"


def test_a_selected_answer_is_announced_as_checked(qtbot: Any) -> None:
    button = AnswerButton("leak_effort", "often", Metrics.for_size(1920, 1080))
    qtbot.addWidget(button)
    button.set_words("Often")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not button.isChecked()  # a tap alone selects nothing: the page decides
    button.set_selected(True)
    state = QAccessible.queryAccessibleInterface(button).state()
    assert button.isChecked() and state.checkable and state.checked
    button.set_selected(False)
    assert not QAccessible.queryAccessibleInterface(button).state().checked
