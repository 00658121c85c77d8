"""`--self-test`: a scripted patient through the real window, a real PDF, one line of verdict."""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import tempfile
import time
from collections.abc import Mapping
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk.outcome import PrintResult, Problem
from kiosk.samples import SAMPLES, TODAY
from kiosk.session import question_of

if TYPE_CHECKING:  # Qt loads when the self-test runs, not with this module
    from kiosk.ui.window import KioskWindow

OK_PREFIX = "self-test ok"
FAILED_PREFIX = "self-test FAILED"
OUTPUT_ENV = "KIOSK_SELFTEST_OUTPUT"  # save the summary here (kept) instead of a temp folder
SCREEN = (1920, 1080)
NAME = "Self Test"
EXPECTED_STATUS = "not_yet"
# One answer per page, in the readiness module's form; None skips an optional scale.
SCRIPT: dict[str, Any] = {
    key: value
    for key, value in SAMPLES["not_yet"].items()
    if key != "patient_name"  # typed, see walk()
}
_PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


class SelfTestError(Exception):
    """One step of the self-test went wrong; the message is the reason shown."""


# -- driving the real window -------------------------------------------------------------


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if app is not None else QApplication(sys.argv[:1])


def walk(window: KioskWindow, script: Mapping[str, Any]) -> list[str]:
    """From the welcome screen to the result: every page answered by tapping; the pages seen.

    The name is typed as NAME; once, Back and on again (the answer is kept).
    """
    from kiosk.ui import driver

    answers = {**script, "patient_name": NAME}
    driver.start(window)
    driver.wait_page(window, "privacy")
    driver.tap_name(window, "nav_next")
    seen: list[str] = []
    while window.page_id not in ("review", "urgent"):
        current = window.page_id
        if question_of(current) not in answers:
            raise SelfTestError(f"no scripted answer for page {current!r}")
        driver.answer_page(window, answers[question_of(current)])
        seen.append(current)
        if len(seen) == 4:  # Back once, then on again: the answer is kept
            driver.tap_name(window, "nav_back")
            driver.wait_page(window, current)
            driver.tap_name(window, "nav_next")
            driver.wait_leave(window, current)
    if window.page_id == "review":
        driver.tap_name(window, "finish")
        driver.wait_until(lambda: window.session.delivered, "the summary to be delivered")
    return seen


# -- checking the summary ----------------------------------------------------------------


def pdf_page_count(data: bytes) -> int:
    """Pages of a PDF by its page objects (no PDF reader needed)."""
    return len(_PAGE_RE.findall(data))


def _qtpdf_pages(path: Path) -> int:
    """Pages as QtPdf (the print path's reader) sees them; -1 if it cannot load the file."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            return -1
        return int(document.pageCount())
    finally:
        document.close()


def check_summary(folder: Path, saved: Path | None) -> tuple[int, int]:
    """The saved summary is whole, private and 1-4 pages; returns (pages, bytes)."""
    if saved is None:
        raise SelfTestError("the summary was not saved")
    if saved.parent.resolve() != folder.resolve() or not saved.is_file():
        raise SelfTestError("the saved summary is not in the output folder")
    data = saved.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SelfTestError("the saved summary is not a whole PDF")
    pages = pdf_page_count(data)
    if not 1 <= pages <= 4:
        raise SelfTestError(f"the summary has {pages} pages, expected 1 to 4")
    qt_pages = _qtpdf_pages(saved)
    if qt_pages != pages:
        raise SelfTestError(f"QtPdf reads {qt_pages} pages, the file has {pages}")
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    if leftovers:
        raise SelfTestError(f"{len(leftovers)} half-written temp files left in the output folder")
    if os.name == "posix" and saved.stat().st_mode & 0o077:
        raise SelfTestError("the saved summary is readable by others")
    return pages, len(data)


def check_bundled_plugins() -> list[str]:
    """In a frozen app: the print and speech plugins are there and load; the kinds checked."""
    if not getattr(sys, "frozen", False):
        return []
    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    base = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    kinds = [] if sys.platform == "win32" else ["printsupport"]  # Windows: built in
    try:
        import PySide6.QtTextToSpeech  # noqa: F401  (left out of builds without read-aloud)

        kinds.append("texttospeech")
    except ImportError:
        pass
    for kind in kinds:
        files = [p for p in (base / kind).glob("*") if p.suffix in (".so", ".dll", ".dylib")]
        if not files:
            raise SelfTestError(f"no Qt {kind} plugin in {base}")
        for path in files:
            loader = QPluginLoader(str(path))
            if not loader.load():
                raise SelfTestError(f"Qt plugin {kind}/{path.name}: {loader.errorString()}")
    return kinds


# -- the self-test -----------------------------------------------------------------------


def _no_print(handed: list[Path], path: Path, _printer: str) -> PrintResult:
    """The print hand-off, without paper: note the file that would have been printed."""
    handed.append(path)
    return PrintResult(ok=True) if path.is_file() else PrintResult(False, Problem.PRINT_FAILED)


_QUIET = ("propagateSizeHints", "pipewire")  # offscreen size hints; QtMultimedia's audio probe


def _quiet_notes() -> Any:
    """Drop Qt's harmless notes listed in _QUIET; returns the previous message handler."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: Any, _context: Any, message: str) -> None:
        if not any(note in message for note in _QUIET):
            print(message, file=sys.stderr)

    return qInstallMessageHandler(handler)


def _check(config: Path | None, folder: Path) -> str:
    from kiosk import __version__
    from kiosk.app import build_window
    from kiosk.config import ConfigError, load_settings
    from kiosk.delivery import deliver_summary
    from kiosk.readiness import load_questionnaire
    from kiosk.ui import Timing

    try:
        settings = load_settings(config)
    except ConfigError as exc:
        raise SelfTestError(f"config: {exc}") from exc
    questions = len(load_questionnaire().questions)
    settings = dataclasses.replace(settings, output_dir=folder, printer="")
    handed: list[Path] = []
    deliver = partial(deliver_summary, printer=partial(_no_print, handed))
    long = 3_600_000
    timing = Timing(idle_ms=long, countdown_ms=long, result_ms=long, advance_ms=1)
    _app()
    previous = _quiet_notes()
    try:
        plugins = check_bundled_plugins()
        window = build_window(settings, deliver=deliver, clock=lambda: TODAY, timing=timing)
        try:
            seen, status, pages, size = _screening(window, folder, handed)
            width, height = window.width(), window.height()  # the size the screen gave it
        finally:
            window.close()
            window.deleteLater()
    finally:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(previous)
    from PySide6.QtGui import QGuiApplication

    frozen = f", plugins {'+'.join(plugins)} load" if plugins else ""
    return (
        f"kiosk {__version__}, {questions} questions, {len(seen)} pages answered, "
        f"status {status}, summary {pages} page{'s' if pages > 1 else ''} {size // 1024} KiB"
        f"{frozen}, on {QGuiApplication.platformName()} at {width}x{height}"
    )


def _screening(
    window: KioskWindow, folder: Path, handed: list[Path]
) -> tuple[list[str], str, int, int]:
    """The scripted patient from welcome to result; (pages seen, status, PDF pages, bytes)."""
    from kiosk.ui import driver

    window.resize(*SCREEN)
    window.show()
    driver.wait_page(window, "welcome")
    seen = walk(window, SCRIPT)
    status = str(window.current_page().property("status"))
    if window.page_id != "result" or status != EXPECTED_STATUS:
        raise SelfTestError(f"result page {window.page_id!r} status {status!r}")
    delivery = window.session.delivery
    if delivery is None or delivery.problem is not None:
        problem = "no result" if delivery is None else delivery.problem
        raise SelfTestError(f"the summary was not delivered ({problem})")
    pages, size = check_summary(folder, delivery.saved_path)
    if handed != [delivery.saved_path]:
        raise SelfTestError("the saved summary was not handed to the printer")
    return seen, status, pages, size


def run(config: Path | None = None) -> int:
    """Run the self-test offscreen (unless a platform is set); print one line; 0 if it passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.perf_counter()
    wanted = os.environ.get(OUTPUT_ENV, "")
    try:
        if wanted:
            detail = _check(config, Path(wanted))
        else:
            with tempfile.TemporaryDirectory(prefix="kiosk-selftest-") as temp:
                detail = _check(config, Path(temp) / "summaries")
    except (SelfTestError, AssertionError) as exc:  # DriveError is an AssertionError
        print(f"{FAILED_PREFIX}: {exc}", flush=True)
        return 1
    except Exception as exc:  # anything unexpected is a failure with its type, not a traceback
        print(f"{FAILED_PREFIX}: unexpected {type(exc).__name__}: {exc}", flush=True)
        return 1
    print(f"{OK_PREFIX}: {detail}, {time.perf_counter() - start:.1f} s", flush=True)
    return 0
