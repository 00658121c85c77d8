"""send_alert against real local servers: delivered, refused, silent, 5xx, STARTTLS, password."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from kiosk.alert import DELIVERED, FAILED, NOT_CONFIGURED, AlertSettings, channels, send_alert
from kiosk.config import Settings
from tests.alert.conftest import USER, StartHook, StartSmtp, Tls, free_port

WHEN = datetime(2026, 11, 30, 14, 7)
SHORT = 0.2  # the injected timeout for servers that never answer


def mail(port: int, **options: Any) -> Settings:
    alert = AlertSettings(
        kiosk_name="Pewaukee",
        email_to=("frontdesk@clinic.example",),
        email_from="kiosk@clinic.example",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=options.pop("security", "none"),
        **options,
    )
    return Settings(alert=alert)


def hook(url: str, **options: Any) -> Settings:
    return Settings(alert=AlertSettings(webhook_url=url, **options))


def channel(outcome: Any, name: str) -> Any:
    return next(c for c in outcome.channels if c.channel == name)


def test_plain_smtp_to_this_machine_is_delivered_with_no_patient_data(
    start_smtp: StartSmtp,
) -> None:
    port, box = start_smtp()
    outcome = send_alert(mail(port), "7K3Q", now=WHEN)
    assert outcome.delivered and channel(outcome, "email").state == DELIVERED
    assert channel(outcome, "webhook").state == NOT_CONFIGURED
    (message,) = box.texts()
    assert "a patient at the kiosk needs to be seen now" in message
    assert "Pewaukee" in message and "14:07" in message and "7K3Q" in message
    assert message.startswith("Kiosk Pewaukee: a patient needs to be seen now (ref 7K3Q)\n")


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_tls_with_login_is_delivered(
    start_smtp: StartSmtp, tls: Tls, password_file: Path, security: str
) -> None:
    if security == "starttls":
        port, box = start_smtp(starttls=True)
    else:
        port, box = start_smtp(implicit_tls=True)
    settings = mail(port, security=security, smtp_user=USER, smtp_password_file=password_file)
    outcome = send_alert(settings, "7K3Q", now=WHEN, context=tls.client)
    assert outcome.delivered, outcome
    assert box.logins == [USER] and len(box.messages) == 1


def test_starttls_without_trust_in_the_certificate_fails(
    start_smtp: StartSmtp, password_file: Path
) -> None:
    port, box = start_smtp(starttls=True)
    settings = mail(port, security="starttls", smtp_user=USER, smtp_password_file=password_file)
    outcome = send_alert(settings, "7K3Q", now=WHEN)  # the system's trust: not our test CA
    assert channel(outcome, "email").reason == "tls_error" and not box.messages


def test_a_refused_starttls_fails_and_sends_nothing_in_clear(start_smtp: StartSmtp) -> None:
    port, box = start_smtp(refuse_starttls=True)
    outcome = send_alert(mail(port, security="starttls"), "7K3Q", now=WHEN)
    email = channel(outcome, "email")
    assert email.state == FAILED and email.reason == "starttls_refused", email
    assert "refused STARTTLS" in email.detail and not box.messages
    assert email.attempts == 2  # a 454 is temporary: one retry


def test_a_relay_elsewhere_without_starttls_is_not_used_in_clear(
    start_smtp: StartSmtp, monkeypatch: pytest.MonkeyPatch
) -> None:
    port, box = start_smtp()
    monkeypatch.setattr(channels, "is_loopback_host", lambda _host: False)  # as if on the LAN
    outcome = send_alert(mail(port, security="starttls"), "7K3Q", now=WHEN)
    assert channel(outcome, "email").reason == "starttls_unavailable" and not box.messages


def test_a_relay_on_this_machine_without_starttls_takes_the_alert(start_smtp: StartSmtp) -> None:
    port, box = start_smtp()  # the default security (starttls), a local relay with no TLS
    outcome = send_alert(mail(port, security="starttls"), "7K3Q", now=WHEN)
    assert channel(outcome, "email").state == DELIVERED and len(box.messages) == 1


def test_a_login_is_never_sent_in_clear_even_to_this_machine(
    start_smtp: StartSmtp, password_file: Path
) -> None:
    port, box = start_smtp()
    settings = mail(port, security="starttls", smtp_user=USER, smtp_password_file=password_file)
    outcome = send_alert(settings, "7K3Q", now=WHEN)
    assert channel(outcome, "email").reason == "starttls_unavailable" and not box.messages


def test_connection_refused_is_retried_once_then_failed() -> None:
    outcome = send_alert(mail(free_port()), "7K3Q", now=WHEN)
    email = channel(outcome, "email")
    assert (email.state, email.reason, email.attempts) == (FAILED, "refused", 2)
    assert not outcome.delivered and outcome.failed


def test_a_relay_that_never_answers_times_out(silent_port: int) -> None:
    outcome = send_alert(mail(silent_port), "7K3Q", now=WHEN, timeout_s=SHORT)
    email = channel(outcome, "email")
    assert (email.state, email.reason, email.attempts) == (FAILED, "timeout", 2)


def test_a_relay_that_rejects_the_message_fails(start_smtp: StartSmtp) -> None:
    port, _box = start_smtp(answer="554 5.7.1 Message rejected")
    email = channel(send_alert(mail(port), "7K3Q", now=WHEN), "email")
    assert (email.state, email.reason) == (FAILED, "smtp_554")


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644])
def test_a_password_file_others_can_read_is_refused_and_named(
    start_smtp: StartSmtp, tls: Tls, password_file: Path, mode: int
) -> None:
    port, box = start_smtp(starttls=True)
    password_file.chmod(mode)
    settings = mail(port, security="starttls", smtp_user=USER, smtp_password_file=password_file)
    email = channel(send_alert(settings, "7K3Q", now=WHEN, context=tls.client), "email")
    assert (email.state, email.reason, email.attempts) == (FAILED, "password_file", 1)
    assert str(password_file) in email.detail and "chmod 600" in email.detail
    assert not box.logins and not box.messages


def test_a_webhook_answering_2xx_is_delivered_as_json_text(start_hook: StartHook) -> None:
    url, got = start_hook(status=204)
    outcome = send_alert(hook(url, kiosk_name="Milwaukee"), "7K3Q", now=WHEN)
    assert outcome.delivered and channel(outcome, "webhook").state == DELIVERED
    (body,) = got.bodies
    assert list(body) == ["text"]
    assert "Milwaukee, 14:07: a patient at the kiosk needs to be seen now" in body["text"]


def test_an_https_webhook_is_delivered(start_hook: StartHook, tls: Tls) -> None:
    url, got = start_hook(https=True)
    assert send_alert(hook(url), "7K3Q", now=WHEN, context=tls.client).delivered
    assert len(got.bodies) == 1


def test_a_webhook_answering_500_fails_after_one_retry(start_hook: StartHook) -> None:
    url, got = start_hook(status=500)
    webhook = channel(send_alert(hook(url), "7K3Q", now=WHEN), "webhook")
    assert (webhook.state, webhook.reason, webhook.attempts) == (FAILED, "http_500", 2)
    assert len(got.bodies) == 2
    assert "SECRET-TOKEN" not in webhook.detail  # the URL's path is its secret


def test_a_webhook_that_is_refused_or_silent_fails(silent_port: int) -> None:
    refused = send_alert(hook(f"http://127.0.0.1:{free_port()}/x"), "7K3Q", now=WHEN)
    assert channel(refused, "webhook").reason == "refused"
    silent = send_alert(hook(f"http://127.0.0.1:{silent_port}/x"), "R", now=WHEN, timeout_s=SHORT)
    assert channel(silent, "webhook").reason == "timeout"


def test_plain_http_or_smtp_off_this_machine_is_never_tried() -> None:
    outcome = send_alert(hook("http://192.0.2.1/x"), "7K3Q", now=WHEN)
    assert channel(outcome, "webhook").reason == "not_allowed"
    settings = Settings(
        alert=AlertSettings(
            email_to=("a@clinic.example",),
            email_from="k@clinic.example",
            smtp_host="smtp.example.com",
            smtp_security="none",
        )
    )
    assert channel(send_alert(settings, "7K3Q", now=WHEN), "email").reason == "not_allowed"


def test_one_channel_delivered_is_enough(start_smtp: StartSmtp) -> None:
    port, _box = start_smtp()
    settings = mail(port, webhook_url=f"http://127.0.0.1:{free_port()}/x")
    outcome = send_alert(settings, "7K3Q", now=WHEN)
    assert outcome.delivered and outcome.failed


def test_nothing_configured_sends_nothing() -> None:
    outcome = send_alert(Settings(), "7K3Q", now=WHEN)
    assert not outcome.configured and not outcome.delivered and not outcome.failed


def test_channels_run_side_by_side_within_the_bound(silent_port: int) -> None:
    """Two silent channels: the call still returns; each timed out on its own thread."""
    threads: list[str] = []
    original = threading.Thread.start

    def spy(self: threading.Thread) -> None:
        threads.append(self.name)
        original(self)

    settings = mail(silent_port, webhook_url=f"http://127.0.0.1:{silent_port}/x")
    threading.Thread.start = spy  # type: ignore[method-assign]
    try:
        outcome = send_alert(settings, "7K3Q", now=WHEN, timeout_s=SHORT)
    finally:
        threading.Thread.start = original  # type: ignore[method-assign]
    assert {"alert-email", "alert-webhook"} <= set(threads)
    assert [c.reason for c in outcome.channels] == ["timeout", "timeout"]
