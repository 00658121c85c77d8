"""Printing never waits without a bound: a hung `lp`, `lpstat` or print worker is killed."""

from __future__ import annotations

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from kiosk import printing
from kiosk.printing import NOT_RESPONDING, PRINT_FAILED, READY, print_pdf, printer_status

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
QUEUE_OK = "printer fakeq is idle.  enabled since Mon 30 Nov 2026\nfakeq accepting requests\n"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fake tools are shell scripts")


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    return folder


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "summary.pdf"
    path.write_bytes(PDF)
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").exists() and " Z " not in Path(f"/proc/{pid}/stat").read_text()


def test_a_hung_lp_is_killed_and_the_print_fails(tools: Path, pdf: Path, tmp_path: Path) -> None:
    pid_file = tmp_path / "lp.pid"
    _tool(tools, "lpstat", f"printf '{QUEUE_OK}'")
    _tool(tools, "lp", f'echo $$ > "{pid_file}"\nexec sleep 600')
    started = time.monotonic()
    result = print_pdf(pdf, "fakeq", timeout_s=0.5, use="cups")
    assert result.ok is False and result.reason == PRINT_FAILED
    assert time.monotonic() - started < 30  # not the 600 s the tool would hang for
    assert not _alive(int(pid_file.read_text()))


def test_a_hung_lpstat_fails_the_print_and_the_status_says_so(tools: Path, pdf: Path) -> None:
    _tool(tools, "lpstat", "exec sleep 600")
    _tool(tools, "lp", "echo 'request id is fakeq-1 (1 file(s))'")
    assert print_pdf(pdf, "fakeq", timeout_s=0.3, use="cups").reason == PRINT_FAILED
    assert printer_status("fakeq", timeout_s=0.3, use="cups") == NOT_RESPONDING


def test_the_job_counts_only_when_lp_says_it_was_accepted(tools: Path, pdf: Path) -> None:
    _tool(tools, "lpstat", f"printf '{QUEUE_OK}'")
    _tool(tools, "lp", "echo 'lp: Unsupported document-format'; exit 1")
    assert print_pdf(pdf, "fakeq", use="cups").reason == PRINT_FAILED
    _tool(
        tools, "lp", 'echo "$@" > "$(dirname "$0")/args"; echo "request id is fakeq-7 (1 file(s))"'
    )
    assert print_pdf(pdf, "fakeq", job_name="PT summary", use="cups").ok
    args = (tools / "args").read_text()
    assert "-d fakeq" in args and "-t PT summary" in args and "media=Letter" in args
    assert args.strip().endswith(f"-- {pdf}")
    assert printer_status("fakeq", use="cups") == READY


def test_a_queue_name_that_is_an_option_is_never_passed_on(tools: Path, pdf: Path) -> None:
    _tool(tools, "lpstat", f"printf '{QUEUE_OK}'")
    _tool(tools, "lp", "echo 'request id is x-1 (1 file(s))'")
    assert print_pdf(pdf, "-hfakeq", use="cups").reason == "no_printer"
    assert print_pdf(pdf, "a b", use="cups").reason == "no_printer"


def test_a_hung_print_worker_is_killed(
    pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = tmp_path / "worker.pid"
    hang = f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(600)"
    monkeypatch.setattr(printing, "worker_command", lambda *args: [sys.executable, "-c", hang])
    result = print_pdf(pdf, "any", timeout_s=1.0, use="qt")
    assert result.ok is False and result.reason == PRINT_FAILED
    assert printer_status("any", timeout_s=1.0, use="qt") == NOT_RESPONDING
    assert not _alive(int(pid_file.read_text()))
