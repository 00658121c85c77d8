"""The kiosk's words: each language file's `[ui]` table joined with its `[staff]` table."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kiosk.logs import log_event
from kiosk.readiness.resources import read_toml, resource_path
from kiosk.ui.texts import FALLBACK, UiTexts

TABLES = ("ui", "staff")
_log = logging.getLogger(__name__)


def _read(path: Path) -> dict[str, Any]:
    try:
        data = read_toml(path)
    except (OSError, tomllib.TOMLDecodeError):
        log_event(_log, "ui.texts_unreadable", language=path.stem, level=logging.WARNING)
        return {}
    words: dict[str, Any] = {}
    for name in TABLES:
        table = data.get(name, {})
        if isinstance(table, dict):
            words.update(table)
    return words


def load_texts(languages: Iterable[str], directory: Path | None = None) -> UiTexts:
    """The screen words of English and every language in `languages`, staff panel included.

    `[staff]` holds the staff PIN pad and panel, and the summary words added with them;
    a key in both tables takes the `[staff]` value.
    """
    base = directory if directory is not None else resource_path()
    wanted = dict.fromkeys([FALLBACK, *languages])
    return UiTexts({lang: _read(base / "i18n" / f"{lang}.toml") for lang in wanted})
