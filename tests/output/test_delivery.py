"""render -> save -> print: no step loses what the one before made; logs stay anonymous."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

import kiosk.report
from kiosk.config import Location, Settings
from kiosk.delivery import DeliveryResult, deliver_summary
from kiosk.outcome import PrintResult, Problem
from kiosk.output import save_summary
from kiosk.readiness import assess
from tests.output.conftest import CupsQueue
from tests.report.pdftext import page_texts
from tests.report.samples import LONGEST, NOT_YET, SCREENED_AT, TODAY, URGENT

ROOT = Path(__file__).resolve().parents[2]
NAME = NOT_YET["patient_name"]
PRINTED = PrintResult(ok=True)


class FakePrinter:
    """Records each print: the printer name and the bytes the file held at that moment."""

    def __init__(self, result: PrintResult | Exception = PRINTED) -> None:
        self.result = result
        self.calls: list[tuple[Path, str, bytes]] = []

    def __call__(self, path: Path, printer_name: str) -> PrintResult:
        self.calls.append((path, printer_name, path.read_bytes()))
        if isinstance(self.result, Exception):
            raise self.result
        return self.result


def _settings(folder: Path, **changes: Any) -> Settings:
    base = Settings(
        clinic_name="Test Clinic & Co",
        locations=(Location("Milwaukee", "807 N. Jefferson", "414-224-8219"),),
        output_dir=folder,
        printer="front-desk",
        retention_days=30,
    )
    return replace(base, **changes)


def _deliver(answers: dict, folder: Path, printer: FakePrinter, **changes: Any) -> DeliveryResult:
    return deliver_summary(
        answers,
        assess(answers, today=TODAY),
        settings=_settings(folder, **changes),
        patient_language="es",
        now=SCREENED_AT,
        printer=printer,
    )


def test_saves_then_prints_the_saved_file(tmp_path: Path) -> None:
    printer = FakePrinter()
    result = _deliver(NOT_YET, tmp_path / "out", printer)
    assert result == DeliveryResult(saved_path=result.saved_path, printed=True, problem=None)
    assert (
        result.ok and result.saved_path is not None and result.saved_path.parent == tmp_path / "out"
    )
    [(path, name, printed)] = printer.calls
    assert (path, name) == (result.saved_path, "front-desk")
    assert printed == result.saved_path.read_bytes()
    first = page_texts(printed)[0]
    assert "Test Clinic & Co" in first and NAME in first and "Spanish" in first
    assert "2026-11-28 14:32" in first


@pytest.mark.parametrize(
    "reason", [Problem.NO_PRINTER, Problem.PRINTER_STOPPED, Problem.PRINT_FAILED]
)
def test_print_failure_keeps_the_saved_pdf(tmp_path: Path, reason: Problem) -> None:
    result = _deliver(NOT_YET, tmp_path, FakePrinter(PrintResult(ok=False, reason=reason)))
    assert (result.printed, result.problem) == (False, reason)
    assert result.saved_path is not None and result.saved_path.read_bytes().startswith(b"%PDF")


def test_a_crashing_printer_is_a_print_failure(tmp_path: Path) -> None:
    result = _deliver(NOT_YET, tmp_path, FakePrinter(RuntimeError("driver exploded")))
    assert (result.printed, result.problem) == (False, Problem.PRINT_FAILED)
    assert result.saved_path is not None and result.saved_path.exists()


@pytest.mark.parametrize("reason", [None, "toner_low", Problem.SAVE_FAILED])
def test_a_print_failure_of_no_known_kind_is_a_failed_print(
    tmp_path: Path, reason: str | None
) -> None:
    printer = FakePrinter(PrintResult(ok=False, reason=reason))  # type: ignore[arg-type]
    result = _deliver(NOT_YET, tmp_path, printer)
    assert (result.printed, result.problem) == (False, Problem.PRINT_FAILED)
    assert result.saved_path is not None and result.saved_path.exists()


def test_save_failure_still_prints_from_a_private_temp_file(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    printer = FakePrinter()
    result = _deliver(NOT_YET, blocker / "out", printer)
    assert result == DeliveryResult(saved_path=None, printed=True, problem=Problem.SAVE_FAILED)
    [(path, _, printed)] = printer.calls
    assert NAME in page_texts(printed)[0]
    assert not path.exists() and not path.parent.exists()  # the temp folder is gone


def test_save_and_print_both_failing(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = _deliver(
        NOT_YET, blocker, FakePrinter(PrintResult(ok=False, reason=Problem.NO_PRINTER))
    )
    assert result == DeliveryResult(saved_path=None, printed=False, problem=Problem.SAVE_FAILED)


def test_render_failure_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> bytes:
        raise RuntimeError("layout")

    monkeypatch.setattr(kiosk.report, "render", broken)
    printer = FakePrinter()
    result = _deliver(NOT_YET, tmp_path, printer)
    assert result == DeliveryResult(saved_path=None, printed=False, problem=Problem.SAVE_FAILED)
    assert printer.calls == [] and list(tmp_path.iterdir()) == []


def test_urgent_partial_answers_are_delivered_at_once(tmp_path: Path) -> None:
    printer = FakePrinter()
    result = _deliver(URGENT, tmp_path, printer)
    assert result.ok
    assert page_texts(printer.calls[0][2])[0].startswith("URGENT")


def test_old_summaries_are_purged_after_a_save(tmp_path: Path) -> None:
    old = save_summary(
        b"%PDF-old", tmp_path, patient_name="x", when=SCREENED_AT - timedelta(days=31)
    )
    kept = save_summary(
        b"%PDF-new", tmp_path, patient_name="x", when=SCREENED_AT - timedelta(days=29)
    )
    for path, days in ((old, 31), (kept, 29)):  # saved then: the folder agrees
        written = (SCREENED_AT - timedelta(days=days)).timestamp()
        os.utime(path, (written, written))
    _deliver(NOT_YET, tmp_path, FakePrinter())
    assert not old.exists() and kept.exists()


def test_logs_hold_no_patient_data(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with caplog.at_level(logging.DEBUG):
        saved = _deliver(LONGEST, tmp_path / "ok", FakePrinter(PrintResult(False, "print_failed")))
        _deliver(LONGEST, blocker, FakePrinter())
    text = caplog.text
    assert "delivery.done" in text and "save_failed" in text
    assert saved.saved_path is not None and saved.saved_path.name not in text
    for secret in (LONGEST["patient_name"], "wwww", "grade_2_plus", "2026-10-03", "stroller"):
        assert secret not in text.lower()


def test_importing_delivery_does_not_load_qt() -> None:
    code = (
        "import sys, kiosk.delivery, kiosk.output, kiosk.printing;"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'reportlab'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "[]"


def test_printing_without_an_application_fails_cleanly() -> None:
    code = (
        "from pathlib import Path; from kiosk.printing import print_pdf;"
        "r = print_pdf(Path('summary.pdf'), 'kiosk-test'); print(r.ok, r.reason)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.stdout.strip() == "False print_failed"


@pytest.mark.cups
def test_delivery_to_a_real_queue(qtbot: QtBot, cups_queue: CupsQueue, tmp_path: Path) -> None:
    from kiosk.printing import print_pdf

    job = cups_queue.new_job_name()

    def printer(path: Path, name: str) -> PrintResult:
        return print_pdf(path, name, job_name=job)

    result = deliver_summary(
        LONGEST,
        assess(LONGEST, today=TODAY),
        settings=_settings(tmp_path, printer=cups_queue.name),
        patient_language="en",
        now=datetime(2026, 11, 28, 14, 32),
        printer=printer,
    )
    assert result.ok and result.printed and result.saved_path is not None
    pages = len(page_texts(result.saved_path.read_bytes()))
    cups_queue.wait_for_output(qtbot, job, pages)


@pytest.mark.cups
def test_delivery_to_a_stopped_queue_keeps_the_pdf(
    qtbot: QtBot, stopped_queue: CupsQueue, tmp_path: Path
) -> None:
    result = deliver_summary(
        NOT_YET,
        assess(NOT_YET, today=TODAY),
        settings=_settings(tmp_path, printer=stopped_queue.name),
        patient_language="en",
        now=SCREENED_AT,
    )
    assert (result.printed, result.problem) == (False, "printer_stopped")
    assert result.saved_path is not None and NAME in page_texts(result.saved_path.read_bytes())[0]
