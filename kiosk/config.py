"""The clinic's settings: read from TOML, validated, with one-line errors naming file and key.

Each setting is defined once, as a field of `Settings`: its name, default, check (type,
limits, the words for what is allowed) and how the summary shows it. The key list, the
check table and `--check-config`'s summary are derived from those fields;
resources/default-config.toml documents them and a test keeps it equal to the defaults.
A new setting is one `_setting(...)` field (and its lines in that file); a table such as
``[[locations]]`` is one field whose check reads the table and names a bad entry by its
key (``_Bad(problem, key="locations[2].phone")``), and whose `show` gives its summary lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import Field, dataclass, field, fields
from pathlib import Path
from typing import Any

from kiosk import clinic, paths
from kiosk.alert.model import SECURITIES, AlertSettings, is_lan_host, is_loopback_host, url_host
from kiosk.clinic import Location
from kiosk.config_file import ConfigError, parse_toml, read_text
from kiosk.readiness.resources import available_languages, resource_path
from kiosk.staff_pin import is_well_formed

__all__ = [
    "ConfigError",
    "Location",
    "Settings",
    "default_config_text",
    "load_settings",
    "settings_from_mapping",
    "settings_summary",
]

# The languages the content speaks: one resources/i18n/<code>.toml file each.
SUPPORTED_LANGUAGES: tuple[str, ...] = available_languages()
MAX_LOCATIONS = 20


class _Bad(Exception):
    """A value is not allowed: the problem text, and the key below the setting, if any
    (e.g. ``locations[2].phone``); the setting's own key is added by the caller."""

    def __init__(self, problem: str, key: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.key = key


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


def _switch(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _Bad(f"expected true/false, got {_kind(value)} {_show(value)}; allowed: true, false")
    return value


def _one_of(value: Any, choices: tuple[str, ...], refused: str = "is not allowed") -> str:
    allowed = "one of " + ", ".join(choices)
    text = _text(value, allowed)
    if text not in choices:
        raise _Bad(f"{_show(value)} {refused}; allowed: {allowed}")
    return text


def _language(value: Any) -> str:
    return _one_of(value, SUPPORTED_LANGUAGES, "is not a supported language")


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
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # "~name/..." for a user this machine does not know
        raise _Bad(f"{_show(value)}: no such user's home folder; allowed: {allowed}") from None
    if not path.is_absolute():
        raise _Bad(f"{_show(value)} is a relative path; allowed: {allowed}")
    return path


def _pin_hash(value: Any) -> str:
    allowed = '"" (no PIN) or a hash written by --set-pin'
    text = _text(value, allowed, empty_ok=True, max_len=300)
    if text and not is_well_formed(text):
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
            raise _Bad(f"expected a table, got {_kind(entry)}; allowed: {allowed}", key)
        for name in entry:
            if name not in _LOCATION_FIELDS:
                raise _Bad("unknown key; allowed: name, address, phone", f"{key}.{name}")
        parts: dict[str, str] = {}
        for name, check in _LOCATION_FIELDS.items():
            if name not in entry:
                raise _Bad("missing; every location needs name, address, phone", f"{key}.{name}")
            try:
                parts[name] = check(entry[name])
            except _Bad as exc:
                raise _Bad(exc.problem, f"{key}.{name}") from None
        if any(parts["name"] == other.name for other in found):
            problem = f"{parts['name']!r} is used twice; allowed: unique names"
            raise _Bad(problem, f"{key}.name")
        found.append(Location(**parts))
    return tuple(found)


_EMAIL_RE = re.compile(r"[^@\s\"<>,;]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
_HOST_RE = re.compile(r"[A-Za-z0-9.:\[\]-]{1,253}")


def _email(value: Any) -> str:
    allowed = "an e-mail address such as frontdesk@example.org"
    text = _text(value, allowed, max_len=254)
    if not _EMAIL_RE.fullmatch(text):
        raise _Bad(f"{_show(value)} is not an e-mail address; allowed: {allowed}")
    return text


def _emails(value: Any) -> tuple[str, ...]:
    allowed = "a list of up to 10 e-mail addresses, [] for no e-mail alert"
    if not isinstance(value, list) or len(value) > 10:
        raise _Bad(f"{_show(value)} is not allowed; allowed: {allowed}")
    return tuple(_email(item) for item in value)


def _host(value: Any) -> str:
    allowed = 'a host name or address, e.g. "smtp.office365.com", or ""'
    text = _text(value, allowed, empty_ok=True, max_len=253)
    if text and not _HOST_RE.fullmatch(text):
        raise _Bad(f"{_show(value)} is not a host name; allowed: {allowed}")
    return text


def _port(value: Any) -> int:
    allowed = "a port from 1 to 65535 (587 for starttls, 465 for tls)"
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise _Bad(f"{_show(value)} is not allowed; allowed: {allowed}")
    return value


def _security(value: Any) -> str:
    return _one_of(value, SECURITIES)


def _password_file(value: Any) -> Path | None:
    allowed = 'an absolute path to a file only the kiosk user can read, or ""'
    text = _text(value, allowed, empty_ok=True, max_len=1000)
    path = Path(text).expanduser() if text else None
    if path is not None and not path.is_absolute():
        raise _Bad(f"{_show(value)} is a relative path; allowed: {allowed}")
    return path


def _webhook(value: Any) -> str:
    allowed = 'an https:// URL (http:// only to this machine), or "" for no webhook'
    text = _text(value, allowed, empty_ok=True, max_len=2000)
    if not text:
        return text
    scheme, _, rest = text.partition("://")
    host = re.split(r"[/:?#]", rest.removeprefix("[").split("]")[0], maxsplit=1)[0]
    loopback_http = scheme == "http" and is_loopback_host(host)
    if " " in text or not host or not (scheme == "https" or loopback_http):
        raise _Bad(f"the value is not allowed; allowed: {allowed}")  # never echo its secret
    return text


_ALERT_FIELDS: dict[str, Callable[[Any], Any]] = {
    "kiosk_name": lambda v: _text(v, 'a short name, or "" for the first location', empty_ok=True),
    "email_to": _emails,
    "email_from": lambda v: _email(v) if v != "" else "",
    "smtp_host": _host,
    "smtp_port": _port,
    "smtp_security": _security,
    "smtp_user": lambda v: _text(v, 'the login name, or "" for no login', empty_ok=True),
    "smtp_password_file": _password_file,
    "webhook_url": _webhook,
    "timeout_s": _whole(2, 60, "seconds"),
}


def _alert(value: Any) -> AlertSettings:
    """The [alert] table; a problem names its key, e.g. ``alert.timeout_s``."""
    if not isinstance(value, dict):
        raise _Bad(f"expected a table, got {_kind(value)}; allowed: an [alert] table")
    parts: dict[str, Any] = {}
    for name, raw in value.items():
        check = _ALERT_FIELDS.get(name)
        if check is None:
            raise _Bad(f"unknown key; allowed: {', '.join(_ALERT_FIELDS)}", f"alert.{name}")
        try:
            parts[name] = check(raw)
        except _Bad as exc:
            raise _Bad(exc.problem, f"alert.{name}") from None
    alert = AlertSettings(**parts)
    for name, given in (("email_from", alert.email_from), ("smtp_host", alert.smtp_host)):
        if alert.email_to and not given:
            raise _Bad("must be set when alert.email_to lists an address", f"alert.{name}")
    if alert.email_to and alert.smtp_security == "none" and not is_lan_host(alert.smtp_host):
        raise _Bad(
            '"none" (no TLS) is allowed only to a relay on this machine or the clinic\'s LAN,'
            " given by address (127.x, 10.x, 172.16-31.x, 192.168.x)",
            "alert.smtp_security",
        )
    if alert.smtp_user and alert.smtp_password_file is None:
        raise _Bad("must be set when alert.smtp_user is set", "alert.smtp_password_file")
    if alert.smtp_user and alert.smtp_security == "none":
        raise _Bad("a login needs smtp_security starttls or tls", "alert.smtp_user")
    return alert


Show = Callable[[Any], list[tuple[str, str]]]


def _plain(name: str) -> Show:
    return lambda value: [(name, str(value))]


def _setting(
    check: Callable[[Any], Any],
    *,
    default: Any = None,
    default_factory: Callable[[], Any] | None = None,
    show: Show | None = None,
) -> Any:
    """A `Settings` field: its default, the check of a configured value, the summary lines."""
    metadata = {"check": check, "show": show}
    if default_factory is not None:
        return field(default_factory=default_factory, metadata=metadata)
    return field(default=default, metadata=metadata)


def _show_locations(places: tuple[Location, ...]) -> list[tuple[str, str]]:
    return [("location", f"{p.name}, {p.address}, {p.phone}") for p in places]


def _show_printer(name: str) -> list[tuple[str, str]]:
    return [("printer", name or "(system default)")]


def _show_languages(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [("languages", ", ".join(codes))]


def _show_pin(pin_hash: str) -> list[tuple[str, str]]:  # never the hash itself
    return [("staff PIN", "set" if pin_hash else "NOT set (run: python -m kiosk --set-pin)")]


def _show_alert(alert: AlertSettings) -> list[tuple[str, str]]:
    """The alert channels; a webhook only by its host (its path is a secret)."""
    email = "off (no alert.email_to)"
    if alert.email_on:
        login = f", login {alert.smtp_user}" if alert.smtp_user else ", no login"
        email = (
            f"to {', '.join(alert.email_to)} from {alert.email_from} via {alert.smtp_host}:"
            f"{alert.smtp_port} ({alert.smtp_security}{login})"
        )
    webhook = f"POST to {url_host(alert.webhook_url)}/..." if alert.webhook_on else "off"
    return [
        ("alert kiosk_name", alert.kiosk_name or "(the first location's name)"),
        ("alert e-mail", email),
        ("alert webhook", webhook),
        ("alert timeout_s", f"{alert.timeout_s:g} (one retry; test with --test-alert)"),
    ]


@dataclass(frozen=True)
class Settings:
    """The effective settings of one kiosk; `source` is the file they came from, if any."""

    clinic_name: str = _setting(
        lambda v: _text(v, "the clinic's name, e.g. bodymechanics physical therapy"),
        default=clinic.CLINIC_NAME,
    )
    locations: tuple[Location, ...] = _setting(
        _locations, default=clinic.LOCATIONS, show=_show_locations
    )
    output_dir: Path = _setting(_output_dir, default_factory=paths.default_output_dir)
    printer: str = _setting(  # empty: the system's default printer
        lambda v: _text(v, 'a printer (queue) name, or "" for the system default', empty_ok=True),
        default="",
        show=_show_printer,
    )
    idle_timeout_s: int = _setting(_whole(30, 600, "seconds"), default=90)
    idle_countdown_s: int = _setting(_whole(20, 120, "seconds"), default=30)
    result_timeout_s: int = _setting(_whole(15, 600, "seconds"), default=60)
    staff_idle_timeout_s: int = _setting(_whole(15, 600, "seconds"), default=60)
    retention_days: int = _setting(_whole(1, 3650, "days"), default=30)
    languages: tuple[str, ...] = _setting(
        _languages, default=SUPPORTED_LANGUAGES, show=_show_languages
    )
    default_language: str = _setting(_language, default="en")
    report_language: str = _setting(_language, default="en")  # the PT's PDF summary
    export_fhir: bool = _setting(  # also a FHIR QuestionnaireResponse beside each PDF
        _switch, default=False, show=lambda on: [("export_fhir", str(on).lower())]
    )
    staff_pin_hash: str = _setting(_pin_hash, default="", show=_show_pin)  # "": no PIN set
    alert: AlertSettings = _setting(  # [alert]: the front-desk alert (kiosk/alert)
        _alert, default_factory=AlertSettings, show=_show_alert
    )
    source: Path | None = None

    @property
    def has_staff_pin(self) -> bool:
        """Whether a staff PIN is configured (the hash itself is never shown)."""
        return bool(self.staff_pin_hash)


def _settings_fields() -> Iterator[Field[Any]]:
    """The configurable fields of `Settings`, in the order of the file (not `source`)."""
    return (f for f in fields(Settings) if "check" in f.metadata)


KEYS: tuple[str, ...] = tuple(f.name for f in _settings_fields())


def settings_from_mapping(data: Mapping[str, Any], source: Path | None = None) -> Settings:
    """Validate parsed TOML: missing keys take defaults; anything wrong raises `ConfigError`."""
    checks = {f.name: f.metadata["check"] for f in _settings_fields()}
    values: dict[str, Any] = {}
    for key, raw in data.items():
        check = checks.get(key)
        if check is None:
            raise ConfigError(source, key, f"unknown key; allowed keys: {', '.join(KEYS)}")
        try:
            values[key] = check(raw)
        except _Bad as exc:
            raise ConfigError(source, exc.key or key, exc.problem) from None
    defaults = Settings()
    languages = values.get("languages", defaults.languages)
    if "default_language" not in values and defaults.default_language not in languages:
        values["default_language"] = languages[0]
    default = values.get("default_language", defaults.default_language)
    if default not in languages:
        allowed = "one of the configured languages: " + ", ".join(languages)
        raise ConfigError(
            source, "default_language", f"{default!r} is not allowed; allowed: {allowed}"
        )
    return Settings(**values, source=source)


def load_settings(path: Path | None = None) -> Settings:
    """Settings from `path` (must exist), else from config_dir()/kiosk.toml if present,
    else the built-in defaults. Raises `ConfigError` (one line) for anything wrong."""
    try:
        return _load_settings(path)
    except ConfigError:
        raise
    except (RecursionError, RuntimeError, ValueError, OSError, MemoryError) as exc:
        # The checks above name the key; this is the net for whatever they did not foresee.
        problem = " ".join(str(exc).split())[:200] or "no details"
        raise ConfigError(path, None, f"cannot be used ({type(exc).__name__}: {problem})") from None


def _load_settings(path: Path | None) -> Settings:
    if path is None:
        path = paths.default_config_file()
        if not path.exists():
            return Settings()
    elif not path.is_file():
        problem = "is a folder, not a config file" if path.is_dir() else "config file not found"
        raise ConfigError(path, None, problem)
    return settings_from_mapping(parse_toml(read_text(path), path), source=path)


def settings_summary(settings: Settings) -> str:
    """The effective settings as readable lines; says only whether a staff PIN is set."""
    source = str(settings.source) if settings.source else "none (built-in defaults)"
    rows = [("config file", source)]
    for item in _settings_fields():
        show = item.metadata["show"] or _plain(item.name)
        rows += show(getattr(settings, item.name))
    width = max(len(label) for label, _ in rows) + 2
    return "\n".join(f"{label + ':':<{width}}{text}" for label, text in rows)


def default_config_text() -> str:
    """The commented example config shipped in resources/ ("" if it is not there)."""
    try:
        return resource_path("default-config.toml").read_text(encoding="utf-8")
    except OSError:
        return ""
