"""Two kiosks share a summaries folder; neither's clock alone decides what is deleted."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from kiosk.output import purge_old_summaries, save_summary

PDF = b"%PDF-1.4\n%%EOF\n"
REAL = datetime.now().replace(second=0, microsecond=0)  # what the folder's clock says
DAYS = 30


def _saved_by(folder: Path, kiosk_clock: datetime, name: str) -> Path:
    """A summary saved by a kiosk whose clock says `kiosk_clock`; the folder stamps it now."""
    return save_summary(PDF, folder, patient_name=name, when=kiosk_clock)


def _age(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_a_kiosk_reset_to_2000_loses_nothing_saved_today(tmp_path: Path) -> None:
    saved = [_saved_by(tmp_path, datetime(2000, 1, 1, 9, n), f"p{n}") for n in range(6)]
    assert purge_old_summaries(tmp_path, DAYS, REAL) == 0  # the other kiosk, right clock
    assert all(path.exists() for path in saved)


def test_summaries_dated_in_the_future_are_left_alone(tmp_path: Path) -> None:
    ahead = _saved_by(tmp_path, REAL + timedelta(days=400), "ahead")
    _age(ahead, REAL - timedelta(days=400))  # even with an old modification time
    assert purge_old_summaries(tmp_path, DAYS, REAL) == 0
    assert ahead.exists()


def test_a_purging_kiosk_whose_clock_runs_ahead_keeps_young_summaries(tmp_path: Path) -> None:
    today = _saved_by(tmp_path, REAL, "today")
    assert purge_old_summaries(tmp_path, DAYS, REAL + timedelta(days=365)) == 0
    assert today.exists()


def test_old_by_name_and_by_the_folder_goes(tmp_path: Path) -> None:
    both = _saved_by(tmp_path, REAL - timedelta(days=DAYS + 1), "both")
    _age(both, REAL - timedelta(days=DAYS + 1))
    name_only = _saved_by(tmp_path, REAL - timedelta(days=DAYS + 1), "name")  # mtime: now
    time_only = _saved_by(tmp_path, REAL, "time")
    _age(time_only, REAL - timedelta(days=DAYS + 1))
    young = _saved_by(tmp_path, REAL - timedelta(days=DAYS - 1), "young")
    _age(young, REAL - timedelta(days=DAYS - 1))
    assert purge_old_summaries(tmp_path, DAYS, REAL) == 1
    assert not both.exists()
    assert name_only.exists() and time_only.exists() and young.exists()
