"""Logging set-up: rotating file plus stderr, idempotent, safe fallback, no patient data."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from kiosk import logs, paths


@pytest.fixture(autouse=True)
def clean_logging() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    logs.shutdown_logging()
    root.setLevel(level)


def ours() -> list[logging.Handler]:
    return [h for h in logging.getLogger().handlers if h.get_name() == "kiosk-handler"]


def flush() -> None:
    for handler in ours():
        handler.flush()


def test_creates_a_rotating_file_and_a_stderr_handler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = logs.setup_logging(tmp_path / "log")
    assert log_file == tmp_path / "log" / "kiosk.log"
    files = [h for h in ours() if isinstance(h, RotatingFileHandler)]
    assert len(files) == 1 and len(ours()) == 2
    assert (files[0].maxBytes, files[0].backupCount) == (1_000_000, 5)
    logging.getLogger("kiosk.test").info("session reset after idle")
    flush()
    line = log_file.read_text(encoding="utf-8").strip()
    assert line.endswith("INFO kiosk.test: session reset after idle")
    assert line[:4].isdigit()  # starts with the time
    assert "session reset after idle" in capsys.readouterr().err


def test_default_folder_is_the_platform_log_dir() -> None:
    assert logs.setup_logging() == paths.log_dir() / "kiosk.log"
    assert (paths.log_dir() / "kiosk.log").exists()


def test_calling_twice_does_not_duplicate_handlers(tmp_path: Path) -> None:
    first = logs.setup_logging(tmp_path)
    logs.setup_logging(tmp_path)
    assert len(ours()) == 2
    logging.getLogger("kiosk.test").warning("once")
    flush()
    assert first is not None
    assert first.read_text(encoding="utf-8").count("once") == 1


def test_other_handlers_are_left_alone(tmp_path: Path) -> None:
    other = logging.NullHandler()
    logging.getLogger().addHandler(other)
    try:
        logs.setup_logging(tmp_path)
        logs.shutdown_logging()
        assert other in logging.getLogger().handlers
        assert ours() == []
    finally:
        logging.getLogger().removeHandler(other)


def test_the_file_rotates(tmp_path: Path) -> None:
    log_file = logs.setup_logging(tmp_path, max_bytes=300, backup_count=2)
    log = logging.getLogger("kiosk.test")
    for number in range(40):
        log.info("event number %d", number)
    flush()
    assert log_file is not None
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]


def test_level_is_applied(tmp_path: Path) -> None:
    log_file = logs.setup_logging(tmp_path, level=logging.WARNING)
    logging.getLogger("kiosk.test").info("quiet")
    logging.getLogger("kiosk.test").warning("loud")
    flush()
    assert log_file is not None
    text = log_file.read_text(encoding="utf-8")
    assert "loud" in text and "quiet" not in text


def test_unusable_folder_falls_back_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert logs.setup_logging(blocker / "log") is None
    assert len(ours()) == 1
    err = capsys.readouterr().err
    assert "logging to stderr only" in err and "WARNING" in err
    logging.getLogger("kiosk.test").info("still logged")
    assert "still logged" in capsys.readouterr().err


def test_exceptions_are_logged_without_their_message(tmp_path: Path) -> None:
    log_file = logs.setup_logging(tmp_path)
    try:
        try:
            raise KeyError("Maria Lopez")
        except KeyError as exc:
            raise ValueError("answer was yes") from exc
    except ValueError:
        logging.getLogger("kiosk.test").exception("unexpected error; session wiped")
    flush()
    assert log_file is not None
    text = log_file.read_text(encoding="utf-8")
    assert "Maria" not in text and "answer was yes" not in text
    assert "ValueError (message not logged)" in text
    assert "caused by KeyError" in text and "test_logs.py:" in text
    assert text.count("\n") == 1


def test_records_stay_on_one_line(tmp_path: Path) -> None:
    log_file = logs.setup_logging(tmp_path)
    logging.getLogger("kiosk.test").info("one\nFAKE ERROR line")
    flush()
    assert log_file is not None
    assert log_file.read_text(encoding="utf-8").count("\n") == 1


def test_event_lines_withhold_free_text() -> None:
    line = logs.event_line(
        "summary.saved", pages=2, ok=True, language="es", who="Maria Lopez", path="/a/b c.pdf"
    )
    assert line == "summary.saved pages=2 ok=True language=es who=<withheld> path=<withheld>"
    assert logs.event_line("Maria Lopez") == "<withheld>"
    assert logs.event_line("x", reason="") == 'x reason=""'
    assert logs.event_line("x", value=["yes"]) == "x value=<withheld>"


def test_log_event_writes_the_event_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        logs.log_event(logging.getLogger("kiosk.test"), "print.failed", reason="no_printer")
        logs.log_event(logging.getLogger("kiosk.test"), "x", level=logging.ERROR)
    assert [r.getMessage() for r in caplog.records] == ["print.failed reason=no_printer", "x"]
    assert caplog.records[1].levelno == logging.ERROR
