"""The staff PIN: checks, salted scrypt hashes, its line in the config file, the lockout gate."""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import itertools
import os
import re
import secrets
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from kiosk.config_file import ConfigError, parse_toml, read_text

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


def _is_run(pin: str) -> bool:
    """All digits equal, or a straight ascending/descending run such as 1234 or 9876."""
    steps = {int(b) - int(a) for a, b in itertools.pairwise(pin)}
    return steps in ({0}, {1}, {-1})


def validate_pin(pin: str) -> None:
    """Raise `PinError` unless `pin` is 4-8 ASCII digits and not trivially guessable."""
    if not _PIN_RE.fullmatch(pin):
        raise PinError(f"the PIN must be {PIN_MIN_DIGITS} to {PIN_MAX_DIGITS} digits (0-9)")
    if _is_run(pin):
        raise PinError("the PIN is too easy to guess (repeated or consecutive digits)")


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


class PinGate:
    """Checks PINs at the staff unlock; `max_failures` wrong PINs in a row lock it.

    While locked every attempt (even the right PIN) returns ``"locked"`` without
    checking; the attempt that reaches `max_failures` returns ``"locked"`` too, so
    the screen can say so at once. A success resets the count; so does the end of
    a lockout. With no PIN set (empty hash) no PIN opens the gate.
    """

    def __init__(
        self,
        stored_hash: str,
        clock: Callable[[], float] = time.monotonic,
        max_failures: int = 5,
        lockout_s: float = 300.0,
    ) -> None:
        if max_failures < 1 or lockout_s < 0:
            raise ValueError("max_failures must be >= 1 and lockout_s >= 0")
        self._stored = stored_hash
        self._clock = clock
        self._max_failures = max_failures
        self._lockout_s = lockout_s
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def has_pin(self) -> bool:
        """Whether a usable PIN hash is configured."""
        return is_well_formed(self._stored)

    @property
    def failures(self) -> int:
        """Wrong PINs since the last success or lockout."""
        return self._failures

    def locked_for(self) -> float:
        """Seconds until the gate accepts PINs again (0.0 when it is open)."""
        if self._locked_until is None:
            return 0.0
        left = self._locked_until - self._clock()
        if left <= 0:
            self._locked_until = None
            return 0.0
        return left

    def attempt(self, pin: str) -> AttemptResult:
        """Check one PIN: ``"ok"``, ``"wrong"`` or ``"locked"``."""
        if self.locked_for() > 0:
            return "locked"
        if verify_pin(pin, self._stored):
            self._failures = 0
            return "ok"
        self._failures += 1
        if self._failures >= self._max_failures:
            self._failures = 0
            self._locked_until = self._clock() + self._lockout_s
            return "locked" if self._lockout_s > 0 else "wrong"
        return "wrong"
