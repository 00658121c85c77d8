"""Real local servers for the alert tests: an SMTP relay (aiosmtpd) and an HTTP(S) webhook.

Everything listens on 127.0.0.1 on a free port. The TLS certificate comes from trustme,
and the client trusts it through the `context` that send_alert takes.
"""

from __future__ import annotations

import asyncio
import json
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_string
from email.policy import default
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.ops_ui.conftest import delivery, make_window, questionnaire, settings

__all__ = ["delivery", "make_window", "questionnaire", "settings"]

USER, PASSWORD = "kiosk@clinic.example", "correct horse 7"
HOLD_S = 10


def free_port() -> int:
    """A port nothing listens on (connecting to it is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Mailbox:
    """What the relay received, and a gate the test can hold it at (before it answers DATA)."""

    answer: str = "250 2.0.0 OK"
    messages: list[str] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)
    hold: threading.Event | None = None

    def texts(self) -> list[str]:
        """Each message as a reader sees it: subject, a blank line, the decoded body."""
        found = []
        for raw in self.messages:
            message = message_from_string(raw, policy=default)
            body = message.get_body(("plain",))
            content = body.get_content() if body is not None else ""
            found.append(f"{message['Subject']}\n\n{content}")
        return found

    async def handle_DATA(self, _server: SMTP, _session: Session, envelope: Envelope) -> str:
        if self.hold is not None:
            gate = self.hold
            await asyncio.get_running_loop().run_in_executor(None, gate.wait, HOLD_S)
        content = envelope.content
        text = content.decode("utf-8", "replace") if isinstance(content, bytes) else str(content)
        self.messages.append(text)
        return self.answer

    def authenticate(
        self, _server: SMTP, _session: Session, _envelope: Envelope, _mech: str, data: Any
    ) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            USER.encode(),
            PASSWORD.encode(),
        )
        if ok:
            self.logins.append(USER)
        return AuthResult(success=ok)


class RefusingStartTLS(SMTP):
    """Offers STARTTLS in EHLO, then refuses it."""

    async def smtp_STARTTLS(self, arg: str) -> None:
        await self.push("454 4.7.0 TLS not available due to temporary reason")


class _Relay(Controller):
    def __init__(self, handler: Mailbox, smtp_class: type[SMTP], **kwargs: Any) -> None:
        self.smtp_class = smtp_class
        super().__init__(handler, hostname="127.0.0.1", port=free_port(), **kwargs)

    def factory(self) -> SMTP:
        return self.smtp_class(self.handler, **self.SMTP_kwargs)


@dataclass(frozen=True)
class Tls:
    server: ssl.SSLContext
    client: ssl.SSLContext


@pytest.fixture(scope="session")
def tls() -> Tls:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(server)
    client = ssl.create_default_context()
    ca.configure_trust(client)
    return Tls(server, client)


StartSmtp = Callable[..., tuple[int, Mailbox]]


@pytest.fixture
def start_smtp(tls: Tls) -> Iterator[StartSmtp]:
    """Start a relay: `start_smtp(answer=, starttls=, refuse_starttls=, implicit_tls=, hold=)`."""
    relays: list[_Relay] = []

    def start(
        *,
        answer: str = "250 2.0.0 OK",
        starttls: bool = False,
        refuse_starttls: bool = False,
        implicit_tls: bool = False,
        hold: threading.Event | None = None,
    ) -> tuple[int, Mailbox]:
        box = Mailbox(answer=answer, hold=hold)
        options: dict[str, Any] = {}
        if implicit_tls:
            options["ssl_context"] = tls.server
            options["authenticator"] = box.authenticate
            options["auth_require_tls"] = False  # aiosmtpd counts only STARTTLS as TLS
        if starttls or refuse_starttls:
            options["tls_context"] = tls.server
        if starttls:
            options["authenticator"] = box.authenticate
        relay = _Relay(box, RefusingStartTLS if refuse_starttls else SMTP, **options)
        relay.start()
        relays.append(relay)
        return relay.port, box

    yield start
    for relay in relays:
        if relay.handler.hold is not None:
            relay.handler.hold.set()
        relay.stop()


@dataclass
class Hook:
    """What the webhook received, and the status it answers with."""

    status: int = 200
    bodies: list[dict[str, Any]] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)


StartHook = Callable[..., tuple[str, Hook]]


@pytest.fixture
def start_hook(tls: Tls) -> Iterator[StartHook]:
    """Start a webhook: `start_hook(status=200, https=False)` gives (url, hook)."""
    servers: list[ThreadingHTTPServer] = []
    threads: list[threading.Thread] = []

    def start(*, status: int = 200, https: bool = False) -> tuple[str, Hook]:
        hook = Hook(status=status)

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                hook.raw.append(body)
                hook.bodies.append(json.loads(body))
                self.send_response(hook.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *_args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if https:
            server.socket = tls.server.wrap_socket(server.socket, server_side=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append(server)
        threads.append(thread)
        scheme = "https" if https else "http"
        return f"{scheme}://127.0.0.1:{server.server_address[1]}/hooks/SECRET-TOKEN", hook

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
    for thread in threads:
        thread.join(5)


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections (the kernel does) and never says a word."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield int(listener.getsockname()[1])


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "smtp-password"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path
