"""Render every screen of the kiosk with sample answers to PNG files (offscreen)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from kiosk.alert import AlertSettings
from kiosk.config import Settings
from kiosk.outcome import DeliveryResult, Problem
from kiosk.readiness import assess, load_questionnaire
from kiosk.samples import SAMPLES, TODAY, URGENT_SIGNS
from kiosk.session import PRIVACY, RESULT, REVIEW, URGENT, WELCOME, page_id
from kiosk.ui.window import KioskWindow, Timing


def _delivered(printed: bool) -> Callable[..., DeliveryResult]:
    """Saved; printed, or with no printer to print on."""

    def deliver(*_args: Any, **_kwargs: Any) -> DeliveryResult:
        problem = None if printed else Problem.NO_PRINTER
        return DeliveryResult(saved_path=Path("summary.pdf"), printed=printed, problem=problem)

    return deliver


def _fill(window: KioskWindow, answers: dict[str, Any], stop_before: str | None = None) -> None:
    """Answer in order, as a patient would, up to (not including) `stop_before`."""
    for question in window.questionnaire.questions:
        if question.id == stop_before:
            return
        if question.id in answers and question.shown(window.session.answers):
            window.session.answer(question.id, answers[question.id])


class _Camera:
    def __init__(self, out_dir: Path, prefix: str) -> None:
        self.out_dir, self.prefix, self.count = out_dir, prefix, 0
        self.written: list[Path] = []

    def shoot(self, window: KioskWindow, name: str) -> None:
        app = QApplication.instance()
        assert app is not None
        app.processEvents()
        self.count += 1
        path = self.out_dir / f"{self.prefix}{self.count:02d}_{name}.png"
        window.grab().save(str(path))
        self.written.append(path)


def _window(size: tuple[int, int], settings: Settings, printed: bool = True) -> KioskWindow:
    if isinstance(getattr(settings, "alert", None), AlertSettings):
        settings = replace(settings, alert=AlertSettings())  # screenshots never alert anyone
    content = load_questionnaire()
    window = KioskWindow(
        content,
        settings,
        assess=partial(assess, questionnaire=content),
        deliver=_delivered(printed),
        clock=lambda: TODAY,
        timing=Timing(idle_ms=3_600_000, countdown_ms=30_000, result_ms=3_600_000),
    )
    window.resize(*size)
    window.show()
    return window


def _finish(window: KioskWindow) -> None:
    window.go_to(REVIEW)
    window.current_page().finish.click()  # type: ignore[attr-defined]
    assert window.page_id == RESULT


LONGEST_NAME = "María Guadalupe Hernández-Villaseñor de la Cruz O'Donnell Ruiz"[:60]


def _pages(window: KioskWindow, name: str) -> Iterator[tuple[str, KioskWindow]]:
    """The screen, and each further page of its paged list (review, flags) if it has one."""
    yield name, window
    paged = getattr(window.current_page(), "list", None)
    if paged is None:
        return
    for number in range(1, paged.page_count):
        paged.show_page(number)
        yield f"{name}_page_{number + 1}", window


def tour(make: Callable[[bool], KioskWindow]) -> Iterator[tuple[str, KioskWindow]]:
    """Every screen of the kiosk with sample answers, as (name, window) in the state to look at.

    `make(printed)` gives a fresh, shown window whose delivery prints or not.
    """
    window = make(True)
    yield WELCOME, window
    window.go_to(PRIVACY)
    yield PRIVACY, window
    sample = SAMPLES["not_yet"]
    for question in window.questionnaire.questions:
        if question.shown(window.session.answers):
            for screen in range(1, len(question.option_screens) + 1):  # a page per screen
                window.go_to(page_id(question.id, screen))
                yield page_id(question.id, screen).replace(".", "_screen_"), window
            if question.id in sample:
                _fill(window, {question.id: sample[question.id]})
    window.session.answer("patient_name", LONGEST_NAME)
    window.go_to("name")
    yield "name_typed", window
    signs = window.questionnaire.question("warning_signs").option_screens
    for screen, options in enumerate(signs, start=1):  # every sign ticked, screen by screen
        window.session.answer("warning_signs", list(options))
        window.go_to(page_id("warning_signs", screen))
        yield page_id("warning_signs", screen).replace(".", "_screen_") + "_ticked", window
    window.go_to("baby_birth_date")  # the day view, with her day chosen
    yield "baby_birth_date_chosen", window
    for status, answers in SAMPLES.items():
        window = make(True)
        _fill(window, answers)
        if status == "not_yet":
            window.session.answer("patient_name", LONGEST_NAME)
            window.go_to(REVIEW)
            yield from _pages(window, REVIEW)
        _finish(window)
        yield from _pages(window, f"result_{status}")
    window = make(False)
    _fill(window, SAMPLES["build_foundation"])
    _finish(window)
    yield "result_not_printed", window
    window = make(True)
    _fill(window, {**SAMPLES["ready_for_assessment"], "warning_signs": URGENT_SIGNS})
    window.go_to("warning_signs")
    window.current_page().nav.next.click()  # type: ignore[attr-defined]
    assert window.page_id == URGENT
    yield URGENT, window
    for state in ("pending", "delivered"):  # what the alert's outcome would make of it
        window.session.alert_state = state
        window.current_page().set_alert_state(state)  # type: ignore[attr-defined]
        yield f"urgent_alert_{state}", window
    window = make(True)
    _fill(window, SAMPLES["ready_for_assessment"], stop_before="delivery")
    window.go_to("delivery")
    window.idle.warn_now()
    yield "idle_warning", window


# (file prefix, language, larger text, high contrast): the looks a patient can choose.
LOOKS: tuple[tuple[str, str, bool, bool], ...] = (
    ("", "en", False, False),
    ("large_", "en", True, False),
    ("es_", "es", False, False),
    ("es_large_", "es", True, False),
    ("contrast_", "en", False, True),
    ("es_large_contrast_", "es", True, True),
)


def _render_set(
    out_dir: Path, size: tuple[int, int], settings: Settings, look: tuple[str, str, bool, bool]
) -> list[Path]:
    prefix, language, large, contrast = look
    camera = _Camera(out_dir, prefix)
    windows: list[KioskWindow] = []

    def make(printed: bool) -> KioskWindow:
        for old in windows:
            old.close()
            old.deleteLater()
        window = _window(size, settings, printed)
        windows[:] = [window]
        assert window.top_bar is not None and window.access.contrast is not None
        if window.session.language != language:
            window.top_bar.language.click()
        if large:
            window.top_bar.text_size.click()
        if contrast:
            window.access.contrast.click()
        return window

    for name, window in tour(make):
        camera.shoot(window, name)
    for window in windows:
        window.close()
        window.deleteLater()
    return camera.written


def render_all(out_dir: Path, size: tuple[int, int], settings: Settings) -> list[Path]:
    """Every screen at `size` in each look of `LOOKS`; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for look in LOOKS:
        written += _render_set(out_dir, size, settings, look)
    return written
