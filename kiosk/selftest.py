"""`--self-test`: a scripted patient through the real window, a real PDF, one line of verdict."""

from __future__ import annotations

import dataclasses
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from kiosk.outcome import PrintResult, Problem
from kiosk.samples import SAMPLES, TODAY

OK_PREFIX = "self-test ok"
FAILED_PREFIX = "self-test FAILED"
OUTPUT_ENV = "KIOSK_SELFTEST_OUTPUT"  # save the summary here (kept) instead of a temp folder
SCREEN = (1920, 1080)
WAIT_S = 10.0
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


def wait_until(done: Callable[[], bool], what: str, timeout_s: float = WAIT_S) -> None:
    """Process events until `done()`; SelfTestError naming `what` after `timeout_s`."""
    from PySide6.QtCore import QEventLoop

    app = _app()
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise SelfTestError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def wait_page(window: Any, wanted: str) -> None:
    wait_until(lambda: window.page_id == wanted, f"the page {wanted!r}")


def wait_leave(window: Any, current: str) -> None:
    wait_until(lambda: window.page_id != current, f"the page after {current!r}")


def visible_buttons(window: Any) -> list[Any]:
    from PySide6.QtWidgets import QAbstractButton

    return [b for b in window.findChildren(QAbstractButton) if b.isVisible()]


def find_button(window: Any, name: str = "", **props: str) -> Any:
    """The one visible button with this objectName and/or these dynamic property values."""
    found = [
        b
        for b in visible_buttons(window)
        if (not name or b.objectName() == name)
        and all(str(b.property(k)) == v for k, v in props.items())
    ]
    if len(found) != 1:
        wanted = name or ", ".join(f"{k}={v}" for k, v in props.items())
        raise SelfTestError(f"{len(found)} visible buttons {wanted!r} on page {window.page_id!r}")
    return found[0]


def tap(widget: Any) -> None:
    """Press and release the left mouse button at the centre of `widget`, as a finger would."""
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    if not (widget.isVisible() and widget.isEnabled()):
        raise SelfTestError(f"button {widget.objectName()!r} cannot be tapped")
    local = QPointF(widget.rect().center())
    glob = QPointF(widget.mapToGlobal(widget.rect().center()))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in (
        (QEvent.Type.MouseButtonPress, left),
        (QEvent.Type.MouseButtonRelease, none),
    ):
        event = QMouseEvent(kind, local, glob, left, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def _type_name(window: Any, text: str) -> None:
    keys = {str(b.property("key")): b for b in visible_buttons(window) if b.property("key")}
    for char in text:
        if char == " ":
            tap(keys["space"])
            continue
        key = keys[char.lower()]
        if char.isalpha() and char.isupper() != (key.text() == char.upper()):
            tap(keys["shift"])
        tap(key)


def pick_date(window: Any, iso: str) -> None:
    """Tap the birth-date picker to the ISO date `iso`: year (if not shown), month, day."""
    year, month, day = (str(int(part)) for part in iso.split("-"))
    if window.current_page().picker.view == "days":
        tap(find_button(window, "date_other_month"))
    if find_button(window, "date_year", year=year).property("selected") is not True:
        tap(find_button(window, "date_year", year=year))
    tap(find_button(window, "date_month", month=month))
    tap(find_button(window, "date_day", day=day))


def answer_page(window: Any, value: Any) -> None:
    """Answer the question on screen with `value` by tapping its controls."""
    current = window.page_id
    question = window.questionnaire.question("patient_name" if current == "name" else current)
    if question.kind == "name":
        _type_name(window, str(value))
        tap(find_button(window, "nav_next"))
    elif question.kind == "date":
        pick_date(window, str(value))
        tap(find_button(window, "nav_next"))
    elif question.kind == "multi":  # screen by screen, as the data splits the options
        screens = question.option_screens
        for number, options in enumerate(screens, start=1):
            ticks = [sign for sign in options if sign in (value or [])]
            for sign in ticks or [question.none_option]:
                tap(find_button(window, question_id=question.id, answer_value=sign))
            tap(find_button(window, "nav_next"))
            if ticks or number == len(screens):
                break
            current = f"{question.id}.{number + 1}"
            wait_page(window, current)
    else:
        shown = "skip" if value is None else str(value)
        tap(find_button(window, question_id=question.id, answer_value=shown))
    wait_leave(window, current)


def walk(window: Any, script: Mapping[str, Any]) -> list[str]:
    """From the welcome screen to the result: every page answered by tapping; the pages seen."""
    tap(find_button(window, "start"))
    wait_page(window, "privacy")
    tap(find_button(window, "nav_next"))
    seen: list[str] = []
    went_back = False
    while window.page_id not in ("review", "urgent"):
        current = window.page_id
        if current == "name":
            answer_page(window, NAME)
        elif current in script:
            answer_page(window, script[current])
        else:
            raise SelfTestError(f"no scripted answer for page {current!r}")
        seen.append(current)
        if not went_back and len(seen) == 4:  # Back once, then on again: the answer is kept
            went_back = True
            tap(find_button(window, "nav_back"))
            wait_page(window, current)
            tap(find_button(window, "nav_next"))
            wait_leave(window, current)
    if window.page_id == "review":
        tap(find_button(window, "finish"))
        wait_until(lambda: window.session.delivered, "the summary to be delivered")
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
    """The saved summary is whole, private and 1-2 pages; returns (pages, bytes)."""
    if saved is None:
        raise SelfTestError("the summary was not saved")
    if saved.parent.resolve() != folder.resolve() or not saved.is_file():
        raise SelfTestError("the saved summary is not in the output folder")
    data = saved.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SelfTestError("the saved summary is not a whole PDF")
    pages = pdf_page_count(data)
    if not 1 <= pages <= 2:
        raise SelfTestError(f"the summary has {pages} pages, expected 1 or 2")
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


def _screening(window: Any, folder: Path, handed: list[Path]) -> tuple[list[str], str, int, int]:
    """The scripted patient from welcome to result; (pages seen, status, PDF pages, bytes)."""
    window.resize(*SCREEN)
    window.show()
    wait_page(window, "welcome")
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
    except SelfTestError as exc:
        print(f"{FAILED_PREFIX}: {exc}", flush=True)
        return 1
    except Exception as exc:  # anything unexpected is a failure with its type, not a traceback
        print(f"{FAILED_PREFIX}: unexpected {type(exc).__name__}: {exc}", flush=True)
        return 1
    print(f"{OK_PREFIX}: {detail}, {time.perf_counter() - start:.1f} s", flush=True)
    return 0
