"""The print worker: Qt's printing (the Windows spooler, or CUPS without its tools), in a
child process that the kiosk kills if the print system hangs (kiosk.printing starts it).

    python -m kiosk.print_worker ANSWER_FILE print PDF PRINTER JOB_NAME
    python -m kiosk.print_worker ANSWER_FILE status PRINTER

Writes its answer as JSON to ANSWER_FILE (a windowed Windows app has no stdout):
{"ok": true} / {"ok": false, "reason": ...} or {"status": ...}. PRINTER "" is the
system default. No patient data is written or logged.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinterInfo

DPI = 300
NO_PRINTER = "no_printer"
PRINTER_STOPPED = "printer_stopped"
PRINT_FAILED = "print_failed"


def _find(printer_name: str) -> QPrinterInfo | None:
    from PySide6.QtPrintSupport import QPrinterInfo

    info = QPrinterInfo.printerInfo(printer_name) if printer_name else QPrinterInfo.defaultPrinter()
    return None if info.isNull() else info


def _stopped(state: object) -> bool:
    from PySide6.QtPrintSupport import QPrinter

    return state in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted)


def status(printer_name: str) -> str:
    from PySide6.QtPrintSupport import QPrinter

    info = _find(printer_name)
    if info is None:
        return NO_PRINTER
    if _stopped(info.state()):
        return PRINTER_STOPPED
    return "busy" if info.state() == QPrinter.PrinterState.Active else "ready"


def print_file(path: Path, printer_name: str, job_name: str) -> dict[str, Any]:
    """Every page of the PDF at `path`, US Letter, rendered at 300 dpi, no dialog."""
    from PySide6.QtCore import QRect, QSize, Qt
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    info = _find(printer_name)
    if info is None:
        return {"ok": False, "reason": NO_PRINTER}
    if _stopped(info.state()):
        return {"ok": False, "reason": PRINTER_STOPPED}
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
        return {"ok": False, "reason": PRINT_FAILED}
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setResolution(DPI)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setCopyCount(1)
    printer.setDocName(job_name)
    painter = QPainter()
    if not painter.begin(printer):
        return {"ok": False, "reason": PRINT_FAILED}
    ok = True
    for index in range(document.pageCount()):
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
        return {"ok": False, "reason": PRINT_FAILED}
    return {"ok": True}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        return 2
    answer_file, task = Path(args[0]), args[1:]
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    answer: dict[str, Any]
    if len(task) == 4 and task[0] == "print":
        answer = print_file(Path(task[1]), task[2], task[3])
    elif len(task) == 2 and task[0] == "status":
        answer = {"status": status(task[1])}
    else:
        answer = {"ok": False, "reason": PRINT_FAILED}
    answer_file.write_text(json.dumps(answer), encoding="utf-8")
    del app
    return 0 if answer.get("ok", True) else 3


if __name__ == "__main__":
    sys.exit(main())
