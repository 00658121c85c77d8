"""The `export_fhir` setting: off unless set to true; anything else names the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, Settings, load_settings, settings_summary


def _load(tmp_path: Path, text: str) -> Settings:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_off_by_default_and_on_when_set(tmp_path: Path) -> None:
    assert _load(tmp_path, "").export_fhir is False
    assert _load(tmp_path, "export_fhir = true\n").export_fhir is True
    assert "export_fhir:          true" in settings_summary(_load(tmp_path, "export_fhir = true"))


@pytest.mark.parametrize("value", ['"yes"', "1", '"true"'])
def test_only_true_or_false(tmp_path: Path, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, f"export_fhir = {value}\n")
    assert caught.value.key == "export_fhir"
    assert "allowed: true, false" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_example_config_shows_the_default() -> None:
    import tomllib

    from kiosk.config import default_config_text

    assert tomllib.loads(default_config_text())["export_fhir"] is False
