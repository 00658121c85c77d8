"""Wiring: settings -> questionnaire -> window; the crash policy; summaries delivered lazily."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kiosk.config import ConfigError, Settings, load_settings
from kiosk.logs import log_event, setup_logging

if TYPE_CHECKING:  # Qt loads when the window is built, not with this module
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.services.delivery_runner import ThenPrint
    from kiosk.ui.window import KioskWindow

EXIT_CONFIG = 2
DEMO_SIZE = (1280, 800)
_log = logging.getLogger(__name__)


def deliver_summary(
    answers: Mapping[str, Any],
    assessment: Any,
    *,
    settings: Settings,
    patient_language: str,
    questionnaire: Any = None,
    alert_reference: str = "",
    print_timeout_s: float | None = None,
) -> ThenPrint:
    """Save the PT's summary now; its printing follows on the runner's print lane.

    reportlab loads only when this first runs. `print_timeout_s` bounds the print job
    (default: kiosk.printing.PRINT_TIMEOUT_S).
    """
    from kiosk.delivery import prepare_summary
    from kiosk.printing import PRINT_TIMEOUT_S, print_pdf
    from kiosk.ui.services.delivery_runner import ThenPrint

    prepared = prepare_summary(
        answers,
        assessment,
        settings=settings,
        patient_language=patient_language,
        questionnaire=questionnaire,
        alert_reference=alert_reference,
    )
    timeout_s = PRINT_TIMEOUT_S if print_timeout_s is None else print_timeout_s
    return ThenPrint(partial(prepared.print_now, partial(print_pdf, timeout_s=timeout_s)))


def _settings(config: Path | None) -> Settings | None:
    try:
        return load_settings(config)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return None


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if app is not None else QApplication(sys.argv[:1])


def build_window(
    settings: Settings,
    *,
    deliver: Callable[..., Any] = deliver_summary,
    clock: Callable[[], date] = date.today,
    timing: Any = None,
    background: bool = False,
    size: tuple[int, int] | None = None,
) -> Any:
    """The kiosk window with the real content and assessor (a QApplication must exist).

    The content (questions, rule words, languages) is loaded here, once, and handed to
    the window, to `assess` and to the summary. With `background` summaries are delivered
    on a worker thread (the kiosk itself); without, inline (simple tests, screenshots).
    """
    from kiosk.readiness import assess, load_questionnaire
    from kiosk.ui import KioskWindow
    from kiosk.ui.services.delivery_runner import DeliveryRunner

    content = load_questionnaire()
    if deliver is deliver_summary:
        deliver = partial(deliver_summary, questionnaire=content)
    return KioskWindow(
        content,
        settings,
        assess=partial(assess, questionnaire=content),
        deliver=deliver,
        clock=clock,
        timing=timing,
        runner=DeliveryRunner(background=True) if background else None,
        size=size,
    )


def install_crash_policy(window: KioskWindow) -> Callable[[], None]:
    """On any unexpected error: log it (type and place only), wipe the session, show welcome.

    Returns a function that puts the previous hook back.
    """
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if not issubclass(kind, Exception):
            previous(kind, error, tb)
            return
        _log.error("unexpected error; the session is wiped", exc_info=(kind, error, tb))
        if threading.current_thread() is not threading.main_thread():
            return  # only the GUI thread may touch the window
        try:
            window.reset_session("error")
        except Exception:
            _log.exception("the session could not be wiped after an error")

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


def _has_display() -> bool:
    """Whether a window can be shown (on Linux: a display, or a Qt platform chosen)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "DISPLAY"))


def _refuse_start(line: str, windowed: bool, screen_ms: int | None) -> int:
    """A bad config: one line on stderr; fullscreen, also a clear screen until closed."""
    print(line, file=sys.stderr)
    if not windowed and _has_display():
        from kiosk.ui.pages.startup_error import SCREEN_MS, show_startup_error

        _application()
        show_startup_error(line, timeout_ms=SCREEN_MS if screen_ms is None else screen_ms)
    return EXIT_CONFIG


def _start_kiosk_mode(
    app: QApplication, window: KioskWindow, settings: Settings, windowed: bool
) -> None:
    """Staff access, hourly purge and (fullscreen) the guard that blocks every way out."""
    from kiosk.ui.services.guard import KioskGuard
    from kiosk.ui.services.housekeeping import Housekeeping
    from kiosk.ui.staff.panel import attach_staff

    guard = None if windowed else KioskGuard(window)

    def leave() -> None:
        if guard is not None:
            guard.release()
        app.quit()

    attach_staff(window, settings, on_exit=leave)
    Housekeeping(settings, window).start()


def run(
    config: Path | None = None, windowed: bool = False, *, error_screen_ms: int | None = None
) -> int:
    """Start the kiosk: fullscreen and frameless, or a desktop demo window."""
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        return _refuse_start(f"config error: {exc}", windowed, error_screen_ms)
    setup_logging()
    from PySide6.QtCore import Qt

    app = _application()
    screen = app.primaryScreen()
    size = DEMO_SIZE if windowed or screen is None else screen.size().toTuple()
    window = build_window(settings, background=True, size=size)
    restore = install_crash_policy(window)
    _start_kiosk_mode(app, window, settings, windowed)
    if os.environ.get("KIOSK_BENCH_FIRST_PAINT") == "1":  # bench/startup.py: time to first paint
        from kiosk.ui.services.first_paint import quit_after_first_paint

        quit_after_first_paint(window)
    if windowed:
        window.resize(*DEMO_SIZE)
        window.show()
    else:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    log_event(_log, "kiosk.started", windowed=windowed)
    try:
        return int(app.exec())
    finally:
        window.delivery_runner.wait()  # a summary still printing is finished, not lost
        restore()


def screenshots(out_dir: Path, size: tuple[int, int], config: Path | None = None) -> int:
    """Render every screen (sample answers) to PNG files in `out_dir`, offscreen."""
    settings = _settings(config)
    if settings is None:
        return EXIT_CONFIG
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _application()
    from kiosk.ui.screenshots import render_all

    written = render_all(out_dir, size, settings)
    print(f"{len(written)} screenshots in {out_dir}")
    return 0
