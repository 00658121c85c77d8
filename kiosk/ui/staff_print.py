"""The staff panel's test print: a sample summary for a made-up patient, "TEST PRINT"."""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import kiosk
from kiosk.logs import log_event
from kiosk.printing import PRINT_FAILED, PrintResult, print_pdf

TEST_NAME = "TEST PRINT"
TEST_JOB = "Kiosk test print"
_log = logging.getLogger(__name__)
Printer = Callable[..., PrintResult]


def sample_summary_pdf(settings: Any, when: datetime | None = None) -> bytes:
    """The PT summary of the sample answers, with "TEST PRINT" as the patient's name."""
    from kiosk.readiness import assess
    from kiosk.report import ReportContext, render
    from kiosk.samples import SAMPLES

    when = (when or datetime.now()).replace(second=0, microsecond=0)
    answers = {
        **SAMPLES["ready_for_assessment"],
        "patient_name": TEST_NAME,
        "assessed_on": when.date().isoformat(),
    }
    context = ReportContext(
        clinic_name=settings.clinic_name,
        locations=tuple((place.name, place.phone) for place in settings.locations),
        app_version=kiosk.__version__,
        report_language=settings.report_language,
        patient_language=settings.report_language,
        screened_at=when,
    )
    return render(answers, assess(answers), context)


def print_test_page(settings: Any, *, printer: Printer = print_pdf) -> PrintResult:
    """Render the test summary into a private temp folder, print it, delete it.

    Nothing goes to the output folder (it is not a patient's summary). Never raises.
    """
    try:
        pdf = sample_summary_pdf(settings)
        with tempfile.TemporaryDirectory(prefix="kiosk-test-print-") as folder:
            path = Path(folder) / "test-print.pdf"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(path, flags, 0o600), "wb") as handle:
                handle.write(pdf)
            result = printer(path, settings.printer, job_name=TEST_JOB)
    except Exception as exc:  # a test print must never take the kiosk down
        log_event(_log, "staff.test_print_crashed", level=logging.ERROR, error=type(exc).__name__)
        return PrintResult(ok=False, reason=PRINT_FAILED)
    log_event(_log, "staff.test_print", ok=result.ok, reason=result.reason)
    return result
