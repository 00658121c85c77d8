"""Access tests: the window fixtures of tests/ui, speech through Qt's mock engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.ui import KioskWindow
from kiosk.ui.screenshots import tour
from kiosk.ui.services.speech import TEST_ENGINE
from tests.ui.conftest import (  # the window fixtures, shared with tests/ui
    SIZES,
    FakeDelivery,
    MakeWindow,
    delivery,
    make_window,
    questionnaire,
    settings,
)
from tests.ui.driver import tap_name

Screens = Callable[..., Iterator[tuple[str, KioskWindow]]]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform warns about window size hints it cannot pass on; harmless here.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))


@pytest.fixture
def spoken_window(qtbot: Any, make_window: MakeWindow) -> Callable[..., KioskWindow]:
    """A shown window that speaks through the mock engine, once it has looked for it."""

    def make(*args: Any, **kwargs: Any) -> KioskWindow:
        kwargs.setdefault("speech_engine", TEST_ENGINE)
        window = make_window(*args, **kwargs)
        qtbot.waitUntil(lambda: window.access.looked)
        return window

    return make


def switch(qtbot: Any, window: KioskWindow, *, language: str, large: bool, contrast: bool) -> None:
    """Tap the top-bar buttons a patient would, until the window shows these choices."""
    if window.session.language != language:
        tap_name(qtbot, window, "language")
    if window.session.large_text != large:
        tap_name(qtbot, window, "text_size")
    if window.session.high_contrast != contrast:
        tap_name(qtbot, window, "contrast")


@pytest.fixture
def screens(qtbot: Any, spoken_window: Callable[..., KioskWindow]) -> Screens:
    """`screens(size, language=, large=, contrast=)`: every screen of the screenshot tour."""

    def walk(
        size: tuple[int, int], *, language: str = "en", large: bool = False, contrast: bool = False
    ) -> Iterator[tuple[str, KioskWindow]]:
        def make(printed: bool) -> KioskWindow:
            window = spoken_window(size, deliver=FakeDelivery(printed))
            switch(qtbot, window, language=language, large=large, contrast=contrast)
            return window

        for name, window in tour(make):
            qtbot.waitUntil(lambda w=window: w.current_page().isVisible())
            yield name, window

    return walk


__all__ = [
    "SIZES",
    "Screens",
    "delivery",
    "make_window",
    "questionnaire",
    "settings",
    "switch",
]
