"""Freed memory goes back to the system after each patient (glibc malloc_trim), where it can."""

from __future__ import annotations

import gc
import sys
import weakref

import pytest
from pytestqt.qtbot import QtBot

from kiosk import memory
from kiosk.samples import SAMPLES
from kiosk.ui import Timing
from tests.ui.conftest import MakeWindow
from tests.ui.driver import tap_name, wait_page, walk

FAST = Timing(idle_ms=600_000, countdown_ms=600_000, result_ms=600_000, advance_ms=5, trim_ms=5)


def test_each_session_end_hands_freed_memory_back(
    qtbot: QtBot, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "release_free_memory", lambda: calls.append(1) or True)
    window = make_window(timing=FAST)
    for _ in range(2):
        walk(qtbot, window, SAMPLES["ready_for_assessment"])
        tap_name(qtbot, window, "finish")
        wait_page(qtbot, window, "result")
        tap_name(qtbot, window, "done")
        wait_page(qtbot, window, "welcome")
        before = len(calls)
        qtbot.waitUntil(lambda before=before: len(calls) == before + 1)  # type: ignore[misc]
    assert len(calls) == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc is a Linux library")
def test_trim_is_called_on_glibc() -> None:
    assert memory.release_free_memory() is True


def test_other_platforms_call_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert memory._find_trim() is None


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the full collection frees it


def test_the_last_patients_cycles_are_collected_before_the_trim() -> None:
    was_enabled = gc.isenabled()
    gc.disable()  # no automatic collection may do it instead
    try:
        node = _Node()
        gone = weakref.ref(node)
        del node
        assert gone() is not None
        memory.release_free_memory()
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()
