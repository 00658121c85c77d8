"""Kiosk window fixtures: injected clock, fast timings, a recording delivery, clean teardown."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import Settings
from kiosk.outcome import DeliveryResult, Problem
from kiosk.readiness import Questionnaire, assess, load_questionnaire
from kiosk.ui import KioskWindow, Timing

TODAY = date(2026, 11, 20)
# Long enough that no idle warning interrupts a flow test on a busy machine.
CALM = Timing(idle_ms=600_000, countdown_ms=600_000, result_ms=600_000, advance_ms=5)
SIZES = {"landscape": (1920, 1080), "small": (1280, 800), "portrait": (1080, 1920)}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns about window size hints it cannot pass on; harmless here.
    ui_dir = Path(__file__).parent
    for item in items:
        if ui_dir in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


class FakeDelivery:
    """Records every call; answers like kiosk.delivery.deliver_summary."""

    def __init__(self, printed: bool = True) -> None:
        self.printed = printed
        self.calls: list[dict[str, Any]] = []

    def __call__(
        self,
        answers: dict[str, Any],
        assessment: Any,
        *,
        settings: Any,
        patient_language: str,
        alert_reference: str = "",
    ) -> DeliveryResult:
        self.calls.append(
            {
                "answers": dict(answers),
                "assessment": assessment,
                "settings": settings,
                "language": patient_language,
                "alert_reference": alert_reference,
            }
        )
        problem = None if self.printed else Problem.NO_PRINTER
        saved = Path("summary.pdf")
        return DeliveryResult(saved_path=saved, printed=self.printed, problem=problem)


@pytest.fixture(scope="session")
def questionnaire() -> Questionnaire:
    return load_questionnaire()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(output_dir=tmp_path / "summaries")


@pytest.fixture
def delivery() -> FakeDelivery:
    return FakeDelivery()


MakeWindow = Callable[..., KioskWindow]


@pytest.fixture
def make_window(
    qtbot: Any, questionnaire: Questionnaire, settings: Settings, delivery: FakeDelivery
) -> Iterator[MakeWindow]:
    """Build shown windows; at the end close them and check nothing leaks or keeps ticking."""
    windows: list[KioskWindow] = []

    def make(
        size: tuple[int, int] = SIZES["landscape"],
        *,
        timing: Timing = CALM,
        deliver: Callable[..., Any] | None = None,
        clock: Callable[[], date] = lambda: TODAY,
        **kwargs: Any,
    ) -> KioskWindow:
        kwargs.setdefault("speech_engine", "mock")  # never the machine's own voices
        window = KioskWindow(
            kwargs.pop("questionnaire", questionnaire),
            kwargs.pop("settings", settings),
            assess=kwargs.pop("assess", assess),
            deliver=deliver if deliver is not None else delivery,
            clock=clock,
            timing=timing,
            **kwargs,
        )
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        running = [t for t in window.findChildren(QTimer) if t.isActive()]
        assert not running, f"{len(running)} timers still running after close"
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    leaked = QApplication.topLevelWidgets()
    assert not leaked, f"widgets left behind: {[type(w).__name__ for w in leaked]}"
