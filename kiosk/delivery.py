"""A finished (or urgent) screening to paper: render the PT summary, save it, print it.

Each step keeps what the one before made: if printing fails the saved PDF stays; if
saving fails the summary is still printed, from a private temp folder removed after.
Logs name steps and outcomes only, never the patient or her answers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import kiosk
from kiosk.logs import log_event
from kiosk.outcome import DeliveryResult, PrintResult, Problem
from kiosk.output import SaveError, purge_old_summaries, save_record, save_summary
from kiosk.printing import print_pdf
from kiosk.readiness.content import default_questionnaire
from kiosk.readiness.fhir import questionnaire_response
from kiosk.readiness.model import Assessment
from kiosk.readiness.questionnaire import Questionnaire

if TYPE_CHECKING:
    from kiosk.config import Settings

_log = logging.getLogger(__name__)

__all__ = [
    "DeliveryResult",
    "PreparedSummary",
    "Printer",
    "deliver_summary",
    "prepare_summary",
    "print_from_temp",
    "render_summary",
]

Printer = Callable[[Path, str], PrintResult]


def render_summary(
    answers: Mapping[str, Any],
    assessment: Assessment,
    settings: Settings,
    language: str,
    when: datetime,
    questionnaire: Questionnaire | None = None,
    alert_reference: str = "",
) -> bytes:
    """The PT summary PDF of `answers`, with the clinic's details from `settings`."""
    from kiosk.report import ReportContext, render

    context = ReportContext(
        clinic_name=settings.clinic_name,
        locations=tuple((place.name, place.phone) for place in settings.locations),
        app_version=kiosk.__version__,
        report_language=settings.report_language,
        patient_language=language,
        screened_at=when,
        alert_reference=alert_reference,
    )
    return render(answers, assessment, context, questionnaire=questionnaire)


def _print_problem(reason: str | None) -> Problem:
    """The print's own problem; anything an injected printer made up is a failed print."""
    if reason is None or reason == Problem.SAVE_FAILED:
        return Problem.PRINT_FAILED
    try:
        return Problem(reason)
    except ValueError:
        return Problem.PRINT_FAILED


def _save_record(
    answers: Mapping[str, Any],
    assessment: Assessment,
    when: datetime,
    summary: Path,
    questionnaire: Questionnaire | None,
) -> None:
    """The FHIR QuestionnaireResponse beside the saved PDF; a failure loses nothing else."""
    try:
        content = questionnaire if questionnaire is not None else default_questionnaire()
        record = questionnaire_response(answers, assessment, content, authored=when)
        save_record(json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8"), summary)
    except SaveError as exc:
        log_event(_log, "delivery.record_failed", level=logging.ERROR, reason=exc.reason)
    except Exception as exc:  # a record that cannot be made must not stop the printing
        log_event(_log, "delivery.record_failed", level=logging.ERROR, error=type(exc).__name__)


def _print(printer: Printer, path: Path, printer_name: str) -> PrintResult:
    try:
        return printer(path, printer_name)
    except Exception as exc:  # an injected or platform printer must not lose the summary
        log_event(_log, "delivery.print_crashed", level=logging.ERROR, error=type(exc).__name__)
        return PrintResult(ok=False, reason=Problem.PRINT_FAILED)


def print_from_temp(
    printer: Printer, pdf: bytes, printer_name: str, *, prefix: str = "kiosk-print-"
) -> PrintResult:
    """Print PDF bytes that are not saved: via a private temp folder, deleted afterwards."""
    try:
        with tempfile.TemporaryDirectory(prefix=prefix) as folder:
            path = Path(folder) / "summary.pdf"
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(path, flags, 0o600), "wb") as handle:
                handle.write(pdf)
            return _print(printer, path, printer_name)
    except OSError as exc:
        log_event(_log, "delivery.temp_failed", level=logging.ERROR, error=type(exc).__name__)
        return PrintResult(ok=False, reason=Problem.PRINT_FAILED)


@dataclass(frozen=True)
class PreparedSummary:
    """A summary rendered and saved (or not), still to be printed: `print_now` does that.

    Saving never waits on printing: the kiosk saves the next patient's summary while
    this one's print job is still with the print system (kiosk.ui.services.delivery_runner).
    """

    saved_path: Path | None
    pdf: bytes | None  # the bytes when they could not be saved (printed from a temp folder)
    printer_name: str

    def print_now(self, printer: Printer = print_pdf) -> DeliveryResult:
        """Print the summary; the result says what was saved and whether it printed."""
        saved = self.saved_path
        if saved is not None:
            printed = _print(printer, saved, self.printer_name)
        elif self.pdf is not None:
            printed = print_from_temp(printer, self.pdf, self.printer_name)
        else:  # not even rendered: nothing to print
            return DeliveryResult(saved_path=None, printed=False, problem=Problem.SAVE_FAILED)
        problem: Problem | None = None
        if saved is None:
            problem = Problem.SAVE_FAILED
        elif not printed.ok:
            problem = _print_problem(printed.reason)
        log_event(
            _log, "delivery.done", saved=saved is not None, printed=printed.ok, problem=problem
        )
        return DeliveryResult(saved_path=saved, printed=printed.ok, problem=problem)


def prepare_summary(
    answers: Mapping[str, Any],
    assessment: Assessment,
    *,
    settings: Settings,
    patient_language: str,
    now: datetime | None = None,
    questionnaire: Questionnaire | None = None,
    alert_reference: str = "",
) -> PreparedSummary:
    """Render the PT summary and save it to `settings.output_dir`; printing comes after.

    `questionnaire` is the content the kiosk loaded (default: the one in `resources/`).
    Never raises for a failed step. After a save, summaries older than
    `settings.retention_days` are purged.
    """
    when = (now or datetime.now()).replace(second=0, microsecond=0)
    try:
        pdf = render_summary(
            answers, assessment, settings, patient_language, when, questionnaire, alert_reference
        )
    except Exception as exc:  # nothing to save or print; the UI still tells her to ask
        log_event(_log, "delivery.render_failed", level=logging.ERROR, error=type(exc).__name__)
        return PreparedSummary(saved_path=None, pdf=None, printer_name=settings.printer)
    name = answers.get("patient_name")
    saved: Path | None = None
    try:
        saved = save_summary(
            pdf,
            settings.output_dir,
            patient_name=name if isinstance(name, str) else None,
            when=when,
        )
    except SaveError as exc:
        log_event(_log, "delivery.save_failed", level=logging.ERROR, reason=exc.reason)
    if saved is None:
        return PreparedSummary(saved_path=None, pdf=pdf, printer_name=settings.printer)
    if settings.export_fhir:
        _save_record(answers, assessment, when, saved, questionnaire)
    with contextlib.suppress(OSError, ValueError):
        purge_old_summaries(settings.output_dir, settings.retention_days, when)
    return PreparedSummary(saved_path=saved, pdf=None, printer_name=settings.printer)


def deliver_summary(
    answers: Mapping[str, Any],
    assessment: Assessment,
    *,
    settings: Settings,
    patient_language: str,
    now: datetime | None = None,
    printer: Printer = print_pdf,
    questionnaire: Questionnaire | None = None,
    alert_reference: str = "",
) -> DeliveryResult:
    """Render the PT summary, save it to `settings.output_dir`, print it to `settings.printer`.

    Called when a patient finishes, and at once (with the answers so far) when she
    reports a warning sign. Never raises for a failed step: the result says what happened.
    `questionnaire` is the content the kiosk loaded (default: the one in `resources/`).
    After a save, summaries older than `settings.retention_days` are purged. With
    `settings.export_fhir` a FHIR QuestionnaireResponse is saved beside the PDF.
    `alert_reference` (urgent, with a front-desk alert sent) is printed near URGENT.
    The kiosk itself calls `prepare_summary` and `print_now` on separate threads.
    """
    prepared = prepare_summary(
        answers,
        assessment,
        settings=settings,
        patient_language=patient_language,
        now=now,
        questionnaire=questionnaire,
        alert_reference=alert_reference,
    )
    return prepared.print_now(printer)
