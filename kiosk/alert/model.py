"""What an alert is: its settings, the words it sends, its reference, and its outcome."""

from __future__ import annotations

import ipaddress
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

DELIVERED = "delivered"  # the mail relay accepted the message, or the webhook answered 2xx
FAILED = "failed"
NOT_CONFIGURED = "not_configured"
CHANNELS = ("email", "webhook")
SECURITIES = ("starttls", "tls", "none")

# "The clinic's LAN": plain SMTP (no TLS) is allowed only to a relay on this machine or on a
# private network, named by its address (a host name could resolve anywhere) or "localhost".
LAN_NETWORKS = tuple(
    ipaddress.ip_network(net)
    for net in (
        "127.0.0.0/8",  # this machine
        "10.0.0.0/8",  # RFC 1918 private networks
        "172.16.0.0/12",
        "192.168.0.0/16",
        "169.254.0.0/16",  # link-local
        "::1/128",
        "fc00::/7",  # IPv6 unique local
        "fe80::/10",  # IPv6 link-local
    )
)
LOOPBACK_NETWORKS = tuple(ipaddress.ip_network(net) for net in ("127.0.0.0/8", "::1/128"))
# Letters and digits that cannot be mistaken for one another when read aloud or off paper.
REFERENCE_ALPHABET = "ACDEFHJKMNPRTUVWXY34679"
REFERENCE_LENGTH = 4


@dataclass(frozen=True)
class AlertSettings:
    """The `[alert]` table: who is told, how, and how long to try (see docs/deploy.md)."""

    kiosk_name: str = ""  # "" = the first location's name
    email_to: tuple[str, ...] = ()
    email_from: str = ""
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_security: str = "starttls"
    smtp_user: str = ""
    smtp_password_file: Path | None = None
    webhook_url: str = ""
    timeout_s: float = 10.0  # per channel and attempt; one retry

    @property
    def email_on(self) -> bool:
        return bool(self.email_to)

    @property
    def webhook_on(self) -> bool:
        return bool(self.webhook_url)


def _in(host: str, networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return any(address in network for network in networks)


def is_loopback_host(host: str) -> bool:
    """ "localhost", or an address of this machine (127.0.0.0/8, ::1)."""
    return _in(host, LOOPBACK_NETWORKS)


def is_lan_host(host: str) -> bool:
    """This machine or the clinic's LAN: "localhost", a loopback, private or link-local address."""
    return _in(host, LAN_NETWORKS)


def url_host(url: str) -> str:
    """Only the scheme and host of a URL: a webhook's path holds its secret, never shown."""
    try:
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{parts.hostname or '?'}{port}"
    except ValueError:
        return "(not a URL)"


def new_reference() -> str:
    """A short random reference, printed on the urgent summary and sent in the alert."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def alert_text(kiosk_name: str, when: datetime, reference: str, *, test: bool = False) -> str:
    """The whole alert: the kiosk, the local time, what to do, the reference. No patient data."""
    clock = when.strftime("%H:%M")
    if test:
        return (
            f"TEST of the front-desk alert from the kiosk at {kiosk_name}, {clock}. "
            "No patient is waiting. If you can read this, urgent alerts reach you here."
        )
    return (
        f"Kiosk at {kiosk_name}, {clock}: a patient at the kiosk needs to be seen now. "
        f"Reference {reference} (printed at the top of her summary)."
    )


@dataclass(frozen=True)
class ChannelOutcome:
    """One channel's outcome: delivered, failed (with a short code and a staff line), or off."""

    channel: str
    state: str
    reason: str = ""  # a short code when failed: "timeout", "refused", "http_500", ...
    detail: str = ""  # one line for staff: what went wrong and where (no patient data)
    attempts: int = 0


@dataclass(frozen=True)
class AlertOutcome:
    """What became of one alert, channel by channel."""

    reference: str
    sent_at: datetime
    channels: tuple[ChannelOutcome, ...]

    @property
    def delivered(self) -> bool:
        """A person has been told: at least one channel delivered."""
        return any(c.state == DELIVERED for c in self.channels)

    @property
    def configured(self) -> bool:
        return any(c.state != NOT_CONFIGURED for c in self.channels)

    @property
    def failed(self) -> bool:
        return any(c.state == FAILED for c in self.channels)
