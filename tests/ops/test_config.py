"""Loading and validating the TOML settings: defaults, where the file is found, every error."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import (
    KEYS,
    ConfigError,
    Location,
    Settings,
    load_settings,
    settings_from_mapping,
    settings_summary,
)
from kiosk.config_file import parse_toml
from kiosk.readiness.resources import resource_path
from kiosk.report import ReportContext
from kiosk.staff_pin import hash_pin


def write(tmp_path: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> ConfigError:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return caught.value


def test_defaults_match_the_clinic(tmp_path: Path) -> None:
    s = Settings()
    assert s.clinic_name == "bodymechanics physical therapy"
    assert s.locations == (
        Location("Milwaukee", "807 N. Jefferson, Milwaukee, WI 53202", "414-224-8219"),
        Location("Pewaukee", "1177 Quail Court, Suite 200, Pewaukee, WI 53072", "262-695-3057"),
    )
    assert s.output_dir == paths.default_output_dir()
    assert (s.printer, s.idle_timeout_s, s.idle_countdown_s) == ("", 90, 30)
    assert (s.result_timeout_s, s.staff_idle_timeout_s, s.retention_days) == (60, 60, 30)
    assert (s.languages, s.default_language, s.report_language) == (("en", "es"), "en", "en")
    assert (s.staff_pin_hash, s.source, s.has_staff_pin) == ("", None, False)


def test_no_file_anywhere_gives_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert not paths.default_config_file().exists()
    assert load_settings() == Settings()


def test_file_in_the_platform_config_dir_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    folder = tmp_path / "postpartum-run-kiosk"
    folder.mkdir()
    path = write(folder, "idle_timeout_s = 120\n")
    settings = load_settings()
    assert settings.idle_timeout_s == 120
    assert settings.source == path


def test_explicit_path_wins_over_the_platform_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "postpartum-run-kiosk").mkdir()
    write(tmp_path / "postpartum-run-kiosk", "idle_timeout_s = 120\n")
    other = write(tmp_path, "idle_timeout_s = 200\n", name="other.toml")
    assert load_settings(other).idle_timeout_s == 200


def test_missing_keys_take_defaults(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, 'printer = "Front_Desk"\n'))
    assert replace(settings, printer="", source=None) == Settings()


def test_shipped_example_gives_exactly_the_defaults() -> None:
    path = resource_path("default-config.toml")
    assert replace(load_settings(path), source=None) == Settings()


def test_shipped_example_names_every_key_and_nothing_else() -> None:
    path = resource_path("default-config.toml")
    assert sorted(parse_toml(path.read_text(encoding="utf-8"), path)) == sorted(KEYS)


def test_the_summary_shows_the_clinic_defaults_of_the_settings() -> None:
    settings, context = Settings(), ReportContext()
    assert context.clinic_name == settings.clinic_name
    assert context.locations == tuple((p.name, p.phone) for p in settings.locations)


def test_every_key_can_be_set(tmp_path: Path) -> None:
    pin_hash = hash_pin("4829")
    text = f"""
clinic_name = "Body Mechanics"
output_dir = "{tmp_path / "out"}"
printer = "HP_LaserJet"
idle_timeout_s = 30
idle_countdown_s = 120
result_timeout_s = 15
staff_idle_timeout_s = 600
retention_days = 3650
languages = ["es"]
default_language = "es"
report_language = "es"
staff_pin_hash = "{pin_hash}"
[[locations]]
name = "Milwaukee"
address = "807 N. Jefferson, Milwaukee, WI 53202"
phone = "(414) 224-8219"
"""
    s = load_settings(write(tmp_path, text))
    assert s.clinic_name == "Body Mechanics"
    assert s.output_dir == tmp_path / "out"
    assert (s.idle_timeout_s, s.idle_countdown_s, s.result_timeout_s) == (30, 120, 15)
    assert (s.staff_idle_timeout_s, s.retention_days) == (600, 3650)
    assert (s.languages, s.default_language, s.report_language) == (("es",), "es", "es")
    assert s.locations == (
        Location("Milwaukee", "807 N. Jefferson, Milwaukee, WI 53202", "(414) 224-8219"),
    )
    assert s.staff_pin_hash == pin_hash and s.has_staff_pin


def test_output_dir_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    settings = settings_from_mapping({"output_dir": "~/summaries"})
    assert settings.output_dir == tmp_path / "summaries"


def test_default_language_follows_languages_when_left_out() -> None:
    assert settings_from_mapping({"languages": ["es"]}).default_language == "es"


@pytest.mark.parametrize(
    ("text", "key", "allowed"),
    [
        ("colour = 'blue'\n", "colour", "allowed keys: clinic_name"),
        ("idle_timeout_s = '90'\n", "idle_timeout_s", "from 30 to 600"),
        ("idle_timeout_s = true\n", "idle_timeout_s", "from 30 to 600"),
        ("idle_timeout_s = 90.0\n", "idle_timeout_s", "from 30 to 600"),
        ("idle_timeout_s = 29\n", "idle_timeout_s", "from 30 to 600"),
        ("idle_timeout_s = 601\n", "idle_timeout_s", "from 30 to 600"),
        ("idle_countdown_s = 19\n", "idle_countdown_s", "from 20 to 120"),
        ("result_timeout_s = 700\n", "result_timeout_s", "from 15 to 600"),
        ("staff_idle_timeout_s = 5\n", "staff_idle_timeout_s", "from 15 to 600"),
        ("retention_days = 0\n", "retention_days", "from 1 to 3650"),
        ("retention_days = 3651\n", "retention_days", "from 1 to 3650"),
        ("clinic_name = ''\n", "clinic_name", "allowed"),
        ("clinic_name = 5\n", "clinic_name", "allowed"),
        ('clinic_name = "two\\nlines"\n', "clinic_name", "one line"),
        ("printer = false\n", "printer", "system default"),
        ("output_dir = 'relative/folder'\n", "output_dir", "absolute folder path"),
        ("languages = []\n", "languages", "non-empty list"),
        ("languages = ['en', 'fr']\n", "languages", "en, es"),
        ("languages = ['en', 'en']\n", "languages", "unique"),
        ("languages = 'en'\n", "languages", "non-empty list"),
        ("default_language = 'fr'\n", "default_language", "en, es"),
        ("report_language = 'de'\n", "report_language", "en, es"),
        ("staff_pin_hash = '1234'\n", "staff_pin_hash", "--set-pin"),
        ("locations = []\n", "locations", "[[locations]] tables"),
        ("locations = 'Milwaukee'\n", "locations", "[[locations]] tables"),
    ],
)
def test_bad_values_name_the_key_and_what_is_allowed(
    tmp_path: Path, text: str, key: str, allowed: str
) -> None:
    error = error_for(tmp_path, text)
    assert error.key == key
    assert f": {key}: " in str(error)
    assert allowed in str(error)


def test_default_language_must_be_one_of_the_languages(tmp_path: Path) -> None:
    error = error_for(tmp_path, "languages = ['en']\ndefault_language = 'es'\n")
    assert error.key == "default_language"
    assert "configured languages: en" in str(error)


LOCATION = (
    '[[locations]]\nname = "A"\naddress = "1 Main St, Town, WI 53000"\nphone = "414-224-8219"\n'
)


@pytest.mark.parametrize(
    ("text", "key", "allowed"),
    [
        (LOCATION + 'fax = "1"\n', "locations[1].fax", "name, address, phone"),
        (LOCATION.replace('phone = "414-224-8219"\n', ""), "locations[1].phone", "needs"),
        (LOCATION.replace("414-224-8219", "call us"), "locations[1].phone", "414-224-8219"),
        (LOCATION.replace('"A"', '""'), "locations[1].name", "short name"),
        (LOCATION.replace('"A"', "3"), "locations[1].name", "short name"),
        (LOCATION + LOCATION, "locations[2].name", "unique names"),
        ("locations = [1]\n", "locations[1]", "[[locations]] tables"),
    ],
)
def test_bad_location_entries_name_the_entry(
    tmp_path: Path, text: str, key: str, allowed: str
) -> None:
    error = error_for(tmp_path, text)
    assert error.key == key
    assert allowed in str(error)


def test_bad_toml_names_the_file_and_line(tmp_path: Path) -> None:
    error = error_for(tmp_path, "clinic_name = 'a'\nidle_timeout_s = \n")
    assert "not valid TOML" in str(error) and "line 2" in str(error)


def test_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"clinic_name = '\xff'\n")
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(path)


def test_utf8_with_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes("\ufeffclinic_name = 'Clínica'\n".encode())
    assert load_settings(path).clinic_name == "Clínica"


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError, match="not found") as caught:
        load_settings(path)
    assert str(path) in str(caught.value)


def test_folder_instead_of_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="folder"):
        load_settings(tmp_path)


def test_unreadable_file_is_an_error_for_any_user(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "printer = ''\n")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ConfigError, match=r"cannot read the file \(Permission denied\)") as caught:
        load_settings(path)
    assert str(path) in str(caught.value)


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


def test_summary_never_shows_the_pin_hash(tmp_path: Path) -> None:
    pin_hash = hash_pin("4829")
    settings = load_settings(write(tmp_path, f'staff_pin_hash = "{pin_hash}"\n'))
    summary = settings_summary(settings)
    assert pin_hash not in summary
    for part in pin_hash.split("$")[-2:]:
        assert part not in summary
    assert "staff PIN:            set" in summary
    assert str(settings.source) in summary


def test_summary_has_a_line_for_every_key_in_one_column() -> None:
    lines = settings_summary(Settings()).splitlines()
    labels = [line.partition(":")[0] for line in lines]
    shown_otherwise = {
        "locations": "location",
        "staff_pin_hash": "staff PIN",
        "alert": "alert e-mail",
    }
    for key in KEYS:
        assert shown_otherwise.get(key, key) in labels
    values_at = {len(line) - len(line.split(":", 1)[1].lstrip()) for line in lines}
    # + file, + second location, + three more lines of [alert]
    assert len(values_at) == 1 and len(lines) == len(KEYS) + 5


def test_summary_lists_the_effective_settings() -> None:
    summary = settings_summary(Settings())
    assert "bodymechanics physical therapy" in summary
    assert "Pewaukee, 1177 Quail Court, Suite 200, Pewaukee, WI 53072, 262-695-3057" in summary
    assert "idle_timeout_s:       90" in summary
    assert "(system default)" in summary
    assert "built-in defaults" in summary
    assert "NOT set" in summary
