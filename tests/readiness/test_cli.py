"""`python -m kiosk.readiness`: JSON on stdout and exit 0, or one line on stderr and exit 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kiosk.readiness import RULES, assess, default_questionnaire
from tests.readiness.factories import valid_answers

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.readiness", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def one_error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    assert result.returncode == 2
    assert result.stdout == b""
    text = result.stderr.decode("utf-8")
    assert text.endswith("\n") and text.count("\n") == 1, text
    assert "Traceback" not in text
    assert text.startswith("error: ")
    return text.strip()


def write(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "answers.json"
    path.write_bytes(data)
    return str(path)


def test_file_in_json_out(tmp_path: Path) -> None:
    answers = valid_answers(weeks=14, leak_effort="often", feeding="breast", patient_name="Ana")
    result = run(write(tmp_path, json.dumps(answers).encode()))
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode("utf-8")
    assert json.loads(text) == assess(answers).to_dict()
    assert text == json.dumps(assess(answers).to_dict(), indent=2, ensure_ascii=False) + "\n"
    assert "Ana" not in text


def test_stdin_in_json_out() -> None:
    answers = valid_answers(warning_signs=["self_harm"])
    result = run("-", stdin=json.dumps(answers).encode())
    assert result.returncode == 0
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["status"] == "urgent"
    assert [flag["id"] for flag in data["flags"]] == ["RF-SELF-HARM"]
    assert "988" in data["flags"][0]["patient_text"]


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + json.dumps(valid_answers(patient_name="Núñez")).encode()
    assert run(write(tmp_path, data)).returncode == 0


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "not valid JSON"),
        (b"{", "not valid JSON"),
        (b"[1, 2", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b'{"delivery": "vaginal", "delivery": "vaginal"}', "duplicate key 'delivery'"),
        (b"[" * 100_000, "not valid JSON"),
        (b"1" * 5000, "a number is too long"),
        (b"[]", "answers must be an object"),
        (b"null", "answers must be an object"),
        (b'{"delivery": "vaginal"}', "baby_birth_date: missing required key"),
    ],
    ids=["empty", "open", "list", "utf16", "duplicate", "deep", "long-number", "array", "null",
         "missing"],
)  # fmt: skip
def test_invalid_input(tmp_path: Path, data: bytes, expected: str) -> None:
    line = one_error_line(run(write(tmp_path, data)))
    assert expected in line
    assert "answers.json" in line


def test_invalid_answers_name_the_key() -> None:
    answers = valid_answers(mood_down=True)
    line = one_error_line(run("-", stdin=json.dumps(answers).encode()))
    assert line == (
        "error: <stdin>: mood_down: true is not allowed; "
        "allowed: an integer 0-3, or null when skipped"
    )


def test_nan_is_a_wrong_type() -> None:
    line = one_error_line(
        run("-", stdin=json.dumps(valid_answers(mood_down=float("nan"))).encode())
    )
    assert "mood_down: nan is not allowed" in line


def test_missing_file(tmp_path: Path) -> None:
    line = one_error_line(run(str(tmp_path / "nowhere.json")))
    assert "cannot read" in line and "nowhere.json" in line


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    assert "cannot read" in one_error_line(run(str(tmp_path)))


@pytest.mark.parametrize(
    "args", [(), ("a.json", "b.json"), ("--rules", "a.json"), ("--verbose", "a.json"), ("--x",)]
)
def test_usage_errors_are_one_line(args: tuple[str, ...]) -> None:
    assert "see --help" in one_error_line(run(*args))


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    text = result.stdout.decode()
    assert "usage: python -m kiosk.readiness" in text
    assert "--rules" in text and "exit status" in text


def test_rules_table_lists_every_rule_with_its_sources() -> None:
    result = run("--rules")
    assert result.returncode == 0 and result.stderr == b""
    lines = result.stdout.decode("utf-8").splitlines()
    assert "version 2026.11-3" in lines[0]
    header = next(line for line in lines if line.startswith("ID "))
    assert header.split() == ["ID", "SEVERITY", "CLINICIAN", "TITLE", "SOURCES", "FIRES", "WHEN"]
    column = header.index("SOURCES")
    rows = {line.split()[0]: line for line in lines if line.split()[:1] in [[r.id] for r in RULES]}
    assert list(rows) == [rule.id for rule in RULES]
    assert len(rows) == 52
    content = default_questionnaire()
    for rule in RULES:
        row = rows[rule.id]
        assert f" {rule.severity.value} " in row
        assert content.words(rule.id).clinician_title in row
        assert row[column:].startswith("; ".join(rule.sources))
    assert "Patient" not in result.stdout.decode()


def test_rules_verbose_adds_every_title_and_text_in_every_language() -> None:
    result = run("--rules", "--verbose")
    assert result.returncode == 0
    text = " ".join(result.stdout.decode("utf-8").split())
    content = default_questionnaire()
    assert content.languages == ("en", "es")
    for rule in RULES:
        for language in content.languages:
            words = content.words(rule.id, language)
            for label, field in (
                ("Patient title", words.title),
                ("Patient", words.patient_text),
                ("Clinician title", words.clinician_title),
                ("Clinician", words.clinician_text),
            ):
                assert f"{label} ({language}): {' '.join(field.split())}" in text


def test_language_option_gives_the_flags_in_spanish(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(valid_answers(leak_effort="often")), encoding="utf-8")
    result = run(str(path), "--language", "es")
    assert result.returncode == 0, result.stderr
    (flag,) = json.loads(result.stdout)["flags"]
    assert flag["title"] == "Escapes de orina con esfuerzo"
    assert flag["clinician_title"] == "Incontinencia urinaria de esfuerzo"
