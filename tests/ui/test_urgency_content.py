"""Which questions open the urgent screen is content: a harmless multi-select never does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.readiness import load_questionnaire
from tests.content.copies import add_harmless_multi, content_copy
from tests.ui.conftest import FakeDelivery, MakeWindow
from tests.ui.driver import answer_button, page_id, tap, tap_name, wait_page


def test_a_harmless_multi_select_never_opens_the_urgent_screen(
    qtbot: Any, make_window: MakeWindow, delivery: FakeDelivery, tmp_path: Path
) -> None:
    folder = content_copy(tmp_path / "resources")
    add_harmless_multi(folder)
    window = make_window(questionnaire=load_questionnaire(folder))
    window.go_to("surfaces")
    for value in ("road", "trail", "track"):
        tap(qtbot, answer_button(window, "surfaces", value))
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, "warning_signs")
    assert window.session.answers["surfaces"] == ["road", "trail", "track"]
    assert window.session.urgent_signs() == []
    assert delivery.calls == []
    # The question the data marks urgent still is.
    tap(qtbot, answer_button(window, "warning_signs", "vision"))
    tap_name(qtbot, window, "nav_next")
    wait_page(qtbot, window, "urgent")
    assert page_id(window) == "urgent"
    assert window.session.urgent_signs() == ["vision"]
