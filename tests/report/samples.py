"""Answer sets for the summary tests: one per status, and the longest ones the rules allow."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from kiosk.readiness.rules import WARNING_SIGNS as RULE_WARNING_SIGNS
from kiosk.samples import CALM

SCREENED_AT = datetime(2026, 11, 28, 14, 32)
TODAY = SCREENED_AT.date()
WARNING_SIGNS = list(RULE_WARNING_SIGNS)  # the spec's 15, in its order

# No flag at all but the notes-free minimum: ready_for_assessment.
READY: dict[str, Any] = {
    **CALM,
    "patient_name": "Ana López",
    "assessed_on": "2026-11-28",
    "baby_birth_date": "2026-05-02",
    "mood_down": 1,
}

BUILD_FOUNDATION: dict[str, Any] = {
    **READY,
    "baby_birth_date": "2026-09-26",
    "perineal_tear": "unsure",
    "feeding": "breast",
    "walking": "under_30",
    "prolapse_diagnosis": "grade_1",
}

NOT_YET: dict[str, Any] = {**READY, "leak_effort": "sometimes", "mood_interest": 2, "mood_down": 2}

URGENT: dict[str, Any] = {
    "patient_name": "Ana López",
    "assessed_on": "2026-11-28",
    "baby_birth_date": "2026-11-10",
    "delivery": "unplanned_caesarean",
    "caesarean_scar_problem": "yes",
    "feeding": "mixed",
    "postnatal_check": "not_yet",
    "warning_signs": ["heavy_bleeding", "self_harm"],
}

BY_STATUS: dict[str, dict[str, Any]] = {
    "ready_for_assessment": READY,
    "build_foundation": BUILD_FOUNDATION,
    "not_yet": NOT_YET,
    "urgent": URGENT,
}

LONGEST_NAME = "W" * 60  # the widest letter, at the longest name allowed

# Every rule that can fire together firing, with the longest texts: 27 flags
# (test_longest_answers_are_a_local_maximum checks no single change adds to it).
LONGEST: dict[str, Any] = {
    "patient_name": LONGEST_NAME,
    "assessed_on": "2026-11-28",
    "baby_birth_date": "2026-10-03",  # 8 weeks: CI-BLEEDING and CA-BEFORE-12-WEEKS
    "delivery": "planned_caesarean",
    "caesarean_scar_problem": "yes",
    "feeding": "breast",
    "postnatal_check": "not_cleared",
    "warning_signs": [],
    "blood_pressure": "unsure",
    "blood_loss": "unsure",
    "leak_effort": "sometimes",
    "leak_urgency": "sometimes",
    "bowel_leak": "yes",
    "bowel_emptying": "yes",
    "pelvic_heaviness": "yes",
    "prolapse_diagnosis": "grade_2_plus",
    "pelvic_pain": "yes",
    "bleeding": "yes",
    "abdominal_doming": "yes",
    "diastasis_measured": "none",
    "pain_back_pelvis": "yes",
    "pain_pubic": "yes",
    "pain_sciatic": "yes",
    "pain_other": "yes",
    "walking": "symptoms",
    "tried_running": "yes_symptoms",
    "running_history": "none",
    "running_goal": "stroller",
    "sleep": "under_4",
    "fueling": "unsure",
    "mood_interest": None,
    "mood_down": 3,
}

# Every warning sign at once, with every earlier answer that adds a flag: 19 flags.
LONGEST_URGENT: dict[str, Any] = {
    "patient_name": LONGEST_NAME,
    "assessed_on": "2026-11-28",
    "baby_birth_date": "2026-10-31",  # 4 weeks: CA-BEFORE-12-WEEKS
    "delivery": "planned_caesarean",
    "caesarean_scar_problem": "yes",
    "feeding": "breast",
    "postnatal_check": "not_cleared",
    "warning_signs": WARNING_SIGNS,
}

# The rules LONGEST leaves out because they exclude one it has (CI-EARLY vs
# CA-BEFORE-12-WEEKS, CA-LOCHIA vs CI-BLEEDING, ...), all at once.
ALTERNATE: dict[str, Any] = {
    "patient_name": "Ana López",
    "assessed_on": "2026-11-28",
    "baby_birth_date": "2026-11-21",  # 1 week: CI-EARLY, CA-LOCHIA
    "delivery": "assisted_vaginal",
    "perineal_tear": "severe",
    "feeding": "mixed",
    "postnatal_check": "not_yet",
    "warning_signs": [],
    "blood_pressure": "yes",
    "blood_loss": "yes",
    "leak_effort": "never",
    "leak_urgency": "never",
    "bowel_leak": "no",
    "bowel_emptying": "no",
    "pelvic_heaviness": "no",
    "prolapse_diagnosis": "grade_unknown",
    "pelvic_pain": "no",
    "bleeding": "yes",
    "abdominal_doming": "yes",
    "diastasis_measured": "over_2cm",
    "pain_back_pelvis": "no",
    "pain_pubic": "no",
    "pain_sciatic": "no",
    "pain_other": "no",
    "walking": "under_30",
    "tried_running": "no",
    "running_history": "competitive",
    "running_goal": "race_long",
    "sleep": "4_to_6",
    "fueling": "enough",
    "mood_interest": 2,
    "mood_down": 2,
}


def with_name(answers: dict[str, Any], name: str) -> dict[str, Any]:
    """A copy of `answers` with another patient name."""
    return {**answers, "patient_name": name}


def birth_weeks_ago(weeks: int, today: date = TODAY) -> str:
    """The ISO birth date `weeks` whole weeks before `today`."""
    return date.fromordinal(today.toordinal() - 7 * weeks).isoformat()


SPANISH_LONG_NAME = "María José de la Concepción Hernández-Villanueva Rodríguez Ñ"  # 60 characters

# The most a build_foundation summary can hold (clinical-spec section 5): every caution and
# every note that can fire beside them, 18 flags. 5 weeks postpartum: CA-BEFORE-12-WEEKS,
# CA-LOCHIA (bleeding under 8 weeks) and NOTE-STROLLER; an assisted vaginal birth with a
# severe tear: NOTE-ASSISTED-BIRTH and CA-SEVERE-TEAR; one PHQ-2 item at 3, the other
# skipped: NOTE-MOOD and NOTE-MOOD-SKIPPED. Where options raise the same flags, the one
# kept made the tallest summary (a search over every option of every answer, both languages).
WORST_BUILD_FOUNDATION: dict[str, Any] = {
    "patient_name": LONGEST_NAME,
    "assessed_on": "2026-11-28",
    "baby_birth_date": "2026-10-24",  # 5 weeks
    "delivery": "assisted_vaginal",
    "perineal_tear": "severe",
    "feeding": "mixed",
    "postnatal_check": "not_yet",
    "warning_signs": [],
    "blood_pressure": "unsure",
    "blood_loss": "unsure",
    "leak_effort": "never",
    "leak_urgency": "never",
    "bowel_leak": "no",
    "bowel_emptying": "no",
    "pelvic_heaviness": "no",
    "prolapse_diagnosis": "grade_unknown",
    "pelvic_pain": "no",
    "bleeding": "yes",
    "abdominal_doming": "unsure",
    "diastasis_measured": "size_unknown",
    "pain_back_pelvis": "no",
    "pain_pubic": "no",
    "pain_sciatic": "no",
    "pain_other": "yes",
    "walking": "under_30",
    "tried_running": "no",
    "running_history": "none",
    "running_goal": "stroller",
    "sleep": "under_4",
    "fueling": "not_enough",
    "mood_interest": 3,
    "mood_down": None,
}

# The rules WORST_BUILD_FOUNDATION leaves out because they exclude one it has: a tear
# the patient is unsure of (a note in place of a caution) ...
WORST_BUILD_FOUNDATION_TEAR_UNSURE: dict[str, Any] = {
    **WORST_BUILD_FOUNDATION,
    "perineal_tear": "unsure",
}

# ... and a caesarean with a scar problem (CA-SCAR) and a grade 1 prolapse (a note).
WORST_BUILD_FOUNDATION_CAESAREAN: dict[str, Any] = {
    **{k: v for k, v in WORST_BUILD_FOUNDATION.items() if k != "perineal_tear"},
    "delivery": "unplanned_caesarean",
    "caesarean_scar_problem": "yes",
    "prolapse_diagnosis": "grade_1",
}

# The most a ready_for_assessment summary can hold: every note that can fire without a
# caution, 12 notes (12 weeks: no CA-BEFORE-12-WEEKS, still NOTE-STROLLER).
WORST_READY: dict[str, Any] = {
    **WORST_BUILD_FOUNDATION,
    "baby_birth_date": "2026-08-29",  # 13 weeks
    "perineal_tear": "unsure",
    "postnatal_check": "cleared",
    "prolapse_diagnosis": "grade_1",
    "bleeding": "no",
    "abdominal_doming": "no",
    "diastasis_measured": "none",
    "pain_other": "no",
    "walking": "symptom_free_30",
}
