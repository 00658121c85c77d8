"""Colour contrast (WCAG 2.x): every text colour on every background it can sit on reaches
4.5:1 in the everyday look and 7:1 in high contrast, computed from the stylesheets; and the
contrast button switches the look at once and back for the next patient."""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.metrics import stylesheet_template
from kiosk.ui.theme import high_contrast_sheet, theme_template
from tests.ui.conftest import MakeWindow
from tests.ui.driver import answer_button, tap, tap_name
from tests.ui.test_style import contrast as ratio  # the WCAG ratio of two #RRGGBB colours

RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
HEX = re.compile(r"#[0-9A-Fa-f]{6}")
PLACEHOLDER = re.compile(r"\$\{(\w+)\}")
SELECTED = '[selected="true"]'
THEMES = {"everyday": (False, 4.5), "high_contrast": (True, 7.0)}


def rules(sheet: str) -> dict[str, dict[str, str]]:
    """Selector -> properties, one entry per selector of a list, later rules winning (as Qt)."""
    merged: dict[str, dict[str, str]] = {}
    text = re.sub(r"/\*.*?\*/", "", PLACEHOLDER.sub("1", sheet), flags=re.S)
    for selectors, body in RULE.findall(text):
        props = {}
        for line in body.split(";"):
            if ":" in line:
                key, value = line.split(":", 1)
                props[key.strip()] = value.strip()
        for selector in selectors.split(","):
            merged.setdefault(" ".join(selector.split()), {}).update(props)
    return merged


def _hex(value: str | None) -> str | None:
    found = HEX.search(value or "")
    return found.group(0).upper() if found else None


def pairs(sheet: str) -> list[tuple[str, str, str]]:
    """(where, ink, background) for every text colour and each background it can sit on.

    A rule with its own background: that one, and its :pressed background. A label inside
    a selected answer: the selected answers' backgrounds (or the label's own). Labels of
    an answer: the answer buttons' backgrounds. Any other text: every page-level surface.
    """
    table = rules(sheet)

    def grounds(match: Any) -> dict[str, str]:
        found = {s: _hex(p.get("background-color")) for s, p in table.items() if match(s)}
        return {s: bg for s, bg in found.items() if bg is not None}

    surfaces = grounds(lambda s: s.startswith(("QWidget", "QFrame")))
    answers = grounds(lambda s: 'role="answer"]' in s and SELECTED not in s)
    chosen = grounds(lambda s: 'role="answer"]' in s and SELECTED in s)
    found = []
    for selector, props in table.items():
        ink = _hex(props.get("color"))
        if ink is None:
            continue
        last = selector.split(" ")[-1]
        own = _hex(props.get("background-color") or table.get(last, {}).get("background-color"))
        if own is not None:
            under = {selector: own, **grounds(lambda s, sel=selector: s == f"{sel}:pressed")}
        elif selector.startswith(f"QPushButton{SELECTED} "):
            under = chosen
        elif 'role="answer_' in selector:
            under = answers
        else:
            under = surfaces
        found += [(f"{selector} on {where}", ink, bg) for where, bg in under.items()]
    return found


def sheet_of(theme: str) -> str:
    return theme_template(stylesheet_template(), THEMES[theme][0])


@pytest.mark.parametrize("theme", list(THEMES))
def test_every_text_colour_reads_on_every_background(theme: str) -> None:
    least = THEMES[theme][1]
    found = pairs(sheet_of(theme))
    assert len(found) > 40  # the pairing sees the whole sheet
    weak = [
        f"{w}: {ink} on {bg} = {ratio(ink, bg):.2f}"
        for w, ink, bg in found
        if ratio(ink, bg) < least
    ]
    assert not weak, "\n".join(weak)


def test_the_ratio_is_wcag_s() -> None:
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)


def test_a_weak_pair_is_caught() -> None:
    sheet = 'QWidget[role="page"] { background-color: #FFFFFF; }\n'
    sheet += 'QLabel[role="help"] { color: #999999; }'
    assert min(ratio(ink, bg) for _, ink, bg in pairs(sheet)) < 4.5


def test_high_contrast_only_restates_the_base_rules() -> None:
    base = rules(stylesheet_template())
    high = rules(high_contrast_sheet())
    assert set(high) <= set(base), set(high) - set(base)
    assert set(PLACEHOLDER.findall(high_contrast_sheet())) <= set(
        PLACEHOLDER.findall(stylesheet_template())
    )
    for selector, props in high.items():  # colours and borders only: sizes stay the base's
        assert set(props) <= {"color", "background-color", "border", "border-bottom"}, selector


def _ink(widget: QWidget) -> str:
    widget.ensurePolished()
    return widget.palette().color(QPalette.ColorRole.WindowText).name().upper()


def _prompt(window: Any) -> QLabel:
    return next(w for w in window.findChildren(QLabel) if w.property("role") == "prompt")


def test_the_contrast_button_switches_the_look_at_once(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    window.go_to("delivery")
    everyday = _ink(_prompt(window))
    tap(qtbot, answer_button(window, "delivery", "vaginal"))
    qtbot.waitUntil(lambda: window.page_id != "delivery")
    window.go_to("delivery")
    tap_name(qtbot, window, "contrast")
    assert window.session.high_contrast and window.page_id == "delivery"
    ink = rules(high_contrast_sheet())["QWidget"]["color"].upper()
    assert everyday != ink and _ink(_prompt(window)) == ink
    chosen = answer_button(window, "delivery", "vaginal")
    label = next(w for w in chosen.findChildren(QLabel) if w.property("role") == "answer_label")
    selected_ink = rules(high_contrast_sheet())[
        'QPushButton[selected="true"] QLabel[role="answer_label"]'
    ]["color"]
    assert _ink(label) == selected_ink.upper()  # the high-contrast rule wins in Qt, too
    assert window.findChild(QWidget, "contrast").text() == window.texts.text("en", "contrast_off")
    window.go_to("feeding")
    assert _ink(_prompt(window)) == ink  # it stays on through the questions
    tap_name(qtbot, window, "text_size")
    assert window.session.high_contrast and _ink(_prompt(window)) == ink
    tap_name(qtbot, window, "contrast")
    assert _ink(_prompt(window)) == everyday


def test_the_next_patient_gets_the_everyday_look(qtbot: Any, make_window: MakeWindow) -> None:
    window = make_window()
    tap_name(qtbot, window, "contrast")
    tap_name(qtbot, window, "start")
    window.reset_session("test")
    assert not window.session.high_contrast
    assert window.styleSheet() == window.metrics.stylesheet(stylesheet_template())
    contrast = window.findChild(QWidget, "contrast")
    assert contrast.text() == window.texts.text("en", "contrast_on")
