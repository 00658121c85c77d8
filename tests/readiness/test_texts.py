"""Every rule's words: present, tidy, sourced, plain for the patient, never 'cleared to run'."""

from __future__ import annotations

import re

import pytest

from kiosk.readiness import RULES, RULES_BY_ID, SOURCES, Rule, Severity

BY_ID = pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
TEXT_FIELDS = ("id", "title", "patient_text", "clinician_text", "title_es", "patient_text_es")

# Words a patient text must not use: a verdict on running, jargon, or blame.
NEVER = re.compile(
    r"\bclear(ed)?\b|ready to run|safe to run|autorizad|lista para correr"
    r"|incontinence|diastasis|lochia|perine|sacroiliac|symphysis|contraindicat|postpartum"
    r"|postnatal|PHQ|OASI|RED-S|\bfail|fault|culpa|should have",
    re.IGNORECASE,
)


def test_rule_ids_are_unique_and_indexed() -> None:
    assert len(RULES_BY_ID) == len(RULES) == 41
    assert all(RULES_BY_ID[rule.id] is rule for rule in RULES)


@BY_ID
def test_texts_are_present_and_tidy(rule: Rule) -> None:
    for name in TEXT_FIELDS:
        text = getattr(rule, name)
        assert isinstance(text, str) and text, name
        assert text == text.strip(), name
        assert "  " not in text, name
        assert not re.search(r"[\t\r\n\x00-\x1f]", text), name


@BY_ID
def test_sources_are_known_keys(rule: Rule) -> None:
    assert rule.sources
    assert len(set(rule.sources)) == len(rule.sources)
    assert set(rule.sources) <= set(SOURCES)


@BY_ID
def test_titles_are_short(rule: Rule) -> None:
    assert len(rule.title) <= 45
    assert len(rule.title_es) <= 70


@BY_ID
def test_texts_end_as_sentences(rule: Rule) -> None:
    for text in (rule.patient_text, rule.patient_text_es, rule.clinician_text):
        assert text[-1] in ".!", text


@BY_ID
def test_patient_texts_give_no_verdict_no_jargon_no_blame(rule: Rule) -> None:
    for text in (rule.title, rule.patient_text, rule.title_es, rule.patient_text_es):
        assert not NEVER.search(text), text


def _syllables(word: str) -> int:
    word = word.lower()
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(1, count)


def _grade(text: str) -> float:
    """Flesch-Kincaid grade, with a plain vowel-group syllable count."""
    sentences = [s for s in re.split(r"[.!?:]+", text) if s.strip()]
    words = re.findall(r"[A-Za-z']+", text)
    syllables = sum(_syllables(word) for word in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59


@BY_ID
def test_patient_text_is_plain(rule: Rule) -> None:
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", rule.patient_text) if s]
    assert max(len(sentence.split()) for sentence in sentences) <= 16
    assert _grade(rule.patient_text) <= 6.0


def test_patient_texts_read_at_about_6th_grade_overall() -> None:
    assert _grade(" ".join(rule.patient_text for rule in RULES)) <= 5.0


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.severity is Severity.RED_FLAG], ids=lambda rule: rule.id
)
def test_red_flags_tell_her_to_go_to_the_front_desk_now(rule: Rule) -> None:
    assert "tell the front desk now" in rule.patient_text
    assert "avise ahora a la recepción" in rule.patient_text_es
    assert rule.sources == ("POSTBIRTH",)


def test_self_harm_gives_the_988_lifeline() -> None:
    rule = RULES_BY_ID["RF-SELF-HARM"]
    assert "call or text 988" in rule.patient_text
    assert "988 Suicide & Crisis Lifeline" in rule.patient_text
    assert "988" in rule.patient_text_es
    assert "988" in rule.clinician_text


def test_only_self_harm_mentions_988() -> None:
    assert [rule.id for rule in RULES if "988" in rule.patient_text] == ["RF-SELF-HARM"]


def test_language_lookup_falls_back_to_english() -> None:
    rule = RULES_BY_ID["NOTE-STROLLER"]
    assert rule.patient_text_in("es") == rule.patient_text_es
    assert rule.title_in("es") == rule.title_es
    assert rule.patient_text_in("en") == rule.patient_text
    assert rule.patient_text_in("fr") == rule.patient_text


@BY_ID
def test_flag_carries_the_rule(rule: Rule) -> None:
    flag = rule.flag()
    assert (flag.id, flag.severity, flag.title, flag.sources) == (
        rule.id,
        rule.severity,
        rule.title,
        rule.sources,
    )
    assert (flag.patient_text, flag.clinician_text) == (rule.patient_text, rule.clinician_text)
