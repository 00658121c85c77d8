"""A bad config at start-up: one line on stderr, a clear full screen (not a crash), exit 2."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kiosk import app
from kiosk.config import Settings
from tests.ui.conftest import MakeWindow

BAD = "idle_timeout_s = 5\n"


def bad_config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(BAD, encoding="utf-8")
    return path


def screens() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == "startup_error"]


def test_fullscreen_shows_the_error_then_exits_2(qtbot: Any, tmp_path: Path, capsys: Any) -> None:
    seen: dict[str, Any] = {}

    def look() -> None:
        shown = screens()
        seen["count"] = len(shown)
        if shown:
            seen["fullscreen"] = shown[0].isFullScreen()
            seen["texts"] = [label.text() for label in shown[0].findChildren(QLabel)]

    QTimer.singleShot(50, look)
    code = app.run(config=bad_config(tmp_path), windowed=False, error_screen_ms=400)
    assert code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("config error:") and "idle_timeout_s" in lines[0]
    assert seen["count"] == 1 and seen["fullscreen"]
    assert lines[0] in seen["texts"]
    assert "This kiosk cannot start" in seen["texts"]
    assert "Por favor, avise en la recepción." in seen["texts"]
    assert not screens()  # gone, not left behind


def test_closing_the_error_screen_ends_it_at_once(qtbot: Any, tmp_path: Path, capsys: Any) -> None:
    QTimer.singleShot(50, lambda: [screen.close() for screen in screens()])
    code = app.run(config=bad_config(tmp_path), windowed=False, error_screen_ms=60_000)
    assert code == 2 and not screens()
    assert "idle_timeout_s" in capsys.readouterr().err


def test_windowed_gives_only_the_line(qtbot: Any, tmp_path: Path, capsys: Any) -> None:
    QTimer.singleShot(0, lambda: [screen.close() for screen in screens()])
    assert app.run(config=bad_config(tmp_path), windowed=True, error_screen_ms=60_000) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_no_display_gives_only_the_line(
    qtbot: Any, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(app, "_has_display", lambda: False)
    shown: list[int] = []
    QTimer.singleShot(0, lambda: shown.append(len(screens())))
    assert app.run(config=bad_config(tmp_path), error_screen_ms=60_000) == 2
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [0]
    assert "idle_timeout_s" in capsys.readouterr().err


def test_the_kiosk_starts_guarded_with_staff_access_and_a_purge(qtbot: Any, tmp_path: Path) -> None:
    from kiosk.logs import shutdown_logging
    from kiosk.ui.staff.panel import StaffAccess

    folder = tmp_path / "summaries"
    folder.mkdir()
    old = folder / "2020-01-01_0900_patient_abc123.pdf"
    old.write_bytes(b"%PDF-1.4\n")
    written = datetime(2020, 1, 1, 9, 0).timestamp()
    os.utime(old, (written, written))  # saved then: the folder's clock agrees with the name
    config = tmp_path / "kiosk.toml"
    config.write_text(f"output_dir = '{folder}'\n", encoding="utf-8")
    seen: dict[str, Any] = {}
    app_instance = QApplication.instance()
    assert app_instance is not None

    def look() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "kiosk_window")
        seen["fullscreen"] = window.isFullScreen()
        seen["close_refused"] = window.close() is False
        seen["background"] = window.delivery_runner.background
        seen["staff"] = window.findChild(StaffAccess) is not None
        app_instance.exit(0)  # not quit(): that would leave the test application closing

    QTimer.singleShot(50, look)
    try:
        code = app.run(config=config, windowed=False)
    finally:
        shutdown_logging()
        for widget in QApplication.topLevelWidgets():
            widget.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert code == 0
    assert seen == {"fullscreen": True, "close_refused": True, "background": True, "staff": True}
    assert not old.exists()


def test_staff_exit_releases_the_guard_and_quits(qtbot: Any, make_window: MakeWindow) -> None:
    from kiosk.ui.services.housekeeping import Housekeeping
    from kiosk.ui.staff.panel import StaffAccess

    window = make_window()
    quits: list[bool] = []
    app._start_kiosk_mode(
        SimpleNamespace(quit=lambda: quits.append(True)), window, Settings(), False
    )
    for keeper in window.findChildren(Housekeeping):
        keeper.stop()
    assert window.close() is False  # guarded
    staff = window.findChild(StaffAccess)
    assert staff is not None
    staff._on_exit_clicked()
    assert quits == [True]
    assert window.close() is True


def test_settings_that_crashed_the_loader_show_the_screen(
    qtbot: Any, tmp_path: Path, capsys: Any
) -> None:
    from tests.ops.test_config_crashes import CASES

    for case, (text, words) in CASES.items():
        path = tmp_path / f"{case}.toml"
        path.write_text(text, encoding="utf-8")
        seen: list[int] = []
        QTimer.singleShot(50, lambda seen=seen: seen.append(len(screens())))
        assert app.run(config=path, windowed=False, error_screen_ms=300) == 2
        lines = capsys.readouterr().err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("config error:") and words in lines[0]
        assert seen == [1]
