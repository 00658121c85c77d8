"""Settings files that used to crash the loader: one line naming the problem, exit 2."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import config
from kiosk.config import ConfigError, load_settings
from kiosk.ops_cli import check_config, set_pin

ROOT = Path(__file__).resolve().parents[2]
DEEP_ARRAY = "a = " + "[" * 3000 + "1" + "]" * 3000 + "\n"
DEEP_TABLE = "x = " + "{a = " * 1500 + "1" + "}" * 1500 + "\n"
UNKNOWN_USER = 'output_dir = "~nosuchuser-kiosk/x"\n'
CASES = {
    "deep-array": (DEEP_ARRAY, "nested too deeply"),
    "deep-table": (DEEP_TABLE, "nested too deeply"),
    "unknown-user": (UNKNOWN_USER, "output_dir"),
}


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES)
def test_the_loader_says_one_line(tmp_path: Path, case: str) -> None:
    text, words = CASES[case]
    with pytest.raises(ConfigError) as raised:
        load_settings(_file(tmp_path, text))
    assert words in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize("case", CASES)
def test_check_config_and_set_pin_exit_2(tmp_path: Path, case: str) -> None:
    text, words = CASES[case]
    path = _file(tmp_path, text)
    err = io.StringIO()
    assert check_config(path, out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1 and words in err.getvalue()
    err = io.StringIO()
    code = set_pin(path, read_pin=lambda _prompt: "4829", out=io.StringIO(), err=err)
    assert code == 2 and err.getvalue().count("\n") == 1 and words in err.getvalue()
    assert path.read_text(encoding="utf-8") == text  # untouched


@pytest.mark.parametrize("case", CASES)
def test_as_a_process_no_traceback(tmp_path: Path, case: str) -> None:
    text, words = CASES[case]
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--check-config", "--config", str(_file(tmp_path, text))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert words in done.stderr


@pytest.mark.parametrize(
    "error",
    [RecursionError("deep"), RuntimeError("home"), ValueError("bad"), OSError(5, "I/O error")],
    ids=["recursion", "runtime", "value", "os"],
)
def test_anything_unforeseen_is_one_line_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def explode(*_args: object, **_kwargs: object) -> config.Settings:
        raise error

    monkeypatch.setattr(config, "settings_from_mapping", explode)
    with pytest.raises(ConfigError) as raised:
        load_settings(_file(tmp_path, 'output_dir = "/srv/x"\n'))
    assert type(error).__name__ in str(raised.value) and "\n" not in str(raised.value)


def test_a_name_too_long_for_the_system(tmp_path: Path) -> None:
    path = tmp_path / ("a" * 300) / "kiosk.toml"  # longer than a file name may be
    err = io.StringIO()
    assert check_config(path, out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1
    err = io.StringIO()
    assert set_pin(path, read_pin=lambda _p: "4829", out=io.StringIO(), err=err) == 2
    assert err.getvalue().count("\n") == 1
