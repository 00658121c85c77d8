"""The one place that knows where the project's resource files live."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    """The `resources/` folder: inside a frozen app's bundle, else beside the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, e.g. ``resource_path("i18n", "en.toml")``."""
    return resource_dir().joinpath(*parts)
