"""Writing the staff PIN hash into a config file without disturbing the rest of it."""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

import pytest

from kiosk.config import ConfigError, default_config_text, load_settings
from kiosk.staff_pin import hash_pin, replace_pin_hash, verify_pin, with_pin_hash, write_private

HASH = hash_pin("4829")
OTHER = hash_pin("7391")

CONFIG = """# our clinic
clinic_name = "Body Mechanics"  # shown on screen
idle_timeout_s = 120

# the first location
[[locations]]
name = "Milwaukee"
address = "807 N. Jefferson, Milwaukee, WI 53202"
phone = "414-224-8219"
"""


def test_adds_the_key_before_the_first_table_and_keeps_everything_else() -> None:
    result = replace_pin_hash(CONFIG, HASH)
    assert result.startswith('# our clinic\nclinic_name = "Body Mechanics"  # shown on screen\n')
    assert f'idle_timeout_s = 120\n\nstaff_pin_hash = "{HASH}"\n\n# the first location\n' in result
    parsed = tomllib.loads(result)
    assert parsed == dict(tomllib.loads(CONFIG), staff_pin_hash=HASH)


def test_replaces_an_existing_hash_in_place() -> None:
    first = replace_pin_hash(CONFIG, HASH)
    second = replace_pin_hash(first, OTHER)
    assert HASH not in second
    assert second == first.replace(HASH, OTHER)


def test_file_without_tables_gets_the_key_at_the_end() -> None:
    result = replace_pin_hash("printer = 'x'", HASH)
    assert result == f"printer = 'x'\nstaff_pin_hash = \"{HASH}\"\n"


def test_windows_line_endings_are_kept() -> None:
    result = replace_pin_hash(CONFIG.replace("\n", "\r\n"), HASH)
    assert "\n" not in result.replace("\r\n", "")


def test_shipped_example_takes_a_hash() -> None:
    result = replace_pin_hash(default_config_text(), HASH)
    assert tomllib.loads(result)["staff_pin_hash"] == HASH
    assert result.count("staff_pin_hash =") == 1


def test_refuses_bad_toml_and_bad_hashes() -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        replace_pin_hash("printer = \n", HASH)
    with pytest.raises(ConfigError, match="staff_pin_hash"):
        replace_pin_hash(CONFIG, "4829")


def test_refuses_when_the_edit_cannot_be_verified() -> None:
    tricky = 'staff_pin_hash = """\nold\n"""\n'
    with pytest.raises(ConfigError, match="edit the file by hand"):
        replace_pin_hash(tricky, HASH)


def test_with_pin_hash_updates_the_file_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(CONFIG, encoding="utf-8")
    path.chmod(0o644)
    with_pin_hash(path, HASH)
    settings = load_settings(path)
    assert verify_pin("4829", settings.staff_pin_hash)
    assert settings.clinic_name == "Body Mechanics" and settings.idle_timeout_s == 120
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.toml"]


def test_with_pin_hash_creates_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "kiosk.toml"
    with_pin_hash(path, HASH, initial_text=default_config_text())
    assert load_settings(path).staff_pin_hash == HASH
    assert "# postpartum-run-kiosk" in path.read_text(encoding="utf-8")


def test_with_pin_hash_leaves_a_broken_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("printer = \n", encoding="utf-8")
    with pytest.raises(ConfigError):
        with_pin_hash(path, HASH)
    assert path.read_text(encoding="utf-8") == "printer = \n"


def test_write_private_leaves_no_temp_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("old", encoding="utf-8")

    def fail(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        write_private(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.toml"]
