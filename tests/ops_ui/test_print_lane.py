"""Saving a summary never waits on printing: the runner prints on a lane of its own."""

from __future__ import annotations

import threading
from typing import Any

from pytestqt.qtbot import QtBot

from kiosk.ui.services.delivery_runner import DeliveryRunner, ThenPrint


def test_the_next_save_does_not_wait_for_a_hung_print(qtbot: QtBot) -> None:
    runner = DeliveryRunner(background=True)
    printer_answers = threading.Event()
    saved: list[str] = []
    outcomes: dict[int, Any] = {}
    runner.finished.connect(lambda token, result: outcomes.__setitem__(token, result))

    def first() -> ThenPrint:
        saved.append("first")
        return ThenPrint(lambda: "printed" if printer_answers.wait(30) else "timed out")

    def second() -> str:
        saved.append("second")
        return "saved"

    try:
        runner.submit(first, 1)
        runner.submit(second, 2)
        qtbot.waitUntil(lambda: 2 in outcomes)  # while the first print still hangs
        assert saved == ["first", "second"] and 1 not in outcomes and runner.busy()
        printer_answers.set()
        qtbot.waitUntil(lambda: 1 in outcomes)
        assert outcomes == {1: "printed", 2: "saved"} and not runner.busy()
    finally:
        printer_answers.set()
        runner.wait()


def test_inline_runs_the_print_step_too() -> None:
    runner = DeliveryRunner(background=False)
    outcomes: list[Any] = []
    runner.finished.connect(lambda _token, result: outcomes.append(result))
    runner.submit(lambda: ThenPrint(lambda: "printed"), 3)
    assert outcomes == ["printed"]
