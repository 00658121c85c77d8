"""The two ways an alert travels: e-mail through the clinic's SMTP relay, and a webhook POST.

Each function either returns (delivered) or raises `ChannelFailure` with a short code and
one line for staff. Nothing here names the patient: the text handed in holds no patient data,
and error lines name hosts and codes only (never a webhook's path, which holds its secret).
"""

from __future__ import annotations

import json
import os
import smtplib
import socket
import ssl
import stat
import urllib.error
import urllib.request
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import kiosk
from kiosk.alert.model import AlertSettings, is_lan_host, is_loopback_host, url_host

# Codes that another attempt cannot fix: no retry for these.
PERMANENT = frozenset(
    {
        "password_file",
        "login_failed",
        "starttls_unavailable",
        "tls_error",
        "recipients_refused",
        "sender_refused",
        "not_allowed",
        "bad_url",
        "http_400",
        "http_401",
        "http_403",
        "http_404",
        "http_410",
    }
)


class ChannelFailure(Exception):
    """A channel did not deliver: `reason` is a code, `detail` one line for staff."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail

    @property
    def permanent(self) -> bool:
        return self.reason in PERMANENT


def read_password(path: Path) -> str:
    """The SMTP password: the first line of a file only the kiosk's user may read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ChannelFailure("password_file", f"password file {path} not found") from None
    except OSError as exc:
        raise ChannelFailure(
            "password_file", f"password file {path} cannot be read ({exc.strerror or exc})"
        ) from None
    if os.name == "posix":
        if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise ChannelFailure(
                "password_file",
                f"password file {path} can be read by other users; run: chmod 600 {path}",
            )
        if info.st_uid != os.geteuid():
            raise ChannelFailure(
                "password_file", f"password file {path} belongs to another user, not the kiosk's"
            )
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ChannelFailure(
            "password_file", f"password file {path} cannot be read ({type(exc).__name__})"
        ) from None
    if not lines or not lines[0].strip():
        raise ChannelFailure("password_file", f"password file {path} is empty")
    return lines[0].strip()


def _network_failure(exc: BaseException, where: str, timeout: float) -> ChannelFailure:
    if isinstance(exc, TimeoutError | socket.timeout):
        return ChannelFailure("timeout", f"no answer from {where} within {timeout:g} s")
    if isinstance(exc, ConnectionRefusedError):
        return ChannelFailure("refused", f"connection refused by {where}")
    if isinstance(exc, socket.gaierror):
        return ChannelFailure("unknown_host", f"host of {where} not found")
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return ChannelFailure("tls_error", f"TLS with {where} failed ({type(exc).__name__})")
    return ChannelFailure("network_error", f"{where}: {type(exc).__name__}")


def _message(alert: AlertSettings, subject: str, text: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = alert.email_from
    message["To"] = ", ".join(alert.email_to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=alert.email_from.rpartition("@")[2] or None)
    message.set_content(text)
    return message


def _smtp_session(alert: AlertSettings, timeout: float, context: ssl.SSLContext) -> smtplib.SMTP:
    host, port = alert.smtp_host, alert.smtp_port
    if alert.smtp_security == "tls":
        return smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    smtp = smtplib.SMTP(host, port, timeout=timeout)
    if alert.smtp_security == "starttls":
        smtp.ehlo()
        if not smtp.has_extn("starttls"):
            if is_loopback_host(host) and not alert.smtp_user:
                # A relay on this machine: the message never crosses a network, and no
                # password is sent, so plain is what "none" would allow anyway.
                return smtp
            smtp.close()
            raise ChannelFailure("starttls_unavailable", f"{host}:{port} does not offer STARTTLS")
        try:
            smtp.starttls(context=context)
        except smtplib.SMTPResponseException as exc:
            smtp.close()
            raise ChannelFailure(
                "starttls_refused", f"{host}:{port} refused STARTTLS ({exc.smtp_code})"
            ) from None
        smtp.ehlo()
    return smtp


def send_email(
    alert: AlertSettings,
    subject: str,
    text: str,
    *,
    timeout: float,
    context: ssl.SSLContext | None = None,
) -> None:
    """Hand the alert to the SMTP relay; returns once the relay accepted it."""
    where = f"{alert.smtp_host}:{alert.smtp_port}"
    if alert.smtp_security == "none" and not is_lan_host(alert.smtp_host):
        raise ChannelFailure("not_allowed", f"plain SMTP to {where} is not on this machine or LAN")
    password = ""
    if alert.smtp_user:
        if alert.smtp_password_file is None:
            raise ChannelFailure("password_file", "smtp_user is set but smtp_password_file is not")
        password = read_password(alert.smtp_password_file)
    context = context if context is not None else ssl.create_default_context()
    try:
        smtp = _smtp_session(alert, timeout, context)
        try:
            if alert.smtp_user:
                smtp.login(alert.smtp_user, password)
            smtp.send_message(_message(alert, subject, text))
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()
    except ChannelFailure:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise ChannelFailure(
            "login_failed", f"{where} refused the login ({exc.smtp_code})"
        ) from None
    except smtplib.SMTPRecipientsRefused:
        raise ChannelFailure("recipients_refused", f"{where} refused every address") from None
    except smtplib.SMTPSenderRefused as exc:
        raise ChannelFailure(
            "sender_refused", f"{where} refused the sender ({exc.smtp_code})"
        ) from None
    except smtplib.SMTPResponseException as exc:
        raise ChannelFailure(f"smtp_{exc.smtp_code}", f"{where} answered {exc.smtp_code}") from None
    except smtplib.SMTPServerDisconnected as exc:
        if isinstance(exc.__context__, OSError):  # smtplib's word for a read that timed out
            raise _network_failure(exc.__context__, where, timeout) from None
        raise ChannelFailure("disconnected", f"{where} closed the connection") from None
    except smtplib.SMTPException as exc:
        raise ChannelFailure("smtp_error", f"{where}: {type(exc).__name__}") from None
    except (OSError, ValueError) as exc:
        raise _network_failure(exc, where, timeout) from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer that is not 2xx: never follow it (it could leave HTTPS)."""

    def redirect_request(self, *_args: Any, **_kwargs: Any) -> None:
        return None


def post_webhook(
    url: str, text: str, *, timeout: float, context: ssl.SSLContext | None = None
) -> None:
    """POST ``{"text": ...}`` as JSON; returns when the server answered 2xx."""
    where = url_host(url)
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), parts.hostname
    except ValueError:
        raise ChannelFailure("bad_url", "webhook_url is not a URL") from None
    if scheme != "https" and not (scheme == "http" and host and is_loopback_host(host)):
        raise ChannelFailure("not_allowed", f"{where}: only https, or http to this machine")
    body = json.dumps({"text": text}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": f"postpartum-run-kiosk/{kiosk.__version__}",
        },
    )
    context = context if context is not None else ssl.create_default_context()
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), _NoRedirect()
    )
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read(4096)
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        exc.close()
        raise ChannelFailure(f"http_{exc.code}", f"{where} answered {exc.code}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason if isinstance(exc.reason, BaseException) else exc
        raise _network_failure(reason, where, timeout) from None
    except (OSError, ValueError) as exc:
        raise _network_failure(exc, where, timeout) from None
    if not 200 <= status < 300:
        raise ChannelFailure(f"http_{status}", f"{where} answered {status}")
