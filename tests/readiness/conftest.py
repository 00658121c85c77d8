"""Readiness tests: keep hypothesis's files in the test-run temp dir, not in the checkout."""

from __future__ import annotations

import os
import tempfile

from hypothesis import configuration

configuration.set_hypothesis_home_dir(
    os.path.join(os.environ.get("XDG_CACHE_HOME") or tempfile.mkdtemp(), "hypothesis")
)
