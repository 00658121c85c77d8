"""Silent printing of a saved summary PDF through Qt's print system (CUPS, Windows spooler).

Qt is imported when a function here is called, not with the module, and nothing here
creates a QApplication: the caller's (Q)GuiApplication must exist. Results and logs
carry no patient data: the print job's name is fixed, never the patient's.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.logs import log_event
from kiosk.outcome import PrintResult, Problem

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinterInfo

_log = logging.getLogger(__name__)

DPI = 300
JOB_NAME = "PT summary"
_LPSTAT_TIMEOUT_S = 5.0

# Reasons a print can fail (PrintResult.reason) and printer states (printer_status).
NO_PRINTER = Problem.NO_PRINTER
PRINTER_STOPPED = Problem.PRINTER_STOPPED
PRINT_FAILED = Problem.PRINT_FAILED
READY = "ready"
BUSY = "busy"
NOT_ACCEPTING = "not_accepting"
STATUS_WORDS: dict[str, str] = {
    READY: "ready",
    BUSY: "printing",
    PRINTER_STOPPED: "stopped (paused or in error)",
    NOT_ACCEPTING: "not accepting jobs",
    NO_PRINTER: "no printer found",
}


def _cups_state(name: str) -> str | None:
    """What CUPS says about the queue: NOT_ACCEPTING, PRINTER_STOPPED, or None (fine/unknown)."""
    lpstat = shutil.which("lpstat")
    if lpstat is None or sys.platform == "win32" or not name or name.startswith("-"):
        return None
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}

    def ask(flag: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [lpstat, flag, name],
            capture_output=True,
            text=True,
            env=env,
            timeout=_LPSTAT_TIMEOUT_S,
            check=False,
        )

    try:
        accepting, printer = ask("-a"), ask("-p")
    except (OSError, subprocess.SubprocessError):
        return None
    if "not accepting" in accepting.stdout:
        return NOT_ACCEPTING
    if f"printer {name} disabled" in printer.stdout:
        return PRINTER_STOPPED
    return None


def _find_printer(printer_name: str) -> QPrinterInfo | None:
    from PySide6.QtPrintSupport import QPrinterInfo

    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    return None if info.isNull() else info


def _stopped(state: object) -> bool:
    """Whether a Qt printer state means the printer cannot print (paused, error, aborted)."""
    from PySide6.QtPrintSupport import QPrinter

    return state in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted)


def _queue_problem(info: QPrinterInfo) -> Problem | None:
    """PRINTER_STOPPED if Qt or CUPS says the queue cannot print now, else None."""
    if _stopped(info.state()):
        return PRINTER_STOPPED
    return PRINTER_STOPPED if _cups_state(info.printerName()) else None


def printer_status(printer_name: str = "") -> str:
    """For the staff panel: READY, BUSY, PRINTER_STOPPED, NOT_ACCEPTING or NO_PRINTER.

    `STATUS_WORDS` has words for each. Needs a (Q)GuiApplication.
    """
    from PySide6.QtPrintSupport import QPrinter

    info = _find_printer(printer_name)
    if info is None:
        return NO_PRINTER
    if _stopped(info.state()):
        return PRINTER_STOPPED
    cups = _cups_state(info.printerName())
    if cups is not None:
        return cups
    return BUSY if info.state() == QPrinter.PrinterState.Active else READY


def _fail(reason: Problem, step: str) -> PrintResult:
    log_event(_log, "print.failed", level=logging.WARNING, reason=reason, step=step)
    return PrintResult(ok=False, reason=reason)


def print_pdf(path: Path, printer_name: str = "", *, job_name: str = JOB_NAME) -> PrintResult:
    """Print the PDF at `path` silently: every page, US Letter, rendered at 300 dpi.

    `printer_name` "" means the system's default printer. `job_name` is what the print
    queue shows; never put patient data in it. Needs a (Q)GuiApplication.
    """
    from PySide6.QtCore import QRect, QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    if QGuiApplication.instance() is None:
        return _fail(PRINT_FAILED, "no_application")
    info = _find_printer(printer_name)
    if info is None:
        return _fail(NO_PRINTER, "find")
    problem = _queue_problem(info)
    if problem is not None:
        return _fail(problem, "queue")
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        return _fail(PRINT_FAILED, "load")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setResolution(DPI)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setCopyCount(1)
    printer.setDocName(job_name)
    painter = QPainter()
    if not painter.begin(printer):
        return _fail(PRINT_FAILED, "begin")
    ok = True
    pages = document.pageCount()
    for index in range(pages):
        if index and not printer.newPage():
            ok = False
            break
        target = painter.viewport()
        points = document.pagePointSize(index)
        size = QSize(round(points.width() * DPI / 72), round(points.height() * DPI / 72))
        page = QImage(size, QImage.Format.Format_RGB32)
        page.fill(Qt.GlobalColor.white)  # the rendering is transparent where there is no ink
        layer = QPainter(page)
        layer.drawImage(0, 0, document.render(index, size))
        layer.end()
        scaled = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.drawImage(QRect(target.topLeft(), scaled), page)
    ok = painter.end() and ok
    document.close()
    if not ok or _stopped(printer.printerState()):
        return _fail(PRINT_FAILED, "job")
    log_event(_log, "print.sent", pages=pages)
    return PrintResult(ok=True)
