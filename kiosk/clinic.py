"""The clinic's own details as shipped: the one home of the defaults of settings and summary.

Plain data, no imports from the project, so the settings, the summary and anything
else can read it without loading more than this file.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """One of the clinic's locations, as shown to patients and printed on the summary."""

    name: str
    address: str
    phone: str


CLINIC_NAME = "bodymechanics physical therapy"
LOCATIONS: tuple[Location, ...] = (
    Location("Milwaukee", "807 N. Jefferson, Milwaukee, WI 53202", "414-224-8219"),
    Location("Pewaukee", "1177 Quail Court, Suite 200, Pewaukee, WI 53072", "262-695-3057"),
)
