"""Every rule's words: in the language files, present, tidy, sourced, plain for the patient,
never 'cleared to run'; the clinician's words short enough for the summary."""

from __future__ import annotations

import re

import pytest

from kiosk.readiness import (
    RULES,
    RULES_BY_ID,
    SOURCES,
    Rule,
    RuleWords,
    Severity,
    assess,
    default_questionnaire,
)
from tests.readiness.factories import valid_answers

CONTENT = default_questionnaire()
LANGUAGES = CONTENT.languages
BY_ID = pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
FIELDS = ("title", "clinician_title", "patient_text", "clinician_text")
# The longest a clinician text may be once filled in: the PDF prints every one (spec 5).
CLINICIAN_TEXT_MAX = 200
FILLED = {"interest": "3", "down": "skipped", "sum": "3"}

# Words a patient text must not use: a verdict on running, jargon, or blame.
NEVER = re.compile(
    r"\bclear(ed)?\b|ready to run|safe to run|autorizad|lista para correr"
    r"|incontinence|diastasis|lochia|perine|sacroiliac|symphysis|contraindicat|postpartum"
    r"|postnatal|PHQ|OASI|RED-S|\bfail|fault|culpa|should have",
    re.IGNORECASE,
)


def words(rule: Rule, language: str) -> RuleWords:
    return CONTENT.words(rule.id, language)


def test_rule_ids_are_unique_and_indexed() -> None:
    assert len(RULES_BY_ID) == len(RULES) == 52
    assert all(RULES_BY_ID[rule.id] is rule for rule in RULES)


@BY_ID
def test_every_rule_has_all_its_words_in_every_language(rule: Rule) -> None:
    for language in LANGUAGES:
        entry = words(rule, language)
        for name in FIELDS:
            text = getattr(entry, name)
            assert isinstance(text, str) and text, (language, name)
            assert text == text.strip(), (language, name)
            assert "  " not in text, (language, name)
            assert not re.search(r"[\t\r\n\x00-\x1f]", text), (language, name)
    english, spanish = words(rule, "en"), words(rule, "es")
    for name in FIELDS:  # the Spanish is a translation, not a copy of the English
        assert getattr(english, name) != getattr(spanish, name), name


@BY_ID
def test_sources_are_known_keys(rule: Rule) -> None:
    assert rule.sources
    assert len(set(rule.sources)) == len(rule.sources)
    assert set(rule.sources) <= set(SOURCES)


@BY_ID
def test_titles_are_short(rule: Rule) -> None:
    assert len(words(rule, "en").title) <= 45
    assert len(words(rule, "es").title) <= 70
    for language in LANGUAGES:
        assert len(words(rule, language).clinician_title) <= 60


@BY_ID
def test_clinician_texts_stay_under_about_200_characters(rule: Rule) -> None:
    for language in LANGUAGES:
        text = words(rule, language).clinician_text.format(**FILLED)
        assert len(text) <= CLINICIAN_TEXT_MAX, (language, len(text))


@BY_ID
def test_texts_end_as_sentences(rule: Rule) -> None:
    for language in LANGUAGES:
        entry = words(rule, language)
        for text in (entry.patient_text, entry.clinician_text):
            assert text[-1] in ".!", text


@BY_ID
def test_patient_texts_give_no_verdict_no_jargon_no_blame(rule: Rule) -> None:
    for language in LANGUAGES:
        entry = words(rule, language)
        for text in (entry.title, entry.patient_text):
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
    text = words(rule, "en").patient_text
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
    assert max(len(sentence.split()) for sentence in sentences) <= 16
    assert _grade(text) <= 6.0


def test_patient_texts_read_at_about_6th_grade_overall() -> None:
    assert _grade(" ".join(words(rule, "en").patient_text for rule in RULES)) <= 5.0


@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.severity is Severity.RED_FLAG], ids=lambda rule: rule.id
)
def test_red_flags_tell_her_to_go_to_the_front_desk_now(rule: Rule) -> None:
    assert "tell the front desk now" in words(rule, "en").patient_text
    assert "avise ahora a la recepción" in words(rule, "es").patient_text
    assert rule.sources == ("POSTBIRTH",)


def test_self_harm_gives_the_988_lifeline() -> None:
    english, spanish = (
        words(RULES_BY_ID["RF-SELF-HARM"], "en"),
        words(RULES_BY_ID["RF-SELF-HARM"], "es"),
    )
    assert "call or text 988" in english.patient_text
    assert "988 Suicide & Crisis Lifeline" in english.patient_text
    assert "llamar o mandar un mensaje de texto al 988" in spanish.patient_text
    assert "988" in english.clinician_text and "988" in spanish.clinician_text


def test_mood_note_gives_the_maternal_hotline_and_988_in_both_languages() -> None:
    english, spanish = words(RULES_BY_ID["NOTE-MOOD"], "en"), words(RULES_BY_ID["NOTE-MOOD"], "es")
    for text in (english.patient_text, spanish.patient_text):
        assert "1-833-852-6262" in text
        assert "988" in text
    assert "call or text the National Maternal Mental Health Hotline" in english.patient_text
    assert "English and Spanish" in english.patient_text
    assert "llamar o mandar un mensaje de texto" in spanish.patient_text
    assert "en inglés y en español" in spanish.patient_text


def test_only_self_harm_and_the_mood_note_mention_988() -> None:
    for language in LANGUAGES:
        mention = [rule.id for rule in RULES if "988" in words(rule, language).patient_text]
        assert mention == ["RF-SELF-HARM", "NOTE-MOOD"]


def test_a_language_the_content_lacks_gets_english() -> None:
    assert CONTENT.words("NOTE-STROLLER", "fr") == CONTENT.words("NOTE-STROLLER", "en")
    assert CONTENT.words("NOTE-STROLLER", "es") != CONTENT.words("NOTE-STROLLER", "en")


@pytest.mark.parametrize("language", ["en", "es"])
def test_assess_gives_the_flags_in_the_language_asked(language: str) -> None:
    result = assess(valid_answers(leak_effort="often", feeding="breast"), language=language)
    for flag in result.flags:
        entry = CONTENT.words(flag.id, language)
        assert (flag.title, flag.clinician_title) == (entry.title, entry.clinician_title)
        assert (flag.patient_text, flag.clinician_text) == (
            entry.patient_text,
            entry.clinician_text,
        )


def test_assess_words_are_english_by_default_and_for_a_language_it_lacks() -> None:
    answers = valid_answers(leak_effort="often")
    english = assess(answers).flags[0]
    assert english.title == "Leaks pee with effort"
    assert assess(answers, language="fr").flags[0] == english
