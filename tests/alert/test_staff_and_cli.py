"""Staff can check the alert: the panel's test button and last-alert line, and --test-alert."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.__main__ import main
from kiosk.alert import AlertSettings
from kiosk.config import Settings
from kiosk.ops_cli import check_config, send_test_alert
from kiosk.samples import SAMPLES
from tests.alert.conftest import StartHook, StartSmtp, free_port
from tests.ops_ui.helpers import PIN, FakeMachine, long_press, staff_for, type_pin, with_pin
from tests.ui.conftest import MakeWindow
from tests.ui.driver import button, tap_name, walk

WAIT_MS = 8000


def relay(port: int) -> AlertSettings:
    return AlertSettings(
        email_to=("frontdesk@clinic.example",),
        email_from="kiosk@clinic.example",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security="none",
    )


def panel(qtbot: Any, make_window: MakeWindow, settings: Settings) -> tuple[Any, Any]:
    window = make_window(settings=with_pin(settings))
    staff = staff_for(window, FakeMachine())
    long_press(qtbot, window, staff)
    with qtbot.waitSignal(staff.unlocked, timeout=3000):
        type_pin(qtbot, window, PIN)
    return window, staff


def test_the_panel_says_when_no_alert_is_configured(
    qtbot: Any, make_window: MakeWindow, settings: Settings
) -> None:
    _window, staff = panel(qtbot, make_window, settings)
    assert staff.panel.lines["alert"].text() == (
        "No alert is configured: patients are asked to go to the front desk."
    )


@pytest.mark.parametrize("works", [True, False], ids=["delivered", "refused"])
def test_send_a_test_alert_from_the_panel(
    qtbot: Any, make_window: MakeWindow, settings: Settings, start_smtp: StartSmtp, works: bool
) -> None:
    port, box = start_smtp() if works else (free_port(), None)
    window, staff = panel(qtbot, make_window, replace(settings, alert=relay(port)))
    assert staff.panel.lines["alert"].text() == "None since the kiosk started."
    with qtbot.waitSignal(window.alert_runner.finished, timeout=WAIT_MS):
        tap_name(qtbot, window, "staff_test_alert")
        assert staff.panel.test_result.text() == "Sending a test alert…"
    line = staff.panel.lines["alert"].text()
    expected = "e-mail delivered" if works else "e-mail FAILED (refused)"
    assert line.endswith(f"(test): {expected}") and staff.panel.test_result.text() == line
    assert button(window, "staff_test_alert").isEnabled()
    if box is not None:
        (message,) = box.texts()
        assert "TEST of the front-desk alert" in message and "No patient is waiting" in message


def test_the_panel_shows_the_last_urgent_alert(
    qtbot: Any, make_window: MakeWindow, settings: Settings, start_smtp: StartSmtp
) -> None:
    port, box = start_smtp()
    window = make_window(settings=with_pin(replace(settings, alert=relay(port))))
    staff = staff_for(window, FakeMachine())
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["fever"]})
    qtbot.waitUntil(lambda: window.session.alert_state == "delivered", timeout=WAIT_MS)
    long_press(qtbot, window, staff)
    with qtbot.waitSignal(staff.unlocked, timeout=3000):
        type_pin(qtbot, window, PIN)
    line = staff.panel.lines["alert"].text()
    assert line.endswith(": e-mail delivered") and "(test)" not in line
    assert len(box.messages) == 1


def _config(tmp_path: Path, alert_toml: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"[alert]\n{alert_toml}\n", encoding="utf-8")
    return path


def _relay_toml(port: int) -> str:
    return (
        'email_to = ["frontdesk@clinic.example"]\nemail_from = "kiosk@clinic.example"\n'
        f'smtp_host = "127.0.0.1"\nsmtp_port = {port}\nsmtp_security = "none"\n'
    )


def test_cli_test_alert_delivered(tmp_path: Path, start_smtp: StartSmtp) -> None:
    port, box = start_smtp()
    out, err = io.StringIO(), io.StringIO()
    code = send_test_alert(_config(tmp_path, _relay_toml(port)), out, err)
    assert code == 0, out.getvalue() + err.getvalue()
    assert out.getvalue().splitlines() == ["email: delivered", "webhook: not configured"]
    assert len(box.messages) == 1


def test_cli_test_alert_failed_channel_exits_1(
    tmp_path: Path, start_smtp: StartSmtp, start_hook: StartHook
) -> None:
    port, _box = start_smtp()
    url, _hook = start_hook(status=500)
    toml = _relay_toml(port) + f'webhook_url = "{url}"\n'
    out = io.StringIO()
    assert send_test_alert(_config(tmp_path, toml), out, io.StringIO()) == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "email: delivered"
    assert lines[1].startswith("webhook: FAILED (http_500): http://127.0.0.1:")
    assert "SECRET-TOKEN" not in out.getvalue()


def test_cli_test_alert_refused(tmp_path: Path) -> None:
    port = free_port()
    out = io.StringIO()
    assert send_test_alert(_config(tmp_path, _relay_toml(port)), out, io.StringIO()) == 1
    assert out.getvalue().splitlines()[0] == (
        f"email: FAILED (refused): connection refused by 127.0.0.1:{port}"
    )


def test_cli_test_alert_says_when_nothing_is_configured(tmp_path: Path) -> None:
    out = io.StringIO()
    assert send_test_alert(_config(tmp_path, ""), out, io.StringIO()) == 1
    assert "no alert is configured" in out.getvalue()


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("timeout_s = 1", "alert.timeout_s"),
        ("timeout_s = 61", "alert.timeout_s"),
        ("smtp_security = 'ssl'", "alert.smtp_security"),
        ("email_to = ['front desk']", "alert.email_to"),
        ("webhook_url = 'http://example.org/hook'", "alert.webhook_url"),
        ("colour = 'red'", "alert.colour"),
        ("email_to = ['a@clinic.example']", "alert.email_from"),
        (
            "email_to = ['a@clinic.example']\nemail_from = 'k@clinic.example'\n"
            "smtp_host = 'smtp.example.com'\nsmtp_security = 'none'",
            "alert.smtp_security",
        ),
        ("smtp_user = 'kiosk'", "alert.smtp_password_file"),
    ],
)
def test_a_bad_alert_setting_is_named_and_exits_2(tmp_path: Path, toml: str, key: str) -> None:
    path = _config(tmp_path, toml)
    err = io.StringIO()
    assert check_config(path, io.StringIO(), err) == 2
    assert f"{path}: {key}: " in err.getvalue()
    assert main(["--test-alert", "--config", str(path)]) == 2


def test_check_config_shows_the_channels_but_not_the_webhook_secret(tmp_path: Path) -> None:
    toml = _relay_toml(587) + 'webhook_url = "https://hooks.example.com/services/T0/B0/SECRET"\n'
    out = io.StringIO()
    assert check_config(_config(tmp_path, toml), out, io.StringIO()) == 0
    text = out.getvalue()
    assert "alert e-mail:         to frontdesk@clinic.example" in text
    assert "https://hooks.example.com/..." in text and "SECRET" not in text
