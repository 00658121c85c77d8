"""Per-user folders on each platform, and the XDG variables on Linux."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths

APP = "postpartum-run-kiosk"


def test_linux_honours_xdg_variables(tmp_path: Path) -> None:
    env = {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    assert paths.config_dir(platform="linux", environ=env) == tmp_path / "cfg" / APP
    assert paths.data_dir(platform="linux", environ=env) == tmp_path / "data" / APP
    assert paths.log_dir(platform="linux", environ=env) == tmp_path / "state" / APP / "log"
    assert paths.default_output_dir(platform="linux", environ=env) == (
        tmp_path / "data" / APP / "summaries"
    )
    assert paths.default_config_file(platform="linux", environ=env) == (
        tmp_path / "cfg" / APP / "kiosk.toml"
    )


@pytest.mark.parametrize("value", [None, "", "relative/dir"])
def test_linux_falls_back_when_xdg_unset_empty_or_relative(
    tmp_path: Path, value: str | None
) -> None:
    env = {"HOME": str(tmp_path)}
    if value is not None:
        env.update(XDG_CONFIG_HOME=value, XDG_DATA_HOME=value, XDG_STATE_HOME=value)
    assert paths.config_dir(platform="linux", environ=env) == tmp_path / ".config" / APP
    assert paths.data_dir(platform="linux", environ=env) == tmp_path / ".local" / "share" / APP
    assert paths.log_dir(platform="linux", environ=env) == (
        tmp_path / ".local" / "state" / APP / "log"
    )


def test_windows_uses_appdata_and_localappdata() -> None:
    env = {"APPDATA": "/w/Roaming", "LOCALAPPDATA": "/w/Local", "USERPROFILE": "/w"}
    assert paths.config_dir(platform="win32", environ=env) == Path("/w/Roaming") / APP
    assert paths.data_dir(platform="win32", environ=env) == Path("/w/Local") / APP
    assert paths.log_dir(platform="win32", environ=env) == Path("/w/Local") / APP / "Logs"


def test_windows_falls_back_to_the_profile_folder() -> None:
    env = {"USERPROFILE": "/w"}
    assert paths.config_dir(platform="win32", environ=env) == Path("/w/AppData/Roaming") / APP
    assert paths.data_dir(platform="win32", environ=env) == Path("/w/AppData/Local") / APP


def test_macos_uses_the_library_folders() -> None:
    env = {"HOME": "/Users/kiosk"}
    support = Path("/Users/kiosk/Library/Application Support") / APP
    assert paths.config_dir(platform="darwin", environ=env) == support
    assert paths.data_dir(platform="darwin", environ=env) == support
    assert paths.log_dir(platform="darwin", environ=env) == Path("/Users/kiosk/Library/Logs") / APP


def test_defaults_read_the_live_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "live"))
    monkeypatch.setattr("sys.platform", "linux")
    assert paths.config_dir() == tmp_path / "live" / APP


def test_nothing_is_created(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path)}
    paths.config_dir(platform="linux", environ=env)
    paths.log_dir(platform="linux", environ=env)
    assert list(tmp_path.iterdir()) == []
