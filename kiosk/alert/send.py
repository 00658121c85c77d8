"""Send one alert over every configured channel at once: a timeout each, one retry, logged."""

from __future__ import annotations

import logging
import ssl
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from kiosk.alert.model import (
    DELIVERED,
    FAILED,
    NOT_CONFIGURED,
    AlertOutcome,
    AlertSettings,
    ChannelOutcome,
    alert_text,
)
from kiosk.logs import log_event

if TYPE_CHECKING:
    from kiosk.config import Settings

_log = logging.getLogger(__name__)
ATTEMPTS = 2  # the first try and one retry
SLACK_S = 1.0  # beyond ATTEMPTS x timeout before a silent channel counts as timed out


def alert_settings(settings: Settings | Any) -> AlertSettings:
    found = getattr(settings, "alert", None)
    return found if isinstance(found, AlertSettings) else AlertSettings()


def alerts_configured(settings: Settings | Any) -> bool:
    """Whether any channel (e-mail or webhook) is set up."""
    alert = alert_settings(settings)
    return alert.email_on or alert.webhook_on


def kiosk_name(settings: Settings | Any) -> str:
    alert = alert_settings(settings)
    if alert.kiosk_name:
        return alert.kiosk_name
    locations = getattr(settings, "locations", ())
    return str(locations[0].name) if locations else "the clinic"


def not_configured(reference: str = "", when: datetime | None = None) -> AlertOutcome:
    """The outcome when no channel is set up (nothing was sent)."""
    channels = tuple(ChannelOutcome(name, NOT_CONFIGURED) for name in ("email", "webhook"))
    return AlertOutcome(reference, when or datetime.now(), channels)


def _attempts(channel: str, send: Callable[[], None], reference: str) -> ChannelOutcome:
    from kiosk.alert.channels import ChannelFailure

    failure: ChannelFailure | None = None
    for attempt in range(1, ATTEMPTS + 1):
        try:
            send()
        except ChannelFailure as exc:
            failure = exc
        except Exception as exc:  # an unexpected fault counts as failed, never as delivered
            failure = ChannelFailure("error", f"{channel}: {type(exc).__name__}")
        else:
            log_event(_log, "alert.delivered", channel=channel, ref=reference, attempts=attempt)
            return ChannelOutcome(channel, DELIVERED, attempts=attempt)
        if failure.permanent:
            break
    assert failure is not None
    log_event(
        _log,
        "alert.failed",
        level=logging.WARNING,
        channel=channel,
        ref=reference,
        reason=failure.reason,
        attempts=attempt,
    )
    return ChannelOutcome(channel, FAILED, failure.reason, failure.detail, attempt)


def send_alert(
    settings: Settings | Any,
    reference: str,
    *,
    now: datetime | None = None,
    test: bool = False,
    timeout_s: float | None = None,
    context: ssl.SSLContext | None = None,
) -> AlertOutcome:
    """Tell the front desk over every configured channel, in parallel; never raises.

    Each channel gets `timeout_s` (default: the setting) per attempt and one retry;
    the call returns within about 2 x timeout + 1 s whatever the servers do.
    `context` replaces the system's TLS trust (tests with their own certificate).
    """
    from kiosk.alert.channels import post_webhook, send_email

    alert = alert_settings(settings)
    when = now or datetime.now()
    timeout = float(alert.timeout_s if timeout_s is None else timeout_s)
    text = alert_text(kiosk_name(settings), when, reference, test=test)
    subject = (
        f"TEST: kiosk alert from {kiosk_name(settings)}"
        if test
        else f"Kiosk {kiosk_name(settings)}: a patient needs to be seen now (ref {reference})"
    )
    jobs: dict[str, Callable[[], None]] = {}
    if alert.email_on:
        jobs["email"] = lambda: send_email(alert, subject, text, timeout=timeout, context=context)
    if alert.webhook_on:
        jobs["webhook"] = lambda: post_webhook(
            alert.webhook_url, text, timeout=timeout, context=context
        )
    if not jobs:
        log_event(_log, "alert.not_configured")
        return not_configured(reference, when)
    results: dict[str, ChannelOutcome] = {}

    def run(channel: str, send: Callable[[], None]) -> None:
        results[channel] = _attempts(channel, send, reference)

    threads = [
        threading.Thread(target=run, args=item, name=f"alert-{item[0]}", daemon=True)
        for item in jobs.items()
    ]
    for thread in threads:
        thread.start()
    end = time.monotonic() + ATTEMPTS * timeout + SLACK_S
    for thread in threads:  # side by side: together they wait no longer than one would
        thread.join(max(0.0, end - time.monotonic()))
    outcomes: list[ChannelOutcome] = []
    for channel in ("email", "webhook"):
        if channel not in jobs:
            outcomes.append(ChannelOutcome(channel, NOT_CONFIGURED))
        elif channel in results:
            outcomes.append(results[channel])
        else:
            log_event(
                _log, "alert.failed", level=logging.WARNING, channel=channel, reason="timeout"
            )
            detail = f"no outcome within {ATTEMPTS * timeout + SLACK_S:g} s"
            outcomes.append(ChannelOutcome(channel, FAILED, "timeout", detail, ATTEMPTS))
    return AlertOutcome(reference, when, tuple(outcomes))
