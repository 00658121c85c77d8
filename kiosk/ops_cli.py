"""Staff command-line tasks behind ``python -m kiosk``: check the config, set the staff PIN,
send a test alert."""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from kiosk import paths
from kiosk.alert import DELIVERED, NOT_CONFIGURED, AlertOutcome, new_reference, send_alert
from kiosk.config import (
    ConfigError,
    Settings,
    default_config_text,
    load_settings,
    settings_summary,
)
from kiosk.staff_pin import PinError, hash_pin, validate_pin, with_pin_hash

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


def _settings(config_path: Path | None, err: TextIO) -> Settings | None:
    """The settings, or None after one ``config error: ...`` line on `err`."""
    try:
        return load_settings(config_path)
    except ConfigError as exc:
        print(f"config error: {exc}", file=err)
        return None


def check_config(
    config_path: Path | None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Print the effective settings and return 0, or one ``config error: ...`` line and 2."""
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    settings = _settings(config_path, err)
    if settings is None:
        return EXIT_ERROR
    print(settings_summary(settings), file=out)
    return EXIT_OK


def _fail(err: TextIO, message: str) -> int:
    print(f"set-pin: {message}; the PIN was not changed", file=err)
    return EXIT_ERROR


def set_pin(
    config_path: Path | None,
    read_pin: Callable[[str], str] = getpass.getpass,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Ask for a new staff PIN twice and store only its hash in the config file.

    Without `config_path` the file is config_dir()/kiosk.toml, created (owner-only,
    from the commented example) if it is not there yet. An existing file must be a
    valid config; everything else in it is kept. Returns 0, or 2 with one line on `err`.
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    target = paths.default_config_file() if config_path is None else config_path
    try:
        exists = target.exists()
    except (OSError, ValueError) as exc:
        return _fail(err, f"cannot use {target} ({getattr(exc, 'strerror', None) or exc})")
    if exists:
        try:
            load_settings(target)
        except ConfigError as exc:
            return _fail(err, f"fix the config first: {exc}")
    elif config_path is not None and not target.parent.is_dir():
        return _fail(err, f"folder {target.parent} does not exist")
    try:
        first = read_pin("New staff PIN (4-8 digits): ").strip()
        validate_pin(first)
        second = read_pin("Type the same PIN again: ").strip()
    except PinError as exc:
        return _fail(err, str(exc))
    except (EOFError, KeyboardInterrupt):
        return _fail(err, "cancelled")
    if first != second:
        return _fail(err, "the two PINs differ")
    try:
        with_pin_hash(target, hash_pin(first), initial_text=default_config_text())
    except ConfigError as exc:
        return _fail(err, str(exc))
    except OSError as exc:
        return _fail(err, f"cannot write {target} ({exc.strerror or exc})")
    print(f"staff PIN saved (as a salted hash) in {target}", file=out)
    return EXIT_OK


def outcome_lines(outcome: AlertOutcome) -> list[str]:
    """One line per channel: delivered, or why not (hosts and codes only, no patient data)."""
    lines = []
    for channel in outcome.channels:
        if channel.state == DELIVERED:
            tries = "" if channel.attempts <= 1 else f" (after {channel.attempts} attempts)"
            lines.append(f"{channel.channel}: delivered{tries}")
        elif channel.state == NOT_CONFIGURED:
            lines.append(f"{channel.channel}: not configured")
        else:
            lines.append(f"{channel.channel}: FAILED ({channel.reason}): {channel.detail}")
    return lines


def send_test_alert(
    config_path: Path | None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    **options: Any,
) -> int:
    """Send a test alert over every configured channel; one line per channel.

    Returns 0 if every configured channel delivered, 1 if one failed or none is
    configured (nobody would be told), 2 for a config error. `options` go to send_alert.
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    settings = _settings(config_path, err)
    if settings is None:
        return EXIT_ERROR
    outcome = send_alert(settings, new_reference(), test=True, **options)
    for line in outcome_lines(outcome):
        print(line, file=out)
    if not outcome.configured:
        print(
            "no alert is configured: set alert.email_to (with smtp_host, email_from) or "
            "alert.webhook_url in the config file; see docs/deploy.md",
            file=out,
        )
        return EXIT_FAILED
    return EXIT_FAILED if outcome.failed else EXIT_OK
