"""The one table of screening rules (clinical-spec sections 4 and 5), in rule table order.

Each rule here is logic only: id, severity, sources and when it fires. Its words (patient
and clinician titles and texts, in every language) live in the language files, under
``[rules.<RULE-ID>]`` in ``resources/i18n/<language>.toml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kiosk.readiness.conditions import (
    AllOf,
    AnswerIn,
    AnyOf,
    Condition,
    NoWarningSign,
    Phq2AnsweredSumAtLeast,
    Phq2Incomplete,
    WarningSign,
    Weeks,
)
from kiosk.readiness.model import Severity
from kiosk.readiness.validate import ValidAnswers

# Bump with every change to a rule's logic, severity or words; must match
# `rules_version` in resources/questionnaire.toml (a test checks it).
RULES_VERSION = "2026.11-3"

RED_FLAG = Severity.RED_FLAG
CONTRAINDICATION = Severity.CONTRAINDICATION
CAUTION = Severity.CAUTION
NOTE = Severity.NOTE


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One screening rule: its id, how severe it is, its sources and when it fires."""

    id: str
    severity: Severity
    sources: tuple[str, ...]
    predicate: Condition

    def fires(self, answers: ValidAnswers) -> bool:
        return self.predicate(answers)


def _rule(rule_id: str, severity: Severity, sources: str, predicate: Condition) -> Rule:
    return Rule(
        id=rule_id,
        severity=severity,
        sources=tuple(sources.split("; ")),
        predicate=predicate,
    )


def _is(question: str, *values: str) -> AnswerIn:
    return AnswerIn(question, values)


# The warning signs of clinical-spec section 4, in its order: RF- and the value in capitals.
WARNING_SIGNS: tuple[str, ...] = (
    "chest_pain",
    "breathing",
    "heavy_bleeding",
    "leg_swelling",
    "severe_headache",
    "fever",
    "wound",
    "fainting",
    "seizure",
    "vision",
    "swelling_face_hands",
    "belly_pain",
    "vomiting",
    "discharge",
    "self_harm",
)


def red_flag_id(sign: str) -> str:
    """The rule id of a warning sign: `RF-` and the value in capitals, `-` for `_`."""
    return "RF-" + sign.upper().replace("_", "-")


_RED_FLAGS: tuple[Rule, ...] = tuple(
    _rule(red_flag_id(sign), RED_FLAG, "POSTBIRTH", WarningSign(sign)) for sign in WARNING_SIGNS
)

_CONTRAINDICATIONS: tuple[Rule, ...] = (
    _rule("CI-EARLY", CONTRAINDICATION, "CHRISTOPHER2024", Weeks(high=3)),
    _rule(
        "CI-NOT-CLEARED", CONTRAINDICATION, "DAVENPORT2025", _is("postnatal_check", "not_cleared")
    ),
    _rule(
        "CI-PROLAPSE", CONTRAINDICATION, "CLINIC; POPQ", _is("prolapse_diagnosis", "grade_2_plus")
    ),
    _rule("CI-HEAVINESS", CONTRAINDICATION, "GOOM2019", _is("pelvic_heaviness", "yes")),
    _rule(
        "CI-STRESS-LEAK", CONTRAINDICATION, "CLINIC; ICS", _is("leak_effort", "sometimes", "often")
    ),
    _rule(
        "CI-URGE-LEAK", CONTRAINDICATION, "GOOM2019; ICS", _is("leak_urgency", "sometimes", "often")
    ),
    _rule("CI-BOWEL", CONTRAINDICATION, "GOOM2019", _is("bowel_leak", "yes")),
    _rule("CI-BOWEL-EMPTYING", CONTRAINDICATION, "GOOM2019", _is("bowel_emptying", "yes")),
    _rule("CI-PELVIC-PAIN", CONTRAINDICATION, "GOOM2019", _is("pelvic_pain", "yes")),
    _rule(
        "CI-BLEEDING", CONTRAINDICATION, "GOOM2019", AllOf((_is("bleeding", "yes"), Weeks(low=8)))
    ),
    _rule("CI-DIASTASIS", CONTRAINDICATION, "CLINIC", _is("diastasis_measured", "over_2cm")),
    _rule("CI-SI-PAIN", CONTRAINDICATION, "CLINIC", _is("pain_back_pelvis", "yes")),
    _rule("CI-PUBIC-PAIN", CONTRAINDICATION, "CLINIC", _is("pain_pubic", "yes")),
    _rule("CI-SCIATIC", CONTRAINDICATION, "CLINIC", _is("pain_sciatic", "yes")),
    _rule("CI-WALK-SYMPTOMS", CONTRAINDICATION, "GOOM2019", _is("walking", "symptoms")),
    _rule("CI-RUN-SYMPTOMS", CONTRAINDICATION, "GOOM2019", _is("tried_running", "yes_symptoms")),
)

_CAUTIONS: tuple[Rule, ...] = (
    _rule("CA-BEFORE-12-WEEKS", CAUTION, "GOOM2019; CHRISTOPHER2024", Weeks(low=3, high=12)),
    _rule("CA-NO-CHECKUP", CAUTION, "DAVENPORT2025", _is("postnatal_check", "not_yet")),
    _rule("CA-PROLAPSE-GRADE", CAUTION, "CLINIC; POPQ", _is("prolapse_diagnosis", "grade_unknown")),
    _rule(
        "CA-DIASTASIS-CHECK",
        CAUTION,
        "CLINIC; GOOM2019",
        AnyOf(
            (
                _is("diastasis_measured", "size_unknown"),
                AllOf(
                    (_is("diastasis_measured", "none"), _is("abdominal_doming", "yes", "unsure"))
                ),
            )
        ),
    ),
    _rule("CA-SEVERE-TEAR", CAUTION, "RCOG-OASI", _is("perineal_tear", "severe")),
    _rule("CA-SCAR", CAUTION, "DAVENPORT2025", _is("caesarean_scar_problem", "yes")),
    _rule("CA-WALK", CAUTION, "GOOM2019", _is("walking", "under_30")),
    _rule("CA-LOCHIA", CAUTION, "GOOM2019", AllOf((_is("bleeding", "yes"), Weeks(high=8)))),
    _rule("CA-OTHER-PAIN", CAUTION, "GOOM2019", _is("pain_other", "yes")),
)

_NOTES: tuple[Rule, ...] = (
    _rule("NOTE-BREASTFEEDING", NOTE, "CLINIC; GOOM2019", _is("feeding", "breast", "mixed")),
    _rule("NOTE-TEAR-UNSURE", NOTE, "RCOG-OASI", _is("perineal_tear", "unsure")),
    _rule("NOTE-ASSISTED-BIRTH", NOTE, "GOOM2019", _is("delivery", "assisted_vaginal")),
    _rule("NOTE-BLOOD-PRESSURE", NOTE, "DAVENPORT2025", _is("blood_pressure", "yes", "unsure")),
    _rule("NOTE-ANAEMIA", NOTE, "DAVENPORT2025; GOOM2019", _is("blood_loss", "yes", "unsure")),
    _rule("NOTE-PROLAPSE-GRADE-1", NOTE, "CLINIC; POPQ", _is("prolapse_diagnosis", "grade_1")),
    _rule("NOTE-SLEEP", NOTE, "DEERING2024", _is("sleep", "under_4")),
    _rule("NOTE-FUEL", NOTE, "GOOM2019", _is("fueling", "unsure", "not_enough")),
    _rule("NOTE-MOOD", NOTE, "PHQ2", Phq2AnsweredSumAtLeast(3)),
    _rule("NOTE-MOOD-SKIPPED", NOTE, "PHQ2", AllOf((NoWarningSign(), Phq2Incomplete()))),
    _rule("NOTE-NEW-RUNNER", NOTE, "DEERING2024", _is("running_history", "none")),
    _rule(
        "NOTE-STROLLER", NOTE, "MOVINGMED", AllOf((_is("running_goal", "stroller"), Weeks(high=26)))
    ),
)

RULES: tuple[Rule, ...] = _RED_FLAGS + _CONTRAINDICATIONS + _CAUTIONS + _NOTES
"""Every rule, in the order of clinical-spec section 5 (red flags in section 4 order)."""

RULES_BY_ID: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in RULES})

RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)
