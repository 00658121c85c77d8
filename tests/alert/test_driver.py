"""Several patients through the real window, alerts to a local relay: one per urgent visit."""

from __future__ import annotations

import re
import threading
from datetime import datetime
from email import message_from_string
from email.policy import default
from functools import partial
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from kiosk import delivery
from kiosk.alert import AlertOutcome, AlertSettings, send_alert
from kiosk.alert.model import DELIVERED, ChannelOutcome
from kiosk.config import Settings
from kiosk.samples import SAMPLES
from tests.alert.conftest import StartSmtp
from tests.ops_ui.test_privacy import FakePrinter
from tests.ui.conftest import MakeWindow
from tests.ui.driver import page_id, tap_name, texts_in, wait_page, walk

WAIT_MS = 8000
REF_RE = re.compile(r"\(ref ([A-Z0-9]{4})\)$")
HOOK = "https://hooks.clinic.example/frontdesk"  # never called: the alert is a stand-in


def test_one_alert_per_urgent_patient_and_none_for_the_others(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path, start_smtp: StartSmtp
) -> None:
    port, box = start_smtp()
    alert = AlertSettings(
        email_to=("frontdesk@clinic.example",),
        email_from="kiosk@clinic.example",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_security="none",
    )
    output = tmp_path / "summaries"
    window = make_window(
        settings=Settings(output_dir=output, alert=alert),
        deliver=partial(delivery.deliver_summary, printer=FakePrinter()),
        alert=send_alert,
    )
    visits: list[tuple[str, dict[str, Any]]] = [
        ("calm", SAMPLES["ready_for_assessment"]),
        ("urgent", {**SAMPLES["ready_for_assessment"], "warning_signs": ["fever"]}),
        ("calm", SAMPLES["not_yet"]),
        ("urgent", {**SAMPLES["build_foundation"], "warning_signs": ["self_harm", "wound"]}),
        ("calm", SAMPLES["build_foundation"]),
        ("urgent", {**SAMPLES["not_yet"], "warning_signs": ["chest_pain"]}),
        ("calm", SAMPLES["ready_for_assessment"]),
    ]
    references: list[str] = []
    for kind, answers in visits:
        before = len(box.messages)
        walk(qtbot, window, answers)
        if kind == "urgent":
            assert page_id(window) == "urgent"
            qtbot.waitUntil(lambda: window.session.alert_state == "delivered", timeout=WAIT_MS)
            references.append(window.session.alert_reference)
        else:
            tap_name(qtbot, window, "finish")
            wait_page(qtbot, window, "result")
            assert window.session.alert_state == ""
        assert window.delivery_runner.wait(10_000) and window.alert_runner.wait(10_000)
        qtbot.waitUntil(lambda: not window.delivery_runner.busy(), timeout=WAIT_MS)
        assert len(box.messages) == before + (kind == "urgent")
        with qtbot.waitSignal(window.session_reset, timeout=WAIT_MS):
            tap_name(qtbot, window, "done")
    assert len(box.messages) == 3 and len(set(references)) == 3
    subjects = [str(message_from_string(m, policy=default)["Subject"]) for m in box.messages]
    assert [REF_RE.search(s).group(1) for s in subjects] == references  # type: ignore[union-attr]
    printed = []
    for pdf in sorted(output.iterdir()):
        first = PdfReader(pdf).pages[0].extract_text()
        found = re.search(r"Front-desk alert reference: ([A-Z0-9]{4})", first)
        if found:
            printed.append(found.group(1))
    assert sorted(printed) == sorted(references)  # staff can match each alert to its page
    assert len(list(output.iterdir())) == len(visits)


class HeldAlert:
    """An alert function whose first call hangs until released, as a silent relay would."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started: list[str] = []
        self.finished: list[str] = []

    def __call__(self, settings: Settings, reference: str) -> AlertOutcome:
        self.started.append(reference)
        if len(self.started) == 1:
            self.release.wait(30)
        self.finished.append(reference)
        channel = ChannelOutcome("webhook", DELIVERED, attempts=1)
        return AlertOutcome(reference, datetime.now(), (channel,))


def test_a_second_urgent_patient_is_not_kept_waiting_by_the_first_alert(
    qtbot: Any, make_window: MakeWindow, tmp_path: Path
) -> None:
    alert = HeldAlert()
    window = make_window(
        settings=Settings(output_dir=tmp_path / "out", alert=AlertSettings(webhook_url=HOOK)),
        alert=alert,
    )
    try:
        urgent = {**SAMPLES["ready_for_assessment"], "warning_signs": ["fever"]}
        walk(qtbot, window, urgent)
        qtbot.waitUntil(lambda: len(alert.started) == 1, timeout=WAIT_MS)
        assert window.session.alert_state == "pending"
        with qtbot.waitSignal(window.session_reset, timeout=WAIT_MS):
            tap_name(qtbot, window, "done")
        walk(qtbot, window, urgent)  # the next patient, while the first alert still hangs
        second = window.session.alert_reference
        qtbot.waitUntil(lambda: window.session.alert_state == "delivered", timeout=WAIT_MS)
        assert alert.finished == [second] and alert.started[1] == second
        delivered = window.texts.text("en", "urgent_alert_delivered")
        assert delivered in texts_in(window.current_page())
    finally:
        alert.release.set()
    assert window.alert_runner.wait(10_000)
    assert window.session.alert_reference == second  # the first's late outcome is dropped
    assert window.session.alert_state == "delivered"
