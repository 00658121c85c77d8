"""Drive the kiosk as a patient would: find the visible control by its contract name and tap it.

The one driver of the self-test, the tests and bench/. It needs neither pytest nor QtTest
(the frozen app has neither): a tap is a real press and release sent to the widget, and a
wait processes Qt events until the screen shows what was wanted.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QEventLoop, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget

from kiosk.session import page_id as page_of
from kiosk.session import question_of, screen_of
from kiosk.ui.widgets.keyboard import BACKSPACE, SPACE
from kiosk.ui.window import KioskWindow

TIMEOUT_S = 10.0
REST_MS = 5  # between looks while waiting


class DriveError(AssertionError):
    """A step could not be done as a patient would do it; the message says which."""


def wait_until(done: Callable[[], bool], what: str, timeout_s: float = TIMEOUT_S) -> None:
    """Process Qt events until `done()`; `DriveError` naming `what` after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise DriveError(f"timed out waiting for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not done():
            _rest()


def _rest() -> None:
    """Wait in Qt's event loop for a few milliseconds, handling events as they come.

    A loop that only polls holds Python's lock, and a worker thread (the summary being
    written) then crawls: its first run took over 10 s here against 0.4 s alone.
    """
    loop = QEventLoop()
    # With the loop as context: without one, PySide keeps about 60 bytes per call
    # (measured with tracemalloc), which a 5,000-patient soak would count as growth.
    QTimer.singleShot(REST_MS, loop, loop.quit)
    loop.exec()


def page_id(window: QWidget) -> str:
    """The `page_id` of the one page on screen."""
    pages = [w for w in window.findChildren(QWidget) if w.property("page_id") and w.isVisible()]
    if len(pages) != 1:
        raise DriveError(f"{len(pages)} visible pages")
    return str(pages[0].property("page_id"))


def wait_page(window: QWidget, wanted: str, timeout_s: float = TIMEOUT_S) -> None:
    wait_until(lambda: page_id(window) == wanted, f"the page {wanted!r}", timeout_s)


def wait_leave(window: QWidget, current: str) -> None:
    wait_until(lambda: page_id(window) != current, f"the page after {current!r}")


def visible(window: QWidget, kind: type[QWidget] = QAbstractButton) -> list[Any]:
    return [w for w in window.findChildren(kind) if w.isVisible()]


def find_button(window: QWidget, name: str = "", **props: str) -> QAbstractButton:
    """The one visible button with this objectName and/or these dynamic property values."""
    found = [
        b
        for b in visible(window)
        if (not name or b.objectName() == name)
        and all(str(b.property(k)) == v for k, v in props.items())
    ]
    if len(found) != 1:
        wanted = name or ", ".join(f"{k}={v}" for k, v in props.items())
        raise DriveError(f"{len(found)} visible buttons {wanted!r} on {page_id(window)}")
    button: QAbstractButton = found[0]
    return button


def button(window: QWidget, name: str) -> QAbstractButton:
    return find_button(window, name)


def answer_button(window: QWidget, question_id: str, value: str) -> QAbstractButton:
    return find_button(window, question_id=question_id, answer_value=value)


def tap(widget: QWidget) -> None:
    """Press and release the left mouse button at the centre of `widget`, as a finger would."""
    if not (widget.isVisible() and widget.isEnabled()):
        raise DriveError(f"{widget.objectName()!r} cannot be tapped")
    local = QPointF(widget.rect().center())
    glob = QPointF(widget.mapToGlobal(widget.rect().center()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(kind, local, glob, left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def tap_name(window: QWidget, name: str) -> None:
    tap(button(window, name))


def _keys(window: QWidget) -> dict[str, QAbstractButton]:
    return {str(b.property("key")): b for b in visible(window) if b.property("key")}


def type_name(window: QWidget, text: str) -> None:
    """Type on the on-screen keyboard (capitals come by themselves after a space)."""
    keys = _keys(window)
    field = window.findChild(QLineEdit, "patient_name")
    for char in text:
        if char == " ":
            tap(keys[SPACE])
            continue
        key = keys[char.lower()]
        if char.isalpha() and char.isupper() != (key.text() == char.upper()):
            tap(keys["shift"])
        tap(key)
        if field is None or not field.text().endswith(char):
            raise DriveError(f"typing {char!r} did not show in the name field")


def erase(window: QWidget, count: int) -> None:
    key = _keys(window)[BACKSPACE]
    for _ in range(count):
        tap(key)


def date_button(window: QWidget, name: str, **props: int) -> QAbstractButton:
    """The one visible picker button `name` (date_year, date_month, date_day) with `props`."""
    found = [
        b
        for b in visible(window)
        if b.objectName() == name and all(b.property(k) == v for k, v in props.items())
    ]
    if len(found) != 1:
        raise DriveError(f"{len(found)} visible {name} {props}")
    button: QAbstractButton = found[0]
    return button


def pick_date(window: QWidget, day: date) -> int:
    """Tap the birth-date picker to `day` as a patient would; returns the number of taps."""
    picker: Any = window.findChild(QWidget, "baby_birth_date")
    if picker is None:
        raise DriveError("no date picker on screen")
    taps = 0
    shown = picker.shown_month
    if picker.view == "days" and (shown.year(), shown.month()) != (day.year, day.month):
        tap_name(window, "date_other_month")
        taps += 1
    if picker.view == "months":
        year = date_button(window, "date_year", year=day.year)
        if not year.property("selected"):
            tap(year)
            taps += 1
        tap(date_button(window, "date_month", month=day.month))
        taps += 1
    tap(date_button(window, "date_day", day=day.day))
    if picker.property("date") != QDate(day.year, day.month, day.day):
        raise DriveError(f"the picker shows {picker.property('date')}, not {day}")
    return taps + 1


def answer_page(window: KioskWindow, value: Any) -> None:
    """Answer the question on screen with `value` (in the readiness module's form) and go on."""
    current = page_id(window)
    question = window.questionnaire.question(question_of(current))
    if question.kind == "name":
        type_name(window, str(value))
        tap_name(window, "nav_next")
    elif question.kind == "date":
        pick_date(window, date.fromisoformat(str(value)))
        tap_name(window, "nav_next")
    elif question.kind == "multi":  # screen by screen, as the data splits the options
        screens = question.option_screens
        while True:
            screen = screen_of(current)
            ticks = [v for v in screens[screen - 1] if v in (value or [])]
            none = [question.none_option] if question.none_option else []
            for sign in ticks or none:
                tap(answer_button(window, question.id, sign))
            tap_name(window, "nav_next")
            if ticks or screen == len(screens):
                break
            current = page_of(question.id, screen + 1)
            wait_page(window, current)
    else:
        shown = "skip" if value is None else str(value)
        tap(answer_button(window, question.id, shown))
    wait_leave(window, current)


def start(window: KioskWindow) -> None:
    """Tap the welcome screen's start button of the language showing (one per language)."""
    wanted = window.session.language
    found = [b for b in visible(window) if b.property("language") == wanted]
    if len(found) != 1:
        raise DriveError(f"{len(found)} start buttons for {wanted!r}")
    tap(found[0])


def walk(window: KioskWindow, answers: Mapping[str, Any]) -> list[str]:
    """From welcome to the review (or urgent) screen; returns the page ids seen."""
    start(window)
    wait_page(window, "privacy")
    tap_name(window, "nav_next")
    seen = []
    while page_id(window) not in ("review", "urgent"):
        current = page_id(window)
        if question_of(current) not in answers:
            raise DriveError(f"no answer for page {current!r}")
        seen.append(current)
        answer_page(window, answers[question_of(current)])
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
