"""The FHIR record beside a summary: saved like the PDF, purged with it, never in the way."""

from __future__ import annotations

import errno
import json
import logging
import os
import stat
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

import kiosk.delivery
from kiosk.config import Settings
from kiosk.delivery import deliver_summary
from kiosk.output import (
    RECORD_SUFFIX,
    SaveError,
    folder_status,
    purge_old_summaries,
    save_record,
    save_summary,
)
from kiosk.printing import PrintResult
from kiosk.readiness import assess, default_questionnaire
from kiosk.readiness.fhir import answers_from_response
from tests.report.samples import NOT_YET, SCREENED_AT, TODAY

WHEN = datetime(2026, 11, 28, 14, 32)
RECORD = b'{"resourceType": "QuestionnaireResponse"}'


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_the_record_is_saved_beside_the_pdf_privately(tmp_path: Path) -> None:
    pdf = save_summary(b"%PDF-1.4", tmp_path, patient_name="Zoë", when=WHEN)
    record = save_record(RECORD, pdf)
    assert record.parent == tmp_path
    assert record.name == pdf.name.removesuffix(".pdf") + RECORD_SUFFIX
    assert record.read_bytes() == RECORD
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    assert _files(tmp_path) == sorted([pdf.name, record.name])  # no temp file left


def test_a_failed_record_save_raises_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = save_summary(b"%PDF-1.4", tmp_path, patient_name="a", when=WHEN)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), dst)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        save_record(RECORD, pdf)
    assert caught.value.reason == "EACCES"
    assert _files(tmp_path) == [pdf.name]


def test_records_are_purged_with_their_summaries(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 9, 0)
    old = save_summary(b"%PDF", tmp_path, patient_name="a", when=now - timedelta(days=31))
    recent = save_summary(b"%PDF", tmp_path, patient_name="b", when=now - timedelta(days=1))
    old_record, recent_record = save_record(RECORD, old), save_record(RECORD, recent)
    for path, days in ((old, 31), (old_record, 31), (recent, 1), (recent_record, 1)):
        written = (now - timedelta(days=days)).timestamp()  # saved then: the folder agrees
        os.utime(path, (written, written))
    (tmp_path / "2020-01-01_0000_x.fhir.json").write_text("{}")  # not named like ours
    assert purge_old_summaries(tmp_path, 30, now) == 2
    assert _files(tmp_path) == sorted(
        [recent.name, recent_record.name, "2020-01-01_0000_x.fhir.json"]
    )
    assert not old_record.exists()
    assert folder_status(tmp_path).summary_count == 1  # records are not summaries


class _Printer:
    def __init__(self) -> None:
        self.printed: list[Path] = []

    def __call__(self, path: Path, printer_name: str) -> PrintResult:
        self.printed.append(path)
        return PrintResult(ok=True)


def _deliver(folder: Path, **changes: Any) -> tuple[Any, _Printer]:
    printer = _Printer()
    result = deliver_summary(
        NOT_YET,
        assess(NOT_YET, today=TODAY),
        settings=replace(Settings(output_dir=folder), **changes),
        patient_language="en",
        now=SCREENED_AT,
        printer=printer,
    )
    return result, printer


def test_export_fhir_saves_a_valid_response_beside_the_pdf(tmp_path: Path) -> None:
    result, printer = _deliver(tmp_path, export_fhir=True)
    assert result.ok and printer.printed == [result.saved_path]
    (record,) = tmp_path.glob(f"*{RECORD_SUFFIX}")
    assert record.name == result.saved_path.name.removesuffix(".pdf") + RECORD_SUFFIX
    assert stat.S_IMODE(record.stat().st_mode) == 0o600
    data = json.loads(record.read_text(encoding="utf-8"))
    QuestionnaireResponse.model_validate(data)
    assert answers_from_response(data, default_questionnaire()) == NOT_YET


def test_no_record_unless_asked(tmp_path: Path) -> None:
    assert Settings().export_fhir is False
    result, _ = _deliver(tmp_path)
    assert result.ok and _files(tmp_path) == [result.saved_path.name]


def test_a_record_that_fails_loses_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> dict[str, object]:
        raise RuntimeError("no record today")

    monkeypatch.setattr(kiosk.delivery, "questionnaire_response", broken)
    with caplog.at_level(logging.INFO):
        result, printer = _deliver(tmp_path, export_fhir=True)
    assert result.ok and printer.printed == [result.saved_path]
    assert _files(tmp_path) == [result.saved_path.name]
    assert "delivery.record_failed" in caplog.text
    assert NOT_YET["patient_name"] not in caplog.text
