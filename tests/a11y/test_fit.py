"""Every screen still fits in Spanish (longer words), in larger text and in high contrast, at
1920x1080, 1280x800 and 1080x1920: big targets, nothing clipped, no button's words cut."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.ui import KioskWindow
from kiosk.ui.metrics import screen_scale
from tests.a11y.conftest import SIZES, Screens
from tests.ui.test_sizes import problems_on_screen

LOOKS = {
    "es-normal-contrast": ("es", False, True),
    "es-larger-contrast": ("es", True, True),
    "es-larger": ("es", True, False),
    "en-larger-contrast": ("en", True, True),
}


def cut_words(window: KioskWindow) -> list[str]:
    """Push buttons whose words need more width than they have (text is drawn, not wrapped)."""
    found = []
    for button in window.findChildren(QPushButton):
        if button.isVisible() and button.text() and button.sizeHint().width() > button.width():
            found.append(f"{button.objectName()} {button.text()!r} cut")
    return found


@pytest.mark.parametrize("look", list(LOOKS))
@pytest.mark.parametrize("size", list(SIZES), ids=list(SIZES))
def test_every_screen_fits(screens: Screens, size: str, look: str) -> None:
    language, large, contrast = LOOKS[look]
    scale = screen_scale(*SIZES[size])
    report: dict[str, list[str]] = {}
    seen = 0
    for name, window in screens(SIZES[size], language=language, large=large, contrast=contrast):
        QApplication.processEvents()
        assert window.session.language == language
        assert window.session.high_contrast == contrast and window.metrics.large_text == large
        assert window.access.read_aloud.isVisible()  # measured with all four bar buttons
        seen += 1
        problems = problems_on_screen(window, scale) + cut_words(window)
        if problems:
            report[name] = problems
    assert seen > 35
    assert not report, "\n".join(f"{k}: {v}" for k, v in report.items())


def test_cut_words_are_caught(qtbot: Any, spoken_window: Any) -> None:
    window = spoken_window(SIZES["portrait"])
    window.access.contrast.setText("Contraste " * 12)
    assert cut_words(window)
