"""One way back: the review's paging says it pages through answers and stands above them,
away from the Back button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint

from kiosk.samples import SAMPLES
from tests.ui.conftest import SIZES, MakeWindow
from tests.ui.driver import button, page_id, tap, tap_name, walk

WORDS = {
    "en": ("‹  Earlier answers", "More answers  ›"),
    "es": ("‹  Anteriores", "Más respuestas  ›"),
}


def top(widget: Any, window: Any) -> int:
    return int(widget.mapTo(window, QPoint(0, 0)).y())


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", ["landscape", "portrait"])
def test_paging_is_labelled_as_paging_and_kept_away_from_back(
    qtbot: Any, make_window: MakeWindow, language: str, size: str
) -> None:
    window = make_window(SIZES[size])
    tap_name(qtbot, window, "text_size")  # larger text: surely more than one page
    walk(qtbot, window, SAMPLES["not_yet"])
    if window.session.language != language:
        tap_name(qtbot, window, "language")
    assert page_id(window) == "review"
    review = window.current_page()
    assert review.list.page_count > 1
    earlier, more, back = (button(window, n) for n in ("page_previous", "page_next", "nav_back"))
    assert (earlier.text(), more.text()) == WORDS[language]
    assert not earlier.isEnabled()
    rows = [row for row in review.rows if row.isVisible()]
    first_row = min(top(row, window) for row in rows)
    last_row = max(top(row, window) + row.height() for row in rows)
    for paging in (earlier, more):  # above the answers; Back is below them
        assert top(paging, window) + paging.height() <= first_row
    assert top(back, window) >= last_row
    tap(qtbot, more)
    assert review.list.page == 1 and earlier.isEnabled()
    tap(qtbot, earlier)
    assert review.list.page == 0 and page_id(window) == "review"
