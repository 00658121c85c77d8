"""`python -m kiosk`: bad config, staff-task hooks, screenshots, a lean start, the crash policy."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from kiosk import app
from kiosk.logs import SafeFormatter
from tests.ui.conftest import MakeWindow
from tests.ui.driver import page_id

ROOT = Path(__file__).resolve().parents[2]


def run_kiosk(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=timeout,
    )


def test_a_bad_config_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text("idle_timeout_s = 5\n")
    done = run_kiosk("--windowed", "--config", str(config))
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "idle_timeout_s" in lines[0]


def test_staff_tasks_are_dispatched(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    config.write_text('clinic_name = "Test Clinic"\n')
    done = run_kiosk("--check-config", "--config", str(config))
    assert done.returncode == 0 and "Test Clinic" in done.stdout
    done = run_kiosk("--self-test")
    assert done.returncode == 0 and done.stdout.startswith("self-test ok:")


def test_screenshots_of_every_screen(tmp_path: Path) -> None:
    done = run_kiosk("--screenshots", str(tmp_path), "--size", "1280x800")
    assert done.returncode == 0, done.stderr[-2000:]
    names = {p.stem.split("_", 1)[1] for p in tmp_path.glob("[0-9]*.png")}
    for wanted in ("welcome", "privacy", "name", "review", "urgent", "idle_warning"):
        assert wanted in names
    for wanted in ("warning_signs", "warning_signs_screen_2"):  # both screens, every look
        for look in ("", "large_", "es_", "es_large_", "contrast_", "es_large_contrast_"):
            assert list(tmp_path.glob(f"{look}[0-9][0-9]_{wanted}.png")), (look, wanted)
            assert list(tmp_path.glob(f"{look}[0-9][0-9]_{wanted}_ticked.png")), (look, wanted)
    for status in ("ready_for_assessment", "build_foundation", "not_yet"):
        assert f"result_{status}" in names
    assert len(list(tmp_path.glob("large_*.png"))) >= len(names)


def test_a_wrong_size_is_refused() -> None:
    done = run_kiosk("--screenshots", "/nonexistent", "--size", "big")
    assert done.returncode == 2 and "1920x1080" in done.stderr


def test_start_up_leaves_reportlab_and_qtpdf_unloaded() -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "a = QApplication([])\n"
        "from kiosk import app\n"
        "from kiosk.config import Settings\n"
        "w = app.build_window(Settings())\n"
        "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'PySide6.QtPdf'))))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_an_unexpected_error_wipes_the_session(
    qtbot: Any, make_window: MakeWindow, caplog: Any
) -> None:
    window = make_window()
    window.session.answer("patient_name", "Ana")
    window.go_to("name")
    restore = app.install_crash_policy(window)
    try:
        try:
            raise RuntimeError("Ana")
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        restore()
    assert page_id(window) == "welcome" and window.session.answers == {}
    logged = [SafeFormatter().format(record) for record in caplog.records]
    assert any("RuntimeError" in line for line in logged)
    assert not any("Ana" in line for line in logged)
