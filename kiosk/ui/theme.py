"""The two looks of the kiosk: its everyday colours, and high contrast laid over them."""

from __future__ import annotations

from kiosk.readiness.resources import resource_path

HIGH_CONTRAST = "high-contrast.qss"


def high_contrast_sheet() -> str:
    """The high-contrast colours (resources/styles/high-contrast.qss), same placeholders."""
    return resource_path("styles", HIGH_CONTRAST).read_text(encoding="utf-8")


def theme_template(base: str, high_contrast: bool) -> str:
    """The stylesheet template for a look: `base`, with high contrast's colours after it.

    Qt lets the later of two equally specific rules win, so high contrast only restates
    the colours and borders of the base rules; every size stays the base's.
    """
    return f"{base}\n{high_contrast_sheet()}" if high_contrast else base
