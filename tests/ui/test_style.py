"""The stylesheet: every text colour on every background it can sit on reads at 4.5:1 or more,
and no colour is written in Python."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.readiness.resources import resource_path
from kiosk.ui.metrics import Metrics, stylesheet_template

RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
TEAL = "#1D5C57"


def _rules() -> list[tuple[str, dict[str, str]]]:
    text = re.sub(r"/\*.*?\*/", "", stylesheet_template(), flags=re.S)
    rules = []
    for selector, body in RULE.findall(text):
        props = {}
        for line in body.split(";"):
            if ":" in line:
                key, value = line.split(":", 1)
                props[key.strip()] = value.strip()
        rules.append((" ".join(selector.split()), props))
    return rules


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _colour(value: str | None) -> str | None:
    found = COLOUR.search(value or "")
    return found.group(0).upper() if found else None


def test_every_text_colour_has_strong_contrast() -> None:
    rules = [(s, p) for s, p in _rules() if ":disabled" not in s and "::chunk" not in s]
    surfaces = {
        _colour(p.get("background-color"))
        for s, p in rules
        if p.get("background-color")
        and "selected" not in s
        and "primary" not in s
        and ":pressed" not in s
    } - {None}
    weak = []
    for selector, props in rules:
        ink = _colour(props.get("color"))
        if ink is None:
            continue
        own = _colour(props.get("background-color"))
        if own is not None:
            grounds = {own}
        elif 'selected="true"' in selector:
            grounds = {TEAL}
        else:
            grounds = surfaces
        weak += [f"{selector}: {ink} on {g}" for g in grounds if contrast(ink, g) < 4.5]
    assert not weak, weak


def test_the_palette_is_checked_at_all() -> None:
    assert contrast("#2A2420", "#FBF6EF") > 12
    assert contrast("#FFFFFF", TEAL) > 7


def test_no_colour_is_written_in_python() -> None:
    ui = Path(resource_path()).parent / "kiosk" / "ui"
    for source in ui.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert not COLOUR.search(text), source.name
        assert "rgb(" not in text and "QColor(" not in text, source.name


def test_every_size_placeholder_is_filled() -> None:
    for metrics in (Metrics(0.5), Metrics(1.0, large_text=True)):
        sheet = metrics.stylesheet(stylesheet_template())
        assert "$" not in sheet
