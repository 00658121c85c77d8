"""Front-desk alerts: tell a person that a patient needs to be seen now, with no patient data.

    from kiosk.alert import new_reference, send_alert
    outcome = send_alert(settings, new_reference())  # blocks up to 2 x timeout: a worker's job
    outcome.delivered  # True once the mail relay accepted it or the webhook answered 2xx

This package loads no network module until an alert is sent, and no Qt ever.
"""

from __future__ import annotations

from kiosk.alert.model import (
    CHANNELS,
    DELIVERED,
    FAILED,
    NOT_CONFIGURED,
    SECURITIES,
    AlertOutcome,
    AlertSettings,
    ChannelOutcome,
    alert_text,
    is_lan_host,
    is_loopback_host,
    new_reference,
    url_host,
)
from kiosk.alert.send import alerts_configured, not_configured, send_alert

__all__ = [
    "CHANNELS",
    "DELIVERED",
    "FAILED",
    "NOT_CONFIGURED",
    "SECURITIES",
    "AlertOutcome",
    "AlertSettings",
    "ChannelOutcome",
    "alert_text",
    "alerts_configured",
    "is_lan_host",
    "is_loopback_host",
    "new_reference",
    "not_configured",
    "send_alert",
    "url_host",
]
