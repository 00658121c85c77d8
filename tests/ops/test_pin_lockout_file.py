"""The PIN lockout is kept on disk beside the settings, grows with each lockout, and weak PINs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.staff_pin import (
    LOCKOUT_FILE,
    LOCKOUT_STEPS_S,
    PinError,
    PinGate,
    hash_pin,
    validate_pin,
)

HASH = hash_pin("4829")
WRONG = "7391"


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def _lock(gate: PinGate) -> None:
    assert [gate.attempt(WRONG) for _ in range(5)] == ["wrong"] * 4 + ["locked"]


def test_a_restart_keeps_the_lockout(tmp_path: Path) -> None:
    clock, state = Clock(), tmp_path / LOCKOUT_FILE
    _lock(PinGate(HASH, clock, state_file=state))
    after_restart = PinGate(HASH, clock, state_file=state)  # power cycle, crash, nightly timer
    assert after_restart.locked_for() == pytest.approx(300.0)
    assert after_restart.attempt("4829") == "locked"
    clock.now += 300
    assert after_restart.attempt("4829") == "ok"


def test_a_restart_keeps_the_count_of_wrong_pins(tmp_path: Path) -> None:
    clock, state = Clock(), tmp_path / LOCKOUT_FILE
    gate = PinGate(HASH, clock, state_file=state)
    assert [gate.attempt(WRONG) for _ in range(4)] == ["wrong"] * 4
    assert PinGate(HASH, clock, state_file=state).attempt(WRONG) == "locked"


def test_each_lockout_lasts_longer_until_a_success(tmp_path: Path) -> None:
    clock, state = Clock(), tmp_path / LOCKOUT_FILE
    lengths = []
    for _ in range(6):
        gate = PinGate(HASH, clock, state_file=state)  # a restart between each
        _lock(gate)
        lengths.append(gate.locked_for())
        clock.now += lengths[-1]
    assert lengths == pytest.approx([300, 900, 3600, 14_400, 86_400, 86_400])
    assert tuple(lengths[:5]) == pytest.approx(LOCKOUT_STEPS_S)
    gate = PinGate(HASH, clock, state_file=state)
    assert gate.attempt("4829") == "ok"
    _lock(PinGate(HASH, clock, state_file=state))
    assert PinGate(HASH, clock, state_file=state).locked_for() == pytest.approx(300)


def test_the_file_is_private_whole_and_holds_no_pin(tmp_path: Path) -> None:
    clock, state = Clock(), tmp_path / "config" / LOCKOUT_FILE
    _lock(PinGate(HASH, clock, state_file=state))
    assert state.stat().st_mode & 0o777 == 0o600
    assert os.listdir(state.parent) == [LOCKOUT_FILE]  # no temp file left behind
    text = state.read_text(encoding="utf-8")
    assert json.loads(text) == {"failures": 0, "lockouts": 1, "locked_until": clock.now + 300}
    assert WRONG not in text and "4829" not in text


@pytest.mark.parametrize(
    "content",
    [
        "{",
        "[]",
        '{"failures": 0}',
        '{"failures": 0, "lockouts": 0, "locked_until": "soon"}',
        '{"failures": 0, "lockouts": 0, "locked_until": null, "locked_until": null}',
    ],
)
def test_a_damaged_file_counts_as_a_lockout(tmp_path: Path, content: str) -> None:
    state = tmp_path / LOCKOUT_FILE
    state.write_text(content, encoding="utf-8")
    gate = PinGate(HASH, Clock(), state_file=state)
    assert gate.attempt("4829") == "locked"


def test_a_clock_set_back_does_not_lock_for_years(tmp_path: Path) -> None:
    clock, state = Clock(), tmp_path / LOCKOUT_FILE
    _lock(PinGate(HASH, clock, state_file=state))
    clock.now -= 10 * 365 * 86_400
    gate = PinGate(HASH, clock, state_file=state)
    assert gate.locked_for() == pytest.approx(300)
    clock.now += 300
    assert gate.attempt("4829") == "ok"


def test_a_folder_that_cannot_be_written_still_locks(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    gate = PinGate(HASH, Clock(), state_file=blocker / LOCKOUT_FILE)
    _lock(gate)
    assert gate.attempt("4829") == "locked"


@pytest.mark.parametrize(
    "pin",
    [
        "1212",
        "5656",
        "123123",
        "2468",
        "8642",
        "7890",
        "0987",
        "1357",
        "0101",
        "1225",
        "3112",
        "1984",
        "2001",
        "251299",
        "01012000",
        "20001231",
        "1004",
        "6969",
        "2580",
        "1470",
        "0852",
        "112233",
    ],
)
def test_weak_pins_are_refused(pin: str) -> None:
    with pytest.raises(PinError, match="too easy to guess"):
        validate_pin(pin)


@pytest.mark.parametrize("pin", ["4829", "7391", "73910", "19480265", "4863", "815047"])
def test_other_pins_are_allowed(pin: str) -> None:
    validate_pin(pin)
