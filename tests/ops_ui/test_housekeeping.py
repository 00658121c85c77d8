"""Old summaries are purged at start-up and on every tick of the (hourly) timer."""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from kiosk.config import Settings
from kiosk.logs import SafeFormatter
from kiosk.ui.services.housekeeping import HOUR_MS, Housekeeping

NOW = datetime(2026, 11, 20, 9, 0)


def summary(folder: Path, when: datetime, name: str = "zyxw-qwer") -> Path:
    path = folder / f"{when:%Y-%m-%d_%H%M}_{name}_abc123.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    os.utime(path, (when.timestamp(), when.timestamp()))  # written then
    return path


def test_purges_at_start_and_every_interval(qtbot: Any, tmp_path: Path, caplog: Any) -> None:
    folder = tmp_path / "summaries"
    folder.mkdir()
    settings = replace(Settings(), output_dir=folder, retention_days=30)
    old = summary(folder, NOW - timedelta(days=31))
    recent = summary(folder, NOW - timedelta(days=29))
    other = folder / "notes.txt"
    other.write_text("kept")
    clock = {"now": NOW}
    caplog.set_level(logging.INFO)
    keeper = Housekeeping(settings, interval_ms=30, now=lambda: clock["now"])
    try:
        assert keeper.start() == 1
        assert not old.exists() and recent.exists() and other.exists()
        assert keeper.timer.isActive()
        clock["now"] = NOW + timedelta(days=2)
        qtbot.waitUntil(lambda: not recent.exists(), timeout=3000)
        assert other.exists() and keeper.purged == 2
    finally:
        keeper.stop()
    logged = [SafeFormatter().format(r) for r in caplog.records if "housekeeping" in r.name]
    assert any("housekeeping.purged count=1" in line for line in logged)
    assert not any("zyxw" in line for line in logged)


def test_default_interval_is_an_hour_and_a_missing_folder_is_fine(tmp_path: Path) -> None:
    settings = replace(Settings(), output_dir=tmp_path / "not-there")
    keeper = Housekeeping(settings)
    try:
        assert keeper.timer.interval() == HOUR_MS
        assert keeper.start() == 0
    finally:
        keeper.stop()
