"""Progress by part: "Part 2 of 5 · Your health now", from the questionnaire's parts; the
number of parts never changes, whatever she answers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.samples import SAMPLES
from tests.ui.conftest import MakeWindow
from tests.ui.driver import answer_page, page_id, tap_name

WORDS = {
    "en": ("Part 2 of 5 · Your health now", "Part {n} of 5 · "),
    "es": ("Parte 2 de 5 · Su salud ahora", "Parte {n} de 5 · "),
}


def progress_line(window: Any) -> str:
    found = [
        w.text()
        for w in window.current_page().findChildren(QLabel)
        if w.property("role") == "progress" and w.isVisible()
    ]
    assert len(found) == 1
    return str(found[0])


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_part_is_named_and_counted_on_every_question(
    qtbot: Any, make_window: MakeWindow, language: str
) -> None:
    window = make_window()
    tap_name(qtbot, window, "start" if language == "en" else "start_es")
    tap_name(qtbot, window, "nav_next")
    answers = SAMPLES["not_yet"]
    lines: list[str] = []
    while page_id(window) != "review":
        lines.append(progress_line(window))
        if page_id(window) == "warning_signs":
            assert lines[-1] == WORDS[language][0]
        current = page_id(window)
        answer_page(qtbot, window, answers["patient_name" if current == "name" else current])
    numbers = [int(line.split()[1]) for line in lines]
    assert numbers == sorted(numbers) and set(numbers) == {1, 2, 3, 4, 5}
    for n in numbers:
        assert any(line.startswith(WORDS[language][1].format(n=n)) for line in lines)


def test_a_warning_sign_does_not_change_the_count(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    window.go_to("warning_signs")
    before = progress_line(window)
    window.session.answer("warning_signs", ["fever"])  # nothing after this is asked now
    window.go_to("warning_signs")
    assert progress_line(window) == before == "Part 2 of 5 · Your health now"
