"""Saving the PT summary: atomic, owner-only, safely named; purging old ones; folder status."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.logs import log_event

_log = logging.getLogger(__name__)

NAME_CHARS = 20  # at most this much of the patient's name goes into a file name
_TEMP_PREFIX = ".summary-"
_TEMP_SUFFIX = ".tmp"
_STALE_TEMP = timedelta(hours=1)
_STEM = rf"(?P<when>\d{{4}}-\d{{2}}-\d{{2}}_\d{{4}})_[a-z0-9-]{{1,{NAME_CHARS}}}_[0-9a-f]{{6}}"
# 2026-11-28_1432_ana-lopez_3fa9c1.pdf: only files named like this are ever purged ...
SUMMARY_NAME = re.compile(rf"{_STEM}\.pdf")
# ... and the structured record saved beside one (2026-11-28_1432_ana-lopez_3fa9c1.fhir.json).
RECORD_SUFFIX = ".fhir.json"
_KEPT_NAME = re.compile(rf"{_STEM}(?:\.pdf|{re.escape(RECORD_SUFFIX)})")
_WHEN_FORMAT = "%Y-%m-%d_%H%M"


class SaveError(Exception):
    """The summary could not be saved; the message names the cause, never the patient.

    `reason` is the error code (e.g. "ENOSPC", "EROFS", "EACCES") for logs and the UI.
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class FolderStatus:
    """What the staff panel shows about the output folder."""

    exists: bool
    writable: bool
    free_bytes: int | None
    summary_count: int
    loose_mode: int | None = None  # the folder's mode if others may read or enter it


def safe_name_part(patient_name: str | None) -> str:
    """A short, ASCII-only, lowercase piece of the name (letters, digits, hyphens) or "patient"."""
    text = unicodedata.normalize("NFKD", patient_name or "")
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    text = text[:NAME_CHARS].strip("-")
    return text or "patient"


def summary_file_name(patient_name: str | None, when: datetime) -> str:
    """A fresh summary file name: screening time, short safe name, 6 random hex digits."""
    stamp = when.strftime(_WHEN_FORMAT)
    return f"{stamp}_{safe_name_part(patient_name)}_{secrets.token_hex(3)}.pdf"


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # the umask may have widened it; a share may refuse
        folder.chmod(0o700)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); not possible, and not needed, on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def _cause(exc: OSError) -> str:
    """The cause in words, without the file name an OSError's text may carry."""
    return os.strerror(exc.errno) if exc.errno else type(exc).__name__


def _private_temp(folder: Path, data: bytes) -> str:
    """`data` in a new hidden temp file in `folder`, owner-only and flushed to disk."""
    fd, temp = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=folder)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        _write_all(fd, data)
        os.fsync(fd)
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    os.close(fd)
    return temp


def save_summary(pdf: bytes, folder: Path, *, patient_name: str | None, when: datetime) -> Path:
    """Write `pdf` into `folder` (created owner-only if needed) under a new unique name.

    The bytes go to a hidden temp file in the same folder, are flushed to disk, and
    only then take their final name, so no half-written summary ever appears.
    The file is readable by its owner only (0600). Any failure raises `SaveError`
    and leaves no temp file behind.
    """

    def new_name() -> Path:
        while True:
            target = folder / summary_file_name(patient_name, when)
            if not target.exists():
                return target

    return _save("summary", pdf, folder, new_name, make_folder=True)


def save_record(data: bytes, summary: Path) -> Path:
    """Write `data` beside the saved `summary` PDF, under its name with RECORD_SUFFIX, the
    way `save_summary` writes (temp file, flushed, renamed, owner-only), so the same
    purge removes both. Any failure raises `SaveError` and leaves no temp file behind."""
    target = summary.with_name(summary.name.removesuffix(".pdf") + RECORD_SUFFIX)
    return _save("record", data, summary.parent, lambda: target, make_folder=False)


def _save(
    what: str, data: bytes, folder: Path, name: Callable[[], Path], *, make_folder: bool
) -> Path:
    """`data` into `folder` under `name()`: a private temp file first, flushed, then
    renamed, so no half-written file ever appears. Failures raise `SaveError` (logged as
    `<what>.save_failed`, with no path or name) and leave no temp file behind."""
    temp: str | None = None
    try:
        if make_folder:
            _make_folder(folder)
        temp = _private_temp(folder, data)
        target = name()
        os.replace(temp, target)
        temp = None
        _sync_folder(folder)
    except OSError as exc:
        log_event(_log, f"{what}.save_failed", level=logging.WARNING, reason=_reason(exc))
        raise SaveError(
            f"could not save the {what} in {folder}: {_cause(exc)}", _reason(exc)
        ) from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)
    log_event(_log, f"{what}.saved", size=len(data))
    return target


def _when(name: str) -> datetime | None:
    match = _KEPT_NAME.fullmatch(name)
    if match is None:
        return None
    try:
        return datetime.strptime(match["when"], _WHEN_FORMAT)
    except ValueError:
        return None


def _naive(moment: datetime) -> datetime:
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _folder_now(folder: Path) -> datetime | None:
    """The time the folder itself gives a new file (a share's server clock), or None."""
    try:
        fd, probe = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=folder)
    except OSError:
        return None
    try:
        return datetime.fromtimestamp(os.fstat(fd).st_mtime)
    except (OSError, OverflowError, ValueError):
        return None
    finally:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(probe)


def _modified(entry: os.DirEntry[str]) -> datetime | None:
    try:
        return datetime.fromtimestamp(entry.stat(follow_symlinks=False).st_mtime)
    except (OverflowError, ValueError):
        return None


def purge_old_summaries(
    folder: Path, retention_days: int, now: datetime, *, ask_folder: bool = True
) -> int:
    """Delete this app's summaries (and the records beside them) older than
    `retention_days`; return how many files.

    No single clock is trusted: a summary goes only when the date in its name (the
    writing kiosk's clock) AND its modification time (the folder's clock) are both
    older than the retention period, counted back from the earlier of `now` (this
    kiosk's clock) and the time the folder gives a new file (unless not `ask_folder`:
    tests with made-up dates). A summary dated in the
    future is left alone. Only files named as `save_summary` and `save_record` name them
    are touched (and temp files of an interrupted save, once an hour old); anything else
    stays.
    """
    if retention_days < 0:
        raise ValueError("retention_days must be 0 or more")
    now = _naive(now)
    folder_now = _folder_now(folder) if ask_folder else None
    if folder_now is not None:
        now = min(now, folder_now)
    cutoff = now - timedelta(days=retention_days)
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            when = _when(entry.name)
            if when is not None:
                modified = _modified(entry)
                if when < cutoff and modified is not None and modified < cutoff:
                    os.unlink(entry.path)
                    removed += 1
            elif entry.name.startswith(_TEMP_PREFIX) and entry.name.endswith(_TEMP_SUFFIX):
                modified = _modified(entry)
                if modified is not None and modified < now - _STALE_TEMP:
                    os.unlink(entry.path)
        except OSError as exc:
            log_event(_log, "summary.purge_failed", level=logging.WARNING, reason=_reason(exc))
    if removed:
        log_event(_log, "summary.purged", count=removed)
    return removed


def _writable(folder: Path) -> bool:
    """Whether a file can really be created there (os.access can be wrong on shares)."""
    try:
        fd, probe = tempfile.mkstemp(prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX, dir=folder)
    except OSError:
        return False
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)
    return True


def folder_status(folder: Path) -> FolderStatus:
    """Whether the output folder exists and takes files, its free space, summary count,
    and (POSIX) whether others than its owner may read or enter it."""
    if not folder.is_dir():
        return FolderStatus(exists=False, writable=False, free_bytes=None, summary_count=0)
    try:
        free: int | None = shutil.disk_usage(folder).free
    except OSError:
        free = None
    try:
        count = sum(1 for entry in os.scandir(folder) if SUMMARY_NAME.fullmatch(entry.name))
    except OSError:
        count = 0
    loose: int | None = None
    if os.name == "posix":  # Windows folders have ACLs, not mode bits
        with contextlib.suppress(OSError):
            mode = folder.stat().st_mode & 0o777
            loose = mode if mode & 0o077 else None
    return FolderStatus(
        exists=True,
        writable=_writable(folder),
        free_bytes=free,
        summary_count=count,
        loose_mode=loose,
    )
