"""The PT summary holds what the PT needs, exactly as the patient typed it, page 1 first."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

import kiosk
from kiosk.readiness import (
    RULES,
    SOURCES,
    Assessment,
    Severity,
    Status,
    assess,
    load_questionnaire,
)
from kiosk.report.checklist import checklist_items
from kiosk.report.marks import status_gist, status_word
from kiosk.report.sections import sentences, shared_sentences
from kiosk.report.words import report_words
from tests.report.pdftext import rendered
from tests.report.samples import (
    ALTERNATE,
    BUILD_FOUNDATION,
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

EN = report_words("en")
RULES_VERSION = load_questionnaire().rules_version


def _squashed(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize(
    "name",
    [
        'Zoë <b>O\'Neil</b> & "Co"',
        "María José Núñez-Güell",
        "Ñandú O'Brien-Müller",
        "O’Brien ¿Qué? ¡Sí! &amp; <i>",
        "</para><font size=40>Big</font>",
        "Maria " + "a" * 54,  # 60 characters with a space
    ],
)
def test_name_prints_exactly_as_typed(name: str) -> None:
    _, pages = rendered(with_name(NOT_YET, name))
    assert name in pages[0]


def test_the_longest_name_wraps_at_full_size_rather_than_shrinking() -> None:
    _, pages = rendered(with_name(NOT_YET, LONGEST_NAME))
    assert LONGEST_NAME in _squashed(pages[0])


def test_no_name_is_said_plainly() -> None:
    answers = {k: v for k, v in READY.items() if k != "patient_name"}
    _, pages = rendered(answers)
    assert EN.get("no_name") in pages[0]


@pytest.mark.parametrize("status", list(BY_STATUS))
def test_every_status_in_words_on_page_one(status: str) -> None:
    answers = BY_STATUS[status]
    assert assess(answers, today=TODAY).status.value == status
    _, pages = rendered(answers)
    assert status_word(Status(status), EN) in pages[0]
    assert status_gist(Status(status), EN) in pages[0]
    assert (status == "urgent") == ("URGENT" in " ".join(pages))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("answers", [READY, BUILD_FOUNDATION], ids=["ready", "build"])
def test_ready_and_build_foundation_fit_two_pages(answers: dict, language: str) -> None:
    _, pages = rendered(answers, report_language=language)
    assert len(pages) <= 2


@pytest.mark.parametrize("answers", [LONGEST, LONGEST_URGENT, ALTERNATE])
def test_the_longest_summaries_take_at_most_four_pages_in_spanish(answers: dict) -> None:
    _, pages = rendered(with_name(answers, LONGEST_NAME), report_language="es")
    assert len(pages) <= 4


def test_urgent_says_so_across_the_top() -> None:
    _, pages = rendered(URGENT)
    assert pages[0].startswith("URGENT")


@pytest.mark.parametrize(
    "answers", [LONGEST, LONGEST_URGENT, ALTERNATE], ids=["not_yet", "urgent", "alternate"]
)
def test_every_flag_is_one_line_on_page_one(answers: dict) -> None:
    assessment = assess(answers, today=TODAY)
    _, pages = rendered(answers)
    first = pages[0]
    for flag in assessment.flags:
        clinician_title = getattr(flag, "clinician_title", flag.title)
        line = f"{clinician_title} {flag.id} {', '.join(flag.sources)}"
        assert line in first, line


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


@pytest.mark.parametrize("answers", [LONGEST, LONGEST_URGENT, ALTERNATE, NOT_YET])
def test_clinician_texts_follow_grouped_with_a_shared_action_said_once(answers: dict) -> None:
    assessment = assess(answers, today=TODAY)
    _, pages = rendered(answers)
    text = " ".join(pages)
    for severity in Severity:
        members = [f for f in assessment.flags if f.severity is severity]
        if not members:
            continue
        heading = f"{EN.count(severity.value, len(members))} ({len(members)})"
        assert heading in text
        shared = shared_sentences([f.clinician_text for f in members])
        for sentence in shared:
            assert text.count(sentence) == 1, sentence
        for flag in members:
            for sentence in sentences(flag.clinician_text):
                assert sentence in text, sentence


def test_an_urgent_summary_states_the_red_flag_action_once() -> None:
    assessment = assess(LONGEST_URGENT, today=TODAY)
    red_flags = [f for f in assessment.flags if f.severity is Severity.RED_FLAG]
    shared = shared_sentences([f.clinician_text for f in red_flags])
    assert shared  # most red flags end with the same action ...
    _, pages = rendered(LONGEST_URGENT)
    text = " ".join(pages)
    for sentence in shared:
        assert text.count(sentence) == 1  # ... printed once
    lone = [f.id for f in red_flags if shared[-1] not in f.clinician_text]
    lead = EN.get("shared_except", ids=", ".join(lone)) if lone else EN.get("shared_action")
    assert f"{lead} {' '.join(shared)}" in text


def test_shared_sentences() -> None:
    assert shared_sentences(["A one. Do X.", "B two. Do X."]) == ["Do X."]
    assert shared_sentences(["A one. Do X.", "B two. Do Y."]) == []
    assert shared_sentences(["A. Do X.", "B. Do X.", "C. Do Y."]) == ["Do X."]  # 2 of 3
    assert shared_sentences(["A. Do X.", "B. Do X.", "C. Do Y.", "D. Do Y."]) == []  # 2 of 4
    assert shared_sentences(["A one. Do X."]) == []


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


@pytest.mark.parametrize(
    ("weeks", "english", "spanish"),
    [
        (1, "1 week ·", "1 semana ·"),
        (2, "2 weeks ·", "2 semanas ·"),
        (0, "0 weeks ·", "0 semanas ·"),
    ],
)
def test_weeks_postpartum_with_the_birth_date_in_both_languages(
    weeks: int, english: str, spanish: str
) -> None:
    birth = birth_weeks_ago(weeks)
    answers = {**READY, "baby_birth_date": birth}
    _, pages = rendered(answers)
    assert f"{english} born {birth}" in pages[0]
    assert "1 weeks" not in pages[0]
    _, pages = rendered(answers, report_language="es")
    assert f"{spanish} nació {birth}" in pages[0]
    assert "1 semanas" not in pages[0]


def test_page_one_facts() -> None:
    _, pages = rendered(NOT_YET, patient_language="es")
    first = pages[0]
    assert "2026-11-28 14:32" in first
    assert "Vaginal birth" in first and "Formula only" in first
    assert f"{EN.get('patient_language')} {EN.get('languages.es')}" in first


def test_phq2_line_shows_each_item_and_the_answered_sum() -> None:
    _, pages = rendered(NOT_YET)  # 2 + 2
    line = EN.get("phq2_line", interest=2, down=2, total=4)
    assert f"{line} ({EN.get('phq2_positive')})" in pages[0]
    _, pages = rendered({**READY, "mood_interest": None, "mood_down": 1})
    line = EN.get("phq2_line", interest=EN.get("skipped"), down=1, total=1)
    assert f"{line} ({EN.get('phq2_negative')})" in pages[0]
    _, pages = rendered(URGENT)  # not asked at all after a warning sign
    assert EN.get("phq2_none") in pages[0]


def test_a_positive_mood_screen_gets_a_boxed_callout_on_page_one() -> None:
    assert any(f.id == "NOTE-MOOD" for f in assess(NOT_YET, today=TODAY).flags)
    _, pages = rendered(NOT_YET)
    assert EN.get("mood_callout_title") in pages[0]
    assert EN.get("mood_callout_body", total=4) in pages[0]
    _, pages = rendered(READY)
    assert EN.get("mood_callout_title") not in " ".join(pages)


def test_report_language_picks_the_labels() -> None:
    _, pages = rendered(BUILD_FOUNDATION, report_language="es")
    words = load_questionnaire().question("walking").text("es")
    assert f"{words.label} {words.options['under_30']}" in " ".join(pages)


def test_answers_show_labels_not_ids() -> None:
    _, pages = rendered(LONGEST)
    text = " ".join(pages)
    walking = load_questionnaire().question("walking").text("en")
    assert f"{walking.label} {walking.options['symptoms']}" in text
    mood = load_questionnaire().question("mood_interest").text("en")
    assert f"{mood.label} {EN.get('skipped')}" in text
    for raw in ("yes_symptoms", "grade_2_plus", "planned_caesarean", "under_4", "running_goal"):
        assert raw not in text


def test_urgent_answers_say_later_questions_were_not_asked() -> None:
    _, pages = rendered(URGENT)
    assert EN.get("answers_stopped") in " ".join(pages)


def test_checklist_plan_notes_and_the_sources_cited() -> None:
    assessment = assess(LONGEST, today=TODAY)
    _, pages = rendered(LONGEST)
    text = " ".join(pages)
    for item in checklist_items(EN):
        assert item in text
    assert text.count(f"{EN.get('pass')} {EN.get('fail')}") >= len(checklist_items(EN))
    for key in ("plan_title", "notes_title", "signature"):
        assert EN.get(key) in text
    cited = {key for flag in assessment.flags for key in flag.sources} | {"DEERING2024"}
    for key, source in SOURCES.items():
        assert (f"{key} {' '.join(source.split())}" in text) == (key in cited), key


def test_blood_pressure_history_adds_a_resting_bp_line_before_the_impact_tests() -> None:
    bp = EN.get("resting_bp")
    assert bp == "Resting BP ___/___ before impact tests"
    answers = {**READY, "blood_pressure": "unsure"}
    assert "NOTE-BLOOD-PRESSURE" in {f.id for f in assess(answers, today=TODAY).flags}
    _, pages = rendered(answers)
    text = " ".join(pages)
    assert text.index(bp) < text.index(EN.get("tests.jog"))
    _, pages = rendered(READY)
    assert bp not in " ".join(pages)


def test_urgent_gets_an_escalation_record_instead_of_the_tests() -> None:
    _, pages = rendered(LONGEST_URGENT)
    text = " ".join(pages)
    for key in ("escalation_time", "escalation_who", "escalation_signature"):
        assert EN.get(key) in text
    assert EN.get("escalation_done").split(" (")[0] in text
    for item in checklist_items(EN):
        assert item not in text
    assert EN.get("plan_title") not in text


@pytest.mark.parametrize(
    ("answers", "reason"),
    [
        ({**READY, "baby_birth_date": birth_weeks_ago(2)}, "reason_early"),
        ({**READY, "postnatal_check": "not_cleared"}, "reason_not_cleared"),
    ],
    ids=["two_weeks", "not_cleared"],
)
def test_impact_tests_are_not_today_with_the_reason(answers: dict, reason: str) -> None:
    _, pages = rendered(answers)
    text = " ".join(pages)
    assert EN.get("not_today", reason=EN.get(reason)) in text
    for test in ("jog", "bounds", "hop", "running_man"):
        assert f"{EN.get(f'tests.{test}')} {EN.get('not_today_short')}" in text
    assert f"{EN.get('tests.walk')} {EN.get('pass')}" in text  # walking is still tested
    _, pages = rendered(READY)  # 30 weeks, cleared: every test
    assert EN.get("not_today_short") not in " ".join(pages)


@pytest.mark.parametrize("answers", [READY, LONGEST], ids=["short", "longest"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_footer_on_every_page(answers: dict, language: str) -> None:
    w = report_words(language)
    _, pages = rendered(answers, report_language=language)
    for number, page in enumerate(pages, start=1):
        assert w.get("disclaimer") in page
        assert w.get("versions", app=kiosk.__version__, rules=RULES_VERSION) in page
        assert w.get("page_of", n=number, total=len(pages)) in page


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
    _, pages = rendered(READY, Assessment(Status.READY_FOR_ASSESSMENT, 30, (), 0))
    assert f"{EN.get('flags_zero')} {EN.get('no_flags')}" in pages[0]
    assert "0 flags" not in pages[0]


def test_signs_on_a_screen_never_shown_are_said_to_be_not_asked() -> None:
    question = load_questionnaire().question("warning_signs")
    first, second = question.option_screens
    _, pages = rendered(URGENT)  # heavy bleeding and self-harm, both on the first screen
    assert set(URGENT["warning_signs"]) <= set(first)
    options = question.text("en").options
    line = EN.get(
        "options_not_asked",
        question=question.text("en").label,
        options=", ".join(options[sign] for sign in second),
    )
    assert line in " ".join(pages)
    _, pages = rendered({**URGENT, "warning_signs": [second[0]]})  # the second screen was seen
    assert "(the urgent screen came first)" not in " ".join(pages)
    _, pages = rendered(LONGEST_URGENT)  # every sign ticked: every screen was asked
    assert "(the urgent screen came first)" not in " ".join(pages)
