"""Sizes for the current screen and text size, and the one stylesheet filled in with them."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from string import Template

from kiosk.readiness.resources import resource_path

REFERENCE_LONG = 1920  # sizes are designed at 1920 x 1080 and scale with the screen
REFERENCE_SHORT = 1080
LARGE_TEXT = 1.3  # the "larger text" factor

# Minimums at the reference size (design section 3); the layout uses a little more.
MIN_ANSWER_HEIGHT = 96
MIN_CONTROL = 64
MIN_GAP = 16
MIN_BODY_FONT = 28
MIN_QUESTION_FONT = 36


def screen_scale(width: int, height: int) -> float:
    """How much the reference design grows or shrinks for a screen (landscape or portrait)."""
    long_side, short_side = max(width, height), min(width, height)
    return min(long_side / REFERENCE_LONG, short_side / REFERENCE_SHORT)


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one screen size and text size."""

    scale: float
    large_text: bool = False
    portrait: bool = False

    @classmethod
    def for_size(cls, width: int, height: int, large_text: bool = False) -> Metrics:
        return cls(screen_scale(width, height), large_text, height > width)

    def px(self, reference: float) -> int:
        """A length at the reference size, scaled to this screen (never below it, rounded up)."""
        return math.ceil(reference * self.scale)

    def font(self, reference: float) -> int:
        """A font pixel size, scaled to the screen and the chosen text size."""
        return math.ceil(reference * self.scale * (LARGE_TEXT if self.large_text else 1.0))

    @property
    def answer_height(self) -> int:
        return self.px(100)

    @property
    def control(self) -> int:
        return self.px(72)

    @property
    def gap(self) -> int:
        return self.px(20)

    @property
    def border(self) -> int:
        return max(2, self.px(3))

    @property
    def margin(self) -> int:
        return self.px(32)

    @property
    def fonts(self) -> dict[str, int]:
        return {
            "body": self.font(28),
            "answer": self.font(30),
            "button": self.font(30),
            "key": self.font(32),
            "prompt": self.font(38),
            "date_value": self.font(52),
            "title": self.font(46),
        }

    def stylesheet(self, template: str) -> str:
        """The stylesheet with its `${name}` sizes filled in for these metrics."""
        values: dict[str, object] = dict(self.fonts)
        values.update(
            radius=self.px(18),
            border=self.border,
            pad=self.px(16),
            pad_small=self.px(8),
            bar=self.px(14),
        )
        return Template(template).substitute(values)


def stylesheet_template(path: Path | None = None) -> str:
    """The kiosk's stylesheet (resources/styles/kiosk.qss) with its size placeholders."""
    source = path if path is not None else resource_path("styles", "kiosk.qss")
    return source.read_text(encoding="utf-8")


FONT_FAMILY = "DejaVu Sans"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def register_fonts() -> None:
    """Make the kiosk's font available even where the system lacks it (needs a QApplication)."""
    from PySide6.QtGui import QFontDatabase

    if FONT_FAMILY in QFontDatabase.families():
        return
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        if path.is_file():
            QFontDatabase.addApplicationFont(str(path))
