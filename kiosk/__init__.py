"""Postpartum return-to-running screening kiosk for a pelvic-health PT clinic."""

__version__ = "0.1.0"
