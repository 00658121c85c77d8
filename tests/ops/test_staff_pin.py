"""Staff PIN: validation, hashing, verification, and the lockout gate (with a fake clock)."""

from __future__ import annotations

import pytest

from kiosk.staff_pin import PinError, PinGate, hash_pin, is_well_formed, validate_pin, verify_pin

HASH = hash_pin("4829")


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("pin", ["4829", "73910", "19480265"])
def test_valid_pins(pin: str) -> None:
    validate_pin(pin)


@pytest.mark.parametrize(
    "pin", ["", "258", "258012345", "25a0", " 4829", "٤٨٢٩", "25.8", "0000", "1234", "98765"]
)
def test_invalid_pins(pin: str) -> None:
    with pytest.raises(PinError):
        validate_pin(pin)
    with pytest.raises(PinError):
        hash_pin(pin)


def test_hash_format_and_round_trip() -> None:
    scheme, n, r, p, salt, key = HASH.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert salt and key
    assert "4829" not in HASH
    assert is_well_formed(HASH)
    assert verify_pin("4829", HASH)


def test_wrong_pin_is_refused() -> None:
    assert not verify_pin("2581", HASH)
    assert not verify_pin("", HASH)


def test_salt_is_random() -> None:
    again = hash_pin("4829")
    assert again != HASH
    assert again.split("$")[4] != HASH.split("$")[4]
    assert verify_pin("4829", again)


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "4829",
        "scrypt$16384$8$1$salt",
        HASH.replace("scrypt", "bcrypt"),
        HASH.replace("$16384$", "$1000$"),
        HASH.replace("$16384$", "$abc$"),
        HASH.replace("$16384$", "$1073741824$"),
        HASH.replace("$8$1$", "$8$0$"),
        HASH[:-8] + "!!!!!!!!",
        HASH + "$extra",
        HASH.replace("$", "$ ", 1),
        "scrypt$16384$8$1$$",
    ],
)
def test_malformed_hash_never_verifies_and_never_raises(stored: str) -> None:
    assert not is_well_formed(stored)
    assert verify_pin("4829", stored) is False


def test_non_text_input_never_raises() -> None:
    assert verify_pin("\ud800", HASH) is False
    assert verify_pin(4829, HASH) is False  # type: ignore[arg-type]
    assert verify_pin("4829", None) is False  # type: ignore[arg-type]


def test_gate_accepts_the_right_pin() -> None:
    gate = PinGate(HASH, clock=FakeClock())
    assert gate.has_pin
    assert gate.attempt("4829") == "ok"
    assert gate.locked_for() == 0.0


def test_five_wrong_pins_lock_for_five_minutes() -> None:
    clock = FakeClock()
    gate = PinGate(HASH, clock=clock)
    assert [gate.attempt("1111") for _ in range(4)] == ["wrong"] * 4
    assert gate.failures == 4
    assert gate.attempt("1111") == "locked"
    assert gate.locked_for() == pytest.approx(300.0)
    assert gate.attempt("4829") == "locked"  # even the right PIN, while locked
    clock.now += 299.0
    assert gate.locked_for() == pytest.approx(1.0)
    assert gate.attempt("4829") == "locked"
    clock.now += 1.0
    assert gate.locked_for() == 0.0
    assert gate.attempt("4829") == "ok"


def test_after_a_lockout_five_more_tries_are_allowed() -> None:
    clock = FakeClock()
    gate = PinGate(HASH, clock=clock)
    for _ in range(5):
        gate.attempt("1111")
    clock.now += 300.0
    assert [gate.attempt("1111") for _ in range(5)] == ["wrong"] * 4 + ["locked"]


def test_success_resets_the_count() -> None:
    gate = PinGate(HASH, clock=FakeClock())
    for _ in range(4):
        assert gate.attempt("1111") == "wrong"
    assert gate.attempt("4829") == "ok"
    assert gate.failures == 0
    assert [gate.attempt("1111") for _ in range(4)] == ["wrong"] * 4


def test_custom_limits() -> None:
    clock = FakeClock()
    gate = PinGate(HASH, clock=clock, max_failures=2, lockout_s=10)
    assert gate.attempt("1") == "wrong"
    assert gate.attempt("1") == "locked"
    clock.now += 10
    assert gate.attempt("4829") == "ok"


def test_no_pin_set_opens_nothing() -> None:
    gate = PinGate("", clock=FakeClock())
    assert not gate.has_pin
    assert gate.attempt("") == "wrong"
    assert gate.attempt("4829") == "wrong"


def test_bad_limits_are_refused() -> None:
    with pytest.raises(ValueError):
        PinGate(HASH, max_failures=0)
