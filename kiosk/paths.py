"""Per-user folders for config, data and logs on Linux, Windows and macOS (no Qt, no extras)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

APP_NAME = "postpartum-run-kiosk"
CONFIG_FILE_NAME = "kiosk.toml"


def _home(environ: Mapping[str, str]) -> Path:
    home = environ.get("HOME") or environ.get("USERPROFILE")
    return Path(home) if home else Path.home()


def _xdg(environ: Mapping[str, str], name: str, fallback: tuple[str, ...]) -> Path:
    """An XDG base folder: the variable if set to an absolute path, else the spec's fallback."""
    value = environ.get(name, "")
    if value and os.path.isabs(value):
        return Path(value)
    return _home(environ).joinpath(*fallback)


def _windows(environ: Mapping[str, str], name: str, fallback: tuple[str, ...]) -> Path:
    value = environ.get(name, "")
    return Path(value) if value else _home(environ).joinpath(*fallback)


def _resolve(
    kind: str, platform: str | None, environ: Mapping[str, str] | None
) -> Path:  # kind: "config" | "data" | "log"
    platform = sys.platform if platform is None else platform
    env: Mapping[str, str] = os.environ if environ is None else environ
    if platform.startswith("win"):
        if kind == "config":
            return _windows(env, "APPDATA", ("AppData", "Roaming")) / APP_NAME
        local = _windows(env, "LOCALAPPDATA", ("AppData", "Local")) / APP_NAME
        return local / "Logs" if kind == "log" else local
    if platform == "darwin":
        library = _home(env) / "Library"
        if kind == "log":
            return library / "Logs" / APP_NAME
        return library / "Application Support" / APP_NAME
    if kind == "config":
        return _xdg(env, "XDG_CONFIG_HOME", (".config",)) / APP_NAME
    if kind == "data":
        return _xdg(env, "XDG_DATA_HOME", (".local", "share")) / APP_NAME
    return _xdg(env, "XDG_STATE_HOME", (".local", "state")) / APP_NAME / "log"


def config_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Where `kiosk.toml` lives.

    Linux: ``$XDG_CONFIG_HOME`` (else ``~/.config``); Windows: ``%APPDATA%``;
    macOS: ``~/Library/Application Support``; each followed by ``postpartum-run-kiosk``.
    `platform` and `environ` default to the running system; tests pass their own.
    The folder is not created here.
    """
    return _resolve("config", platform, environ)


def data_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Where the kiosk keeps its data (the default summaries folder lives inside).

    Linux: ``$XDG_DATA_HOME`` (else ``~/.local/share``); Windows: ``%LOCALAPPDATA%``;
    macOS: ``~/Library/Application Support``; each followed by ``postpartum-run-kiosk``.
    """
    return _resolve("data", platform, environ)


def log_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """Where the log files go.

    Linux: ``$XDG_STATE_HOME/postpartum-run-kiosk/log`` (else ``~/.local/state/...``);
    Windows: ``%LOCALAPPDATA%\\postpartum-run-kiosk\\Logs``;
    macOS: ``~/Library/Logs/postpartum-run-kiosk``.
    """
    return _resolve("log", platform, environ)


def default_config_file(
    *, platform: str | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """The config file looked for when no ``--config`` is given."""
    return config_dir(platform=platform, environ=environ) / CONFIG_FILE_NAME


def default_output_dir(
    *, platform: str | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """Where PDF summaries are saved unless the config says otherwise: data_dir()/summaries."""
    return data_dir(platform=platform, environ=environ) / "summaries"
