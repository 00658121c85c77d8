"""The urgent screen, reached by tapping through the real window, follows the real alert.

Each case sends through a real local server (or none), checks the words on the screen in
both languages, that the screen came before the alert's outcome, and that the patient's
name is in no alert, no log line and no file outside the output folder.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk import delivery
from kiosk.alert import AlertSettings, send_alert
from kiosk.config import Settings
from kiosk.logs import setup_logging, shutdown_logging
from kiosk.samples import SAMPLES
from kiosk.ui import KioskWindow
from tests.alert.conftest import USER, StartHook, StartSmtp, Tls, free_port
from tests.ops_ui.test_privacy import MARKS, FakePrinter, files_under, holds_a_mark
from tests.ui.conftest import MakeWindow
from tests.ui.driver import page_id, tap_name, texts_in, walk

NAME = "Zyxwvutsrq Qwertyuiop"
SHORT = 0.2
WAIT_MS = 8000
DELIVERED_EN = (
    "We have told the front desk. Someone will come to you. "
    "If no one comes in 2 minutes, please go to the front desk."
)
DELIVERED_ES = (
    "Ya avisamos a la recepción. Alguien vendrá a atenderla. "
    "Si nadie viene en 2 minutos, por favor, vaya a la recepción."
)
PENDING_EN = "We are letting the front desk know. Please stay here for a moment."
GO_EN, GO_ES = "Please go to the front desk now.", "Por favor, vaya ahora a la recepción."


@dataclass
class Case:
    """One way the alert can go: the settings to use, and what came of it at the server."""

    alert: AlertSettings
    received: Callable[[], list[str]]
    delivered: bool


def smtp(port: int, **options: Any) -> AlertSettings:
    return AlertSettings(
        email_to=("frontdesk@clinic.example",),
        email_from="kiosk@clinic.example",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security=options.pop("security", "none"),
        **options,
    )


def _case(
    name: str,
    start_smtp: StartSmtp,
    start_hook: StartHook,
    silent_port: int,
    password_file: Path,
) -> Case:
    if name == "smtp_delivered":
        port, box = start_smtp()
        return Case(smtp(port), box.texts, True)
    if name == "starttls_login_delivered":
        port, box = start_smtp(starttls=True)
        settings = smtp(port, security="starttls", smtp_user=USER, smtp_password_file=password_file)
        return Case(settings, box.texts, True)
    if name == "webhook_delivered":
        url, hook = start_hook()
        return Case(AlertSettings(webhook_url=url), lambda: [b.decode() for b in hook.raw], True)
    if name == "smtp_refused":
        return Case(smtp(free_port()), list, False)
    if name == "webhook_refused":
        return Case(AlertSettings(webhook_url=f"http://127.0.0.1:{free_port()}/x"), list, False)
    if name == "smtp_silent":
        return Case(smtp(silent_port, timeout_s=SHORT), list, False)
    if name == "webhook_silent":
        url = f"http://127.0.0.1:{silent_port}/x"
        return Case(AlertSettings(webhook_url=url, timeout_s=SHORT), list, False)
    if name == "starttls_refused":
        port, box = start_smtp(refuse_starttls=True)
        return Case(smtp(port, security="starttls"), box.texts, False)
    if name == "smtp_554":
        port, box = start_smtp(answer="554 5.7.1 Message rejected")
        return Case(smtp(port), box.texts, False)
    if name == "webhook_500":
        url, hook = start_hook(status=500)
        return Case(AlertSettings(webhook_url=url), lambda: [b.decode() for b in hook.raw], False)
    if name == "password_file_readable_by_others":
        port, box = start_smtp(starttls=True)
        password_file.chmod(0o644)
        settings = smtp(port, security="starttls", smtp_user=USER, smtp_password_file=password_file)
        return Case(settings, box.texts, False)
    assert name == "not_configured"
    return Case(AlertSettings(), list, False)


CASES = [
    "smtp_delivered",
    "starttls_login_delivered",
    "webhook_delivered",
    "smtp_refused",
    "webhook_refused",
    "smtp_silent",
    "webhook_silent",
    "starttls_refused",
    "smtp_554",
    "webhook_500",
    "password_file_readable_by_others",
    "not_configured",
]


def alert_window(make_window: MakeWindow, tmp_path: Path, alert: AlertSettings, tls: Tls) -> Any:
    settings = Settings(output_dir=tmp_path / "summaries", alert=alert)
    return make_window(
        settings=settings,
        deliver=partial(delivery.deliver_summary, printer=FakePrinter()),
        alert=partial(send_alert, context=tls.client),
    )


class Order:
    """The order in which the urgent page appeared and the alert's outcome came back."""

    def __init__(self, window: KioskWindow) -> None:
        self.events: list[str] = []
        window.page_changed.connect(self.events.append)
        window.alert_runner.finished.connect(lambda *_: self.events.append("alert_done"))


def alert_line(window: KioskWindow) -> str:
    return str(window.current_page().findChild(object, "urgent_alert").text())


def shown(window: KioskWindow, text: str) -> bool:
    return text in texts_in(window.current_page())


@pytest.mark.parametrize("name", CASES)
def test_the_urgent_screen_follows_the_alert(
    qtbot: Any,
    make_window: MakeWindow,
    tmp_path: Path,
    tls: Tls,
    start_smtp: StartSmtp,
    start_hook: StartHook,
    silent_port: int,
    password_file: Path,
    name: str,
) -> None:
    started = time.time()
    case = _case(name, start_smtp, start_hook, silent_port, password_file)
    logs = tmp_path / "logs"
    log_file = setup_logging(logs)
    try:
        window = alert_window(make_window, tmp_path, case.alert, tls)
        order = Order(window)
        answers = {**SAMPLES["ready_for_assessment"], "patient_name": NAME}
        walk(qtbot, window, {**answers, "warning_signs": ["fever"]})
        assert page_id(window) == "urgent"
        configured = name != "not_configured"
        assert window.session.alert_state in (("pending",) if configured else ("not_configured",))
        if configured:
            qtbot.waitUntil(lambda: "alert_done" in order.events, timeout=WAIT_MS)
            assert order.events.index("urgent") < order.events.index("alert_done")
        assert window.session.alert_state == (
            "delivered" if case.delivered else ("failed" if configured else "not_configured")
        )
        assert alert_line(window) == (DELIVERED_EN if case.delivered else GO_EN)
        assert not shown(window, "You can say: I need to talk to someone in private.")
        tap_name(qtbot, window, "language")
        assert alert_line(window) == (DELIVERED_ES if case.delivered else GO_ES)
        assert window.delivery_runner.wait(10_000) and window.alert_runner.wait(10_000)
        qtbot.waitUntil(lambda: not window.delivery_runner.busy(), timeout=WAIT_MS)
        reference = window.session.alert_reference
        tap_name(qtbot, window, "done")
    finally:
        shutdown_logging()
    received = case.received()
    if case.delivered:
        assert len(received) == 1  # one alert for one urgent patient
    for message in received:
        assert reference in message and not any(mark in message.lower() for mark in MARKS)
        assert "needs to be seen now" in message
    output = tmp_path / "summaries"
    (pdf,) = list(output.iterdir())
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert (f"Front-desk alert reference: {reference}" in text) == configured
    assert log_file is not None
    log_text = "".join(p.read_text(errors="replace") for p in logs.iterdir()).lower()
    assert "alert." in log_text and not any(mark in log_text for mark in MARKS)
    outside = [p for p in files_under(tmp_path, since=started) if output not in p.parents]
    assert not [p for p in outside if holds_a_mark(p)]


@pytest.mark.parametrize("delivered", [True, False], ids=["delivered", "failed"])
def test_thoughts_of_self_harm_are_never_asked_aloud_at_the_desk_after_an_alert(
    qtbot: Any,
    make_window: MakeWindow,
    tmp_path: Path,
    tls: Tls,
    start_smtp: StartSmtp,
    delivered: bool,
) -> None:
    port = start_smtp()[0] if delivered else free_port()
    window = alert_window(make_window, tmp_path, smtp(port), tls)
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["self_harm"]})
    qtbot.waitUntil(lambda: window.session.alert_state != "pending", timeout=WAIT_MS)
    private = "You can say: I need to talk to someone in private."
    if delivered:
        assert alert_line(window) == (
            "We have told the front desk. Someone will come to talk with you in private. "
            "If no one comes in 2 minutes, please go to the front desk."
        )
        assert private not in alert_line(window)
    else:
        assert alert_line(window) == f"{GO_EN} {private}"
    assert shown(window, window.texts.text("en", "urgent_988"))
    tap_name(qtbot, window, "language")
    expected_es = (
        "Ya avisamos a la recepción. Alguien vendrá a hablar con usted en privado. "
        "Si nadie viene en 2 minutos, por favor, vaya a la recepción."
        if delivered
        else f"{GO_ES} Puede decir: «Necesito hablar con alguien en privado»."
    )
    assert alert_line(window) == expected_es
    assert shown(window, window.texts.text("es", "urgent_988"))


def test_the_screen_is_up_and_calm_while_the_relay_has_not_answered(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path, tls: Tls, start_smtp: StartSmtp
) -> None:
    hold = threading.Event()
    port, box = start_smtp(hold=hold)
    window = alert_window(make_window, tmp_path, smtp(port), tls)
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["chest_pain"]})
    assert page_id(window) == "urgent" and window.session.alert_state == "pending"
    assert alert_line(window) == PENDING_EN
    assert not shown(window, GO_EN) and not shown(window, DELIVERED_EN)
    tap_name(qtbot, window, "language")  # the screen answers while the alert is out
    assert alert_line(window) == (
        "Estamos avisando a la recepción. Por favor, quédese aquí un momento."
    )
    hold.set()
    qtbot.waitUntil(lambda: window.session.alert_state == "delivered", timeout=WAIT_MS)
    assert alert_line(window) == DELIVERED_ES and len(box.messages) == 1


def test_a_late_outcome_never_reaches_the_next_patient(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path, tls: Tls, start_smtp: StartSmtp
) -> None:
    hold = threading.Event()
    port, box = start_smtp(hold=hold)
    window = alert_window(make_window, tmp_path, smtp(port), tls)
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["fever"]})
    assert window.session.alert_state == "pending"
    tap_name(qtbot, window, "done")  # she leaves before the relay answers
    assert page_id(window) == "welcome" and window.session.alert_state == ""
    with qtbot.waitSignal(window.alert_runner.finished, timeout=WAIT_MS):
        hold.set()
    assert len(box.messages) == 1  # the desk was still told
    assert window.session.alert_state == ""  # but nothing of it is in the new session
    hold.clear()
    walk(qtbot, window, {**SAMPLES["ready_for_assessment"], "warning_signs": ["wound"]})
    assert window.session.alert_state == "pending"  # her own alert, not the last one's outcome
    assert alert_line(window) == PENDING_EN
    hold.set()
    qtbot.waitUntil(lambda: window.session.alert_state == "delivered", timeout=WAIT_MS)
    assert len(box.messages) == 2
