"""What came of a print or a summary delivery: one result type each and one set of problems.

Qt-free and light (no printer, no reportlab), so the screens, the staff panel, the
self-test and the fakes in tests all use these types. No patient data in here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Problem(StrEnum):
    """Why something did not work. The value is also the staff panel's word key
    (``problem_<value>`` and ``printer_<value>`` in resources/i18n) and what logs show.

    Any problem in a delivery means the patient should tell the front desk.
    """

    SAVE_FAILED = "save_failed"  # not saved (or not even made); it may still have printed
    NO_PRINTER = "no_printer"  # no such printer, or no default printer
    PRINTER_STOPPED = "printer_stopped"  # the queue is paused, disabled or in error
    PRINT_FAILED = "print_failed"  # the job could not be handed over


@dataclass(frozen=True)
class PrintResult:
    """Whether the job was handed to the printer; `reason` says why not."""

    ok: bool
    reason: Problem | None = None


@dataclass(frozen=True)
class DeliveryResult:
    """Where the summary was saved (None: not saved), whether it printed, and the problem.

    `problem` is None, `Problem.SAVE_FAILED` (`printed` tells whether paper came out
    anyway), or the print's own problem.
    """

    saved_path: Path | None
    printed: bool
    problem: Problem | None

    @property
    def ok(self) -> bool:
        return self.problem is None
