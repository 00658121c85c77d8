"""Sample answer sets, one per status: for screenshots, the self-test and the staff test print."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

TODAY = date(2026, 11, 20)

# Every answer of a patient with no flag at all (the readiness module's form).
CALM: dict[str, Any] = {
    "patient_name": "Ana María López",
    "delivery": "vaginal",
    "perineal_tear": "minor",
    "feeding": "formula",
    "postnatal_check": "cleared",
    "warning_signs": [],
    "blood_pressure": "no",
    "blood_loss": "no",
    "leak_effort": "never",
    "leak_urgency": "never",
    "bowel_leak": "no",
    "bowel_emptying": "no",
    "pelvic_heaviness": "no",
    "prolapse_diagnosis": "none",
    "pelvic_pain": "no",
    "bleeding": "no",
    "abdominal_doming": "no",
    "diastasis_measured": "none",
    "pain_back_pelvis": "no",
    "pain_pubic": "no",
    "pain_sciatic": "no",
    "pain_other": "no",
    "walking": "symptom_free_30",
    "tried_running": "no",
    "running_history": "regular",
    "running_goal": "race_short",
    "sleep": "over_6",
    "fueling": "enough",
    "mood_interest": 0,
    "mood_down": 0,
}


def born(weeks: int, today: date = TODAY) -> str:
    """The ISO birth date of a baby `weeks` old on `today`."""
    return (today - timedelta(weeks=weeks)).isoformat()


SAMPLES: dict[str, dict[str, Any]] = {
    "ready_for_assessment": {**CALM, "baby_birth_date": born(20)},
    "build_foundation": {
        **CALM,
        "baby_birth_date": born(9),
        "feeding": "breast",
        "walking": "under_30",
    },
    "not_yet": {
        **{key: value for key, value in CALM.items() if key != "perineal_tear"},
        "baby_birth_date": born(16),
        "delivery": "unplanned_caesarean",
        "caesarean_scar_problem": "yes",
        "feeding": "mixed",
        "leak_effort": "sometimes",
        "pelvic_heaviness": "yes",
        "abdominal_doming": "unsure",
        "running_goal": "stroller",
        "sleep": "under_4",
        "mood_interest": None,
    },
}
URGENT_SIGNS = ["fever", "self_harm"]
