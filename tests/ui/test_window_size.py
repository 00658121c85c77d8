"""A window given its screen size builds its first page once, not again when shown."""

from __future__ import annotations

from datetime import date
from typing import Any

from kiosk.config import Settings
from kiosk.readiness import Questionnaire, assess
from kiosk.ui import KioskWindow

from .conftest import FakeDelivery


def test_first_page_is_built_once_at_the_given_size(
    qtbot: Any, questionnaire: Questionnaire, settings: Settings, delivery: FakeDelivery
) -> None:
    window = KioskWindow(
        questionnaire,
        settings,
        assess=assess,
        deliver=delivery,
        clock=lambda: date(2026, 11, 20),
        speech_engine="mock",
        size=(1280, 800),
    )
    qtbot.addWidget(window)
    first = window.current_page()
    window.show()
    qtbot.waitExposed(window)
    assert window.size().toTuple() == (1280, 800)
    assert window.current_page() is first
    window.close()
