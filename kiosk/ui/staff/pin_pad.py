"""The staff PIN pad: big digit buttons, a masked entry, the lockout, or "not set up"."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from kiosk.logs import log_event
from kiosk.staff_pin import PIN_MAX_DIGITS, PIN_MIN_DIGITS, PinGate
from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets.chrome import centred_card
from kiosk.ui.widgets.common import make_button, make_label

MAX_FAILURES = 5
MASK = "●"
_log = logging.getLogger(__name__)
Translate = Callable[..., str]


class Overlay(QWidget):
    """A full-window staff screen: the page background, a centred card, a column inside."""

    def __init__(self, name: str, metrics: Metrics, parent: QWidget, width: int) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        _card, self.column = centred_card(self, metrics, width=width, pad=32, spacing=20)
        self.setGeometry(parent.rect())


class PinPad(Overlay):
    """Asks for the staff PIN; `unlocked` on the right one, `cancelled` on Cancel.

    The digits are kept only until Unlock is tapped, and shown as dots. After
    `MAX_FAILURES` wrong PINs the gate locks: the digits are disabled and the
    minutes left are shown until it opens again. With no PIN configured the pad
    only says how to set one up.
    """

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, gate: PinGate, tr: Translate, metrics: Metrics, parent: QWidget) -> None:
        super().__init__("staff_pin_pad", metrics, parent, width=900)
        self._gate, self._tr = gate, tr
        self._digits: list[str] = []
        self._title = make_label("title", tr("pin_title"))
        self.entry = make_label("date_value", wrap=False)
        self.entry.setObjectName("staff_pin_entry")
        self.entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.entry.setMinimumHeight(metrics.px(80))
        self.message = make_label("strong")
        self.message.setObjectName("staff_pin_message")
        self.column.addWidget(self._title)
        self.column.addWidget(self.entry)
        self.column.addWidget(self.message)
        self.keys = QWidget()
        grid = QGridLayout(self.keys)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(metrics.px(16))
        self.digit_buttons: list[QPushButton] = []
        for index, digit in enumerate("1234567890"):
            button = self._button(f"staff_digit_{digit}", "key", digit, metrics)
            button.clicked.connect(lambda _checked=False, d=digit: self._on_digit_clicked(d))
            self.digit_buttons.append(button)
            grid.addWidget(button, *((3, 1) if digit == "0" else divmod(index, 3)))
        self.clear = self._button("staff_pin_clear", "secondary", tr("pin_clear"), metrics)
        self.delete = self._button("staff_pin_delete", "secondary", tr("pin_delete"), metrics)
        grid.addWidget(self.clear, 3, 0)
        grid.addWidget(self.delete, 3, 2)
        self.column.addWidget(self.keys)
        actions = QHBoxLayout()
        actions.setSpacing(metrics.gap)
        self.cancel = self._button("staff_pin_cancel", "secondary", tr("cancel"), metrics)
        self.unlock = self._button("staff_pin_unlock", "primary", tr("pin_unlock"), metrics)
        for button in (self.cancel, self.unlock):
            button.setMinimumWidth(metrics.px(260))
        actions.addWidget(self.cancel)
        actions.addStretch(1)
        actions.addWidget(self.unlock)
        self.column.addLayout(actions)
        self.clear.clicked.connect(self._on_clear_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        self.cancel.clicked.connect(self.cancelled)
        self.unlock.clicked.connect(self._on_unlock_clicked)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self.refresh_lock)
        if gate.has_pin:
            self.message.setText(tr("pin_hint"))
            self.refresh_lock()
        else:
            self.keys.hide()
            self.entry.hide()
            self.unlock.hide()
            self.cancel.setText(tr("close"))
            self.message.setText(tr("pin_not_set"))
        self._show_entry()

    @staticmethod
    def _button(name: str, role: str, text: str, metrics: Metrics) -> QPushButton:
        button = make_button(name, role, metrics, text)
        button.setMinimumSize(metrics.px(160), metrics.px(96))
        return button

    @property
    def locked(self) -> bool:
        return self._gate.locked_for() > 0

    def refresh_lock(self) -> None:
        """Disable the digits while the gate is locked and say for how long."""
        left = self._gate.locked_for()
        for button in (*self.digit_buttons, self.clear, self.delete):
            button.setEnabled(left <= 0)
        if left > 0:
            self.message.setText(self._tr("pin_locked", minutes=math.ceil(left / 60)))
            if not self._lock_timer.isActive():
                self._lock_timer.start()
        elif self._lock_timer.isActive():
            self._lock_timer.stop()
            self.message.setText(self._tr("pin_hint"))
        self._show_entry()

    def stop(self) -> None:
        """Forget the digits and stop ticking (the pad is going away)."""
        self._digits.clear()
        self._lock_timer.stop()
        self._show_entry()

    def _show_entry(self) -> None:
        self.entry.setText(MASK * len(self._digits))
        ready = len(self._digits) >= PIN_MIN_DIGITS and self._gate.locked_for() <= 0
        self.unlock.setEnabled(ready)

    def _on_digit_clicked(self, digit: str) -> None:
        if len(self._digits) < PIN_MAX_DIGITS and not self.locked:
            self._digits.append(digit)
        self._show_entry()

    def _on_clear_clicked(self) -> None:
        self._digits.clear()
        self._show_entry()

    def _on_delete_clicked(self) -> None:
        if self._digits:
            self._digits.pop()
        self._show_entry()

    def _on_unlock_clicked(self) -> None:
        pin = "".join(self._digits)
        self._digits.clear()
        outcome = self._gate.attempt(pin)
        del pin
        if outcome == "ok":
            log_event(_log, "staff.unlocked")
            self._show_entry()
            self.unlocked.emit()
            return
        if outcome == "locked":
            log_event(_log, "staff.pin_locked", level=logging.WARNING)
            self.refresh_lock()
            return
        log_event(_log, "staff.pin_wrong", level=logging.WARNING, failures=self._gate.failures)
        left = max(1, MAX_FAILURES - self._gate.failures)
        self.message.setText(self._tr("pin_wrong", left=left))
        self._show_entry()
