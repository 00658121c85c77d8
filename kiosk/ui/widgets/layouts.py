"""Layouts that fit any screen without scrolling: a grid of answers, and a list in pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QPushButton, QWidget

from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets.common import make_button, make_label


def height_for(widget: QWidget, width: int) -> int:
    """The height a widget needs at `width` (wrapped text included)."""
    widget.ensurePolished()
    top = widget.layout()
    if top is not None:  # drop sizes cached before the stylesheet set the fonts
        for layout in [top, *top.findChildren(QLayout)]:
            layout.invalidate()
    wanted = widget.heightForWidth(width) if widget.hasHeightForWidth() else -1
    if wanted < 0:
        wanted = widget.sizeHint().height()
    return max(wanted, widget.minimumHeight())


def _settle(widget: QWidget) -> None:
    """Lay a placed widget's insides out now, not on a later turn of the event loop."""
    layout = widget.layout()
    if layout is not None:
        layout.activate()


class AnswerGrid(QWidget):
    """Answer buttons in as few columns as fit the space; an optional footer button below."""

    def __init__(
        self,
        buttons: Sequence[QWidget],
        metrics: Metrics,
        *,
        footer: QWidget | None = None,
        max_columns: int = 3,
    ) -> None:
        super().__init__()
        self._buttons = list(buttons)
        self._footer = footer
        self._metrics = metrics
        self._max_columns = max_columns
        for button in [*self._buttons, *([footer] if footer else [])]:
            button.setParent(self)
        self.columns = 1

    def _plan(self, width: int, cols: int) -> tuple[list[tuple[QWidget, QRect]], int]:
        """Place the buttons down `cols` columns (reading down, then across); total height."""
        gap = self._metrics.gap
        colw = (width - gap * (cols - 1)) // cols
        left = 0
        if cols == 1:
            colw = min(width, self._metrics.px(1280))
            left = (width - colw) // 2
        per_column = -(-len(self._buttons) // cols)
        placed: list[tuple[QWidget, QRect]] = []
        bottom = 0
        for c in range(cols):
            y = 0
            for button in self._buttons[c * per_column : (c + 1) * per_column]:
                h = height_for(button, colw)
                placed.append((button, QRect(left + c * (colw + gap), y, colw, h)))
                y += h + gap
            bottom = max(bottom, y - gap)
        if self._footer is not None:
            footer_w = min(width, self._metrics.px(900))
            footer_h = height_for(self._footer, footer_w)
            top = bottom + gap
            placed.append((self._footer, QRect((width - footer_w) // 2, top, footer_w, footer_h)))
            bottom = top + footer_h
        return placed, bottom

    def arrange(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0 or not self._buttons:
            return
        best: tuple[int, list[tuple[QWidget, QRect]], int] | None = None
        for cols in range(1, self._max_columns + 1):
            narrow = (width - self._metrics.gap * (cols - 1)) // cols < self._metrics.px(440)
            if cols > 1 and narrow:
                break
            placed, total = self._plan(width, cols)
            if best is None or total < best[2] or total <= height:
                best = (cols, placed, total)
            if total <= height:
                break
        assert best is not None
        self.columns = best[0]
        for button, rect in best[1]:
            button.setGeometry(rect)
            _settle(button)

    def sizeHint(self) -> QSize:
        return QSize(self._metrics.px(800), self._metrics.px(400))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._metrics.control, self._metrics.answer_height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.arrange()


class PagedList(QWidget):
    """Rows in columns and, when they do not all fit, in pages with paging buttons.

    The buttons (`page_previous`, `page_next`) say what they page through (`previous_key`,
    `next_key` in the screen words); with `controls_on_top` they sit above the rows, away
    from a page's own Back button.
    """

    def __init__(
        self,
        metrics: Metrics,
        words: Callable[..., str],
        *,
        min_column_width: int,
        max_columns: int = 2,
        next_key: str = "page_next",
        previous_key: str = "page_previous",
        controls_on_top: bool = False,
        item_gap: int | None = None,
    ) -> None:
        super().__init__()
        self._metrics = metrics
        self._words = words
        self._min_column = min_column_width
        self._max_columns = max_columns
        self._keys = (previous_key, next_key)
        self._on_top = controls_on_top
        self._item_gap = item_gap if item_gap is not None else metrics.gap
        self._items: list[QWidget] = []
        self._pages: list[list[tuple[QWidget, QRect]]] = []
        self.page = 0
        self._controls = QWidget(self)
        row = QHBoxLayout(self._controls)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(metrics.gap)
        self.previous: QPushButton = make_button("page_previous", "secondary", metrics)
        self.next: QPushButton = make_button("page_next", "secondary", metrics)
        self._label: QLabel = make_label("progress", wrap=False)
        self._label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.previous)
        row.addWidget(self._label, 1)
        row.addWidget(self.next)
        self.previous.clicked.connect(self._on_previous_clicked)
        self.next.clicked.connect(self._on_next_clicked)
        self.retranslate()

    def set_items(self, items: Sequence[QWidget]) -> None:
        for old in self._items:
            old.hide()
            old.setParent(None)
            old.deleteLater()
        self._items = list(items)
        for item in self._items:
            item.setParent(self)
        self.arrange()

    @property
    def page_count(self) -> int:
        return max(1, len(self._pages))

    def page_of(self, item: QWidget) -> int:
        for number, page in enumerate(self._pages):
            if any(widget is item for widget, _ in page):
                return number
        return 0

    def show_page(self, number: int) -> None:
        self.page = max(0, min(number, self.page_count - 1))
        self._show()

    def retranslate(self) -> None:
        self.previous.setText(f"‹  {self._words(self._keys[0])}")
        self.next.setText(f"{self._words(self._keys[1])}  ›")
        self._label.setText(self._words("page_of", n=self.page + 1, total=self.page_count))

    def _pack(self, cols: int, colw: int, height: int) -> list[list[tuple[QWidget, QRect]]]:
        gap, col_gap = self._item_gap, self._metrics.gap
        pages: list[list[tuple[QWidget, QRect]]] = [[]]
        col, y = 0, 0
        heights = [height_for(item, colw) for item in self._items]
        for index, item in enumerate(self._items):
            h = heights[index]
            # a heading (a bare label) never ends a column: it goes with what follows it
            follows = heights[index + 1] + gap if index + 1 < len(heights) else 0
            needed = h + follows if isinstance(item, QLabel) else h
            if y > 0 and y + needed > height:
                col, y = col + 1, 0
                if col == cols:
                    pages.append([])
                    col = 0
            pages[-1].append((item, QRect(col * (colw + col_gap), y, colw, h)))
            y += h + gap
        return pages

    def arrange(self) -> None:
        width, height = self.width(), self.height()
        if width <= 0:
            return
        gap = self._metrics.gap
        cols = max(1, min(self._max_columns, (width + gap) // (self._min_column + gap)))
        colw = (width - gap * (cols - 1)) // cols
        pages = self._pack(cols, colw, height)
        if len(pages) > 1:
            # "Page 2 of 3" only where the paging buttons leave room for it
            self._label.show()
            layout = self._controls.layout()
            assert layout is not None
            layout.invalidate()
            self._label.setVisible(layout.minimumSize().width() <= width)
            controls_h = self._controls.sizeHint().height()
            pages = self._pack(cols, colw, height - controls_h - gap)
            top = 0 if self._on_top else height - controls_h
            self._controls.setGeometry(0, top, width, controls_h)
            if self._on_top:
                shift = controls_h + gap
                pages = [[(w, r.translated(0, shift)) for w, r in page] for page in pages]
        self._pages = pages
        self.page = min(self.page, self.page_count - 1)
        self._show()

    def _show(self) -> None:
        shown = {id(widget) for widget, _ in self._pages[self.page]} if self._pages else set()
        for item in self._items:
            item.setVisible(id(item) in shown)
        if self._pages:
            for widget, rect in self._pages[self.page]:
                widget.setGeometry(rect)
                _settle(widget)
        self._controls.setVisible(len(self._pages) > 1)
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.page_count - 1)
        self.retranslate()

    def _on_previous_clicked(self) -> None:
        self.show_page(self.page - 1)

    def _on_next_clicked(self) -> None:
        self.show_page(self.page + 1)

    def sizeHint(self) -> QSize:
        return QSize(self._min_column, self._metrics.px(400))

    def minimumSizeHint(self) -> QSize:
        return QSize(self._metrics.control, self._metrics.control * 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.arrange()
