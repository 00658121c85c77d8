"""Kiosk-operation UI tests reuse the window fixtures of tests/ui (fast timings, clean teardown)."""

from __future__ import annotations

from tests.ui.conftest import delivery, make_window, questionnaire, settings

__all__ = ["delivery", "make_window", "questionnaire", "settings"]
