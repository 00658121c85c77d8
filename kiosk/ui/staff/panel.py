"""Staff access: the hidden gesture opens the PIN pad, the right PIN opens the staff panel.

The panel shows the printer's and the output folder's state, the last summary's and the
last front-desk alert's outcome, prints a test page, sends a test alert, and ends the kiosk.
Opening the pad first wipes the patient's session, so nothing of hers is on screen or kept
while staff work. Pad and panel close by themselves after `staff_idle_timeout_s` without a
touch.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import paths
from kiosk.alert import (
    DELIVERED,
    NOT_CONFIGURED,
    AlertOutcome,
    alerts_configured,
    new_reference,
    send_alert,
)
from kiosk.config import Settings
from kiosk.logs import log_event
from kiosk.outcome import DeliveryResult, PrintResult, Problem
from kiosk.output import FolderStatus, folder_status
from kiosk.printing import CHECKING, NO_PRINTER, STATUS_WORDS, printer_status
from kiosk.staff_pin import LOCKOUT_FILE, PinGate
from kiosk.staff_print import print_test_page
from kiosk.ui.metrics import Metrics
from kiosk.ui.services.delivery_runner import DeliveryRunner
from kiosk.ui.services.input_hub import InputHub
from kiosk.ui.staff.gesture import HOLD_MS, CornerHold
from kiosk.ui.staff.pin_pad import MAX_FAILURES, Overlay, PinPad
from kiosk.ui.texts import UiTexts
from kiosk.ui.widgets.common import make_button, make_label

TEST_PRINT_TOKEN = -1  # a runner job that is the staff's test print, not a summary
TEST_ALERT_TOKEN = -2  # an alert-runner job that is the staff's test alert
LOW_SPACE = 50 * 1024 * 1024  # below this the folder counts as full
_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress})
_log = logging.getLogger(__name__)


def size_words(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} TB"  # pragma: no cover


def folder_words(status: FolderStatus, tr: Callable[..., str], retention_days: int) -> str:
    """The output folder's state in one line, with the reason when it cannot take summaries."""
    free = size_words(status.free_bytes) if status.free_bytes is not None else tr("free_unknown")
    if not status.exists:
        return tr("folder_missing")
    if not status.writable:
        return tr("folder_read_only")
    if status.free_bytes is not None and status.free_bytes < LOW_SPACE:
        return tr("folder_full", free=free)
    ready = tr("folder_ready", free=free, count=status.summary_count, days=retention_days)
    if status.loose_mode is not None:  # summaries are health records: owner-only
        return ready + "\n" + tr("folder_loose", mode=f"{status.loose_mode:o}")
    return ready


class StaffPanel(Overlay):
    """What staff see after the PIN: statuses, test print, refresh, close; and apart from
    them, exit, which asks first (`staff_exit_yes` / `staff_exit_no`)."""

    def __init__(self, tr: Callable[..., str], metrics: Any, parent: QWidget, idle_s: int) -> None:
        super().__init__("staff_panel", metrics, parent, width=1300)
        self.column.addWidget(make_label("title", tr("panel_title")))
        self.lines: dict[str, Any] = {}
        for key, heading in (
            ("printer", "printer_heading"),
            ("folder", "folder_heading"),
            ("last", "last_heading"),
            ("alert", "alert_heading"),
        ):
            self.column.addWidget(make_label("strong", tr(heading)))
            label = make_label("body")
            label.setObjectName(f"staff_{key}_status")
            self.column.addWidget(label)
            self.lines[key] = label
        self.test_result = make_label("body")
        self.test_result.setObjectName("staff_test_result")
        self.column.addWidget(self.test_result)
        self.column.addWidget(make_label("help", tr("panel_idle", seconds=idle_s)))
        self.buttons: dict[str, Any] = {}
        for names in (
            (
                ("staff_test_print", "primary", "test_print"),
                ("staff_test_alert", "primary", "test_alert"),
                ("staff_refresh", "secondary", "refresh"),
            ),
            (("staff_close", "primary", "close"),),
        ):
            row = self._row(metrics)
            for name, role, key in names:
                self._button(row, metrics, name, role, tr(key))
        # Exit stands apart from Close, and asks first.
        self.column.addSpacing(metrics.px(40))
        row = self._row(metrics)
        self._button(row, metrics, "staff_exit", "secondary", tr("exit"))
        row.addStretch(1)
        self.confirm = QWidget()
        confirm_column = QVBoxLayout(self.confirm)
        confirm_column.setContentsMargins(0, 0, 0, 0)
        confirm_column.setSpacing(metrics.gap)
        confirm_column.addWidget(make_label("strong", tr("exit_confirm")))
        confirm_row = QHBoxLayout()
        confirm_row.setSpacing(metrics.gap)
        confirm_column.addLayout(confirm_row)
        self._button(confirm_row, metrics, "staff_exit_yes", "secondary", tr("exit_yes"))
        self._button(confirm_row, metrics, "staff_exit_no", "primary", tr("exit_no"))
        self.column.addWidget(self.confirm)
        self.confirm.hide()

    def _button(self, row: QHBoxLayout, metrics: Any, name: str, role: str, text: str) -> None:
        button = make_button(name, role, metrics, text)
        button.setMinimumSize(metrics.px(360), metrics.px(96))
        row.addWidget(button)
        self.buttons[name] = button

    def ask_exit(self) -> None:
        """Exit was tapped: ask "are you sure?" in its place."""
        self.buttons["staff_exit"].hide()
        self.confirm.show()

    def keep_running(self) -> None:
        self.confirm.hide()
        self.buttons["staff_exit"].show()

    def _row(self, metrics: Any) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(metrics.gap)
        self.column.addLayout(row)
        return row

    def set_line(self, key: str, text: str) -> None:
        self.lines[key].setText(text)


class StaffHost(Protocol):
    """What the staff access uses of the kiosk window (`KioskWindow` is one)."""

    delivery_runner: DeliveryRunner
    alert_runner: DeliveryRunner
    input_hub: InputHub
    texts: UiTexts
    default_language: str
    metrics: Metrics

    def reset_session(self, reason: str = ...) -> None:
        """Wipe the patient's session and show the welcome screen."""

    def window(self) -> QWidget:
        """The top-level widget (Qt's `QWidget.window()`) that the pad and panel cover."""


def lockout_path(settings: Settings) -> Path:
    """Where the PIN lockout is kept: beside the settings file, else in the config folder."""
    source = settings.source
    folder = Path(source).parent if source is not None else paths.config_dir()
    return folder / LOCKOUT_FILE


class StaffAccess(QObject):
    """Wires the gesture, the PIN pad and the panel to a kiosk window.

    Everything that touches the machine is injected so tests run without a printer:
    `printer_status(name) -> code`, `folder_status(path) -> FolderStatus`,
    `test_print(settings) -> PrintResult`, `test_alert(settings) -> AlertOutcome`,
    `on_exit()`, the gate's `clock` (wall-clock seconds) and `lockout_file` (default:
    beside the settings file, see `lockout_path`).
    """

    opened = Signal()  # the PIN pad is up
    unlocked = Signal()  # the panel is up
    closed = Signal()
    statuses_shown = Signal()  # the printer's and the folder's state are on the panel
    _statuses = Signal(int, str, object)  # from the status thread: serial, printer, folder

    def __init__(
        self,
        window: StaffHost,
        settings: Settings,
        *,
        hold_ms: int = HOLD_MS,
        idle_ms: int | None = None,
        clock: Callable[[], float] = time.time,
        now: Callable[[], datetime] = datetime.now,
        printer_status: Callable[[str], str] = printer_status,
        folder_status: Callable[[Path], FolderStatus] = folder_status,
        test_print: Callable[[Settings], PrintResult] = print_test_page,
        test_alert: Callable[[Settings], AlertOutcome] | None = None,
        on_exit: Callable[[], None] | None = None,
        lockout_file: Path | None = None,
    ) -> None:
        widget = window.window()
        super().__init__(widget)
        self._host, self._window, self._settings = window, widget, settings
        self._printer_status, self._folder_status = printer_status, folder_status
        self._test_print, self._now = test_print, now
        self._test_alert = test_alert if test_alert is not None else _send_test_alert
        self._on_exit = on_exit if on_exit is not None else QApplication.quit
        if lockout_file is None:
            lockout_file = lockout_path(settings)
        self.gate = PinGate(settings.staff_pin_hash, clock, MAX_FAILURES, state_file=lockout_file)
        self.gesture = CornerHold(widget, hold_ms=hold_ms)
        self.gesture.held.connect(self.open_pad)
        self.idle_ms = idle_ms if idle_ms is not None else settings.staff_idle_timeout_s * 1000
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle_timeout)
        self.pad: PinPad | None = None
        self.panel: StaffPanel | None = None
        self._last: tuple[str, str | None] | None = None  # (time, problem code): no patient data
        self._asked = 0  # the latest status question; older answers are dropped
        self._statuses.connect(self._on_statuses)
        window.delivery_runner.finished.connect(self._on_runner_finished)
        window.alert_runner.finished.connect(self._on_alert_finished)
        # (time, whether a test, outcome) of the last alert: no patient data
        self._last_alert: tuple[str, bool, AlertOutcome | None] | None = None
        widget.installEventFilter(self)  # its resizes and hides
        window.input_hub.listen(self._on_input)  # touches keep the panel open

    @property
    def showing(self) -> bool:
        return self.pad is not None or self.panel is not None

    def _tr(self, key: str, **fields: object) -> str:
        return self._host.texts.text(self._host.default_language, key, **fields)

    # -- open and close -----------------------------------------------------------------

    def open_pad(self) -> None:
        """Wipe the session, then ask for the PIN (or say that staff access is not set up)."""
        if self.showing:
            return
        self._host.reset_session("staff")
        log_event(_log, "staff.pad_opened", pin_set=self.gate.has_pin)
        self.pad = PinPad(self.gate, self._tr, self._host.metrics, self._window)
        self.pad.unlocked.connect(self._on_pad_unlocked)
        self.pad.cancelled.connect(self.close)
        self._show(self.pad)
        self.opened.emit()

    def _on_pad_unlocked(self) -> None:
        self._drop_pad()
        idle_s = round(self.idle_ms / 1000)
        self.panel = StaffPanel(self._tr, self._host.metrics, self._window, idle_s)
        buttons = self.panel.buttons
        buttons["staff_test_print"].clicked.connect(self._on_test_print_clicked)
        buttons["staff_test_alert"].clicked.connect(self._on_test_alert_clicked)
        buttons["staff_refresh"].clicked.connect(self.refresh)
        buttons["staff_exit"].clicked.connect(self.panel.ask_exit)
        buttons["staff_exit_no"].clicked.connect(self.panel.keep_running)
        buttons["staff_exit_yes"].clicked.connect(self._on_exit_clicked)
        buttons["staff_close"].clicked.connect(self.close)
        self.refresh()
        self._show(self.panel)
        self.unlocked.emit()

    def _show(self, overlay: QWidget) -> None:
        overlay.setGeometry(self._window.rect())
        overlay.show()
        overlay.raise_()
        self._idle.start(self.idle_ms)

    def _drop_pad(self) -> None:
        if self.pad is not None:
            self.pad.stop()
            self.pad.hide()
            self.pad.deleteLater()
            self.pad = None

    def close(self) -> None:
        """Close the pad or panel (Close, Cancel, idle, or the window closing)."""
        if not self.showing:
            return
        self._idle.stop()
        self._drop_pad()
        if self.panel is not None:
            self.panel.hide()
            self.panel.deleteLater()
            self.panel = None
        log_event(_log, "staff.closed")
        self.closed.emit()

    def _on_idle_timeout(self) -> None:
        log_event(_log, "staff.idle_closed")
        self.close()

    # -- the panel ----------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask for the printer's and the folder's state again, off the GUI thread.

        The print system or a network share may not answer for a while; the panel says
        "checking" and stays usable, and the answer fills the lines when it comes.
        """
        if self.panel is None:
            return
        self._asked += 1
        self._show_printer(CHECKING)
        self.panel.set_line("folder", f"{self._settings.output_dir}\n{self._tr('folder_checking')}")
        self.panel.set_line("last", self._last_words())
        self.panel.set_line("alert", self._alert_words())
        worker = threading.Thread(
            target=self._ask, args=(self._asked,), name="staff-status", daemon=True
        )
        worker.start()

    def _ask(self, serial: int) -> None:
        """On the status thread: both states (each bounded by its own timeout)."""
        try:
            code = self._printer_status(self._settings.printer)
        except Exception:  # a status must never take the kiosk down
            code = NO_PRINTER
        folder: FolderStatus | None
        try:
            folder = self._folder_status(self._settings.output_dir)
        except Exception:
            folder = None
        with contextlib.suppress(RuntimeError):  # the panel's owner is gone
            self._statuses.emit(serial, str(code), folder)

    def _on_statuses(self, serial: int, code: str, folder: FolderStatus | None) -> None:
        if self.panel is None or serial != self._asked:
            return
        self._show_printer(code)
        status = folder or FolderStatus(
            exists=False, writable=False, free_bytes=None, summary_count=0
        )
        words = folder_words(status, self._tr, self._settings.retention_days)
        self.panel.set_line("folder", f"{self._settings.output_dir}\n{words}")
        self.statuses_shown.emit()

    def _show_printer(self, code: str) -> None:
        assert self.panel is not None
        try:
            status = self._tr(f"printer_{code}")
        except KeyError:
            status = STATUS_WORDS.get(code, code)
        shown = self._settings.printer or self._tr("printer_default")
        self.panel.set_line("printer", self._tr("printer_line", printer=shown, status=status))

    def _alert_words(self) -> str:
        """The last alert: its time and each channel's outcome (no patient data)."""
        if self._last_alert is None:
            if not alerts_configured(self._settings):
                return self._tr("alert_none_configured")
            return self._tr("alert_none")
        when, test, outcome = self._last_alert
        parts = []
        for channel in getattr(outcome, "channels", ()):
            if channel.state == DELIVERED:
                words = self._tr("alert_delivered")
            elif channel.state == NOT_CONFIGURED:
                continue
            else:
                words = self._tr("alert_failed", reason=channel.reason)
            name = self._tr(f"channel_{channel.channel}")
            parts.append(self._tr("alert_channel", channel=name, outcome=words))
        if not parts:
            reason = "error" if outcome is None else "none"
            parts = [self._tr("alert_failed", reason=reason)]
        key = "alert_line_test" if test else "alert_line"
        return self._tr(key, time=when, channels="; ".join(parts))

    def _on_test_alert_clicked(self) -> None:
        assert self.panel is not None
        self.panel.test_result.setText(self._tr("test_alert_running"))
        self.panel.buttons["staff_test_alert"].setEnabled(False)
        log_event(_log, "staff.test_alert")
        job = partial(self._test_alert, self._settings)
        self._host.alert_runner.submit(job, TEST_ALERT_TOKEN)

    def _on_alert_finished(self, token: int, outcome: AlertOutcome | None) -> None:
        self._last_alert = (self._now().strftime("%H:%M"), token == TEST_ALERT_TOKEN, outcome)
        if self.panel is None:
            return
        line = self._alert_words()
        self.panel.set_line("alert", line)
        if token == TEST_ALERT_TOKEN:
            self.panel.test_result.setText(line)
            self.panel.buttons["staff_test_alert"].setEnabled(True)

    def _last_words(self) -> str:
        if self._last is None:
            return self._tr("last_none")
        when, problem = self._last
        if problem is None:
            return self._tr("last_ok", time=when)
        try:
            words = self._tr(f"problem_{problem}")
        except KeyError:
            words = problem
        return self._tr("last_problem", time=when, problem=words)

    def _on_test_print_clicked(self) -> None:
        assert self.panel is not None
        self.panel.test_result.setText(self._tr("test_print_running"))
        self.panel.buttons["staff_test_print"].setEnabled(False)
        job = partial(self._test_print, self._settings)
        self._host.delivery_runner.submit(job, TEST_PRINT_TOKEN, printing=True)

    def _on_runner_finished(self, token: int, result: DeliveryResult | PrintResult | None) -> None:
        if token != TEST_PRINT_TOKEN:
            problem = result.problem if isinstance(result, DeliveryResult) else "error"
            self._last = (self._now().strftime("%H:%M"), problem)  # the outcome only
        elif self.panel is not None:
            if isinstance(result, PrintResult) and result.ok:
                self.panel.test_result.setText(self._tr("test_print_sent"))
            else:
                reason = result.reason if isinstance(result, PrintResult) else None
                reason = reason or Problem.PRINT_FAILED
                try:
                    words = self._tr(f"printer_{reason}")
                except KeyError:
                    words = self._tr("problem_print_failed")
                self.panel.test_result.setText(self._tr("test_print_failed", reason=words))
            self.panel.buttons["staff_test_print"].setEnabled(True)
        if self.panel is not None:
            self.panel.set_line("last", self._last_words())

    def _on_exit_clicked(self) -> None:
        log_event(_log, "staff.exit")
        self.close()
        self._on_exit()

    # -- Qt -----------------------------------------------------------------------------

    def _on_input(self, _watched: QObject, event: QEvent) -> bool:
        if self.showing and event.type() in _ACTIVITY:
            self._idle.start(self.idle_ms)  # a touch keeps the panel open
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.Resize and self.showing:
            QTimer.singleShot(0, self, self._fit)  # after the window has rebuilt its page
        elif watched is self._window and kind == QEvent.Type.Hide:
            self.close()
            self.gesture.cancel()
        return False

    def _fit(self) -> None:
        for overlay in (self.pad, self.panel):
            if overlay is not None:
                overlay.setGeometry(self._window.rect())
                overlay.raise_()


def _send_test_alert(settings: Settings) -> AlertOutcome:
    return send_alert(settings, new_reference(), test=True)


def attach_staff(window: StaffHost, settings: Settings, **options: Any) -> StaffAccess:
    """Give a kiosk window its staff access (gesture, PIN pad, panel)."""
    return StaffAccess(window, settings, **options)
