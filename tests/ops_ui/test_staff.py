"""Staff access: the hidden long press, the PIN pad and its lockout, the panel and its buttons."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.config import Settings
from kiosk.outcome import DeliveryResult, Problem
from kiosk.output import FolderStatus
from kiosk.samples import SAMPLES
from kiosk.ui.staff.panel import folder_words
from tests.ops_ui.helpers import (
    PIN,
    Clock,
    FakeMachine,
    long_press,
    staff_for,
    type_pin,
    with_pin,
)
from tests.ui.conftest import MakeWindow
from tests.ui.driver import answer_page, button, page_id, tap_name, texts_in, walk

NAME = "Quillon Vexmarsh"


def label(window: QWidget, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None and found.isVisible(), name
    return found.text()


def unlocked(qtbot: Any, make_window: MakeWindow, settings: Settings, **options: Any) -> Any:
    window = make_window(settings=with_pin(settings))
    machine = FakeMachine()
    staff = staff_for(window, machine, **options)
    long_press(qtbot, window, staff)
    with qtbot.waitSignal(staff.unlocked, timeout=3000):
        type_pin(qtbot, window, PIN)
    return window, staff, machine


def test_a_long_press_in_the_corner_opens_the_pad_and_wipes_the_session(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window = make_window(settings=with_pin(settings))
    staff = staff_for(window, FakeMachine())
    tap_name(qtbot, window, "start")
    tap_name(qtbot, window, "nav_next")
    answer_page(qtbot, window, NAME)
    long_press(qtbot, window, staff)
    pad = window.findChild(QWidget, "staff_pin_pad")
    assert pad is not None and pad.isVisible()
    assert window.session.answers == {} and page_id(window) == "welcome"
    assert not any("Quillon" in text for text in texts_in(window))
    assert button(window, "staff_digit_5").height() >= 96


def test_a_short_press_or_a_press_elsewhere_does_nothing(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window = make_window(settings=with_pin(settings))
    staff = staff_for(window, FakeMachine(), hold_ms=60_000)
    corner = QPoint(6, 6)
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=corner)
    assert staff.gesture.pressing
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=corner)
    assert not staff.gesture.pressing
    middle = QPoint(window.width() // 2, 6)
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=middle)
    assert not staff.gesture.pressing
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=middle)
    below = QPoint(6, staff.gesture.corner_size() + 4)
    qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=below)
    assert not staff.gesture.pressing and not staff.showing
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=below)


def test_the_right_pin_opens_the_panel_with_statuses(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window, staff, machine = unlocked(qtbot, make_window, settings)
    assert window.findChild(QWidget, "staff_pin_pad") is None or not staff.pad
    panel = window.findChild(QWidget, "staff_panel")
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: "checking" not in label(window, "staff_printer_status"))
    assert "system default printer: ready" in label(window, "staff_printer_status")
    folder = label(window, "staff_folder_status")
    assert str(settings.output_dir) in folder and "Ready to save" in folder
    assert "5.0 GB free" in folder and "3 summaries kept" in folder
    assert label(window, "staff_last_status") == "None since the kiosk started."
    machine.printer = "printer_stopped"
    machine.folder = FolderStatus(exists=False, writable=False, free_bytes=None, summary_count=0)
    with qtbot.waitSignal(staff.statuses_shown):
        tap_name(qtbot, window, "staff_refresh")
    assert "stopped (paused or in error)" in label(window, "staff_printer_status")
    assert "does not exist" in label(window, "staff_folder_status")


def test_wrong_pins_say_so_and_five_lock_the_pad_for_five_minutes(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window = make_window(settings=with_pin(settings))
    clock = Clock()
    staff = staff_for(window, FakeMachine(), clock=clock)
    long_press(qtbot, window, staff)
    type_pin(qtbot, window, "1357")
    assert "4 more wrong PINs" in label(window, "staff_pin_message")
    assert label(window, "staff_pin_entry") == ""
    for _ in range(4):
        type_pin(qtbot, window, "1357")
    assert label(window, "staff_pin_message") == "Too many wrong PINs. Try again in 5 min."
    assert not button(window, "staff_digit_1").isEnabled()
    assert staff.gate.attempt(PIN) == "locked"  # even the right PIN, while locked
    tap_name(qtbot, window, "staff_pin_cancel")
    long_press(qtbot, window, staff)  # the lock outlives the pad
    assert not button(window, "staff_digit_1").isEnabled()
    clock.now += 4 * 60 + 1
    staff.pad.refresh_lock()
    assert label(window, "staff_pin_message").endswith("in 1 min.")
    clock.now += 60
    staff.pad.refresh_lock()
    assert button(window, "staff_digit_1").isEnabled()
    with qtbot.waitSignal(staff.unlocked, timeout=3000):
        type_pin(qtbot, window, PIN)


def test_the_pad_masks_the_digits_and_can_erase_them(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window = make_window(settings=with_pin(settings))
    staff = staff_for(window, FakeMachine())
    long_press(qtbot, window, staff)
    assert not button(window, "staff_pin_unlock").isEnabled()
    for digit in "48299":
        tap_name(qtbot, window, f"staff_digit_{digit}")
    assert label(window, "staff_pin_entry") == "●●●●●"
    assert not any("4829" in text for text in texts_in(window))
    tap_name(qtbot, window, "staff_pin_delete")
    assert label(window, "staff_pin_entry") == "●●●●"
    tap_name(qtbot, window, "staff_pin_clear")
    assert label(window, "staff_pin_entry") == ""


def test_without_a_pin_the_pad_says_how_to_set_one(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window = make_window()
    staff = staff_for(window, FakeMachine())
    long_press(qtbot, window, staff)
    text = label(window, "staff_pin_message")
    assert "not set up" in text and "--set-pin" in text
    assert not window.findChild(QWidget, "staff_digit_1").isVisible()
    with qtbot.waitSignal(staff.closed, timeout=1000):
        tap_name(qtbot, window, "staff_pin_cancel")
    assert window.findChild(QWidget, "staff_pin_pad") is None or not staff.showing


def test_test_print_exit_and_close(qtbot: Any, make_window: MakeWindow, settings: Settings) -> None:
    window, staff, machine = unlocked(qtbot, make_window, settings)
    tap_name(qtbot, window, "staff_test_print")
    assert len(machine.test_prints) == 1
    assert label(window, "staff_test_result") == "Test page sent to the printer."
    machine.print_ok = False
    tap_name(qtbot, window, "staff_test_print")
    assert label(window, "staff_test_result") == "Test print failed: no printer found."
    tap_name(qtbot, window, "staff_exit")  # it asks first
    assert machine.exits == 0 and staff.showing
    assert "Exit the kiosk? Patients cannot use it until it is started again." in [
        w.text() for w in window.findChildren(QLabel) if w.isVisible()
    ]
    tap_name(qtbot, window, "staff_exit_no")
    assert machine.exits == 0 and staff.showing and button(window, "staff_exit").isVisible()
    tap_name(qtbot, window, "staff_exit")
    tap_name(qtbot, window, "staff_exit_yes")
    assert machine.exits == 1 and not staff.showing
    long_press(qtbot, window, staff)
    with qtbot.waitSignal(staff.unlocked, timeout=3000):
        type_pin(qtbot, window, PIN)
    with qtbot.waitSignal(staff.closed, timeout=1000):
        tap_name(qtbot, window, "staff_close")
    assert machine.exits == 1 and page_id(window) == "welcome"


def test_the_panel_closes_itself_when_idle(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window, staff, _ = unlocked(qtbot, make_window, settings, idle_ms=400)
    staff._idle.start(50)  # nearly run out ...
    tap_name(qtbot, window, "staff_refresh")  # ... then a touch starts it again
    assert staff.showing and staff._idle.remainingTime() > 200
    with qtbot.waitSignal(staff.closed, timeout=3000):
        pass
    assert window.findChild(QWidget, "staff_panel") is None or not staff.showing


def test_the_panel_shows_the_last_summary_outcome_without_patient_data(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    def failed(*_args: Any, **_kwargs: Any) -> DeliveryResult:
        return DeliveryResult(saved_path=None, printed=True, problem=Problem.SAVE_FAILED)

    window = make_window(settings=with_pin(settings), deliver=failed)
    staff = staff_for(window, FakeMachine())
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "patient_name": NAME})
    tap_name(qtbot, window, "finish")
    long_press(qtbot, window, staff)
    with qtbot.waitSignal(staff.unlocked, timeout=3000):
        type_pin(qtbot, window, PIN)
    assert "not saved" in label(window, "staff_last_status")
    assert not any("Quillon" in text for text in texts_in(window))


def test_folder_words_name_the_reason() -> None:
    def tr(key: str, **fields: object) -> str:
        return f"{key} {sorted(fields.items())}"

    missing = FolderStatus(exists=False, writable=False, free_bytes=None, summary_count=0)
    read_only = FolderStatus(exists=True, writable=False, free_bytes=10**9, summary_count=2)
    full = FolderStatus(exists=True, writable=True, free_bytes=1024, summary_count=2)
    assert folder_words(missing, tr, 30).startswith("folder_missing")
    assert folder_words(read_only, tr, 30).startswith("folder_read_only")
    assert folder_words(full, tr, 30) == "folder_full [('free', '1.0 KB')]"


def test_the_corner_works_over_the_idle_warning(
    qtbot: Any, make_window: MakeWindow, settings: Settings, tmp_path: Path
) -> None:
    from kiosk.ui import Timing

    window = make_window(
        settings=with_pin(settings),
        timing=Timing(idle_ms=50, countdown_ms=60_000, result_ms=60_000, advance_ms=5),
    )
    staff = staff_for(window, FakeMachine())
    tap_name(qtbot, window, "start")
    qtbot.waitUntil(lambda: window.overlay.isVisible(), timeout=3000)
    long_press(qtbot, window, staff)
    assert not window.overlay.isVisible() and not window.idle.armed


def test_a_resize_keeps_the_pad_on_top_with_its_digits(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    window = make_window(settings=with_pin(settings))
    staff = staff_for(window, FakeMachine())
    long_press(qtbot, window, staff)
    for digit in "48":
        tap_name(qtbot, window, f"staff_digit_{digit}")
    pad = window.findChild(QWidget, "staff_pin_pad")
    page = window.current_page()
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: window.current_page() is not page and pad.geometry() == window.rect())
    middle = window.childAt(QPoint(window.width() // 2, window.height() // 2))
    assert middle is pad or pad.isAncestorOf(middle)
    assert label(window, "staff_pin_entry") == "●●"
    with qtbot.waitSignal(staff.unlocked, timeout=3000):
        for digit in "29":
            tap_name(qtbot, window, f"staff_digit_{digit}")
        tap_name(qtbot, window, "staff_pin_unlock")


def test_a_restart_keeps_the_pad_locked(
    qtbot: Any, make_window: MakeWindow, settings: Settings, tmp_path: Path
) -> None:
    clock, state = Clock(), tmp_path / "config" / "staff-lockout.json"
    window = make_window(settings=with_pin(settings))
    staff = staff_for(window, FakeMachine(), clock=clock, lockout_file=state)
    long_press(qtbot, window, staff)
    for _ in range(5):
        type_pin(qtbot, window, "1357")
    assert not button(window, "staff_digit_1").isEnabled()
    window.close()  # the kiosk restarts: a new window, a new pad, the same file
    again = make_window(settings=with_pin(settings))
    staff = staff_for(again, FakeMachine(), clock=clock, lockout_file=state)
    long_press(qtbot, again, staff)
    assert not button(again, "staff_digit_1").isEnabled()
    assert label(again, "staff_pin_message") == "Too many wrong PINs. Try again in 5 min."
    clock.now += 300
    staff.pad.refresh_lock()
    for _ in range(5):
        type_pin(qtbot, again, "1357")
    assert label(again, "staff_pin_message") == "Too many wrong PINs. Try again in 15 min."


def test_the_lockout_is_kept_beside_the_settings_file(tmp_path: Path) -> None:
    from kiosk.ui.staff.panel import lockout_path

    source = tmp_path / "etc" / "kiosk.toml"
    assert lockout_path(Settings(source=source)) == tmp_path / "etc" / "staff-lockout.json"


def test_a_printer_status_that_hangs_never_freezes_the_panel(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    answer = threading.Event()

    def hung_status(_name: str) -> str:
        answer.wait(30)  # the print system does not answer (until the test lets it)
        return "not_responding"

    try:
        window, staff, _ = unlocked(qtbot, make_window, settings, printer_status=hung_status)
        assert label(window, "staff_printer_status") == "system default printer: checking..."
        with qtbot.waitSignal(staff.closed, timeout=1000):  # the panel still takes taps
            tap_name(qtbot, window, "staff_close")
        long_press(qtbot, window, staff)
        with qtbot.waitSignal(staff.unlocked, timeout=3000):
            type_pin(qtbot, window, PIN)
        answer.set()
        qtbot.waitUntil(lambda: "not responding" in label(window, "staff_printer_status"))
    finally:
        answer.set()


def test_an_output_folder_others_can_open_is_reported(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    from kiosk.output import folder_status

    settings.output_dir.mkdir(mode=0o700)
    settings.output_dir.chmod(0o755)
    window, staff, _ = unlocked(qtbot, make_window, settings, folder_status=folder_status)
    qtbot.waitUntil(lambda: "Ready to save" in label(window, "staff_folder_status"))
    assert "folder permissions 755; should be 700" in label(window, "staff_folder_status")
    settings.output_dir.chmod(0o700)
    with qtbot.waitSignal(staff.statuses_shown):
        tap_name(qtbot, window, "staff_refresh")
    assert "permissions" not in label(window, "staff_folder_status")
