"""build.spec: every resource listed, unused Qt left out, plugins trimmed with what only they need.

The spec runs here with stand-ins for PyInstaller's build steps. When a built app is
present (dist/postpartum-run-kiosk, or $KIOSK_DIST), its folder is checked as well.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import kiosk

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build.spec"
NAME = "postpartum-run-kiosk"
DIST = Path(os.environ.get("KIOSK_DIST", ROOT / "dist" / NAME))
UNUSED = (
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtCharts",
    "PySide6.QtSql",
    "PySide6.QtTest",
)
NEEDED = ("PySide6.QtPdf", "PySide6.QtPrintSupport", "PySide6.QtTextToSpeech")


def run_spec(**preset: Any) -> dict[str, Any]:
    """Execute build.spec with recording stand-ins; its namespace, with `calls` added."""
    calls: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}

    def analysis(*args: Any, **kwargs: Any) -> SimpleNamespace:
        calls["Analysis"] = (args, kwargs)
        datas = [(str(Path(d) / Path(s).name), s, "DATA") for s, d in kwargs["datas"]]
        return SimpleNamespace(binaries=[], datas=datas, pure=[], scripts=[])

    def step(kind: str) -> Any:
        def record(*args: Any, **kwargs: Any) -> SimpleNamespace:
            calls[kind] = (args, kwargs)
            return SimpleNamespace()

        return record

    namespace: dict[str, Any] = {
        "SPECPATH": str(ROOT if "BARE" not in preset else ROOT / "bench"),
        "Analysis": analysis,
        "PYZ": step("PYZ"),
        "EXE": step("EXE"),
        "COLLECT": step("COLLECT"),
        **preset,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    namespace["calls"] = calls
    return namespace


def test_every_resource_file_is_listed_and_exists() -> None:
    spec = run_spec()
    listed = {Path(dest).as_posix() for dest, _source, _kind in spec["a"].datas}
    shipped = {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*") if p.is_file()
    }
    assert listed == shipped


def test_the_app_is_named_and_versioned_from_kiosk() -> None:
    spec = run_spec()
    assert spec["VERSION"] == kiosk.__version__
    assert spec["calls"]["EXE"][1]["name"] == NAME
    assert spec["calls"]["COLLECT"][1]["name"] == NAME
    assert spec["calls"]["Analysis"][0][0] == [str(ROOT / "kiosk" / "__main__.py")]


def test_unused_qt_is_excluded_and_what_the_kiosk_loads_lazily_is_kept() -> None:
    kwargs = run_spec()["calls"]["Analysis"][1]
    assert set(UNUSED) <= set(kwargs["excludes"])
    assert not set(NEEDED) & set(kwargs["excludes"])
    assert set(NEEDED) | {"kiosk.report", "kiosk.selftest"} <= set(kwargs["hiddenimports"])


def test_the_front_desk_alert_keeps_what_it_sends_with() -> None:
    kwargs = run_spec()["calls"]["Analysis"][1]
    assert "kiosk.alert.channels" in kwargs["hiddenimports"]
    assert not {"ssl", "smtplib", "email", "urllib", "http", "json"} & set(kwargs["excludes"])


def test_the_bare_window_is_built_by_the_same_rules() -> None:
    script = str(ROOT / "bench" / "bare_window.py")
    spec = run_spec(BARE={"name": "bare-window", "script": script})
    kiosk_spec = run_spec()
    kwargs = spec["calls"]["Analysis"][1]
    assert spec["calls"]["Analysis"][0][0] == [script]
    assert kwargs["excludes"] == kiosk_spec["calls"]["Analysis"][1]["excludes"]
    assert kwargs["datas"] == [] and kwargs["hiddenimports"] == []
    assert spec["KEEP_PLUGINS"] == kiosk_spec["KEEP_PLUGINS"]


def _qt(relative: str) -> tuple[str, str, str]:
    import PySide6

    source = Path(PySide6.__file__).parent / "Qt" / relative
    if not source.exists():
        pytest.skip(f"this PySide6 has no {relative}")
    return (f"PySide6/Qt/{relative}", str(source), "BINARY")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux plugin file names")
def test_unwanted_plugins_go_and_so_do_the_libraries_only_they_need(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("PyInstaller")
    xcb = _qt("plugins/platforms/libqxcb.so")
    cups = _qt("plugins/printsupport/libcupsprintersupport.so")
    vnc = _qt("plugins/platforms/libqvnc.so")
    keyboard = _qt("plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    gtk = _qt("plugins/platformthemes/libqgtk3.so")
    quick, vkb = _qt("lib/libQt6Quick.so.6"), _qt("lib/libQt6VirtualKeyboard.so.6")
    xcb_qpa, printing = _qt("lib/libQt6XcbQpa.so.6"), _qt("lib/libQt6PrintSupport.so.6")
    newcomer = ("PySide6/Qt/plugins/brandnew/libqnew.so", vnc[1], "BINARY")
    binaries = [xcb, cups, vnc, keyboard, gtk, quick, vkb, xcb_qpa, printing, newcomer]
    datas = [
        ("libQt6Quick.so.6", quick[0], "SYMLINK"),
        ("libQt6XcbQpa.so.6", xcb_qpa[0], "SYMLINK"),
        ("PySide6/Qt/translations/qtbase_es.qm", "/x/qtbase_es.qm", "DATA"),
        ("resources/styles/kiosk.qss", "/x/kiosk.qss", "DATA"),
    ]
    kept, kept_datas = run_spec()["trim"](binaries, datas)
    assert kept == [xcb, cups, xcb_qpa, printing]
    assert [d[0] for d in kept_datas] == ["libQt6XcbQpa.so.6", "resources/styles/kiosk.qss"]
    assert "'brandnew' is new here" in capsys.readouterr().out


# -- the built folder, when there is one ---------------------------------------------------

FORBIDDEN = ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "VirtualKeyboard", "avcodec", "ffmpeg")


def _built() -> list[str]:
    if not (DIST / "_internal").is_dir():
        pytest.skip(f"no built app in {DIST} (make dist)")
    return [p.relative_to(DIST).as_posix() for p in DIST.rglob("*")]


def test_the_built_folder_holds_no_unused_qt() -> None:
    found = [p for p in _built() if any(word in p for word in FORBIDDEN)]
    assert found == []


def test_the_built_folder_has_the_plugins_and_resources_the_kiosk_needs() -> None:
    files = set(_built())
    plugins = "_internal/PySide6/Qt/plugins"
    ext = {"linux": ".so", "darwin": ".dylib", "win32": ".dll"}.get(sys.platform, ".so")
    if sys.platform.startswith("linux"):
        for plugin in (
            "platforms/libqoffscreen",
            "platforms/libqxcb",
            "platforms/libqwayland",
            "printsupport/libcupsprintersupport",
            "texttospeech/libqtexttospeech_speechd",
            "imageformats/libqsvg",
        ):
            assert f"{plugins}/{plugin}{ext}" in files
    for resource in ("questionnaire.toml", "styles/kiosk.qss", "fonts/DejaVuSans.ttf"):
        assert f"_internal/resources/{resource}" in files
