"""Shared pieces of the kiosk-operation tests: a PIN, a fake clock, staff access on a window."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt

from kiosk.config import Settings
from kiosk.outcome import PrintResult, Problem
from kiosk.output import FolderStatus
from kiosk.staff_pin import hash_pin
from kiosk.ui import KioskWindow
from kiosk.ui.staff.panel import StaffAccess
from tests.ui.driver import tap_name

PIN = "4829"
HOLD_MS = 40


@cache
def pin_hash(pin: str = PIN) -> str:
    return hash_pin(pin)


def with_pin(settings: Settings) -> Settings:
    return replace(settings, staff_pin_hash=pin_hash())


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FakeMachine:
    """Printer and folder states, and a test print that records its calls."""

    def __init__(self) -> None:
        self.printer = "ready"
        self.folder = FolderStatus(
            exists=True, writable=True, free_bytes=5 * 1024**3, summary_count=3
        )
        self.test_prints: list[Any] = []
        self.print_ok = True
        self.exits = 0

    def printer_status(self, _name: str) -> str:
        return self.printer

    def folder_status(self, _path: Path) -> FolderStatus:
        return self.folder

    def test_print(self, settings: Any) -> PrintResult:
        self.test_prints.append(settings)
        return (
            PrintResult(ok=True)
            if self.print_ok
            else PrintResult(ok=False, reason=Problem.NO_PRINTER)
        )

    def exit(self) -> None:
        self.exits += 1


def staff_for(window: KioskWindow, machine: FakeMachine, **options: Any) -> StaffAccess:
    return StaffAccess(
        window,
        window.settings,
        hold_ms=options.pop("hold_ms", HOLD_MS),
        printer_status=options.pop("printer_status", machine.printer_status),
        folder_status=options.pop("folder_status", machine.folder_status),
        test_print=machine.test_print,
        on_exit=machine.exit,
        lockout_file=options.pop(
            "lockout_file", window.settings.output_dir.parent / "staff-lockout.json"
        ),
        **options,
    )


def long_press(
    qtbot: Any, window: KioskWindow, staff: StaffAccess, at: QPoint | None = None
) -> None:
    """Hold a finger in the top-left corner until the PIN pad opens."""
    where = at if at is not None else QPoint(6, 6)
    with qtbot.waitSignal(staff.opened, timeout=3000):
        qtbot.mousePress(window, Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseRelease(window, Qt.MouseButton.LeftButton, pos=where)


def type_pin(qtbot: Any, window: KioskWindow, pin: str) -> None:
    for digit in pin:
        tap_name(qtbot, window, f"staff_digit_{digit}")
    tap_name(qtbot, window, "staff_pin_unlock")
