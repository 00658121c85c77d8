"""Everything Qt: the kiosk window, its pages, touch widgets and the idle watch."""

from kiosk.ui.window import KioskWindow, Timing

__all__ = ["KioskWindow", "Timing"]
