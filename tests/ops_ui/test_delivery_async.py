"""Summaries print on a worker thread: the screen keeps working, late outcomes are ignored."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from kiosk.outcome import DeliveryResult
from kiosk.samples import SAMPLES
from kiosk.ui.services.delivery_runner import DeliveryRunner
from tests.ui.conftest import MakeWindow
from tests.ui.driver import button, page_id, tap_name, texts_in, wait_page, walk

WAIT_MS = 5000


class SlowDelivery:
    """Blocks in the worker until the test lets it go; records which thread ran it."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.started = threading.Event()
        self.calls: list[dict[str, Any]] = []
        self.threads: list[str] = []

    def __call__(self, answers: dict[str, Any], assessment: Any, **kwargs: Any) -> DeliveryResult:
        self.started.set()
        assert self.go.wait(10), "the test never released the delivery"
        self.calls.append(answers)
        self.threads.append(threading.current_thread().name)
        return DeliveryResult(saved_path=Path("summary.pdf"), printed=True, problem=None)


def shows(window: Any, key: str) -> bool:
    return window.texts.text(window.session.language, key) in texts_in(window.current_page())


def background_window(make_window: MakeWindow, deliver: Any) -> Any:
    return make_window(deliver=deliver, runner=DeliveryRunner(background=True))


def test_the_screen_works_while_the_summary_prints(qtbot: Any, make_window: MakeWindow) -> None:
    slow = SlowDelivery()
    window = background_window(make_window, slow)
    walk(qtbot, window, SAMPLES["build_foundation"])
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    assert shows(window, "summary_pending")
    assert slow.started.wait(5) and not slow.calls
    before = button(window, "language").text()
    tap_name(qtbot, window, "language")  # the GUI answers while the worker is busy
    assert button(window, "language").text() != before
    slow.go.set()
    qtbot.waitUntil(lambda: shows(window, "summary_printed"), timeout=WAIT_MS)
    assert slow.threads and slow.threads[0] != threading.main_thread().name


def test_an_outcome_after_the_patient_left_is_ignored_but_still_delivered(
    qtbot: Any, make_window: MakeWindow
) -> None:
    slow = SlowDelivery()
    window = background_window(make_window, slow)
    walk(qtbot, window, SAMPLES["ready_for_assessment"])
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    tap_name(qtbot, window, "done")
    assert page_id(window) == "welcome"
    with qtbot.waitSignal(window.delivery_runner.finished, timeout=WAIT_MS):
        slow.go.set()
    assert len(slow.calls) == 1  # her summary was still saved and printed
    assert window.session.delivery is None and not window.session.delivered
    walk(qtbot, window, SAMPLES["not_yet"])  # the next patient sees only her own outcome
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")
    qtbot.waitUntil(lambda: shows(window, "summary_printed"), timeout=WAIT_MS)
    assert len(slow.calls) == 2


def test_the_urgent_screen_never_speaks_of_the_printer(qtbot: Any, make_window: MakeWindow) -> None:
    slow = SlowDelivery()
    window = background_window(make_window, slow)  # no alert configured
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["fever"]})
    assert page_id(window) == "urgent"
    assert shows(window, "urgent_go_to_desk") and not shows(window, "summary_pending")
    before = texts_in(window.current_page())
    with qtbot.waitSignal(window.delivery_runner.finished, timeout=WAIT_MS):
        slow.go.set()
    assert len(slow.calls) == 1  # printed for the clinic, and still "go to the front desk"
    assert texts_in(window.current_page()) == before


def test_closing_the_window_waits_for_the_summary(qtbot: Any, make_window: MakeWindow) -> None:
    slow = SlowDelivery()
    window = background_window(make_window, slow)
    walk(qtbot, window, SAMPLES["ready_for_assessment"])
    tap_name(qtbot, window, "finish")
    assert slow.started.wait(5)
    releaser = threading.Timer(0.05, slow.go.set)
    releaser.start()
    window.close()
    releaser.join()
    assert len(slow.calls) == 1  # close() returned only after the summary was delivered


def test_jobs_run_one_at_a_time_in_order(qtbot: Any) -> None:
    runner = DeliveryRunner(background=True)
    order: list[int] = []
    results: list[tuple[int, Any]] = []
    runner.finished.connect(lambda token, result: results.append((token, result)))
    for number in range(5):
        runner.submit(lambda n=number: order.append(n) or n * 10, token=number)
    assert runner.wait(5000)
    qtbot.waitUntil(lambda: len(results) == 5, timeout=WAIT_MS)
    assert order == [0, 1, 2, 3, 4]
    assert results == [(n, n * 10) for n in range(5)]
    assert not runner.busy()
    runner.deleteLater()


def test_a_crashing_job_gives_none_and_is_logged(qtbot: Any, caplog: Any) -> None:
    runner = DeliveryRunner(background=True)
    results: list[Any] = []
    runner.finished.connect(lambda _token, result: results.append(result))

    def boom() -> None:
        raise OSError("Zyxwvutsrq")

    runner.submit(boom)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT_MS)
    assert results == [None]
    assert any(r.exc_info and r.exc_info[0] is OSError for r in caplog.records)
    runner.deleteLater()
