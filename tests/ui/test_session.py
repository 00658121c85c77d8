"""The Qt-free session: answers in the module's form, pruning, the path, progress."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

from kiosk.readiness import Questionnaire, assess
from kiosk.samples import SAMPLES
from kiosk.session import REVIEW, Session


def session(questionnaire: Questionnaire) -> Session:
    return Session(questionnaire, date(2026, 11, 20), "en")


def test_changing_the_birth_drops_the_tear_answer(questionnaire: Questionnaire) -> None:
    s = session(questionnaire)
    s.answer("delivery", "vaginal")
    s.answer("perineal_tear", "minor")
    s.answer("delivery", "planned_caesarean")
    assert "perineal_tear" not in s.answers
    assert s.step_after("delivery") == "caesarean_scar_problem"


def test_a_warning_sign_drops_every_later_answer(questionnaire: Questionnaire) -> None:
    s = session(questionnaire)
    for key, value in SAMPLES["ready_for_assessment"].items():
        s.answer(key, value)
    s.answer("warning_signs", ["fever"])
    assert list(s.for_assessment())[-2:] == ["warning_signs", "assessed_on"]
    assert assess(s.for_assessment()).status.value == "urgent"


def test_progress_counts_the_whole_expected_path_from_the_start(
    questionnaire: Questionnaire,
) -> None:
    s = session(questionnaire)
    assert s.progress("patient_name") == (1, 31)
    s.answer("delivery", "planned_caesarean")
    assert s.progress("delivery") == (3, 31)
    assert s.progress("caesarean_scar_problem") == (4, 31)
    s.answer("warning_signs", [])
    assert s.progress("warning_signs") == (7, 31)
    assert s.progress("mood_down") == (31, 31)


def test_the_path_back_and_forth_and_while_reviewing(questionnaire: Questionnaire) -> None:
    s = session(questionnaire)
    for key, value in SAMPLES["not_yet"].items():
        s.answer(key, value)
    assert all(q.id in s.answers for q in s.visible())  # every shown question answered
    assert s.step_after("mood_down") == REVIEW
    assert s.step_before(REVIEW) == "mood_down"
    assert s.step_before("patient_name") == "privacy"
    assert s.step_before("privacy") == "welcome"
    s.reviewing = True
    assert s.step_after("sleep") == REVIEW and s.step_before("sleep") == REVIEW
    s.answer("delivery", "vaginal")
    assert s.step_after("delivery") == "perineal_tear"


def test_the_assessment_answers_are_valid_for_every_sample(questionnaire: Questionnaire) -> None:
    for status, answers in SAMPLES.items():
        s = session(questionnaire)
        for key, value in answers.items():
            s.answer(key, value)
        assert assess(s.for_assessment()).status.value == status


def test_the_session_never_imports_qt() -> None:
    code = "import sys, kiosk.session; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
