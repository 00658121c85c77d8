"""Read a systemd service file's environment and command, as systemd would run them.

    python3 deploy/unit_file.py env  UNIT    the Environment= assignments, NUL-separated
    python3 deploy/unit_file.py exec UNIT    the ExecStart= command line, NUL-separated

The CI runs the installed kiosk with the unit's own environment and command this way (it
has no running systemd to ask). Only what the kiosk's units use is understood: quoting,
line continuations, an empty assignment clearing the list; `%` specifiers are refused.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path


class UnitError(Exception):
    """The unit file has something this reader does not understand."""


def service_entries(text: str) -> list[tuple[str, str]]:
    """(key, value) of each setting in the [Service] section, in order."""
    entries: list[tuple[str, str]] = []
    section = ""
    pending = ""
    for raw in text.splitlines():
        line = pending + raw.strip()
        pending = ""
        if line.endswith("\\"):
            pending = line[:-1] + " "
            continue
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise UnitError(f"not a setting: {line!r}")
        if section == "Service":
            entries.append((key.strip(), value.strip()))
    return entries


def _split(value: str) -> list[str]:
    if "%" in value:
        raise UnitError(f"specifiers are not supported: {value!r}")
    return shlex.split(value)


def environment(text: str) -> list[str]:
    """The NAME=value assignments of the service's Environment= lines."""
    found: list[str] = []
    for key, value in service_entries(text):
        if key != "Environment":
            continue
        if not value:
            found = []  # an empty assignment resets the list
            continue
        for assignment in _split(value):
            if "=" not in assignment:
                raise UnitError(f"not an assignment: {assignment!r}")
            found.append(assignment)
    return found


def exec_start(text: str) -> list[str]:
    """The ExecStart= command line (the service must have exactly one)."""
    commands = [value for key, value in service_entries(text) if key == "ExecStart" and value]
    if len(commands) != 1:
        raise UnitError(f"expected one ExecStart=, found {len(commands)}")
    return _split(commands[0].lstrip("-@:+!"))


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("env", "exec"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        text = Path(argv[1]).read_text(encoding="utf-8")
        values = environment(text) if argv[0] == "env" else exec_start(text)
    except (OSError, UnitError) as exc:
        print(f"unit_file: {argv[1]}: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write("".join(f"{value}\0" for value in values))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
