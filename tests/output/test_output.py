"""Saving summaries: atomic, private, safely and uniquely named; purge and folder status."""

from __future__ import annotations

import errno
import logging
import os
import stat
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.output import (
    SUMMARY_NAME,
    SaveError,
    folder_status,
    purge_old_summaries,
    save_summary,
)

WHEN = datetime(2026, 11, 28, 14, 32)
PDF = b"%PDF-1.4\n" + os.urandom(50_000) + b"\n%%EOF\n"
NAME = "Zoë O'Neil"


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_saves_the_bytes_privately(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "summaries"
    path = save_summary(PDF, folder, patient_name=NAME, when=WHEN)
    assert path.parent == folder
    assert path.read_bytes() == PDF
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert _files(folder) == [path.name]  # no temp file left behind
    assert path.name.startswith("2026-11-28_1432_zoe-o-neil_")
    assert SUMMARY_NAME.fullmatch(path.name)


def test_existing_folder_is_used_as_it_is(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    save_summary(PDF, tmp_path, patient_name=NAME, when=WHEN)
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


@pytest.mark.parametrize(
    ("typed", "part"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("..\\..\\Windows\\System32", "windows-system32"),
        ("con", "con"),
        ("NUL", "nul"),
        ("a\x00b\nc\td\x1b[31m", "a-b-c-d-31m"),
        ("x" * 200, "x" * 20),
        ("🙂🙂", "patient"),
        ("Ana 🙂 López", "ana-lopez"),
        ("", "patient"),
        ("   ", "patient"),
        (None, "patient"),
        (".hidden", "hidden"),
        ("Ñandú Güell-Pérez", "nandu-guell-perez"),
        ("-" * 30 + "a", "a"),
    ],
)
def test_file_names_are_safe(tmp_path: Path, typed: str | None, part: str) -> None:
    path = save_summary(PDF, tmp_path, patient_name=typed, when=WHEN)
    assert path.parent == tmp_path
    name = path.name
    assert SUMMARY_NAME.fullmatch(name)
    assert name.startswith(f"2026-11-28_1432_{part}_")
    assert not name.startswith(".") and name.isascii() and name.isprintable()
    assert "/" not in name and "\\" not in name and ".." not in name
    assert len(name) <= len("2026-11-28_1432__abcdef.pdf") + 20


def test_unique_across_many_saves_in_one_minute(tmp_path: Path) -> None:
    paths = {save_summary(PDF[:100], tmp_path, patient_name=NAME, when=WHEN) for _ in range(300)}
    assert len(paths) == 300
    assert len(_files(tmp_path)) == 300


def _assert_clean_failure(folder: Path, error: SaveError, before: list[str]) -> None:
    assert "Zo" not in str(error) and "neil" not in str(error).lower()
    if folder.exists():
        assert _files(folder) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_raises(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SaveError) as caught:
            save_summary(PDF, tmp_path, patient_name=NAME, when=WHEN)
    finally:
        tmp_path.chmod(0o700)
    assert caught.value.reason == "EACCES"
    _assert_clean_failure(tmp_path, caught.value, [])


def test_read_only_file_system_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / NAME))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(SaveError) as caught:
        save_summary(PDF, tmp_path, patient_name=NAME, when=WHEN)
    assert caught.value.reason == "EROFS"
    assert "Read-only file system" in str(caught.value)
    _assert_clean_failure(tmp_path, caught.value, [])


def test_full_disk_raises_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    save_summary(PDF, tmp_path, patient_name="earlier", when=WHEN)
    before = _files(tmp_path)
    real_write = os.write

    def write_then_fill(fd: int, data: bytes) -> int:
        if len(data) > 4096:
            return real_write(fd, bytes(data[:4096]))  # a short write first, then the disk is full
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "write", write_then_fill)
    with caplog.at_level(logging.INFO), pytest.raises(SaveError) as caught:
        save_summary(PDF, tmp_path, patient_name=NAME, when=WHEN)
    assert caught.value.reason == "ENOSPC"
    assert "No space left on device" in str(caught.value)
    _assert_clean_failure(tmp_path, caught.value, before)
    assert "save_failed" in caplog.text and "Zo" not in caplog.text


def test_failed_rename_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), dst)

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        save_summary(PDF, tmp_path, patient_name=NAME, when=WHEN)
    _assert_clean_failure(tmp_path, caught.value, [])


def test_folder_that_cannot_exist_raises(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SaveError):
        save_summary(PDF, blocker / "summaries", patient_name=NAME, when=WHEN)
    with pytest.raises(SaveError):
        save_summary(PDF, blocker, patient_name=NAME, when=WHEN)


def test_logs_carry_no_patient_data(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        path = save_summary(PDF, tmp_path, patient_name="Rosalind Franklin", when=WHEN)
    assert "summary.saved" in caplog.text
    assert "rosalind" not in caplog.text.lower() and path.name not in caplog.text


def test_purge_removes_only_old_summaries(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 9, 0)
    old = [
        save_summary(PDF[:10], tmp_path, patient_name="a", when=now - timedelta(days=d))
        for d in (31, 45, 400)
    ]
    recent = [
        save_summary(PDF[:10], tmp_path, patient_name="b", when=now - timedelta(days=d))
        for d in (0, 29, 30)
    ]
    for path in [*old, *recent]:  # saved then, by a kiosk whose clock was right
        when = datetime.strptime(path.name[:15], "%Y-%m-%d_%H%M").timestamp()
        os.utime(path, (when, when))
    foreign = ["notes.pdf", "2020-01-01_0000_x.pdf", "2020-01-01_0000_x_abcdef.txt", ".keep"]
    for name in foreign:
        (tmp_path / name).write_text("staff file")
    (tmp_path / "2020-01-01_0000_dir_abcdef.pdf").mkdir()  # named like one, but a folder
    stale = tmp_path / ".summary-stale.tmp"
    fresh = tmp_path / ".summary-fresh.tmp"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    two_hours_ago = (now - timedelta(hours=2)).timestamp()
    os.utime(stale, (two_hours_ago, two_hours_ago))
    os.utime(fresh, (now.timestamp(), now.timestamp()))

    assert purge_old_summaries(tmp_path, 30, now) == 3
    left = set(_files(tmp_path))
    assert not left & {p.name for p in old}
    assert {p.name for p in recent} <= left
    assert set(foreign) <= left and "2020-01-01_0000_dir_abcdef.pdf" in left
    assert fresh.name in left and stale.name not in left
    assert purge_old_summaries(tmp_path, 30, now) == 0


def test_purge_edge_cases(tmp_path: Path) -> None:
    assert purge_old_summaries(tmp_path / "missing", 30, WHEN) == 0
    with pytest.raises(ValueError):
        purge_old_summaries(tmp_path, -1, WHEN)
    saved = save_summary(PDF[:10], tmp_path, patient_name="a", when=WHEN)
    os.utime(saved, (WHEN.timestamp(), WHEN.timestamp()))
    aware = (WHEN + timedelta(days=40)).astimezone()
    assert purge_old_summaries(tmp_path, 30, aware, ask_folder=False) == 1


def test_folder_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = folder_status(tmp_path / "missing")
    assert (missing.exists, missing.writable, missing.free_bytes, missing.summary_count) == (
        False,
        False,
        None,
        0,
    )
    for _ in range(2):
        save_summary(PDF[:10], tmp_path, patient_name="a", when=WHEN)
    (tmp_path / "other.pdf").write_text("x")
    status = folder_status(tmp_path)
    assert status.exists and status.writable
    assert status.free_bytes is not None and status.free_bytes > 0
    assert status.summary_count == 2
    assert _files(tmp_path).count("other.pdf") == 1 and len(_files(tmp_path)) == 3  # probe gone

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert not folder_status(tmp_path).writable
