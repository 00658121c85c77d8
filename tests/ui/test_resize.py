"""A change of window size (start-up under Wayland, a rotated or re-plugged screen) rebuilds
the page at the new size and loses nothing: a pending answer pause, a draft, the idle warning.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from kiosk.ui import KioskWindow, Timing
from tests.ui.conftest import SIZES, MakeWindow
from tests.ui.driver import (
    answer_button,
    answer_page,
    button,
    page_id,
    tap,
    tap_name,
    type_name,
    wait_page,
)

NAME = "Ana Ruiz"
# The answer pause is long enough that the resize surely lands inside it.
PAUSE = Timing(idle_ms=600_000, countdown_ms=600_000, result_ms=600_000, advance_ms=1500)


def resize_and_wait_for_rebuild(qtbot: Any, window: KioskWindow, size: tuple[int, int]) -> None:
    """Resize to a size with other metrics and wait until the page was built again for it."""
    old = window.current_page()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.current_page() is not old, timeout=3000)
    assert window.size().toTuple() == size


def to_first_choice(qtbot: Any, window: KioskWindow) -> None:
    tap_name(qtbot, window, "start")
    tap_name(qtbot, window, "nav_next")
    answer_page(qtbot, window, NAME)
    answer_page(qtbot, window, "2026-08-01")
    assert page_id(window) == "delivery"


def on_top(window: KioskWindow, widget: QWidget) -> bool:
    """Whether a touch in the middle of the window lands on `widget` (not on a page under it)."""
    hit = window.childAt(QPoint(window.width() // 2, window.height() // 2))
    return hit is not None and (hit is widget or widget.isAncestorOf(hit))


def test_a_resize_inside_the_answer_pause_still_moves_on(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window(timing=PAUSE)
    to_first_choice(qtbot, window)
    tap(qtbot, answer_button(window, "delivery", "vaginal"))
    resize_and_wait_for_rebuild(qtbot, window, SIZES["small"])
    assert page_id(window) == "delivery"  # still inside the pause
    assert answer_button(window, "delivery", "vaginal").property("selected")
    wait_page(qtbot, window, window.session.step_after("delivery"))
    assert window.session.answers["delivery"] == "vaginal"


def test_larger_text_inside_the_answer_pause_still_moves_on(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window(timing=PAUSE)
    to_first_choice(qtbot, window)
    old = window.current_page()
    tap(qtbot, answer_button(window, "delivery", "planned_caesarean"))
    tap_name(qtbot, window, "text_size")
    assert window.current_page() is not old and page_id(window) == "delivery"
    wait_page(qtbot, window, window.session.step_after("delivery"))


def test_a_resize_keeps_the_typed_name_and_ticked_signs(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window()
    tap_name(qtbot, window, "start")
    tap_name(qtbot, window, "nav_next")
    type_name(qtbot, window, NAME)
    resize_and_wait_for_rebuild(qtbot, window, SIZES["portrait"])
    field = window.current_page().findChild(QWidget, "patient_name")
    assert field.text() == NAME
    assert button(window, "nav_next").isEnabled()
    window.go_to("warning_signs")
    first = window.questionnaire.question("warning_signs").options[0]
    tap(qtbot, answer_button(window, "warning_signs", first))
    resize_and_wait_for_rebuild(qtbot, window, SIZES["small"])
    assert answer_button(window, "warning_signs", first).property("selected")
    assert button(window, "nav_next").isEnabled()


def test_a_resize_during_the_idle_warning_keeps_it_counting(
    qtbot: Any, make_window: MakeWindow
) -> None:
    window = make_window(timing=Timing(idle_ms=600_000, countdown_ms=1500, result_ms=600_000))
    to_first_choice(qtbot, window)
    window.idle.warn_now()  # the quiet time is over
    assert window.overlay.isVisible()
    resize_and_wait_for_rebuild(qtbot, window, SIZES["small"])
    assert window.overlay.isVisible() and on_top(window, window.overlay)
    assert window.overlay.geometry() == window.rect()
    assert button(window, "still_here").isVisible()
    with qtbot.waitSignal(window.session_reset, timeout=3000):
        pass  # the countdown went on to its end: her answers are wiped
    assert page_id(window) == "welcome" and window.session.answers == {}


def test_still_here_after_a_resize_during_the_warning(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window(timing=Timing(idle_ms=600_000, countdown_ms=20_000, result_ms=600_000))
    to_first_choice(qtbot, window)
    window.idle.warn_now()
    resize_and_wait_for_rebuild(qtbot, window, SIZES["portrait"])
    assert "seconds" in window.overlay.body.text()
    tap_name(qtbot, window, "still_here")
    assert not window.overlay.isVisible()
    assert page_id(window) == "delivery" and window.session.answers["patient_name"] == NAME
    assert window.idle.armed and not window.idle.warning
