"""The readiness module stays pure: no Qt, no reportlab, nothing else of the project."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.readiness.factories import valid_answers

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
from datetime import date
import kiosk.readiness as readiness
answers = json.loads(sys.argv[1])
readiness.assess(answers, today=date(2026, 11, 7)).to_dict()
readiness.RULES[0].predicate.describe()
print(json.dumps(sorted(sys.modules)))
"""


def test_importing_and_assessing_loads_no_gui_or_pdf_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(valid_answers(feeding="breast"))],
        capture_output=True,
        cwd=ROOT,
        text=True,
        timeout=60,
        check=True,
    )
    modules = json.loads(result.stdout)
    for banned in ("PySide6", "shiboken6", "reportlab"):
        assert not [m for m in modules if m == banned or m.startswith(banned + ".")], banned
    project = [m for m in modules if m == "kiosk" or m.startswith("kiosk.")]
    assert "kiosk.readiness.rules" in project
    assert all(m == "kiosk" or m.startswith("kiosk.readiness") for m in project), project
