"""`python -m kiosk --self-test`: passes on a sound install, fails with a reason otherwise."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk import selftest

ROOT = Path(__file__).resolve().parents[1]


def self_test(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    temp = tmp_path / "tmp"
    temp.mkdir(exist_ok=True)
    environ = {k: v for k, v in os.environ.items() if k != selftest.OUTPUT_ENV}
    environ.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), TMPDIR=str(temp), **env)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--self-test", *args],
        capture_output=True,
        text=True,
        env=environ,
        cwd=ROOT,
        timeout=180,
    )


def test_the_self_test_passes_and_leaves_nothing_behind(tmp_path: Path) -> None:
    done = self_test(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("self-test ok: ")
    assert "status not_yet" in lines[0] and re.search(r"summary [1-4] pages", lines[0])
    assert lines[0].split(", ")[-2] == "on offscreen at 1920x1080"  # the platform and size used
    assert list((tmp_path / "tmp").iterdir()) == []


def test_the_summary_it_saves_is_a_real_private_pdf(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = self_test(tmp_path, **{selftest.OUTPUT_ENV: str(out)})
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    (saved,) = out.glob("*.pdf")
    assert saved.name.split("_")[2] == "self-test"
    assert 1 <= len(PdfReader(saved).pages) <= 4
    if os.name == "posix":
        assert saved.stat().st_mode & 0o077 == 0


def test_an_output_folder_that_is_a_file_fails_with_the_reason(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("in the way")
    done = self_test(tmp_path, **{selftest.OUTPUT_ENV: str(blocker)})
    assert done.returncode == 1
    assert done.stdout.strip() == "self-test FAILED: the summary was not delivered (save_failed)"
    assert blocker.read_text() == "in the way"


def test_a_bad_config_fails_with_the_key(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_timeout_s = 5\n")
    done = self_test(tmp_path, "--config", str(config))
    assert done.returncode == 1
    assert done.stdout.startswith("self-test FAILED: config: ") and "idle_timeout_s" in done.stdout


# -- the checks of the saved summary, one by one -----------------------------------------


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for number in range(pages):
        canvas.drawString(72, 720, f"page {number + 1}")
        canvas.showPage()
    canvas.save()
    path.chmod(0o600)
    return path


@pytest.mark.parametrize("pages", [1, 2, 3, 5])
def test_pages_are_counted_without_a_pdf_reader(tmp_path: Path, pages: int) -> None:
    data = _pdf(tmp_path / "s.pdf", pages).read_bytes()
    assert selftest.pdf_page_count(data) == pages == len(PdfReader(tmp_path / "s.pdf").pages)


def test_a_whole_two_page_summary_passes(qapp: Any, tmp_path: Path) -> None:
    saved = _pdf(tmp_path / "s.pdf", 2)
    assert selftest.check_summary(tmp_path, saved) == (2, saved.stat().st_size)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("five_pages", "5 pages"),
        ("truncated", "not a whole PDF"),
        ("not_pdf", "not a whole PDF"),
        ("leftover", "half-written"),
        ("elsewhere", "not in the output folder"),
        ("missing", "not saved"),
    ],
)
def test_a_damaged_summary_fails(qapp: Any, tmp_path: Path, damage: str, reason: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    saved: Path | None = _pdf(folder / "s.pdf", 5 if damage == "five_pages" else 2)
    assert saved is not None
    if damage == "truncated":
        saved.write_bytes(saved.read_bytes()[: saved.stat().st_size // 2])
    elif damage == "not_pdf":
        saved.write_bytes(b"<html>%%EOF")
    elif damage == "leftover":
        (folder / ".summary-1234.tmp").write_bytes(b"%PDF-1.4")
    elif damage == "elsewhere":
        saved = _pdf(tmp_path / "s.pdf", 2)
    elif damage == "missing":
        saved = None
    with pytest.raises(selftest.SelfTestError, match=reason):
        selftest.check_summary(folder, saved)


@pytest.mark.skipif(os.name != "posix", reason="owner-only permissions are POSIX modes")
def test_a_summary_others_can_read_fails(qapp: Any, tmp_path: Path) -> None:
    saved = _pdf(tmp_path / "s.pdf", 1)
    saved.chmod(0o644)
    with pytest.raises(selftest.SelfTestError, match="readable by others"):
        selftest.check_summary(tmp_path, saved)
