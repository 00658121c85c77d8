"""Every screen at 1920x1080, 1280x800 and 1080x1920, in normal and larger text: touch sizes,
spacing, font sizes, nothing clipped, nothing scrolled."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QWidget,
)

from kiosk.ui import KioskWindow
from kiosk.ui.metrics import (
    LARGE_TEXT,
    MIN_ANSWER_HEIGHT,
    MIN_BODY_FONT,
    MIN_CONTROL,
    MIN_GAP,
    MIN_QUESTION_FONT,
    screen_scale,
)
from kiosk.ui.screenshots import tour
from tests.ui.conftest import SIZES, FakeDelivery, MakeWindow
from tests.ui.driver import tap_name


def _rect(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _gap(a: QRect, b: QRect) -> int:
    horizontal = max(a.x() - (b.x() + b.width()), b.x() - (a.x() + a.width()))
    vertical = max(a.y() - (b.y() + b.height()), b.y() - (a.y() + a.height()))
    return max(horizontal, vertical)


def _text_fits(widget: QWidget) -> bool:
    if isinstance(widget, QLabel) and widget.wordWrap():
        return widget.heightForWidth(widget.width()) <= widget.height() + 1
    hint = widget.minimumSizeHint()
    return hint.width() <= widget.width() + 1 and hint.height() <= widget.height() + 1


def problems_on_screen(window: KioskWindow, scale: float) -> list[str]:
    found: list[str] = []
    shown = [w for w in window.findChildren(QWidget) if w.isVisible()]
    overlay = window.overlay if window.overlay is not None and window.overlay.isVisible() else None
    if overlay is not None:
        shown = [w for w in shown if overlay.isAncestorOf(w)]
    frame = window.rect()
    if window.findChildren(QAbstractScrollArea):
        found.append("a scroll area")
    page = window.current_page()
    hint = page.minimumSizeHint()
    if hint.width() > page.width() or hint.height() > page.height():
        found.append(
            f"page needs {hint.width()}x{hint.height()}, has {page.width()}x{page.height()}"
        )
    buttons = [w for w in shown if isinstance(w, QAbstractButton)]
    for button in buttons:
        name = button.objectName() or str(button.property("answer_value"))
        least = MIN_ANSWER_HEIGHT if button.property("role") == "answer" else MIN_CONTROL
        if button.height() < least * scale - 0.5 or button.width() < MIN_CONTROL * scale - 0.5:
            found.append(f"button {name} is {button.width()}x{button.height()}")
    rects = [_rect(b, window) for b in buttons]
    for i, a in enumerate(rects):
        for j in range(i + 1, len(rects)):
            if _gap(a, rects[j]) < MIN_GAP * scale - 0.5:
                names = buttons[i].objectName(), buttons[j].objectName()
                found.append(f"buttons {names} only {_gap(a, rects[j])} px apart")
    for widget in shown:
        rect = _rect(widget, window)
        parent = widget.parentWidget()
        if not frame.contains(rect) or not parent.rect().contains(widget.geometry()):
            found.append(f"{type(widget).__name__} {widget.objectName()} cut off by its parent")
        has_text = isinstance(widget, QLabel | QAbstractButton | QLineEdit) and widget.text()
        if not has_text:
            continue
        pixels = widget.font().pixelSize()
        least = MIN_QUESTION_FONT if widget.property("role") == "prompt" else MIN_BODY_FONT
        if pixels < least * scale - 0.5:
            found.append(f"{widget.text()[:30]!r} at {pixels}px")
        if not _text_fits(widget):
            wanted = widget.minimumSizeHint()
            if isinstance(widget, QLabel) and widget.wordWrap():
                wanted.setHeight(widget.heightForWidth(widget.width()))
            found.append(
                f"{widget.text()[:30]!r} clipped: {widget.width()}x{widget.height()} "
                f"< {wanted.width()}x{wanted.height()}"
            )
    return found


@pytest.mark.parametrize("large", [False, True], ids=["normal", "larger"])
@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_every_screen_fits_with_big_targets(
    qtbot: Any, make_window: MakeWindow, size: str, large: bool
) -> None:
    width, height = SIZES[size]
    scale = screen_scale(width, height)

    def make(printed: bool) -> KioskWindow:
        window = make_window((width, height), deliver=FakeDelivery(printed))
        if large:
            tap_name(qtbot, window, "text_size")
        return window

    report: dict[str, list[str]] = {}
    seen = 0
    for name, window in tour(make):
        qtbot.waitUntil(lambda w=window: w.current_page().isVisible())
        QApplication.processEvents()  # let the layouts settle, as the screen would before painting
        assert window.metrics.large_text == large
        problems = problems_on_screen(window, scale)
        seen += 1
        if problems:
            report[name] = problems
    assert seen > 35
    assert not report, "\n".join(f"{k}: {v}" for k, v in report.items())


def test_larger_text_is_at_least_a_third_bigger(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    window.go_to("delivery")
    prompt = next(w for w in window.findChildren(QLabel) if w.property("role") == "prompt")
    normal = prompt.font().pixelSize()
    tap_name(qtbot, window, "text_size")
    prompt = next(w for w in window.findChildren(QLabel) if w.property("role") == "prompt")
    assert prompt.font().pixelSize() >= normal * LARGE_TEXT - 1
    assert window.page_id == "delivery"


@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_the_top_bar_has_room_for_two_more_buttons(
    qtbot: Any, make_window: MakeWindow, size: str
) -> None:
    from PySide6.QtWidgets import QPushButton

    window = make_window(SIZES[size])
    tap_name(qtbot, window, "text_size")
    for name, words in (("contrast", "High contrast"), ("read_aloud", "Read aloud")):
        extra = QPushButton(words)
        extra.setObjectName(name)
        window.top_bar.add_button(extra)
    bar = window.top_bar
    assert bar.minimumSizeHint().width() <= bar.width()
