"""The staff PIN: checks, salted scrypt hashes, its line in the config file, the lockout gate.

The gate's count and lockout can be kept in a private file, so a restart keeps them.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import itertools
import json
import logging
import math
import os
import re
import secrets
import tempfile
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from kiosk.config_file import ConfigError, parse_toml, read_text
from kiosk.logs import log_event

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
SCHEME = "scrypt"
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
# Limits for parameters read back from a stored hash, so a crafted config cannot
# make verification take minutes or gigabytes.
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_MAX_MEMORY = 64 * 1024 * 1024

_PIN_RE = re.compile(rf"[0-9]{{{PIN_MIN_DIGITS},{PIN_MAX_DIGITS}}}")
_B64_RE = re.compile(r"[A-Za-z0-9+/]+={0,2}")

AttemptResult = Literal["ok", "wrong", "locked"]


class PinError(ValueError):
    """A PIN that may not be used; the message says why, in one line."""


# The most used 4- and 6-digit PINs that no rule below already refuses (published analyses
# of leaked PIN sets put these near the top).
COMMON_PINS = frozenset(
    {"1004", "2000", "2001", "1122", "6969", "1010", "1313", "4321", "1984", "7410", "3690"}
    | {"2580", "0852"}  # straight down or up the keypad
    | {"112233", "123321", "159753", "147258", "696969", "102030", "131313", "789456"}
)


def _is_run(pin: str) -> bool:
    """Every step the same, counted round the dial: 1111, 1234, 9876, 2468, 7890, 0987."""
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return len(steps) == 1


def _is_repeat(pin: str) -> bool:
    """A shorter block said again: 1212, 123123, 12341234."""
    size = len(pin)
    return any(size % n == 0 and pin == pin[:n] * (size // n) for n in range(1, size // 2 + 1))


def _is_date(pin: str) -> bool:
    """A day (0101, 3112, 251299, 01012000), or a year from 1900 to 2099 (1984)."""

    def day(dd: str, mm: str) -> bool:
        return 1 <= int(mm) <= 12 and 1 <= int(dd) <= 31

    def year(yyyy: str) -> bool:
        return yyyy[:2] in ("19", "20")

    if len(pin) == 4:
        return year(pin) or day(pin[:2], pin[2:]) or day(pin[2:], pin[:2])
    if len(pin) == 6:  # DDMMYY, MMDDYY, YYMMDD
        return day(pin[:2], pin[2:4]) or day(pin[2:4], pin[:2]) or day(pin[4:], pin[2:4])
    if len(pin) == 8:  # DDMMYYYY, MMDDYYYY, YYYYMMDD
        return (year(pin[4:]) and (day(pin[:2], pin[2:4]) or day(pin[2:4], pin[:2]))) or (
            year(pin[:4]) and day(pin[6:], pin[4:6])
        )
    return False


def validate_pin(pin: str) -> None:
    """Raise `PinError` unless `pin` is 4-8 ASCII digits and not easily guessed.

    Refused: one digit repeated or a sequence (1111, 1234, 2468, 7890), a repeated
    block (1212), a date or a year (0101, 1225, 1984), and the most common PINs.
    """
    if not _PIN_RE.fullmatch(pin):
        raise PinError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9)")
    if _is_run(pin):
        raise PinError("the PIN is too easy to guess (one digit repeated, or a sequence like 2468)")
    if _is_repeat(pin):
        raise PinError("the PIN is too easy to guess (a repeated group of digits)")
    if _is_date(pin):
        raise PinError("the PIN is too easy to guess (it reads as a date or a year)")
    if pin in COMMON_PINS:
        raise PinError("the PIN is too easy to guess (one of the most common PINs)")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen, maxmem=maxmem)


def hash_pin(pin: str) -> str:
    """A salted scrypt hash of a valid PIN: ``scrypt$N$r$p$<salt b64>$<hash b64>``."""
    validate_pin(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, KEY_BYTES)
    return f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """The parts of a stored hash, or None if it is not one this module wrote."""
    if not isinstance(stored, str):
        return None
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    _, n_text, r_text, p_text, salt_text, key_text = parts
    if not all(t.isascii() and t.isdigit() for t in (n_text, r_text, p_text)):
        return None
    n, r, p = int(n_text), int(r_text), int(p_text)
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return None
    if 128 * r * (n + p + 2) > _MAX_MEMORY:
        return None
    if not (_B64_RE.fullmatch(salt_text) and _B64_RE.fullmatch(key_text)):
        return None
    try:
        salt = base64.b64decode(salt_text, validate=True)
        key = base64.b64decode(key_text, validate=True)
    except (binascii.Error, ValueError):
        return None
    if len(salt) < 8 or not 16 <= len(key) <= 64:
        return None
    return n, r, p, salt, key


def is_well_formed(stored: str) -> bool:
    """Whether `stored` looks like a hash written by `hash_pin` (used to check the config)."""
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches `stored`; constant-time compare; never raises."""
    parsed = _parse(stored)
    if parsed is None or not isinstance(pin, str):
        return False
    n, r, p, salt, key = parsed
    try:
        candidate = _scrypt(pin, salt, n, r, p, len(key))
    except (ValueError, MemoryError, UnicodeError):
        return False
    return hmac.compare_digest(candidate, key)


# -- the PIN hash in the config file ------------------------------------------------------

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
    if pin_hash and not is_well_formed(pin_hash):
        raise ConfigError(source, "staff_pin_hash", "not a hash written by hash_pin()")
    original = parse_toml(text, source)
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
    text = read_text(path) if path.exists() else initial_text
    try:
        updated = replace_pin_hash(text, pin_hash, source=path)
    except (RecursionError, MemoryError):
        raise ConfigError(path, None, "not valid TOML: nested too deeply") from None
    write_private(path, updated)


LOCKOUT_STEPS_S: tuple[float, ...] = (5 * 60.0, 15 * 60.0, 60 * 60.0, 4 * 60 * 60.0, 24 * 60 * 60.0)
LOCKOUT_FILE = "staff-lockout.json"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LockoutState:
    """What the gate remembers across restarts (no PIN, no digits)."""

    failures: int = 0  # wrong PINs since the last success or lockout
    lockouts: int = 0  # lockouts since the last success: the next one lasts longer
    locked_until: float | None = None  # wall-clock seconds (time.time), None: open

    def to_json(self) -> str:
        fields = {"failures": self.failures, "lockouts": self.lockouts}
        return json.dumps({**fields, "locked_until": self.locked_until})


def _read_state(path: Path) -> LockoutState | None:
    """The saved state; LockoutState() if there is none; None if the file is damaged."""
    from kiosk.readiness import strict_json

    try:
        data = strict_json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return LockoutState()
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or set(data) != {"failures", "lockouts", "locked_until"}:
        return None
    failures, lockouts, until = data["failures"], data["lockouts"], data["locked_until"]
    counts_ok = all(type(n) is int and 0 <= n < 1000 for n in (failures, lockouts))
    until_ok = until is None or (type(until) in (int, float) and math.isfinite(until))
    if not (counts_ok and until_ok):
        return None
    return LockoutState(failures, lockouts, None if until is None else float(until))


def _write_state(path: Path, state: LockoutState) -> None:
    """Write atomically (temp file, fsync, rename), readable by the owner only."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), 0o600)
            stream.write(state.to_json())
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


class PinGate:
    """Checks PINs at the staff unlock; `max_failures` wrong PINs in a row lock it.

    While locked every attempt (even the right PIN) returns ``"locked"`` without
    checking; the attempt that reaches `max_failures` returns ``"locked"`` too, so
    the screen can say so at once. Each lockout lasts longer than the one before
    (`lockout_steps_s`: 5 min, 15 min, 1 h, 4 h, then a day each time); a success
    resets the count and the steps. With no PIN set (empty hash) no PIN opens the gate.

    With `state_file` the count and the lockout are kept on disk (owner-only, written
    atomically) so a restart does not give new guesses; a damaged file counts as a
    lockout. `clock` is wall-clock seconds (time.time); a lockout that reaches further
    ahead than its own length (the clock was moved back) is cut to that length.
    """

    def __init__(
        self,
        stored_hash: str,
        clock: Callable[[], float] = time.time,
        max_failures: int = 5,
        lockout_s: float | None = None,
        *,
        lockout_steps_s: Sequence[float] = LOCKOUT_STEPS_S,
        state_file: Path | None = None,
    ) -> None:
        steps = (lockout_s,) if lockout_s is not None else tuple(lockout_steps_s)
        if max_failures < 1 or not steps or any(step < 0 for step in steps):
            raise ValueError("max_failures must be >= 1 and lockouts >= 0")
        self._stored = stored_hash
        self._clock = clock
        self._max_failures = max_failures
        self._steps = steps
        self._file = state_file
        self._state = LockoutState()
        if state_file is not None:
            saved = _read_state(state_file)
            if saved is None:  # damaged or unreadable: as if the last guess had locked it
                log_event(_log, "staff.lockout_file_damaged", level=logging.WARNING)
                saved = LockoutState(0, 1, self._clock() + self._steps[0])
            self._state = saved

    @property
    def has_pin(self) -> bool:
        """Whether a usable PIN hash is configured."""
        return is_well_formed(self._stored)

    @property
    def failures(self) -> int:
        """Wrong PINs since the last success or lockout."""
        return self._state.failures

    @property
    def lockouts(self) -> int:
        """Lockouts since the last success."""
        return self._state.lockouts

    def _step(self, lockouts: int) -> float:
        """How long the lockout number `lockouts` (1, 2, ...) lasts."""
        return self._steps[min(max(lockouts, 1), len(self._steps)) - 1]

    def _save(self, state: LockoutState) -> None:
        self._state = state
        if self._file is None:
            return
        try:
            _write_state(self._file, state)
        except OSError as exc:  # kept in memory: the gate still locks until a restart
            log_event(_log, "staff.lockout_not_saved", level=logging.WARNING, error=exc.errno)

    def locked_for(self) -> float:
        """Seconds until the gate accepts PINs again (0.0 when it is open)."""
        until = self._state.locked_until
        if until is None:
            return 0.0
        left = until - self._clock()
        longest = self._step(self._state.lockouts)
        if left > longest:  # the clock went back: never longer than the lockout itself
            left = longest
            self._save(replace(self._state, locked_until=self._clock() + longest))
        if left <= 0:
            self._save(replace(self._state, locked_until=None))
            return 0.0
        return left

    def attempt(self, pin: str) -> AttemptResult:
        """Check one PIN: ``"ok"``, ``"wrong"`` or ``"locked"``."""
        if self.locked_for() > 0:
            return "locked"
        if verify_pin(pin, self._stored):
            if self._state != LockoutState():
                self._save(LockoutState())
            return "ok"
        failures = self._state.failures + 1
        if failures < self._max_failures:
            self._save(replace(self._state, failures=failures))
            return "wrong"
        lockouts = self._state.lockouts + 1
        length = self._step(lockouts)
        self._save(LockoutState(0, lockouts, self._clock() + length))
        log_event(_log, "staff.locked", level=logging.WARNING, lockout=lockouts, seconds=length)
        return "locked" if length > 0 else "wrong"
