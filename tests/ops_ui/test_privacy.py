"""A whole session with a distinctive name: nowhere but the output folder, nothing left behind."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject

from kiosk import app, delivery
from kiosk.config import Settings
from kiosk.logs import setup_logging, shutdown_logging
from kiosk.outcome import PrintResult
from kiosk.output import SUMMARY_NAME
from kiosk.samples import SAMPLES
from kiosk.ui import Timing
from kiosk.ui.services.delivery_runner import DeliveryRunner
from tests.ui.conftest import MakeWindow
from tests.ui.driver import (
    answer_button,
    answer_page,
    page_id,
    tap,
    tap_name,
    texts_in,
    wait_page,
    walk,
)

NAME = "Zyxwvutsrq Qwertyuiop"
MARKS = ("zyxwvutsrq", "qwertyuiop", "qwertyuio")  # any case; the file name keeps 20 chars
BIRTH = "2026-09-13"  # a day no log line could carry
ANSWERS = {
    **SAMPLES["not_yet"],
    "patient_name": NAME,
    "baby_birth_date": BIRTH,
}
WORDS = ("2026-09-13", "September 13", "unplanned_caesarean", "stroller", "under_4", "sometimes")
FAST = Timing(idle_ms=600_000, countdown_ms=600_000, result_ms=600_000, advance_ms=5)


class FakePrinter:
    """Stands in for print_pdf; counts the summaries it was handed (keeps no name)."""

    def __init__(self) -> None:
        self.printed = 0

    def __call__(self, path: Path, printer_name: str, **_kwargs: Any) -> PrintResult:
        assert path.is_file()
        self.printed += 1
        return PrintResult(ok=True)


def files_under(root: Path, since: float | None = None) -> Iterator[Path]:
    for folder, _dirs, names in os.walk(root, onerror=lambda _error: None):
        for name in names:
            path = Path(folder) / name
            try:
                info = path.lstat()
            except OSError:
                continue
            if not path.is_file() or path.is_symlink() or info.st_size > 50_000_000:
                continue
            if since is None or max(info.st_mtime, info.st_ctime) >= since:
                yield path


def holds_a_mark(path: Path) -> bool:
    try:
        data = path.read_bytes().lower()
    except OSError:
        return False
    found = any(mark.encode() in data for mark in MARKS)
    return found or any(mark in path.name.lower() for mark in MARKS)


def properties(item: QObject) -> list[object]:
    values = []
    for name in item.dynamicPropertyNames():
        try:
            values.append(item.property(bytes(name.data()).decode()))
        except RuntimeError:  # a Qt-internal value Python cannot see (so no text of hers)
            continue
    return values


def reachable(root: object, limit: int = 400_000) -> Iterator[str]:
    """Every string reachable from `root` through attributes, containers and Qt children."""
    seen: set[int] = set()
    stack: list[object] = [root]
    while stack and len(seen) < limit:
        item = stack.pop()
        if id(item) in seen or isinstance(item, type | type(os) | int | float | bool | None):
            continue
        seen.add(id(item))
        if isinstance(item, str):
            yield item
        elif isinstance(item, bytes | Path):
            yield str(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
        elif isinstance(item, partial):
            stack.extend([item.func, item.args, item.keywords])
        else:
            if isinstance(item, QObject):
                stack.extend(item.children())
                stack.extend(properties(item))
            stack.extend(getattr(item, "__dict__", {}).values())


def assert_forgotten(window: Any) -> None:
    assert page_id(window) == "welcome" and window.session.answers == {}
    shown = " ".join(texts_in(window)).lower()
    assert not any(mark in shown for mark in MARKS)
    leftovers = [text for text in reachable(window) if any(m in text.lower() for m in MARKS)]
    assert not leftovers, leftovers[:3]


@pytest.mark.parametrize("ending", ["done", "result_timeout", "idle", "crash"])
def test_the_name_stays_in_the_output_folder(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path, ending: str
) -> None:
    started = time.time()
    output, logs = tmp_path / "summaries", tmp_path / "logs"
    settings = Settings(output_dir=output)
    printer = FakePrinter()
    timing = {
        "result_timeout": Timing(600_000, 600_000, 300, 5),
        "idle": Timing(600_000, 100, 600_000, 5),
    }.get(ending, FAST)
    log_file = setup_logging(logs)
    restore = None
    try:
        window = make_window(
            settings=settings,
            deliver=partial(delivery.deliver_summary, printer=printer),
            runner=DeliveryRunner(background=True),
            timing=timing,
            clock=lambda: date(2026, 11, 20),
        )
        restore = app.install_crash_policy(window)
        if ending in ("idle", "crash"):
            walk_until(qtbot, window, ending)
        else:
            walk(qtbot, window, ANSWERS)
            tap_name(qtbot, window, "finish")
            wait_page(qtbot, window, "result")
            printed = window.texts.text("en", "summary_printed")
            qtbot.waitUntil(lambda: printed in texts_in(window.current_page()), timeout=10_000)
            with qtbot.waitSignal(window.session_reset, timeout=10_000):
                if ending == "done":
                    tap_name(qtbot, window, "done")
        assert window.delivery_runner.wait(10_000)
        qtbot.waitUntil(lambda: not window.delivery_runner.busy(), timeout=10_000)
        assert_forgotten(window)
    finally:
        if restore is not None:
            restore()
        shutdown_logging()
    assert log_file is not None and log_file.is_file() and log_file.read_text()
    log_text = "".join(p.read_text(errors="replace") for p in logs.iterdir()).lower()
    assert not any(word.lower() in log_text for word in WORDS)
    outside = [p for p in files_under(tmp_path) if output not in p.parents]
    assert not [p for p in outside if holds_a_mark(p)]
    temp = Path(tempfile.gettempdir())
    others = tmp_path.parents[1]  # pytest's folder for every test's tmp_path (ours is above)
    created = [p for p in files_under(temp, since=started) if others not in p.parents]
    assert not [p for p in created if holds_a_mark(p)]
    assert not list(temp.glob("kiosk-print-*"))  # no private print folder left behind
    if ending not in ("idle", "crash"):
        saved = list(output.iterdir())
        assert len(saved) == 1 and SUMMARY_NAME.fullmatch(saved[0].name), saved
        assert printer.printed == 1
    else:
        assert not output.exists() or not list(output.iterdir())


def walk_until(qtbot: Any, window: Any, ending: str) -> None:
    """Name, birth date and a few answers; then she walks away, or the next tap's handler fails."""
    tap_name(qtbot, window, "start")
    tap_name(qtbot, window, "nav_next")
    for step in ("patient_name", "baby_birth_date", "delivery"):
        answer_page(qtbot, window, ANSWERS[step])

    def broken(*_args: Any) -> None:
        raise RuntimeError(NAME)

    assert page_id(window) == "caesarean_scar_problem"
    if ending == "idle":
        with qtbot.waitSignal(window.session_reset, timeout=10_000):
            window.idle.warn_now()  # the quiet time is over: the warning, then the wipe
        return
    window.session.answer = broken  # type: ignore[method-assign]  # the next tap's handler fails
    with qtbot.waitSignal(window.session_reset, timeout=10_000):
        tap(qtbot, answer_button(window, "caesarean_scar_problem", "yes"))
