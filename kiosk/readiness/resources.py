"""The one place that knows where the project's resource files live."""

from __future__ import annotations

import functools
import sys
import tomllib
from pathlib import Path
from typing import Any


def resource_dir() -> Path:
    """The `resources/` folder: inside a frozen app's bundle, else beside the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. ``resource_path("i18n", "en.toml")``."""
    return resource_dir().joinpath(*parts)


FALLBACK_LANGUAGE = "en"  # the language every other one falls back to; its file must exist


def available_languages(directory: Path | None = None) -> tuple[str, ...]:
    """The languages the content speaks: one `i18n/<code>.toml` file each, English first.

    A third language is a file here plus its code in the kiosk's `languages` setting.
    """
    base = (directory if directory is not None else resource_dir()) / "i18n"
    try:
        codes = sorted(path.stem for path in base.glob("*.toml") if path.is_file())
    except OSError:
        codes = []
    return tuple(sorted(codes, key=lambda code: code != FALLBACK_LANGUAGE))


def read_toml(path: Path) -> dict[str, Any]:
    """A TOML file, parsed once until it changes (the questionnaire and the screen words
    read the same language files). Callers must not modify what it returns.

    Raises OSError or tomllib.TOMLDecodeError.
    """
    stat = path.stat()
    return _parse_toml(str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _parse_toml(path: str, _mtime_ns: int, _size: int) -> dict[str, Any]:
    with open(path, "rb") as handle:
        return tomllib.load(handle)
