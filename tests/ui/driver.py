"""Drive the kiosk as a patient would: find the visible control by its contract name and tap it."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QLineEdit, QWidget

from kiosk.session import page_id as page_of
from kiosk.session import question_of, screen_of
from kiosk.ui import KioskWindow
from kiosk.ui.keyboard import BACKSPACE, SPACE

TIMEOUT_MS = 3000


def page_id(window: KioskWindow) -> str:
    pages = [w for w in window.findChildren(QWidget) if w.property("page_id") and w.isVisible()]
    assert len(pages) == 1, f"{len(pages)} visible pages"
    return str(pages[0].property("page_id"))


def visible(window: KioskWindow, kind: type = QAbstractButton) -> list[Any]:
    return [w for w in window.findChildren(kind) if w.isVisible()]


def button(window: KioskWindow, name: str) -> QAbstractButton:
    found = [b for b in visible(window) if b.objectName() == name]
    assert len(found) == 1, f"{len(found)} visible buttons named {name!r} on {page_id(window)}"
    return found[0]


def answer_button(window: KioskWindow, question_id: str, value: str) -> QAbstractButton:
    found = [
        b
        for b in visible(window)
        if b.property("question_id") == question_id and b.property("answer_value") == value
    ]
    assert len(found) == 1, f"no visible answer {question_id}={value}"
    return found[0]


def tap(qtbot: Any, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def tap_name(qtbot: Any, window: KioskWindow, name: str) -> None:
    tap(qtbot, button(window, name))


def wait_page(qtbot: Any, window: KioskWindow, wanted: str) -> None:
    qtbot.waitUntil(lambda: page_id(window) == wanted, timeout=TIMEOUT_MS)


def type_name(qtbot: Any, window: KioskWindow, text: str) -> None:
    """Type on the on-screen keyboard (capitals come by themselves after a space)."""
    keys = {b.property("key"): b for b in visible(window) if b.property("key")}
    for char in text:
        if char == " ":
            tap(qtbot, keys[SPACE])
            continue
        field = window.findChild(QLineEdit, "patient_name")
        if char.isalpha() and char.isupper() != (keys[char.lower()].text() == char.upper()):
            tap(qtbot, keys["shift"])
        tap(qtbot, keys[char.lower()])
        assert field.text().endswith(char)


def erase(qtbot: Any, window: KioskWindow, count: int) -> None:
    key = next(b for b in visible(window) if b.property("key") == BACKSPACE)
    for _ in range(count):
        tap(qtbot, key)


def date_button(window: KioskWindow, name: str, **props: int) -> QAbstractButton:
    found = [
        b
        for b in visible(window)
        if b.objectName() == name and all(b.property(k) == v for k, v in props.items())
    ]
    assert len(found) == 1, f"{len(found)} visible {name} {props}"
    return found[0]


def pick_date(qtbot: Any, window: KioskWindow, day: date) -> int:
    """Tap the birth-date picker to `day` as a patient would; returns the number of taps."""
    picker = window.findChild(QWidget, "baby_birth_date")
    taps = 0
    shown = picker.shown_month
    if picker.view == "days" and (shown.year(), shown.month()) != (day.year, day.month):
        tap_name(qtbot, window, "date_other_month")
        taps += 1
    if picker.view == "months":
        year = date_button(window, "date_year", year=day.year)
        if not year.property("selected"):
            tap(qtbot, year)
            taps += 1
        tap(qtbot, date_button(window, "date_month", month=day.month))
        taps += 1
    tap(qtbot, date_button(window, "date_day", day=day.day))
    assert picker.property("date") == QDate(day.year, day.month, day.day)
    return taps + 1


def answer_page(qtbot: Any, window: KioskWindow, value: Any) -> None:
    """Answer the question on screen with `value` (in the readiness module's form)."""
    current = page_id(window)
    question_id = question_of(current)
    question = window.questionnaire.question(question_id)
    if question.kind == "name":
        type_name(qtbot, window, value)
        tap_name(qtbot, window, "nav_next")
    elif question.kind == "date":
        pick_date(qtbot, window, date.fromisoformat(value))
        tap_name(qtbot, window, "nav_next")
    elif question.kind == "multi":  # screen by screen, as the data splits the options
        screens = question.option_screens
        while True:
            screen = screen_of(current)
            ticks = [v for v in screens[screen - 1] if v in (value or [])]
            for sign in ticks or [question.none_option]:
                tap(qtbot, answer_button(window, question_id, sign))
            tap_name(qtbot, window, "nav_next")
            if ticks or screen == len(screens):
                break
            current = page_of(question_id, screen + 1)
            wait_page(qtbot, window, current)
    else:
        shown = "skip" if value is None else str(value)
        tap(qtbot, answer_button(window, question_id, shown))
    qtbot.waitUntil(lambda: page_id(window) != current, timeout=TIMEOUT_MS)


def start(qtbot: Any, window: KioskWindow) -> None:
    """Tap the welcome screen's start button of the language showing (one per language)."""
    wanted = window.session.language
    found = [b for b in visible(window) if b.property("language") == wanted]
    assert len(found) == 1, f"{len(found)} start buttons for {wanted!r}"
    tap(qtbot, found[0])


def walk(qtbot: Any, window: KioskWindow, answers: dict[str, Any]) -> list[str]:
    """From welcome to the review (or urgent) screen; returns the page ids seen."""
    start(qtbot, window)
    wait_page(qtbot, window, "privacy")
    tap_name(qtbot, window, "nav_next")
    seen = []
    while page_id(window) not in ("review", "urgent"):
        current = page_id(window)
        seen.append(current)
        answer_page(qtbot, window, answers[question_of(current)])
    return seen


def texts_in(window: QWidget) -> list[str]:
    """Every word any widget holds: labels, buttons, fields, accessible names."""
    found: list[str] = []
    for widget in [window, *window.findChildren(QWidget)]:
        for getter in ("text", "placeholderText", "accessibleName", "toolTip"):
            value = getattr(widget, getter, None)
            if callable(value):
                found.append(str(value()))
    return found
