"""The staff panel's test print: a sample summary for a made-up patient, "TEST PRINT"."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from kiosk.delivery import print_from_temp, render_summary
from kiosk.logs import log_event
from kiosk.outcome import PrintResult, Problem
from kiosk.printing import print_pdf

if TYPE_CHECKING:
    from kiosk.config import Settings

TEST_NAME = "TEST PRINT"
TEST_JOB = "Kiosk test print"
_log = logging.getLogger(__name__)


def sample_summary_pdf(settings: Settings, when: datetime | None = None) -> bytes:
    """The PT summary of the sample answers, with "TEST PRINT" as the patient's name."""
    from kiosk.readiness import assess
    from kiosk.samples import SAMPLES

    when = (when or datetime.now()).replace(second=0, microsecond=0)
    answers = {
        **SAMPLES["ready_for_assessment"],
        "patient_name": TEST_NAME,
        "assessed_on": when.date().isoformat(),
    }
    return render_summary(answers, assess(answers), settings, settings.report_language, when)


def print_test_page(
    settings: Settings, *, printer: Callable[..., PrintResult] = print_pdf
) -> PrintResult:
    """Render the test summary into a private temp folder, print it, delete it.

    Nothing goes to the output folder (it is not a patient's summary). Never raises.
    """
    named = partial(printer, job_name=TEST_JOB)
    try:
        pdf = sample_summary_pdf(settings)
        result = print_from_temp(named, pdf, settings.printer, prefix="kiosk-test-print-")
    except Exception as exc:  # a test print must never take the kiosk down
        log_event(_log, "staff.test_print_crashed", level=logging.ERROR, error=type(exc).__name__)
        return PrintResult(ok=False, reason=Problem.PRINT_FAILED)
    log_event(_log, "staff.test_print", ok=result.ok, reason=result.reason)
    return result
