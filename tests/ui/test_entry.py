"""The name keyboard and the birth-date steppers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from tests.ui.conftest import MakeWindow
from tests.ui.driver import button, erase, page_id, tap, tap_name, type_name, visible


def keys(window: Any) -> dict[str, Any]:
    return {b.property("key"): b for b in visible(window) if b.property("key")}


def test_capitals_come_by_themselves_and_accents_are_there(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    window.go_to("name")
    field = window.findChild(QLineEdit, "patient_name")
    assert not button(window, "nav_next").isEnabled()
    board = keys(window)
    for key in ("j", "o", "s", "é", "space", "n", "ú", "ñ", "e", "z", "-", "o", "'", "shift", "b"):
        tap(qtbot, board[key])
    assert field.text() == "José Núñez-O'B"
    tap(qtbot, board["shift"])
    tap(qtbot, board["r"])
    assert field.text().endswith("BR")
    tap(qtbot, board["i"])
    assert field.text().endswith("BRi")
    assert board["a"].text() == "a"
    erase(qtbot, window, 3)
    assert field.text() == "José Núñez-O'"
    assert button(window, "nav_next").isEnabled()


def test_no_operating_system_keyboard_and_sixty_letters_at_most(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    window.go_to("name")
    field = window.findChild(QLineEdit, "patient_name")
    assert field.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
    board = keys(window)
    for _ in range(70):
        tap(qtbot, board["a"])
    assert len(field.text()) == 60
    tap(qtbot, board["space"])
    assert len(field.text()) == 60


def test_spaces_alone_are_not_a_name(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    window.go_to("name")
    tap(qtbot, keys(window)["space"])
    assert window.findChild(QLineEdit, "patient_name").text() == ""
    assert not button(window, "nav_next").isEnabled()


def test_the_name_is_kept_trimmed_and_shown_again_after_back(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    window.go_to("name")
    type_name(qtbot, window, "Ana Ruiz")
    tap(qtbot, keys(window)["space"])
    tap_name(qtbot, window, "nav_next")
    assert window.session.answers["patient_name"] == "Ana Ruiz"
    tap_name(qtbot, window, "nav_back")
    assert window.findChild(QLineEdit, "patient_name").text() == "Ana Ruiz"


def test_birth_date_written_through_the_property_is_the_answer(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    window.go_to("baby_birth_date")
    window.findChild(QWidget, "baby_birth_date").setProperty("date", QDate(2026, 8, 1))
    tap_name(qtbot, window, "nav_next")
    assert page_id(window) == "delivery"
    assert window.session.answers["baby_birth_date"] == "2026-08-01"
    tap_name(qtbot, window, "nav_back")
    assert window.findChild(QWidget, "baby_birth_date").property("date") == QDate(2026, 8, 1)


INVISIBLE = ["\x00", "\u200b\u200b", "\u200d\ufeff", "\u202e\u2066", " \u00a0\u3000 ", "\u0301"]


def test_a_name_of_invisible_characters_is_not_a_name(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    window.go_to("name")
    field = window.findChild(QLineEdit, "patient_name")
    for text in INVISIBLE:  # as a hardware keyboard or a paste would put them in
        field.clear()
        field.insert(text)
        assert field.text() and not button(window, "nav_next").isEnabled(), repr(text)
        qtbot.mouseClick(button(window, "nav_next"), Qt.MouseButton.LeftButton)  # disabled
        assert page_id(window) == "name" and "patient_name" not in window.session.answers
    field.insert("Ana")
    assert button(window, "nav_next").isEnabled()
