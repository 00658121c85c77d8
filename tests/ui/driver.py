"""The package's driver (kiosk/ui/driver.py) in the tests' call form: `qtbot` first.

Nothing is re-implemented here; `qtbot` is accepted so tests read like pytest-qt tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.ui import KioskWindow
from kiosk.ui import driver as drive
from kiosk.ui.driver import answer_button, button, date_button, page_id, texts_in, visible

__all__ = [
    "answer_button",
    "answer_page",
    "button",
    "date_button",
    "erase",
    "page_id",
    "pick_date",
    "start",
    "tap",
    "tap_name",
    "texts_in",
    "type_name",
    "visible",
    "wait_page",
    "walk",
]


def tap(_qtbot: Any, widget: QWidget | QAbstractButton) -> None:
    drive.tap(widget)


def tap_name(_qtbot: Any, window: QWidget, name: str) -> None:
    drive.tap_name(window, name)


def wait_page(_qtbot: Any, window: QWidget, wanted: str) -> None:
    drive.wait_page(window, wanted)


def type_name(_qtbot: Any, window: QWidget, text: str) -> None:
    drive.type_name(window, text)


def erase(_qtbot: Any, window: QWidget, count: int) -> None:
    drive.erase(window, count)


def pick_date(_qtbot: Any, window: QWidget, day: date) -> int:
    return drive.pick_date(window, day)


def start(_qtbot: Any, window: KioskWindow) -> None:
    drive.start(window)


def answer_page(_qtbot: Any, window: KioskWindow, value: Any) -> None:
    drive.answer_page(window, value)


def walk(_qtbot: Any, window: KioskWindow, answers: dict[str, Any]) -> list[str]:
    return drive.walk(window, answers)
