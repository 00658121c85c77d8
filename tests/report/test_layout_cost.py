"""The summary lays out its flags few times: the right size is found without trying each."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from reportlab.platypus.tables import Table

from kiosk.readiness import assess
from kiosk.readiness.model import Assessment
from kiosk.report import ReportContext, document, render, sections
from kiosk.report.styles import Look
from tests.report.samples import LONGEST, LONGEST_URGENT, SCREENED_AT, TODAY

LONG_SETS = {"longest": LONGEST, "longest_urgent": LONGEST_URGENT}


def _every_size_in_turn(assessment: Assessment, look: Look, room: float) -> float:
    """The height the flags get when every size is tried, largest first."""
    height = 0.0
    for fit in document._FLAG_FITS:
        height = document._height([sections.flags_table(assessment, Look(look.scale * fit))])
        if height <= room:
            break
    return height


@pytest.mark.parametrize("name", list(LONG_SETS))
def test_the_size_found_is_the_largest_that_fits(name: str) -> None:
    assessment = assess(LONG_SETS[name], today=TODAY)
    look = Look(1.0)
    heights = [
        document._height([sections.flags_table(assessment, Look(fit))])
        for fit in document._FLAG_FITS
    ]
    # Rooms on, just under and between every possible height, and beyond both ends.
    rooms = {0.0, 10_000.0}
    for height in heights:
        rooms |= {height, height - 0.01, height + 0.01}
    for room in sorted(rooms):
        found = document._height([document._flags_that_fit(assessment, look, room)])
        assert found == _every_size_in_turn(assessment, look, room), room


def _count_layouts(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """Full table layouts (reportlab's Table._calc) per flags table, by object id."""
    counts: Counter[int] = Counter()
    calc = Table._calc

    def counting(self: Any, *args: Any) -> Any:
        if isinstance(self, sections._LaidOutTable):
            counts[id(self)] += 1
        return calc(self, *args)

    monkeypatch.setattr(Table, "_calc", counting)
    return counts


@pytest.mark.parametrize("name", list(LONG_SETS))
def test_each_flags_table_is_laid_out_once(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = LONG_SETS[name]
    counts = _count_layouts(monkeypatch)
    builds: list[float] = []
    build = document._build

    def counting_build(*args: Any) -> Any:
        builds.append(args[-1].scale)
        return build(*args)

    monkeypatch.setattr(document, "_build", counting_build)
    render(answers, assess(answers, today=TODAY), ReportContext(screened_at=SCREENED_AT))
    # Sizes tried, of the seven there are, for each density the summary was laid out at.
    assert 1 <= len(counts) <= 4 * len(builds)
    assert set(counts.values()) == {1}  # the chosen one is not laid out again on the page
