"""Test-wide setup: headless Qt, and every per-user folder redirected into a temp dir."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_QUICK_BACKEND", "software")

# Keep every test off the real config, data, state and cache folders.
_HOME = tempfile.mkdtemp(prefix="kiosk-tests-")
for _name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_HOME, _name.lower())

# Hypothesis keeps its example database and constants under its home dir: keep it in the temp dir.
import hypothesis.configuration  # noqa: E402

hypothesis.configuration.set_hypothesis_home_dir(os.path.join(_HOME, "hypothesis"))
