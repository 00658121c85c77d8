"""Silent printing through Qt to a real CUPS queue (cups-pdf), and its failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.output import save_summary
from kiosk.printing import NO_PRINTER, PRINTER_STOPPED, READY, print_pdf, printer_status
from kiosk.readiness import assess
from kiosk.report import render
from tests.output.conftest import CupsQueue
from tests.report.pdftext import CONTEXT, page_texts
from tests.report.samples import LONGEST, SCREENED_AT, TODAY
from tests.report.samples import READY as READY_ANSWERS

pytestmark = pytest.mark.cups


def _saved(folder: Path, answers: dict) -> tuple[Path, int]:
    pdf = render(answers, assess(answers, today=TODAY), CONTEXT)
    path = save_summary(pdf, folder, patient_name=answers["patient_name"], when=SCREENED_AT)
    return path, len(page_texts(pdf))


def test_prints_every_page_on_letter(qtbot: QtBot, cups_queue: CupsQueue, tmp_path: Path) -> None:
    path, pages = _saved(tmp_path, LONGEST)
    job = cups_queue.new_job_name()
    result = print_pdf(path, cups_queue.name, job_name=job)
    assert result.ok and result.reason is None
    printed = cups_queue.wait_for_output(qtbot, job, pages)
    from pypdf import PdfReader

    for page in PdfReader(printed).pages:
        assert [round(float(v)) for v in page.mediabox[2:]] == [612, 792]


def test_status_of_a_ready_queue(qtbot: QtBot, cups_queue: CupsQueue) -> None:
    assert printer_status(cups_queue.name) == READY


def test_stopped_queue_is_a_failure_and_the_file_stays(
    qtbot: QtBot, stopped_queue: CupsQueue, tmp_path: Path
) -> None:
    path, _ = _saved(tmp_path, READY_ANSWERS)
    before = path.read_bytes()
    job = stopped_queue.new_job_name()
    result = print_pdf(path, stopped_queue.name, job_name=job)
    assert not result.ok and result.reason == PRINTER_STOPPED
    assert printer_status(stopped_queue.name) == PRINTER_STOPPED
    assert path.read_bytes() == before
    assert job not in " ".join(p.name for p in stopped_queue.out_dir.iterdir())


def test_queue_refusing_jobs_is_a_failure(
    qtbot: QtBot, rejecting_queue: CupsQueue, tmp_path: Path
) -> None:
    path, _ = _saved(tmp_path, READY_ANSWERS)
    result = print_pdf(path, rejecting_queue.name, job_name=rejecting_queue.new_job_name())
    assert not result.ok and result.reason == PRINTER_STOPPED
    assert printer_status(rejecting_queue.name) == "not_accepting"


def test_unknown_printer(qtbot: QtBot, cups_queue: CupsQueue, tmp_path: Path) -> None:
    path, _ = _saved(tmp_path, READY_ANSWERS)
    result = print_pdf(path, "no-such-printer-here")
    assert not result.ok and result.reason == NO_PRINTER
    assert printer_status("no-such-printer-here") == NO_PRINTER


def test_unreadable_pdf_is_a_print_failure(
    qtbot: QtBot, cups_queue: CupsQueue, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    result = print_pdf(broken, cups_queue.name, job_name=cups_queue.new_job_name())
    assert not result.ok and result.reason == "print_failed"
    assert not print_pdf(tmp_path / "missing.pdf", cups_queue.name).ok


def test_the_qt_print_worker_prints_every_page(
    qtbot: QtBot, cups_queue: CupsQueue, tmp_path: Path
) -> None:
    # The Windows spooler's path (Qt printing in a child process), tried here through Qt's CUPS.
    path, pages = _saved(tmp_path, LONGEST)
    job = cups_queue.new_job_name()
    assert print_pdf(path, cups_queue.name, job_name=job, use="qt").ok
    cups_queue.wait_for_output(qtbot, job, pages)
    assert printer_status(cups_queue.name, use="qt") == READY
    assert printer_status("no-such-printer-here", use="qt") == NO_PRINTER
    assert print_pdf(path, "no-such-printer-here", use="qt").reason == NO_PRINTER
