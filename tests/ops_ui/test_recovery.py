"""Injected failures: the patient is told kindly, welcome returns, and the next patient finishes."""

from __future__ import annotations

import errno
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import kiosk.report
from kiosk import app, delivery
from kiosk.config import Settings
from kiosk.logs import SafeFormatter
from kiosk.outcome import PrintResult, Problem
from kiosk.output import SUMMARY_NAME, SaveError, folder_status
from kiosk.readiness import assess
from kiosk.samples import SAMPLES
from kiosk.ui.services.delivery_runner import DeliveryRunner
from kiosk.ui.staff.panel import StaffAccess
from tests.ops_ui.helpers import PIN, long_press, type_pin, with_pin
from tests.ui.conftest import MakeWindow
from tests.ui.driver import page_id, tap_name, texts_in, wait_page, walk

NAME = "Brindlecomb Ostravik"
WAIT_MS = 10_000


class Printer:
    """Stands in for print_pdf: records the files it was given, succeeds or fails."""

    def __init__(self, ok: bool = True) -> None:
        self.ok = ok
        self.paths: list[Path] = []

    def __call__(self, path: Path, printer_name: str, **_kwargs: Any) -> PrintResult:
        assert path.is_file()
        self.paths.append(path)
        return PrintResult(ok=True) if self.ok else PrintResult(ok=False, reason=Problem.NO_PRINTER)


@pytest.fixture
def crash_policy() -> Iterator[Any]:
    restores: list[Any] = []

    def install(window: Any) -> None:
        restores.append(app.install_crash_policy(window))

    yield install
    for restore in reversed(restores):
        restore()


def real_window(make_window: MakeWindow, settings: Settings, printer: Printer, **kw: Any) -> Any:
    deliver = partial(delivery.deliver_summary, printer=printer)
    runner = DeliveryRunner(background=True)
    return make_window(settings=settings, deliver=deliver, runner=runner, **kw)


def finish(qtbot: Any, window: Any, status: str = "build_foundation") -> None:
    walk(qtbot, window, {**SAMPLES[status], "patient_name": NAME})
    tap_name(qtbot, window, "finish")
    wait_page(qtbot, window, "result")


def told(qtbot: Any, window: Any, key: str) -> None:
    words = window.texts.text("en", key)
    qtbot.waitUntil(lambda: words in texts_in(window.current_page()), timeout=WAIT_MS)


def next_patient_finishes(qtbot: Any, window: Any) -> None:
    tap_name(qtbot, window, "done")
    assert page_id(window) == "welcome" and window.session.answers == {}
    finish(qtbot, window, "ready_for_assessment")
    qtbot.waitUntil(
        lambda: window.texts.text("en", "summary_pending") not in texts_in(window.current_page()),
        timeout=WAIT_MS,
    )


def logged(caplog: Any) -> list[str]:
    return [SafeFormatter().format(record) for record in caplog.records]


def test_assess_raising_wipes_and_returns_to_welcome(
    qtbot: Any, make_window: MakeWindow, crash_policy: Any, caplog: Any
) -> None:
    failures = [RuntimeError(NAME)]

    def flaky(answers: dict[str, Any], **kwargs: Any) -> Any:
        if failures:
            raise failures.pop()
        return assess(answers, **kwargs)

    window = make_window(assess=flaky)
    crash_policy(window)
    walk(qtbot, window, {**SAMPLES["not_yet"], "patient_name": NAME})
    with qtbot.waitSignal(window.session_reset, timeout=WAIT_MS):
        tap_name(qtbot, window, "finish")
    assert page_id(window) == "welcome" and window.session.answers == {}
    assert not any("Brindlecomb" in text for text in texts_in(window))
    lines = logged(caplog)
    assert any("RuntimeError" in line and "wiped" in line for line in lines)
    assert not any("Brindlecomb" in line for line in lines)
    finish(qtbot, window, "ready_for_assessment")  # the kiosk keeps working


def test_deliver_raising_tells_her_to_ask_the_front_desk(
    qtbot: Any, make_window: MakeWindow, caplog: Any
) -> None:
    calls: list[int] = []

    def flaky(*_args: Any, **_kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise ValueError(NAME)
        return delivery.DeliveryResult(saved_path=None, printed=True, problem=None)

    window = make_window(deliver=flaky, runner=DeliveryRunner(background=True))
    finish(qtbot, window)
    told(qtbot, window, "summary_not_saved")
    assert "front desk" in window.texts.text("en", "summary_not_saved")
    assert any("ValueError" in line for line in logged(caplog))
    assert not any("Brindlecomb" in line for line in logged(caplog))
    next_patient_finishes(qtbot, window)
    told(qtbot, window, "summary_printed")


def test_report_render_raising(
    qtbot: Any, make_window: MakeWindow, settings: Settings, monkeypatch: Any
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> bytes:
        raise KeyError("page template")

    monkeypatch.setattr(kiosk.report, "render", broken)
    printer = Printer()
    window = real_window(make_window, settings, printer)
    finish(qtbot, window)
    told(qtbot, window, "summary_not_saved")
    assert not printer.paths and not list(settings.output_dir.glob("*.pdf"))
    monkeypatch.undo()
    next_patient_finishes(qtbot, window)
    told(qtbot, window, "summary_printed")


def test_printing_failing_keeps_the_saved_summary(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    printer = Printer(ok=False)
    window = real_window(make_window, settings, printer)
    finish(qtbot, window)
    told(qtbot, window, "summary_not_printed")
    assert "front desk" in window.texts.text("en", "summary_not_printed")
    saved = list(settings.output_dir.iterdir())
    assert len(saved) == 1 and SUMMARY_NAME.fullmatch(saved[0].name)
    printer.ok = True
    next_patient_finishes(qtbot, window)
    told(qtbot, window, "summary_printed")


def read_only(folder: Path) -> Any:
    """tempfile.mkstemp, refusing `folder` as a read-only file system would."""
    original = tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> Any:
        if Path(kwargs.get("dir") or "") == folder:
            raise OSError(errno.EROFS, "Read-only file system")
        return original(*args, **kwargs)

    return mkstemp


@pytest.mark.parametrize("trouble", ["missing", "read_only", "full"])
def test_an_unusable_folder_tells_her_and_shows_staff_the_reason(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path, monkeypatch: Any, trouble: str
) -> None:
    folder = tmp_path / "summaries"
    free = {"bytes": None}
    if trouble == "missing":  # e.g. an unmounted share: the folder cannot even be made
        (tmp_path / "share").write_text("not a folder")
        folder = tmp_path / "share" / "summaries"
    elif trouble == "read_only":
        folder.mkdir()
        monkeypatch.setattr(tempfile, "mkstemp", read_only(folder))
    else:
        folder.mkdir()
        free["bytes"] = 1024

        def no_space(*_args: Any, **_kwargs: Any) -> Path:
            raise SaveError("could not save the summary: No space left on device", "ENOSPC")

        monkeypatch.setattr(delivery, "save_summary", no_space)

    def status(path: Path) -> Any:
        found = folder_status(path)
        return replace(found, free_bytes=free["bytes"]) if free["bytes"] else found

    settings = with_pin(Settings(output_dir=folder))
    printer = Printer()
    window = real_window(make_window, settings, printer)
    staff = StaffAccess(window, settings, hold_ms=30, folder_status=status, on_exit=lambda: None)
    finish(qtbot, window)
    told(qtbot, window, "summary_not_saved")
    assert len(printer.paths) == 1  # printed from a private temp folder all the same
    assert not printer.paths[0].exists()
    tap_name(qtbot, window, "done")
    long_press(qtbot, window, staff)
    with qtbot.waitSignal(staff.unlocked, timeout=WAIT_MS):
        type_pin(qtbot, window, PIN)
    assert staff.panel is not None
    panel = staff.panel
    qtbot.waitUntil(lambda: "Checking" not in panel.lines["folder"].text(), timeout=WAIT_MS)
    folder_line = panel.lines["folder"].text()
    reason = {"missing": "does not exist", "read_only": "cannot write", "full": "disk is full"}
    assert reason[trouble] in folder_line
    assert "not saved" in staff.panel.lines["last"].text()
    tap_name(qtbot, window, "staff_close")
    assert page_id(window) == "welcome"


def test_urgent_screen_stays_when_the_answers_cannot_be_assessed(
    qtbot: Any, make_window: MakeWindow, crash_policy: Any
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError(NAME)

    window = make_window(assess=broken)
    crash_policy(window)
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["fever"]})
    assert page_id(window) == "urgent"
    shown = texts_in(window.current_page())
    assert window.texts.text("en", "urgent_title") in shown
    assert window.texts.text("en", "summary_pending") not in shown  # not waiting forever
    tap_name(qtbot, window, "done")
    assert page_id(window) == "welcome"
