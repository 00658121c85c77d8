"""The birth-date picker: month, day and year, each with big + and − buttons; no typing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QDate, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets import make_button, make_label

_PARTS = ("month", "day", "year")
_STEP: dict[str, Callable[[QDate, int], QDate]] = {
    "month": lambda d, n: d.addMonths(n),
    "day": lambda d, n: d.addDays(n),
    "year": lambda d, n: d.addYears(n),
}


class BirthDatePicker(QWidget):
    """objectName `baby_birth_date`; the Qt property `date` (QDate) is readable and writable.

    Every value is kept between `minimum` and `maximum`; `is_set` turns true once the
    patient (or a driver, through the property) has chosen a date.
    """

    date_changed = Signal(QDate)

    def __init__(
        self,
        metrics: Metrics,
        minimum: QDate,
        maximum: QDate,
        words: Callable[..., str],
        months: Callable[[], list[str]],
        initial: QDate | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("baby_birth_date")
        self._minimum, self._maximum = minimum, maximum
        self._words, self._months = words, months
        self._date = self._clamp(initial) if initial is not None else maximum
        self.is_set = initial is not None
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(metrics.px(72))
        self._grid.setVerticalSpacing(metrics.px(16))
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.later: dict[str, QPushButton] = {}
        self.earlier: dict[str, QPushButton] = {}
        for part in _PARTS:
            caption = make_label("date_part", wrap=False)
            value = make_label("date_value", wrap=False)
            plus = make_button(f"{part}_later", "stepper", metrics, "+")
            minus = make_button(f"{part}_earlier", "stepper", metrics, "−")
            for widget in (caption, value):
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            for button in (plus, minus):
                button.setMinimumSize(metrics.px(180), metrics.px(96))
            plus.clicked.connect(lambda _=False, p=part: self._on_step_clicked(p, 1))
            minus.clicked.connect(lambda _=False, p=part: self._on_step_clicked(p, -1))
            self.captions[part], self.values[part] = caption, value
            self.later[part], self.earlier[part] = plus, minus
        self.retranslate()

    def _clamp(self, value: QDate) -> QDate:
        if not value.isValid():
            return self._maximum
        return max(self._minimum, min(self._maximum, value))

    def get_date(self) -> QDate:
        return QDate(self._date)

    def set_date(self, value: QDate) -> None:
        value = self._clamp(value)
        self.is_set = True
        if value != self._date:
            self._date = value
            self._show()
        self.date_changed.emit(QDate(self._date))

    date = Property(QDate, get_date, set_date, notify=date_changed)

    def _order(self) -> tuple[str, ...]:
        order = self._words("date_order")
        parts = {"m": "month", "d": "day", "y": "year"}
        if sorted(order) != ["d", "m", "y"]:
            order = "mdy"
        return tuple(parts[c] for c in order)

    def retranslate(self) -> None:
        for column, part in enumerate(self._order()):
            name = self._words(f"date_{part}")
            self.captions[part].setText(name)
            self.later[part].setAccessibleName(self._words("date_later", part=name))
            self.earlier[part].setAccessibleName(self._words("date_earlier", part=name))
            for row, widget in enumerate(
                (self.captions[part], self.later[part], self.values[part], self.earlier[part])
            ):
                self._grid.addWidget(widget, row, column, Qt.AlignmentFlag.AlignHCenter)
        month_label = self.values["month"]
        month_label.ensurePolished()
        widest = max(month_label.fontMetrics().horizontalAdvance(m) for m in self._months())
        month_label.setMinimumWidth(widest + month_label.fontMetrics().averageCharWidth())
        self._show()

    def _show(self) -> None:
        d = self._date
        self.values["month"].setText(self._months()[d.month() - 1])
        self.values["day"].setText(str(d.day()))
        self.values["year"].setText(str(d.year()))
        for part, step in _STEP.items():
            self.later[part].setEnabled(self._clamp(step(d, 1)) != d)
            self.earlier[part].setEnabled(self._clamp(step(d, -1)) != d)

    def _on_step_clicked(self, part: str, direction: int) -> None:
        self.set_date(_STEP[part](self._date, direction))
