"""The staff command-line tasks: --check-config and --set-pin, exit codes and output."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import load_settings
from kiosk.ops_cli import check_config, set_pin
from kiosk.staff_pin import verify_pin


def reader(*answers: str) -> tuple[Callable[[str], str], list[str]]:
    """A PIN reader that returns `answers` in turn and records the prompts."""
    prompts: list[str] = []
    queue: Iterator[str] = iter(answers)

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return next(queue)

    return read, prompts


def run_set_pin(path: Path | None, *answers: str) -> tuple[int, str, str, list[str]]:
    out, err = io.StringIO(), io.StringIO()
    read, prompts = reader(*answers)
    code = set_pin(path, read_pin=read, out=out, err=err)
    return code, out.getvalue(), err.getvalue(), prompts


def test_check_config_prints_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout_s = 120\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert check_config(path, out=out, err=err) == 0
    assert "idle_timeout_s:       120" in out.getvalue()
    assert str(path) in out.getvalue()
    assert err.getvalue() == ""


def test_check_config_without_a_file_shows_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    out, err = io.StringIO(), io.StringIO()
    assert check_config(None, out=out, err=err) == 0
    assert "built-in defaults" in out.getvalue()


def test_check_config_reports_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout_s = 5\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert check_config(path, out=out, err=err) == 2
    assert out.getvalue() == ""
    lines = err.getvalue().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"config error: {path}: idle_timeout_s: ")


def test_check_config_missing_file(tmp_path: Path) -> None:
    err = io.StringIO()
    assert check_config(tmp_path / "none.toml", out=io.StringIO(), err=err) == 2
    assert "not found" in err.getvalue()


def test_check_config_defaults_to_the_real_streams(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_config(None) == 0
    assert "clinic_name:" in capsys.readouterr().out


def test_set_pin_creates_the_default_config_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    target = paths.default_config_file()
    assert target == tmp_path / "postpartum-run-kiosk" / "kiosk.toml"
    assert not target.exists()
    code, out, err, prompts = run_set_pin(None, "4829", "4829")
    assert (code, err) == (0, "")
    assert str(target) in out and "4829" not in out
    assert len(prompts) == 2
    text = target.read_text(encoding="utf-8")
    assert "4829" not in text.replace(load_settings(target).staff_pin_hash, "")
    assert verify_pin("4829", load_settings(target).staff_pin_hash)
    assert load_settings() == load_settings(target)  # found there without --config
    assert "# postpartum-run-kiosk" in text  # made from the commented example
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_set_pin_keeps_the_rest_of_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('# ours\nprinter = "Front_Desk"\n', encoding="utf-8")
    code, _, _, _ = run_set_pin(path, " 4829 ", "4829")
    assert code == 0
    settings = load_settings(path)
    assert settings.printer == "Front_Desk" and verify_pin("4829", settings.staff_pin_hash)
    assert path.read_text(encoding="utf-8").startswith('# ours\nprinter = "Front_Desk"\n')


def test_set_pin_replaces_an_old_pin(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    assert run_set_pin(path, "4829", "4829")[0] == 0
    assert run_set_pin(path, "7391", "7391")[0] == 0
    stored = load_settings(path).staff_pin_hash
    assert verify_pin("7391", stored) and not verify_pin("4829", stored)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (("4829", "2581"), "the two PINs differ"),
        (("12ab",), "4 to 8 digits"),
        (("123",), "4 to 8 digits"),
        (("1111",), "too easy"),
    ],
)
def test_set_pin_refuses_bad_input(tmp_path: Path, answers: tuple[str, ...], message: str) -> None:
    path = tmp_path / "kiosk.toml"
    code, out, err, _ = run_set_pin(path, *answers)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert message in err and "not changed" in err
    assert not path.exists()


def test_set_pin_cancelled(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()

    def cancel(prompt: str) -> str:
        raise EOFError

    assert set_pin(tmp_path / "kiosk.toml", read_pin=cancel, out=out, err=err) == 2
    assert "cancelled" in err.getvalue()


def test_set_pin_refuses_an_invalid_config_and_leaves_it(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("idle_timeout_s = 5\n", encoding="utf-8")
    code, _, err, prompts = run_set_pin(path, "4829", "4829")
    assert code == 2 and prompts == []
    assert "idle_timeout_s" in err and len(err.splitlines()) == 1
    assert path.read_text(encoding="utf-8") == "idle_timeout_s = 5\n"


def test_set_pin_explicit_path_needs_an_existing_folder(tmp_path: Path) -> None:
    code, _, err, _ = run_set_pin(tmp_path / "typo" / "kiosk.toml", "4829", "4829")
    assert code == 2 and "does not exist" in err


def test_set_pin_reports_a_write_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path, text: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("kiosk.staff_pin.write_private", refuse)
    code, _, err, _ = run_set_pin(tmp_path / "kiosk.toml", "4829", "4829")
    assert code == 2 and "cannot write" in err and "Permission denied" in err
