"""Handing freed heap memory back to the system between patients, where the platform allows."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import sys
from collections.abc import Callable

_log = logging.getLogger(__name__)
_trim: Callable[[int], int] | None = None
_looked = False


def _find_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None (Windows, macOS, musl: nothing to call)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Collect the last patient's garbage (Python's full collection: the pages she saw hold
    reference cycles), then give the heap's free pages back to the system (glibc
    ``malloc_trim(0)``).

    Without it the kiosk keeps a few kilobytes per patient in fragmented free heap
    (measured by bench/soak.py). Returns whether the trim could be called; never raises.
    """
    global _trim, _looked
    gc.collect()
    if not _looked:
        _trim, _looked = _find_trim(), True
    if _trim is None:
        return False
    try:
        _trim(0)
    except OSError:  # pragma: no cover - a libc that refuses
        _log.warning("malloc_trim failed")
        return False
    return True
