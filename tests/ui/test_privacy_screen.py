"""The privacy screen tells the truth: who sees her answers, where the summary prints, how
long the file is kept (the retention setting), and that the screen clears itself."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.config import Settings
from tests.ui.conftest import MakeWindow
from tests.ui.driver import page_id, tap_name

SAYS = {
    "en": ("physical therapist and the clinic team", "front desk", "for 45 days", "clears itself"),
    "es": ("fisioterapeuta y el equipo de la clínica", "recepción", "por 45 días", "se borra sola"),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_privacy_screen_says_who_how_long_and_that_it_clears(
    qtbot: Any, make_window: MakeWindow, tmp_path: Any, language: str
) -> None:
    window = make_window(settings=Settings(output_dir=tmp_path, retention_days=45))
    tap_name(qtbot, window, "start" if language == "en" else "start_es")
    assert page_id(window) == "privacy"
    words = " ".join(w.text() for w in window.current_page().findChildren(QLabel) if w.isVisible())
    for part in SAYS[language]:
        assert part in words
    assert "Only" not in words and "Solo" not in words
