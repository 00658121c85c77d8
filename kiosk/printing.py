"""Silent printing of a saved summary PDF, never blocking without a bound.

Nothing here talks to the print system from the calling process: a print server
that hangs (a stopped CUPS scheduler, a stuck spooler) would hold the caller, and a
Qt print call holds the GIL while it waits, freezing every thread. Every query and
every job is a child process with a timeout, killed when the time is up:

- CUPS (Linux, macOS): ``lpstat`` for the queue's state and ``lp`` to hand it the
  PDF file itself (CUPS prints PDF directly); the job counts as sent once ``lp``
  says the request was accepted.
- Elsewhere (the Windows spooler, or no CUPS tools): Qt's printing, run in a child
  process (``kiosk.print_worker``) under the same timeout.

Results and logs carry no patient data: the print job's name is fixed, never hers.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kiosk.logs import log_event
from kiosk.outcome import PrintResult, Problem

_log = logging.getLogger(__name__)

DPI = 300
JOB_NAME = "PT summary"
PRINT_TIMEOUT_S = 30.0  # from the first question to the print system to "job accepted"
STATUS_TIMEOUT_S = 5.0  # the staff panel's printer status

# Reasons a print can fail (PrintResult.reason) and printer states (printer_status).
NO_PRINTER = Problem.NO_PRINTER
PRINTER_STOPPED = Problem.PRINTER_STOPPED
PRINT_FAILED = Problem.PRINT_FAILED
READY = "ready"
BUSY = "busy"
NOT_ACCEPTING = "not_accepting"
NOT_RESPONDING = "not_responding"  # the print system did not answer in time
CHECKING = "checking"  # the staff panel, while the answer is on its way
STATUS_WORDS: dict[str, str] = {
    READY: "ready",
    BUSY: "printing",
    PRINTER_STOPPED: "stopped (paused or in error)",
    NOT_ACCEPTING: "not accepting jobs",
    NO_PRINTER: "no printer found",
    NOT_RESPONDING: "the print system is not responding",
    CHECKING: "checking...",
}
Backend = Literal["cups", "qt"]
# A CUPS queue name: printable, no spaces, "/", "#" or quotes; never an option.
_QUEUE_RE = re.compile(r"[^\s/#\\'\"\-][^\s/#\\'\"]{0,126}")
_C_LOCALE = {"LC_ALL": "C", "LANG": "C"}


class _TimedOut(Exception):
    """A child process did not finish in time (it has been killed)."""


@dataclass(frozen=True)
class _Done:
    code: int
    out: str


def _run(args: Sequence[str], deadline: float, env: dict[str, str] | None = None) -> _Done:
    """Run `args` until `deadline` (time.monotonic()); kill it and its children after.

    Waiting here releases the GIL: other threads (the screen) run on.
    """
    left = deadline - time.monotonic()
    if left <= 0:
        raise _TimedOut
    posix = os.name == "posix"
    process = subprocess.Popen(
        list(args),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **_C_LOCALE, **(env or {})},
        start_new_session=posix,  # its own group: a timeout kills whatever it started
    )
    try:
        out, _ = process.communicate(timeout=left)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            if posix:
                os.killpg(process.pid, signal.SIGKILL)
            else:
                process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.communicate(timeout=1.0)
        raise _TimedOut from None
    return _Done(process.returncode, out.decode("utf-8", "replace"))


def backend() -> Backend:
    """ "cups" where the CUPS tools are installed (not Windows), else "qt" (a child process)."""
    if sys.platform != "win32" and shutil.which("lp") and shutil.which("lpstat"):
        return "cups"
    return "qt"


def _fail(reason: Problem, step: str) -> PrintResult:
    log_event(_log, "print.failed", level=logging.WARNING, reason=reason, step=step)
    return PrintResult(ok=False, reason=reason)


def _looks_like_pdf(path: Path) -> bool:
    """A readable file that starts and ends like a PDF (CUPS would take anything)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
            handle.seek(0, os.SEEK_END)
            handle.seek(max(0, handle.tell() - 1024))
            tail = handle.read()
    except OSError:
        return False
    return head == b"%PDF-" and b"%%EOF" in tail


# -- CUPS ---------------------------------------------------------------------------------


def _cups_queue(printer_name: str, deadline: float) -> str | None:
    """The queue to use: `printer_name`, or CUPS's default; None if there is none."""
    if printer_name:
        return printer_name if _QUEUE_RE.fullmatch(printer_name) else None
    done = _run(["lpstat", "-d"], deadline)
    match = re.search(r"system default destination: (\S+)", done.out)
    return match[1] if match else None


def _cups_state(queue: str, deadline: float) -> str:
    """READY, BUSY, PRINTER_STOPPED, NOT_ACCEPTING or NO_PRINTER (one lpstat call)."""
    done = _run(["lpstat", "-p", queue, "-a", queue], deadline)
    if done.code != 0 or f"printer {queue} " not in done.out:
        return NO_PRINTER
    if f"printer {queue} disabled" in done.out:
        return PRINTER_STOPPED
    if "not accepting" in done.out:
        return NOT_ACCEPTING
    return BUSY if f"printer {queue} now printing" in done.out else READY


def _cups_print(path: Path, printer_name: str, job_name: str, deadline: float) -> PrintResult:
    queue = _cups_queue(printer_name, deadline)
    if queue is None:
        return _fail(NO_PRINTER, "find")
    state = _cups_state(queue, deadline)
    if state == NO_PRINTER:
        return _fail(NO_PRINTER, "find")
    if state in (PRINTER_STOPPED, NOT_ACCEPTING):
        return _fail(PRINTER_STOPPED, "queue")
    options = ["-o", "media=Letter", "-o", "fit-to-page", "-n", "1"]
    done = _run(["lp", "-d", queue, "-t", job_name, *options, "--", str(path)], deadline)
    match = re.search(r"request id is (\S+)", done.out)
    if done.code != 0 or match is None:
        return _fail(PRINT_FAILED, "job")
    log_event(_log, "print.sent", backend="cups")
    return PrintResult(ok=True)


# -- Qt, in a child process ----------------------------------------------------------------


def worker_command(*args: str) -> list[str]:
    """How to start the print worker: the frozen app itself, or this Python."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--print-worker", *args]
    return [sys.executable, "-m", "kiosk.print_worker", *args]


def _worker(args: Sequence[str], deadline: float) -> dict[str, object] | None:
    """The worker's JSON answer, or None if it gave none.

    The answer comes back in a file, not on stdout: a windowed Windows app has none.
    """
    env = {"QT_QPA_PLATFORM": "offscreen"}  # it never shows a window
    with tempfile.TemporaryDirectory(prefix="kiosk-print-worker-") as folder:
        answer_file = Path(folder) / "answer.json"
        _run(worker_command(str(answer_file), *args), deadline, env)
        try:
            answer = json.loads(answer_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
    return answer if isinstance(answer, dict) else None


def _qt_print(path: Path, printer_name: str, job_name: str, deadline: float) -> PrintResult:
    answer = _worker(["print", str(path), printer_name, job_name], deadline)
    if answer is None:
        return _fail(PRINT_FAILED, "worker")
    if answer.get("ok") is True:
        log_event(_log, "print.sent", backend="qt")
        return PrintResult(ok=True)
    reason = answer.get("reason")
    known = {problem.value: problem for problem in (NO_PRINTER, PRINTER_STOPPED, PRINT_FAILED)}
    return _fail(known.get(reason, PRINT_FAILED) if isinstance(reason, str) else PRINT_FAILED, "qt")


# -- the two calls ------------------------------------------------------------------------


def print_pdf(
    path: Path,
    printer_name: str = "",
    *,
    job_name: str = JOB_NAME,
    timeout_s: float = PRINT_TIMEOUT_S,
    use: Backend | None = None,
) -> PrintResult:
    """Print the PDF at `path` silently, every page on US Letter, within `timeout_s`.

    `printer_name` "" means the system's default printer. `job_name` is what the print
    queue shows; never put patient data in it. A print system that does not answer in
    time gives PRINT_FAILED (step "timeout"). Never raises; needs no QApplication.
    """
    deadline = time.monotonic() + timeout_s
    if not _looks_like_pdf(path):
        return _fail(PRINT_FAILED, "load")
    chosen = use or backend()
    try:
        if chosen == "cups":
            return _cups_print(path, printer_name, job_name, deadline)
        return _qt_print(path, printer_name, job_name, deadline)
    except _TimedOut:
        return _fail(PRINT_FAILED, "timeout")
    except OSError as exc:  # a tool that cannot be started
        log_event(_log, "print.tool_failed", level=logging.WARNING, error=type(exc).__name__)
        return _fail(PRINT_FAILED, "start")


def printer_status(
    printer_name: str = "", *, timeout_s: float = STATUS_TIMEOUT_S, use: Backend | None = None
) -> str:
    """For the staff panel: READY, BUSY, PRINTER_STOPPED, NOT_ACCEPTING, NO_PRINTER, or
    NOT_RESPONDING if the print system does not answer within `timeout_s`.

    `STATUS_WORDS` has words for each. Blocks its caller up to `timeout_s`: call it off
    the GUI thread.
    """
    deadline = time.monotonic() + timeout_s
    try:
        if (use or backend()) == "cups":
            queue = _cups_queue(printer_name, deadline)
            return NO_PRINTER if queue is None else _cups_state(queue, deadline)
        answer = _worker(["status", printer_name], deadline)
    except _TimedOut:
        return NOT_RESPONDING
    except OSError:
        return NO_PRINTER
    status = answer.get("status") if answer is not None else None
    return status if isinstance(status, str) and status in STATUS_WORDS else NO_PRINTER
