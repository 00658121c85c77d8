"""The birth date in a few taps: year and month, then the day; Next waits for the day, and
the screen says the baby's age in words."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import TODAY, MakeWindow
from tests.ui.driver import button, date_button, page_id, pick_date, tap, tap_name, visible

AGES = {  # how far back, the date, and what the screen says in each language
    "1 week": (TODAY - timedelta(days=7), "Your baby is 1 week old.", "Su bebé tiene 1 semana."),
    "4 months": (
        date(2026, 7, 20),
        "Your baby is about 4 months old.",
        "Su bebé tiene unos 4 meses.",
    ),
    "13 months": (
        date(2025, 10, 20),
        "Your baby is about 13 months old.",
        "Su bebé tiene unos 13 meses.",
    ),
    "23 months": (
        date(2024, 12, 20),
        "Your baby is about 23 months old.",
        "Su bebé tiene unos 23 meses.",
    ),
}


def open_picker(qtbot: Any, window: Any, language: str) -> Any:
    if window.session.language != language:
        tap_name(qtbot, window, "language")
    window.go_to("baby_birth_date")
    return window.current_page().picker


def words(window: Any) -> list[str]:
    return [w.text() for w in window.current_page().findChildren(QLabel) if w.isVisible()]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("back", list(AGES))
def test_any_date_in_two_years_takes_at_most_four_taps(
    qtbot: Any, make_window: MakeWindow, back: str, language: str
) -> None:
    window = make_window()
    open_picker(qtbot, window, language)
    born, english, spanish = AGES[back]
    taps = pick_date(qtbot, window, born)
    assert taps <= 4, f"{back}: {taps} taps"
    assert (english if language == "en" else spanish) in words(window)
    tap_name(qtbot, window, "nav_next")
    assert page_id(window) == "delivery"
    assert window.session.answers["baby_birth_date"] == born.isoformat()


@pytest.mark.parametrize("language", ["en", "es"])
def test_next_waits_for_the_day_and_the_month_is_always_shown(
    qtbot: Any, make_window: MakeWindow, language: str
) -> None:
    window = make_window()
    picker = open_picker(qtbot, window, language)
    months = window.texts.months(language)
    assert [b.text() for b in visible(window) if b.objectName() == "date_month"] == months
    assert not button(window, "nav_next").isEnabled()
    tap(qtbot, date_button(window, "date_year", year=2025))
    assert not button(window, "nav_next").isEnabled()
    tap(qtbot, date_button(window, "date_month", month=3))
    title = window.texts.text(language, "date_month_year", month=months[2], year=2025)
    assert title in words(window)  # the days say which month they belong to
    assert window.texts.text(language, "date_pick_day") in words(window)
    assert not button(window, "nav_next").isEnabled()
    assert "baby_birth_date" not in window.session.answers
    tap_name(qtbot, window, "date_other_month")  # back to the months, none changed
    assert picker.view == "months" and picker.shown_month == QDate(2025, 3, 1)
    tap(qtbot, date_button(window, "date_month", month=2))
    assert len([b for b in visible(window) if b.objectName() == "date_day"]) == 28
    tap(qtbot, date_button(window, "date_day", day=14))
    assert button(window, "nav_next").isEnabled()
    assert window.session.answers["baby_birth_date"] == "2025-02-14"


def test_no_future_date_and_none_over_five_years_back(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    picker = open_picker(qtbot, window, "en")
    years = [b.property("year") for b in visible(window) if b.objectName() == "date_year"]
    assert years == list(range(TODAY.year, TODAY.year - 6, -1))
    assert not date_button(window, "date_month", month=12).isEnabled()
    tap(qtbot, date_button(window, "date_month", month=11))
    assert date_button(window, "date_day", day=TODAY.day).isEnabled()
    assert not date_button(window, "date_day", day=TODAY.day + 1).isEnabled()
    tap_name(qtbot, window, "date_other_month")
    tap(qtbot, date_button(window, "date_year", year=TODAY.year - 5))
    assert not date_button(window, "date_month", month=10).isEnabled()
    tap(qtbot, date_button(window, "date_month", month=11))
    assert not date_button(window, "date_day", day=TODAY.day - 1).isEnabled()
    picker.setProperty("date", QDate(2001, 1, 1))
    assert picker.property("date") == QDate(TODAY.year - 5, TODAY.month, TODAY.day)


def test_coming_back_shows_the_chosen_day_in_its_month(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    open_picker(qtbot, window, "en")
    pick_date(qtbot, window, date(2026, 3, 9))
    tap_name(qtbot, window, "nav_next")
    tap_name(qtbot, window, "nav_back")
    assert page_id(window) == "baby_birth_date"
    assert "March 2026" in words(window)
    assert date_button(window, "date_day", day=9).property("selected") is True
    assert button(window, "nav_next").isEnabled()
