"""The kiosk loads its content (questions, rule words, languages) once and hands it on."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

import kiosk.delivery
import kiosk.readiness
import kiosk.report.document
from kiosk import app
from kiosk.config import Settings
from kiosk.samples import SAMPLES
from tests.ui.conftest import CALM, TODAY
from tests.ui.driver import tap_name, wait_page, walk


def test_the_window_assess_and_the_summary_share_one_load(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    loads: list[object] = []
    real_load = kiosk.readiness.load_questionnaire

    def counting_load(*args: Any, **kwargs: Any) -> Any:
        loads.append(real_load(*args, **kwargs))
        return loads[-1]

    def no_private_copy() -> Any:
        raise AssertionError("a module read the content on its own")

    handed: list[Any] = []

    def recording_delivery(answers: Any, assessment: Any, **kwargs: Any) -> Any:
        handed.append((assessment, kwargs["questionnaire"]))
        return kiosk.delivery.PreparedSummary(saved_path=None, pdf=None, printer_name="")

    monkeypatch.setattr(kiosk.readiness, "load_questionnaire", counting_load)
    assess_module = importlib.import_module("kiosk.readiness.assess")
    monkeypatch.setattr(assess_module, "default_questionnaire", no_private_copy)
    monkeypatch.setattr(kiosk.report.document, "default_questionnaire", no_private_copy)
    monkeypatch.setattr(kiosk.delivery, "prepare_summary", recording_delivery)  # saving
    window = app.build_window(
        Settings(output_dir=tmp_path), clock=lambda: TODAY, timing=CALM, size=(1920, 1080)
    )
    try:
        window.show()
        qtbot.waitExposed(window)
        walk(qtbot, window, SAMPLES["not_yet"])
        tap_name(qtbot, window, "finish")
        wait_page(qtbot, window, "result")
        assert len(loads) == 1
        assert window.questionnaire is loads[0]
        assert window.session.questionnaire is loads[0]
        ((assessment, content),) = handed
        assert content is loads[0]
        assert assessment.status.value == "not_yet"
        first = assessment.flags[0]
        assert first.clinician_title == loads[0].words(first.id).clinician_title
    finally:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
