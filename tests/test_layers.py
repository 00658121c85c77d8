"""The layers of design.md section 1 hold: the import contract passes, and fails on a bad import."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_package_has_no_new_import_cycle() -> None:
    graph = grimp.build_graph("kiosk")
    cycles = {
        tuple(sorted((module, imported)))
        for module in graph.modules
        for imported in graph.find_modules_directly_imported_by(module)
        if graph.find_shortest_chain(importer=imported, imported=module)
    }
    assert cycles == set()


@pytest.fixture(scope="module")
def broken_copy(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """The contract run over a copy of the package with four bad imports added."""
    root = tmp_path_factory.mktemp("layers")
    shutil.copy(ROOT / "pyproject.toml", root)
    shutil.copytree(ROOT / "kiosk", root / "kiosk", ignore=shutil.ignore_patterns("__pycache__"))
    bad = {
        "kiosk/readiness/model.py": "from kiosk import config  # noqa\n",
        "kiosk/report/text.py": "from PySide6 import QtGui  # noqa\n",
        "kiosk/delivery.py": "from kiosk.ui import window  # noqa\n",
        "kiosk/ui/services/idle.py": "from kiosk.ui.pages import base  # noqa\n",
    }
    for name, line in bad.items():
        path = root / name
        path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    return _lint(root)


def test_the_contract_holds_for_the_package() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(
    "import_",
    [
        "kiosk.readiness.model -> kiosk.config",
        "kiosk.report.text -> PySide6",
        "kiosk.delivery -> kiosk.ui.window",
        "kiosk.ui.services.idle -> kiosk.ui.pages.base",
    ],
)
def test_the_contract_fails_on_a_bad_import(
    broken_copy: subprocess.CompletedProcess[str], import_: str
) -> None:
    assert broken_copy.returncode != 0
    assert import_ in broken_copy.stdout
