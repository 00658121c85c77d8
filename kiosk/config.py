"""The clinic's settings: read from TOML, validated, with one-line errors naming file and key."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk import paths, staff_pin
from kiosk.readiness.resources import resource_path

SUPPORTED_LANGUAGES: tuple[str, ...] = ("en", "es")
MAX_LOCATIONS = 20


class ConfigError(ValueError):
    """A config file cannot be used; the message is one line naming the file and the key."""

    def __init__(self, source: Path | None, key: str | None, problem: str) -> None:
        self.source = source
        self.key = key
        self.problem = problem
        where = str(source) if source is not None else "built-in settings"
        text = f"{where}: {key}: {problem}" if key else f"{where}: {problem}"
        super().__init__(" ".join(text.split()))


@dataclass(frozen=True)
class Location:
    """One of the clinic's locations, as shown to patients and printed on the summary."""

    name: str
    address: str
    phone: str


DEFAULT_LOCATIONS: tuple[Location, ...] = (
    Location("Milwaukee", "807 N. Jefferson, Milwaukee, WI 53202", "414-224-8219"),
    Location("Pewaukee", "1177 Quail Court, Suite 200, Pewaukee, WI 53072", "262-695-3057"),
)


@dataclass(frozen=True)
class Settings:
    """The effective settings of one kiosk; `source` is the file they came from, if any."""

    clinic_name: str = "bodymechanics physical therapy"
    locations: tuple[Location, ...] = DEFAULT_LOCATIONS
    output_dir: Path = field(default_factory=paths.default_output_dir)
    printer: str = ""  # empty: the system's default printer
    idle_timeout_s: int = 90
    idle_countdown_s: int = 30
    result_timeout_s: int = 60
    staff_idle_timeout_s: int = 60
    retention_days: int = 30
    languages: tuple[str, ...] = SUPPORTED_LANGUAGES
    default_language: str = "en"
    report_language: str = "en"  # the language of the PT's PDF summary
    staff_pin_hash: str = ""  # empty: no PIN set, the staff panel cannot be unlocked
    source: Path | None = None

    @property
    def has_staff_pin(self) -> bool:
        """Whether a staff PIN is configured (the hash itself is never shown)."""
        return bool(self.staff_pin_hash)


class _Bad(Exception):
    """A value is not allowed; carries the problem text (the key is added by the caller)."""


_TYPE_NAMES: dict[type, str] = {
    bool: "true/false",
    int: "a whole number",
    float: "a decimal number",
    str: "text",
    list: "a list",
    dict: "a table",
}


def _kind(value: Any) -> str:
    return _TYPE_NAMES.get(type(value), "a date/time")


def _show(value: Any) -> str:
    if isinstance(value, dict | list):
        return _kind(value)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _text(value: Any, allowed: str, *, empty_ok: bool = False, max_len: int = 200) -> str:
    if not isinstance(value, str):
        raise _Bad(f"expected text, got {_kind(value)} {_show(value)}; allowed: {allowed}")
    text = value.strip()
    if not text and not empty_ok:
        raise _Bad(f"must not be empty; allowed: {allowed}")
    if len(text) > max_len or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise _Bad(f"{_show(value)} is not allowed; allowed: {allowed} (one line, <= {max_len})")
    return text


def _whole(low: int, high: int, unit: str) -> Callable[[Any], int]:
    allowed = f"a whole number of {unit} from {low} to {high}"

    def check(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Bad(
                f"expected a whole number, got {_kind(value)} {_show(value)}; allowed: {allowed}"
            )
        if not low <= value <= high:
            raise _Bad(f"{value} is out of range; allowed: {allowed}")
        return value

    return check


def _language(value: Any) -> str:
    allowed = "one of " + ", ".join(SUPPORTED_LANGUAGES)
    text = _text(value, allowed)
    if text not in SUPPORTED_LANGUAGES:
        raise _Bad(f"{_show(value)} is not a supported language; allowed: {allowed}")
    return text


def _languages(value: Any) -> tuple[str, ...]:
    allowed = "a non-empty list of unique codes from " + ", ".join(SUPPORTED_LANGUAGES)
    if not isinstance(value, list) or not value:
        raise _Bad(f"{_show(value)} is not allowed; allowed: {allowed}")
    codes: list[str] = []
    for item in value:
        if not isinstance(item, str) or item not in SUPPORTED_LANGUAGES or item in codes:
            raise _Bad(f"{_show(item)} is not allowed in the list; allowed: {allowed}")
        codes.append(item)
    return tuple(codes)


def _output_dir(value: Any) -> Path:
    allowed = 'an absolute folder path (or "~/..."), or "" for the default folder'
    text = _text(value, allowed, empty_ok=True, max_len=1000)
    if not text:
        return paths.default_output_dir()
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise _Bad(f"{_show(value)} is a relative path; allowed: {allowed}")
    return path


def _pin_hash(value: Any) -> str:
    allowed = '"" (no PIN) or a hash written by --set-pin'
    text = _text(value, allowed, empty_ok=True, max_len=300)
    if text and not staff_pin.is_well_formed(text):
        raise _Bad(f"the value is not a valid PIN hash; allowed: {allowed}")
    return text


_PHONE_RE = re.compile(r"\+?[0-9(][0-9 ().-]{5,24}")


def _phone(value: Any) -> str:
    allowed = "a phone number such as 414-224-8219"
    text = _text(value, allowed, max_len=30)
    if not _PHONE_RE.fullmatch(text) or not 7 <= sum(c.isdigit() for c in text) <= 15:
        raise _Bad(f"{_show(value)} is not a phone number; allowed: {allowed}")
    return text


_LOCATION_FIELDS: dict[str, Callable[[Any], str]] = {
    "name": lambda v: _text(v, "the location's short name, e.g. Milwaukee", max_len=60),
    "address": lambda v: _text(v, "a one-line street address", max_len=200),
    "phone": _phone,
}


def _locations(value: Any) -> tuple[Location, ...]:
    allowed = f"1 to {MAX_LOCATIONS} [[locations]] tables with name, address and phone"
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_LOCATIONS:
        raise _Bad(f"{_show(value)} is not allowed; allowed: {allowed}")
    found: list[Location] = []
    for number, entry in enumerate(value, start=1):
        key = f"locations[{number}]"
        if not isinstance(entry, dict):
            raise _Bad(f"{key}: expected a table, got {_kind(entry)}; allowed: {allowed}")
        for name in entry:
            if name not in _LOCATION_FIELDS:
                raise _Bad(f"{key}.{name}: unknown key; allowed: name, address, phone")
        parts: dict[str, str] = {}
        for name, check in _LOCATION_FIELDS.items():
            if name not in entry:
                raise _Bad(f"{key}.{name}: missing; every location needs name, address, phone")
            try:
                parts[name] = check(entry[name])
            except _Bad as exc:
                raise _Bad(f"{key}.{name}: {exc}") from None
        if any(parts["name"] == other.name for other in found):
            raise _Bad(f"{key}.name: {parts['name']!r} is used twice; allowed: unique names")
        found.append(Location(**parts))
    return tuple(found)


_FIELDS: dict[str, Callable[[Any], Any]] = {
    "clinic_name": lambda v: _text(v, "the clinic's name, e.g. bodymechanics physical therapy"),
    "locations": _locations,
    "output_dir": _output_dir,
    "printer": lambda v: _text(
        v, 'a printer (queue) name, or "" for the system default', empty_ok=True
    ),
    "idle_timeout_s": _whole(30, 600, "seconds"),
    "idle_countdown_s": _whole(20, 120, "seconds"),
    "result_timeout_s": _whole(15, 600, "seconds"),
    "staff_idle_timeout_s": _whole(15, 600, "seconds"),
    "retention_days": _whole(1, 3650, "days"),
    "languages": _languages,
    "default_language": _language,
    "report_language": _language,
    "staff_pin_hash": _pin_hash,
}


def settings_from_mapping(data: Mapping[str, Any], source: Path | None = None) -> Settings:
    """Validate parsed TOML: missing keys take defaults; anything wrong raises `ConfigError`."""
    values: dict[str, Any] = {}
    for key, raw in data.items():
        check = _FIELDS.get(key)
        if check is None:
            allowed = ", ".join(_FIELDS)
            raise ConfigError(source, key, f"unknown key; allowed keys: {allowed}")
        try:
            values[key] = check(raw)
        except _Bad as exc:
            if key == "locations" and str(exc).startswith("locations["):
                sub, _, problem = str(exc).partition(": ")
                raise ConfigError(source, sub, problem) from None
            raise ConfigError(source, key, str(exc)) from None
    languages = values.get("languages", Settings.languages)
    if "default_language" not in values and Settings.default_language not in languages:
        values["default_language"] = languages[0]
    default = values.get("default_language", Settings.default_language)
    if default not in languages:
        allowed = "one of the configured languages: " + ", ".join(languages)
        raise ConfigError(
            source, "default_language", f"{default!r} is not allowed; allowed: {allowed}"
        )
    return Settings(**values, source=source)


def _read_text(path: Path) -> str:
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


def _parse_toml(text: str, path: Path | None) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, None, f"not valid TOML: {exc}") from None


def load_settings(path: Path | None = None) -> Settings:
    """Settings from `path` (must exist), else from config_dir()/kiosk.toml if present,
    else the built-in defaults. Raises `ConfigError` (one line) for anything wrong."""
    if path is None:
        path = paths.default_config_file()
        if not path.exists():
            return Settings()
    elif not path.is_file():
        problem = "is a folder, not a config file" if path.is_dir() else "config file not found"
        raise ConfigError(path, None, problem)
    return settings_from_mapping(_parse_toml(_read_text(path), path), source=path)


def settings_summary(settings: Settings) -> str:
    """The effective settings as readable lines; says only whether a staff PIN is set."""
    source = str(settings.source) if settings.source else "none (built-in defaults)"
    lines = [
        f"config file:          {source}",
        f"clinic_name:          {settings.clinic_name}",
    ]
    for place in settings.locations:
        lines.append(f"location:             {place.name}, {place.address}, {place.phone}")
    lines += [
        f"output_dir:           {settings.output_dir}",
        f"printer:              {settings.printer or '(system default)'}",
        f"idle_timeout_s:       {settings.idle_timeout_s}",
        f"idle_countdown_s:     {settings.idle_countdown_s}",
        f"result_timeout_s:     {settings.result_timeout_s}",
        f"staff_idle_timeout_s: {settings.staff_idle_timeout_s}",
        f"retention_days:       {settings.retention_days}",
        f"languages:            {', '.join(settings.languages)}",
        f"default_language:     {settings.default_language}",
        f"report_language:      {settings.report_language}",
        "staff PIN:            "
        + ("set" if settings.has_staff_pin else "NOT set (run: python -m kiosk --set-pin)"),
    ]
    return "\n".join(lines)


_PIN_LINE_RE = re.compile(r"\s*staff_pin_hash\s*=")


def _insert_at(lines: list[str]) -> int:
    """Index before the first table header (and the comments right above it), or the end."""
    for index, line in enumerate(lines):
        if line.lstrip().startswith("["):
            while index > 0 and lines[index - 1].lstrip().startswith("#"):
                index -= 1
            return index
    return len(lines)


def replace_pin_hash(text: str, pin_hash: str, source: Path | None = None) -> str:
    """`text` (a TOML config) with its top-level ``staff_pin_hash`` set to `pin_hash`.

    Everything else is kept as written; the result is re-parsed and must equal the
    original apart from that key, else `ConfigError` and nothing should be written."""
    if pin_hash and not staff_pin.is_well_formed(pin_hash):
        raise ConfigError(source, "staff_pin_hash", "not a hash written by hash_pin()")
    original = _parse_toml(text, source)
    newline = "\r\n" if "\r\n" in text else "\n"
    new_line = f'staff_pin_hash = "{pin_hash}"{newline}'
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    at = _insert_at(lines)
    existing = [i for i, line in enumerate(lines[:at]) if _PIN_LINE_RE.match(line)]
    if existing:
        lines[existing[0]] = new_line
    elif at < len(lines):
        lines[at:at] = [new_line, newline]
    else:
        lines.append(new_line)
    result = "".join(lines)
    expected = dict(original, staff_pin_hash=pin_hash)
    try:
        ok = tomllib.loads(result) == expected
    except tomllib.TOMLDecodeError:
        ok = False
    if not ok:
        raise ConfigError(
            source, "staff_pin_hash", "cannot be updated safely; edit the file by hand"
        )
    return result


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (temp file + rename), readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def with_pin_hash(path: Path, pin_hash: str, *, initial_text: str = "") -> None:
    """Store `pin_hash` in the config file at `path`, keeping the rest of the file.

    A missing file is created from `initial_text`. Raises `ConfigError` for a file
    that cannot be read or parsed, `OSError` if it cannot be written."""
    path = path.resolve()
    text = _read_text(path) if path.exists() else initial_text
    write_private(path, replace_pin_hash(text, pin_hash, source=path))


def default_config_text() -> str:
    """The commented example config shipped in resources/ ("" if it is not there)."""
    try:
        return resource_path("default-config.toml").read_text(encoding="utf-8")
    except OSError:
        return ""
