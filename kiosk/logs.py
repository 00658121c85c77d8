"""Logging: a rotating file in the log folder plus stderr; events only, never patient data.

The rule for every caller: log what happened, never who or what she answered.
No names, no birth dates, no answers, no file names of saved summaries (they hold
the name), no text a patient typed or chose. Good: ``log_event(log, "summary.saved",
pages=2)``, ``log.info("session reset after idle")``. Bad: ``log.info("saved %s", path)``.

Two guards back the rule up. `log_event` writes ``event key=value`` lines and
withholds any text value that is not a short code. `SafeFormatter` keeps every
record on one line and logs exceptions as their type and code locations only:
an exception's message can quote the data that caused it, so it is never written.
"""

from __future__ import annotations

import logging
import re
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from kiosk import paths

LOG_FILE_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
WITHHELD = "<withheld>"
_OURS = "kiosk-handler"  # handlers added here carry this name, so set-up is idempotent
_EVENT_RE = re.compile(r"[a-z][a-z0-9_.]{0,63}")
_CODE_RE = re.compile(r"[A-Za-z0-9_.:+-]{0,64}")

_log = logging.getLogger(__name__)


def _where(tb: TracebackType | None) -> str:
    frames = []
    while tb is not None:
        code = tb.tb_frame.f_code
        frames.append(f"{Path(code.co_filename).name}:{tb.tb_lineno} in {code.co_name}")
        tb = tb.tb_next
    return " > ".join(frames) or "no frames"


class SafeFormatter(logging.Formatter):
    """One line per record; exceptions as type and frames only, never their message."""

    def formatException(
        self, ei: tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, ...]
    ) -> str:
        exc = ei[1]
        parts: list[str] = []
        seen: set[int] = set()
        while isinstance(exc, BaseException) and id(exc) not in seen and len(parts) < 5:
            seen.add(id(exc))
            parts.append(
                f"{type(exc).__name__} (message not logged) at {_where(exc.__traceback__)}"
            )
            exc = exc.__cause__ or exc.__context__
        return "exception: " + "; caused by ".join(parts) if parts else "exception: unknown"

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached a full traceback (with the message) on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            text = super().format(record)
        finally:
            record.exc_text = cached
        return text.replace("\r", "\\r").replace("\n", "\\n")


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (it can be None in a windowed app)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self) -> object:
        return sys.stderr

    @stream.setter
    def stream(self, value: object) -> None:
        pass

    def emit(self, record: logging.LogRecord) -> None:
        if sys.stderr is not None:
            super().emit(record)


def shutdown_logging() -> None:
    """Remove and close the handlers `setup_logging` added (others are left alone)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _OURS:
            root.removeHandler(handler)
            handler.close()


def setup_logging(
    log_dir: Path | None = None,
    level: int = logging.INFO,
    *,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path | None:
    """Log to stderr and to a rotating ``kiosk.log`` (1 MB x 5) in `log_dir` or paths.log_dir().

    Calling it again replaces its own handlers instead of adding more. Returns the
    log file, or None if the folder could not be used (then stderr only, with a
    warning; it never raises for that).
    """
    shutdown_logging()
    root = logging.getLogger()
    root.setLevel(level)
    formatter = SafeFormatter(FORMAT)
    stderr = _StderrHandler()
    stderr.set_name(_OURS)
    stderr.setFormatter(formatter)
    root.addHandler(stderr)
    folder = paths.log_dir() if log_dir is None else log_dir
    log_file = folder / LOG_FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        file_handler = RotatingFileHandler(
            log_file, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
        )
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        _log.warning("log folder %s unusable (%s); logging to stderr only", folder, reason)
        return None
    file_handler.set_name(_OURS)
    file_handler.setFormatter(formatter)
    root.addHandler(file_handler)
    return log_file


def _value(value: object) -> str:
    if value is None or isinstance(value, bool | int | float):
        return str(value)
    if isinstance(value, str) and _CODE_RE.fullmatch(value):
        return value or '""'
    return WITHHELD


def event_line(event: str, **fields: object) -> str:
    """``event key=value ...``; text values other than short codes become ``<withheld>``."""
    name = event if _EVENT_RE.fullmatch(event) else WITHHELD
    parts = [name]
    for key, value in fields.items():
        parts.append(f"{key if _EVENT_RE.fullmatch(key) else WITHHELD}={_value(value)}")
    return " ".join(parts)


def log_event(
    logger: logging.Logger, event: str, /, *, level: int = logging.INFO, **fields: object
) -> None:
    """Log one event, e.g. ``log_event(log, "print.failed", reason="no_printer")``.

    Values may be numbers, booleans, None or codes (letters, digits and ``_ . : + -``,
    no spaces). Anything else is written as ``<withheld>``. That stops sentences and
    typed text; it cannot recognise a name, so never pass one.
    """
    logger.log(level, "%s", event_line(event, **fields))
