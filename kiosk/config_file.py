"""Reading a config file: UTF-8 text, TOML, and the one-line `ConfigError` naming file and key."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """A config file cannot be used; the message is one line naming the file and the key."""

    def __init__(self, source: Path | None, key: str | None, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        where = str(source) if source is not None else "built-in settings"
        text = f"{where}: {key}: {problem}" if key else f"{where}: {problem}"
        super().__init__(" ".join(text.split()))


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a BOM allowed); `ConfigError` if it cannot be read."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(path, None, "config file not found") from None
    except OSError as exc:
        raise ConfigError(path, None, f"cannot read the file ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(path, None, "not UTF-8 text; save the file as UTF-8") from None


def parse_toml(text: str, path: Path | None) -> dict[str, Any]:
    """The TOML document in `text`; `ConfigError` (with the line) if it is not valid TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(path, None, "not valid TOML: nested too deeply") from None
