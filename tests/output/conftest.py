"""CUPS fixtures: the "kiosk-test" cups-pdf queue (see .ci/start-cups), and waiting for its jobs.

Tests marked `cups` are skipped when no CUPS server with that queue answers, unless
KIOSK_REQUIRE_CUPS=1, in which case they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

QUEUE = "kiosk-test"
JOB_TIMEOUT_MS = 60_000


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=15, check=False)


def _cups_problem() -> str | None:
    if shutil.which("lpstat") is None:
        return "lpstat is not installed"
    if "is running" not in _run("lpstat", "-r").stdout:
        return "no CUPS scheduler is running (bash .ci/start-cups)"
    if _run("lpstat", "-p", QUEUE).returncode != 0:
        return f"CUPS has no queue {QUEUE!r} (bash .ci/start-cups)"
    return None


@dataclass
class CupsQueue:
    """The test queue: its name, where cups-pdf writes each job, and the jobs made here."""

    name: str
    out_dir: Path
    job_names: list[str] = field(default_factory=list)

    def new_job_name(self) -> str:
        """A job name no other test uses, to find this job's output file."""
        name = f"kiosk-test-{uuid.uuid4().hex[:10]}"
        self.job_names.append(name)
        return name

    def outputs(self, job_name: str) -> list[Path]:
        return sorted(self.out_dir.glob(f"{job_name}*.pdf"))

    def completed_job_ids(self) -> set[str]:
        listing = _run("lpstat", "-W", "completed", "-o", self.name).stdout
        return set(re.findall(rf"^{re.escape(self.name)}-(\d+)\s", listing, re.MULTILINE))

    def wait_for_output(self, qtbot: QtBot, job_name: str, pages: int) -> Path:
        """Wait (bounded) until CUPS completed the job and its PDF has `pages` pages."""
        found: list[Path] = []

        def done() -> bool:
            files = self.outputs(job_name)
            if not files:
                return False
            match = re.search(r"job_(\d+)\.pdf$", files[0].name)
            if match is None or match[1] not in self.completed_job_ids():
                return False
            try:
                if len(PdfReader(files[0]).pages) != pages:
                    return False
            except Exception:  # still being written
                return False
            found.append(files[0])
            return True

        qtbot.waitUntil(done, timeout=JOB_TIMEOUT_MS)
        return found[0]

    def set_enabled(self, enabled: bool) -> None:
        command = ("cupsenable", "cupsaccept") if enabled else ("cupsdisable",)
        for tool in command:
            result = _run(tool, self.name)
            assert result.returncode == 0, result.stderr

    def set_accepting(self, accepting: bool) -> None:
        result = _run("cupsaccept" if accepting else "cupsreject", self.name)
        assert result.returncode == 0, result.stderr


@pytest.fixture
def cups_queue() -> Iterator[CupsQueue]:
    """The kiosk-test queue, enabled; skip (or fail under KIOSK_REQUIRE_CUPS=1) if missing."""
    problem = _cups_problem()
    if problem is not None:
        if os.environ.get("KIOSK_REQUIRE_CUPS") == "1":
            pytest.fail(f"KIOSK_REQUIRE_CUPS=1 but {problem}")
        pytest.skip(problem)
    out_dir = Path(os.environ.get("KIOSK_CUPS_PDF_DIR", "/var/spool/cups-pdf-kiosk"))
    queue = CupsQueue(QUEUE, out_dir)
    queue.set_enabled(True)
    yield queue
    for job_name in queue.job_names:  # the spool is shared: take our own output away
        for path in queue.outputs(job_name):
            path.unlink(missing_ok=True)


@pytest.fixture
def stopped_queue(cups_queue: CupsQueue) -> Iterator[CupsQueue]:
    """The kiosk-test queue disabled (paused) for the test, enabled again afterwards."""
    cups_queue.set_enabled(False)
    try:
        yield cups_queue
    finally:
        cups_queue.set_enabled(True)


@pytest.fixture
def rejecting_queue(cups_queue: CupsQueue) -> Iterator[CupsQueue]:
    """The kiosk-test queue refusing new jobs for the test, accepting again afterwards."""
    cups_queue.set_accepting(False)
    try:
        yield cups_queue
    finally:
        cups_queue.set_accepting(True)
