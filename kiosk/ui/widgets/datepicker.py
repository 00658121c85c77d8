"""The birth-date picker: years and months in one view, then the days of the chosen month.

Any date in the allowed range is three taps away from the first view (year, month, day);
every control that changes the month shows the month it leads to.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QDate, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets.common import make_button, make_label, repolish

MONTHS, DAYS = "months", "days"  # the two views
DAY_COLUMNS = 8  # 31 days in four rows


def _cell(name: str, m: Metrics, text: str = "") -> QPushButton:
    """A year, month or day: as wide as its column allows, a thumb high."""
    button = make_button(name, "date_cell", m, text)
    button.setMinimumHeight(m.px(96))
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


def _grid(
    unit: str,
    m: Metrics,
    count: int,
    per_row: int,
    clicked: Callable[[int], None],
    numbered: bool = False,
) -> tuple[QGridLayout, list[QPushButton]]:
    """Cells `date_<unit>` for 1 to `count` (Qt property `<unit>`), `per_row` to a row;
    a tap calls `clicked(number)`. Numbered cells show their number; the others are
    named later (the month names follow the language)."""
    grid = QGridLayout()
    grid.setSpacing(m.gap)
    buttons: list[QPushButton] = []
    for number in range(1, count + 1):
        button = _cell(f"date_{unit}", m, str(number) if numbered else "")
        button.setProperty(unit, number)
        button.clicked.connect(lambda _=False, n=number: clicked(n))
        grid.addWidget(button, (number - 1) // per_row, (number - 1) % per_row)
        buttons.append(button)
    return grid, buttons


def _view(m: Metrics, top: QLayout, grid: QLayout) -> QWidget:
    """One of the two views: a row on top, the grid under it, the room left below."""
    view = QWidget()
    column = QVBoxLayout(view)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(m.px(28))
    column.addLayout(top)
    column.addLayout(grid)
    column.addStretch(1)
    return view


def _select(button: QPushButton, selected: bool) -> None:
    if bool(button.property("selected")) != selected:
        button.setProperty("selected", selected)
        repolish(button)


class BirthDatePicker(QWidget):
    """objectName `baby_birth_date`; the Qt property `date` (QDate) is readable and writable.

    The buttons: `date_year` (property `year`), `date_month` (`month`, 1-12), `date_day`
    (`day`) and `date_other_month` (back to the months). Dates outside `minimum` to
    `maximum` cannot be chosen; `is_set` turns true once a day was chosen (or a driver
    wrote the property). `view` is `months` or `days`.
    """

    date_changed = Signal(QDate)
    view_changed = Signal()

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
        self.is_set = initial is not None and initial.isValid()
        self._date = self._clamp(initial) if initial is not None else maximum
        self._year, self._month = self._date.year(), self._date.month()
        self.setMaximumWidth(metrics.px(1400))
        self._stack = QStackedLayout(self)
        self.years: dict[int, QPushButton] = {}
        self.month_buttons: list[QPushButton] = []
        self.day_buttons: list[QPushButton] = []
        self._stack.addWidget(self._month_view(metrics))
        self._stack.addWidget(self._day_view(metrics))
        self.view = DAYS if self.is_set else MONTHS
        self.retranslate()

    # -- building -----------------------------------------------------------------------

    def _month_view(self, m: Metrics) -> QWidget:
        years = QHBoxLayout()
        years.setSpacing(m.gap)
        for year in range(self._maximum.year(), self._minimum.year() - 1, -1):
            button = _cell("date_year", m, str(year))
            button.setProperty("year", year)
            button.clicked.connect(lambda _=False, y=year: self._on_year_clicked(y))
            years.addWidget(button)
            self.years[year] = button
        per_row = 3 if m.portrait else 4
        grid, self.month_buttons = _grid("month", m, 12, per_row, self._on_month_clicked)
        return _view(m, years, grid)

    def _day_view(self, m: Metrics) -> QWidget:
        header = QHBoxLayout()
        header.setSpacing(m.gap)
        self.other_month = make_button("date_other_month", "secondary", m)
        self.other_month.setMinimumWidth(m.px(240))
        self.other_month.clicked.connect(self._on_other_month_clicked)
        self.month_title = make_label("strong", wrap=False)
        self.month_title.setObjectName("date_month_title")
        header.addWidget(self.other_month)
        header.addWidget(self.month_title, 1)
        grid, self.day_buttons = _grid("day", m, 31, DAY_COLUMNS, self._on_day_clicked, True)
        return _view(m, header, grid)

    # -- the date -----------------------------------------------------------------------

    def _clamp(self, value: QDate) -> QDate:
        if not value.isValid():
            return self._maximum
        return max(self._minimum, min(self._maximum, value))

    def _allowed(self, day: QDate) -> bool:
        return day.isValid() and self._minimum <= day <= self._maximum

    def get_date(self) -> QDate:
        return QDate(self._date)

    def set_date(self, value: QDate) -> None:
        self._date = self._clamp(value)
        self.is_set = True
        self._year, self._month = self._date.year(), self._date.month()
        self.view = DAYS
        self._show()
        self.date_changed.emit(QDate(self._date))

    date = Property(QDate, get_date, set_date, notify=date_changed)

    @property
    def shown_month(self) -> QDate:
        """The first of the month the picker shows (or last showed) the days of."""
        return QDate(self._year, self._month, 1)

    # -- words and state ----------------------------------------------------------------

    def month_words(self, year: int, month: int) -> str:
        return self._words("date_month_year", month=self._months()[month - 1], year=year)

    def retranslate(self) -> None:
        names = self._months()
        for button, name in zip(self.month_buttons, names, strict=True):
            button.setText(name)
            button.setAccessibleName(f"{name} {self._year}")
        self._show()

    def _show(self) -> None:
        for year, button in self.years.items():
            _select(button, year == self._year)
        for number, button in enumerate(self.month_buttons, start=1):
            first = QDate(self._year, number, 1)
            last = first.addDays(first.daysInMonth() - 1)
            button.setEnabled(first <= self._maximum and last >= self._minimum)
            chosen = self.is_set and (self._date.year(), self._date.month()) == (
                self._year,
                number,
            )
            _select(button, chosen)
            button.setAccessibleName(f"{button.text()} {self._year}")
        shown = QDate(self._year, self._month, 1)
        title = self.month_words(self._year, self._month)
        self.month_title.setText(title)
        self.other_month.setText(f"‹  {self._words('date_other_month')}")
        for day, button in enumerate(self.day_buttons, start=1):
            date = QDate(self._year, self._month, day)
            button.setVisible(day <= shown.daysInMonth())
            button.setEnabled(self._allowed(date))
            _select(button, self.is_set and date == self._date)
            button.setAccessibleName(f"{day} {title}")
        self._stack.setCurrentIndex(0 if self.view == MONTHS else 1)

    def _go(self, view: str) -> None:
        self.view = view
        self._show()
        self.view_changed.emit()

    # -- taps ---------------------------------------------------------------------------

    def _on_year_clicked(self, year: int) -> None:
        self._year = year
        self._show()

    def _on_month_clicked(self, month: int) -> None:
        self._month = month
        self._go(DAYS)

    def _on_day_clicked(self, day: int) -> None:
        self.set_date(QDate(self._year, self._month, day))

    def _on_other_month_clicked(self) -> None:
        self._go(MONTHS)
