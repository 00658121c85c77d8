"""`python -m kiosk.report FILE|- -o OUT.pdf`: a PDF, or one line on stderr and exit 2."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.report.__main__ import main
from tests.report.pdftext import page_texts
from tests.report.samples import LONGEST, NOT_YET

ROOT = Path(__file__).resolve().parents[2]


def _answers_file(tmp_path: Path, answers: object) -> Path:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers), encoding="utf-8")
    return path


def test_writes_the_pdf(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    assert main([str(_answers_file(tmp_path, LONGEST)), "-o", str(out)]) == 0
    pages = page_texts(out.read_bytes())
    assert len(pages) <= 4
    assert "bodymechanics physical therapy" in pages[0]
    assert LONGEST["patient_name"] in "".join(pages[0].split())


def test_reads_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(NOT_YET).encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    out = tmp_path / "summary.pdf"
    assert main(["-", "-o", str(out), "--patient-language", "es"]) == 0
    assert "Patient answered in Spanish" in page_texts(out.read_bytes())[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        (json.dumps({**NOT_YET, "colour": "red"}), "colour"),
        (json.dumps({**NOT_YET, "delivery": "by_stork"}), "delivery"),
        (json.dumps({k: v for k, v in NOT_YET.items() if k != "feeding"}), "feeding"),
        ("\udcff", "not UTF-8"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    out = tmp_path / "summary.pdf"
    assert main([str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and expected in err
    assert not out.exists()


def test_missing_file_and_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "cannot read" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main([str(tmp_path / "nope.json")])  # no -o
    assert stop.value.code == 2
    with pytest.raises(SystemExit) as stop:
        main([str(_answers_file(tmp_path, NOT_YET)), "-o", "x.pdf", "--report-language", "fr"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.count("\n") == 2


def test_unwritable_output_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-folder" / "x.pdf"
    assert main([str(_answers_file(tmp_path, NOT_YET)), "-o", str(target)]) == 1
    assert capsys.readouterr().err.startswith("error: ")


def test_as_a_process_never_a_traceback(tmp_path: Path) -> None:
    bad = subprocess.run(
        [sys.executable, "-m", "kiosk.report", "-", "-o", str(tmp_path / "x.pdf")],
        input=b'{"baby_birth_date": 12}',
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert bad.returncode == 2
    assert b"Traceback" not in bad.stderr and bad.stderr.count(b"\n") == 1
    good = subprocess.run(
        [sys.executable, "-m", "kiosk.report", "-", "-o", "-"],
        input=json.dumps(NOT_YET).encode(),
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert good.returncode == 0 and good.stdout.startswith(b"%PDF")


def test_report_language_spanish(tmp_path: Path) -> None:
    from kiosk.report.words import report_words

    out = tmp_path / "resumen.pdf"
    args = [str(_answers_file(tmp_path, NOT_YET)), "-o", str(out), "--report-language", "es"]
    assert main(args) == 0
    es = report_words("es")
    first = page_texts(out.read_bytes())[0]
    assert es.get("status_not_yet") in first and es.get("disclaimer") in first


def test_a_repeated_key_is_refused_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A warning sign, then an empty list under the same key: never READY FOR ASSESSMENT.
    sign = json.dumps({**NOT_YET, "warning_signs": ["fever"]})
    path = tmp_path / "answers.json"
    path.write_text(sign[:-1] + ', "warning_signs": []}', encoding="utf-8")
    out = tmp_path / "summary.pdf"
    assert main([str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "duplicate key 'warning_signs'" in err
    assert not out.exists()


def test_the_pdf_is_owner_only_and_replaces_the_old_one_whole(tmp_path: Path) -> None:
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"old")
    out.chmod(0o644)
    assert main([str(_answers_file(tmp_path, LONGEST)), "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "summary.pdf"]


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_a_failed_write_keeps_the_good_file_and_leaves_no_partial_one(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    failing: str,
) -> None:
    answers = _answers_file(tmp_path, NOT_YET)
    out = tmp_path / "summary.pdf"
    assert main([str(answers), "-o", str(out)]) == 0
    good = out.read_bytes()
    real = getattr(os, failing)
    calls: list[int] = []

    def full_disk(*args: Any) -> Any:
        calls.append(1)
        if len(calls) == 2:  # the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        if failing == "write":  # half of the PDF goes in first
            return real(args[0], args[1][: len(args[1]) // 2])
        return real(*args)

    if failing != "write":
        calls.append(1)  # fail at the first call
    monkeypatch.setattr(os, failing, full_disk)
    assert main([str(answers), "-o", str(out), "--patient-language", "es"]) == 1
    monkeypatch.undo()
    assert "No space left" in capsys.readouterr().err
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["answers.json", "summary.pdf"]
