"""The PT summary holds what the PT needs, exactly as the patient typed it, on at most 2 pages."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

import kiosk
from kiosk.readiness import RULES, SOURCES, Status, assess, load_questionnaire
from kiosk.report.checklist import checklist_items
from kiosk.report.marks import STATUS_LOOKS
from tests.report.pdftext import rendered
from tests.report.samples import (
    ALTERNATE,
    BY_STATUS,
    LONGEST,
    LONGEST_NAME,
    LONGEST_URGENT,
    NOT_YET,
    READY,
    TODAY,
    URGENT,
    birth_weeks_ago,
    with_name,
)

DISCLAIMER = "Screening aid for clinician review, not a diagnosis"
RULES_VERSION = load_questionnaire().rules_version


@pytest.mark.parametrize(
    "name",
    [
        'Zoë <b>O\'Neil</b> & "Co"',
        "María José Núñez-Güell",
        "Ñandú O'Brien-Müller",
        "O’Brien ¿Qué? ¡Sí! &amp; <i>",
        "</para><font size=40>Big</font>",
        LONGEST_NAME,
        "Maria " + "a" * 54,  # 60 characters with a space
    ],
)
def test_name_prints_exactly_as_typed(name: str) -> None:
    _, pages = rendered(with_name(NOT_YET, name))
    assert name in pages[0]


def test_no_name_is_said_plainly() -> None:
    answers = {k: v for k, v in READY.items() if k != "patient_name"}
    _, pages = rendered(answers)
    assert "(no name given)" in pages[0]


@pytest.mark.parametrize("status", list(BY_STATUS))
def test_every_status_in_words_within_two_pages(status: str) -> None:
    answers = BY_STATUS[status]
    assert assess(answers, today=TODAY).status.value == status
    _, pages = rendered(answers)
    assert 1 <= len(pages) <= 2
    assert STATUS_LOOKS[Status(status)].word in pages[0]
    assert STATUS_LOOKS[Status(status)].gist in pages[0]
    assert (status == "urgent") == ("URGENT" in " ".join(pages))


def test_urgent_says_so_across_the_top() -> None:
    _, pages = rendered(URGENT)
    assert pages[0].startswith("URGENT")


@pytest.mark.parametrize(
    "answers", [LONGEST, LONGEST_URGENT, ALTERNATE], ids=["not_yet", "urgent", "alternate"]
)
def test_longest_summaries_fit_two_pages_with_every_flag_on_page_one(answers: dict) -> None:
    assessment = assess(answers, today=TODAY)
    _, pages = rendered(answers)
    assert len(pages) <= 2
    for flag in assessment.flags:
        assert flag.id in pages[0]
        assert flag.clinician_title in pages[0]
        assert " ".join(flag.clinician_text.split()) in pages[0]
        assert ", ".join(flag.sources) in pages[0]


def test_sample_answer_sets_cover_every_rule() -> None:
    fired = {
        flag.id
        for answers in (LONGEST, LONGEST_URGENT, ALTERNATE, *BY_STATUS.values())
        for flag in assess(answers, today=TODAY).flags
    }
    assert fired == {rule.id for rule in RULES}


def test_red_flags_come_first() -> None:
    assessment = assess(LONGEST_URGENT, today=TODAY)
    _, pages = rendered(LONGEST_URGENT)
    positions = [pages[0].index(flag.id) for flag in assessment.flags]
    assert positions == sorted(positions)
    reds = [p for p, f in zip(positions, assessment.flags, strict=True) if f.id.startswith("RF-")]
    assert max(reds) < min(p for p in positions if p not in reds)


def test_longest_answers_are_a_local_maximum() -> None:
    """No single other answer (or birth week) makes LONGEST raise more flags."""
    questionnaire = load_questionnaire()
    most = len(assess(LONGEST, today=TODAY).flags)
    for question in questionnaire.questions:
        values: list[object] = list(question.options)
        if question.kind == "scale":
            values = [None, 0, 1, 2, 3]
        for value in values:
            trial = {**LONGEST, question.id: value}
            try:
                assert len(assess(trial, today=TODAY).flags) <= most, (question.id, value)
            except ValueError:
                continue  # not a valid answer set (e.g. a hidden question)
    for weeks in range(0, 60):
        trial = {**LONGEST, "baby_birth_date": birth_weeks_ago(weeks)}
        assert len(assess(trial, today=TODAY).flags) <= most, weeks


def test_page_one_facts() -> None:
    _, pages = rendered(NOT_YET, patient_language="es")
    first = pages[0]
    assert "2026-11-28 14:32" in first
    weeks = assess(NOT_YET, today=TODAY).weeks_postpartum
    assert f"{weeks} weeks · born {NOT_YET['baby_birth_date']}" in first
    assert "Vaginal birth" in first and "Formula only" in first
    assert "Español" in first  # the patient's language
    assert "4 of 6, positive screen (3 or more)" in first


def test_phq2_not_answered() -> None:
    _, pages = rendered({**READY, "mood_interest": None})
    assert "PHQ-2 score not answered" in pages[0]
    _, pages = rendered(URGENT)  # not asked at all after a warning sign
    assert "PHQ-2 score not answered" in pages[0]


def test_answers_show_labels_not_ids() -> None:
    _, pages = rendered(LONGEST)
    text = " ".join(pages)
    words = load_questionnaire().question("walking").text("en")
    assert f"{words.label} {words.options['symptoms']}" in text
    assert "Little interest or pleasure skipped" in text
    for raw in ("yes_symptoms", "grade_2_plus", "planned_caesarean", "under_4", "running_goal"):
        assert raw not in text


def test_report_language_picks_the_labels() -> None:
    _, pages = rendered(READY, report_language="es")
    words = load_questionnaire().question("feeding").text("es")
    assert f"{words.label} {words.options['formula']}" in " ".join(pages)


def test_urgent_answers_say_later_questions_were_not_asked() -> None:
    _, pages = rendered(URGENT)
    text = " ".join(pages)
    assert "later questions were not asked" in text
    assert "Heavy bleeding" in text or "heavy bleeding" in text.lower()


def test_checklist_plan_notes_and_sources() -> None:
    _, pages = rendered(LONGEST)
    text = " ".join(pages)
    for item in checklist_items():
        assert item in text
    assert text.count("□ pass □ fail") >= len(checklist_items())
    assert "Return-to-run plan (DEERING2024)" in text
    assert "about 10%" in text and "stop and walk" in text
    assert "PT notes" in text and "PT signature" in text
    for key, source in SOURCES.items():
        assert f"{key} {' '.join(source.split())}" in text


@pytest.mark.parametrize("answers", [READY, LONGEST], ids=["short", "longest"])
def test_footer_on_every_page(answers: dict) -> None:
    _, pages = rendered(answers)
    for number, page in enumerate(pages, start=1):
        assert DISCLAIMER in page
        assert f"App {kiosk.__version__} · Rules {RULES_VERSION}" in page
        assert f"Page {number} of {len(pages)}" in page


def test_later_pages_name_the_patient() -> None:
    _, pages = rendered(with_name(READY, "Ana <Ruiz>"))
    assert len(pages) == 2
    assert "2026-11-28 14:32 · READY FOR ASSESSMENT Ana <Ruiz>" in pages[1]


def test_us_letter_and_only_the_shipped_font() -> None:
    pdf, _ = rendered(LONGEST_URGENT)
    reader = PdfReader(io.BytesIO(pdf))
    fonts: set[str] = set()
    for page in reader.pages:
        assert [round(float(v)) for v in page.mediabox] == [0, 0, 612, 792]
        resources = page["/Resources"]["/Font"]
        fonts |= {str(resources[key].get_object()["/BaseFont"]) for key in resources}
    assert fonts and all(re.fullmatch(r"/[A-Z]{6}\+DejaVuSans(-Bold)?", f) for f in fonts), fonts


def test_empty_flags_render() -> None:
    from kiosk.readiness import Assessment

    _, pages = rendered(READY, Assessment(Status.READY_FOR_ASSESSMENT, 30, (), 0))
    assert "No flags" in pages[0]
