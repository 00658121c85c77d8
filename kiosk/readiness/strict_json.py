"""JSON for the kiosk's readers: an object that names the same key twice is refused.

Python's `json` keeps the last of two equal keys, so `{"warning_signs": ["fever"],
"warning_signs": []}` would read as "no warning signs". Every JSON reader of the
package goes through `loads`.
"""

from __future__ import annotations

import json
from typing import Any


class DuplicateKeyError(ValueError):
    """A JSON object names the same key twice; the message names the key."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKeyError(f"duplicate key {key!r}")
        result[key] = value
    return result


def loads(text: str) -> Any:
    """Parse `text` like `json.loads`, but raise `DuplicateKeyError` for a repeated key.

    Also raises `json.JSONDecodeError` (a ValueError), ValueError for a number too long
    to convert, and RecursionError for nesting too deep.
    """
    return json.loads(text, object_pairs_hook=_no_duplicate_keys)
