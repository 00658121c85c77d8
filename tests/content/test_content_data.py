"""The content is data: rule words and languages come from the files, and a bad or missing
entry stops loading with a message naming it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kiosk.readiness import QuestionnaireError, assess, load_questionnaire, urgent_signs
from kiosk.readiness.resources import read_toml, resource_path
from tests.content.copies import add_harmless_multi, content_copy, edit
from tests.readiness.factories import valid_answers


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return content_copy(tmp_path / "resources")


def _fails(folder: Path, *words: str) -> str:
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(folder)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    return message


def test_the_copy_loads_like_the_original(content: Path) -> None:
    assert load_questionnaire(content).rule_words == load_questionnaire().rule_words


def test_a_missing_rule_entry_is_named(content: Path) -> None:
    edit(content / "i18n" / "es.toml", "[rules.CI-STRESS-LEAK]", "[unused.CI-STRESS-LEAK]")
    _fails(content, "es.toml", "rules", "CI-STRESS-LEAK")


def test_words_for_an_unknown_rule_are_named(content: Path) -> None:
    edit(content / "i18n" / "en.toml", "[rules.NOTE-STROLLER]", "[rules.NOTE-BUGGY]")
    _fails(content, "en.toml", "NOTE-BUGGY", "NOTE-STROLLER")


def test_a_missing_clinician_title_is_named(content: Path) -> None:
    edit(
        content / "i18n" / "es.toml",
        'clinician_title = "Incontinencia urinaria de esfuerzo"\n',
        "",
    )
    _fails(content, "es.toml", "rules.CI-STRESS-LEAK", "clinician_title")


def test_an_unknown_key_in_a_rule_is_named(content: Path) -> None:
    edit(
        content / "i18n" / "en.toml",
        'clinician_title = "Stress urinary incontinence"\n',
        'clinician_title = "Stress urinary incontinence"\nsummary = "x"\n',
    )
    _fails(content, "en.toml", "rules.CI-STRESS-LEAK", "summary")


def test_an_unknown_placeholder_is_named(content: Path) -> None:
    edit(content / "i18n" / "en.toml", "answered sum {sum}", "answered sum {total}")
    _fails(content, "en.toml", "rules.NOTE-MOOD.clinician_text", "total")


def test_placeholders_must_match_english(content: Path) -> None:
    edit(content / "i18n" / "es.toml", "suma de lo contestado {sum}", "suma de lo contestado")
    _fails(content, "es.toml", "rules.NOTE-MOOD.clinician_text", "sum")


def test_the_word_for_skipped_is_required(content: Path) -> None:
    edit(content / "i18n" / "es.toml", 'skipped = "omitido"\n', "")
    _fails(content, "es.toml", "rule_fields", "skipped")


def test_screens_must_hold_every_option_once(content: Path) -> None:
    edit(content / "questionnaire.toml", '"belly_pain", "vomiting"]', '"belly_pain"]')
    _fails(content, "questionnaire.toml", "warning_signs", "screens")


def test_only_a_multi_question_can_be_urgent(content: Path) -> None:
    edit(
        content / "questionnaire.toml",
        'options = ["cleared", "not_cleared", "not_yet"]\n',
        'options = ["cleared", "not_cleared", "not_yet"]\nurgent = true\n',
    )
    _fails(content, "questionnaire.toml", "postnatal_check", "urgent")


def test_english_is_required(content: Path) -> None:
    (content / "i18n" / "en.toml").unlink()
    _fails(content, "en.toml", "English")


def test_a_third_language_is_a_file(content: Path) -> None:
    french = content / "i18n" / "fr.toml"
    shutil.copy(content / "i18n" / "es.toml", french)
    edit(french, 'language_name = "Español"', 'language_name = "Français"')
    edit(french, 'title = "Escapes de orina con esfuerzo"', 'title = "Fuites à l\'effort"')
    form = load_questionnaire(content)
    assert form.languages == ("en", "es", "fr")
    assert form.language_names["fr"] == "Français"
    result = assess(valid_answers(leak_effort="often"), questionnaire=form, language="fr")
    assert [flag.title for flag in result.flags] == ["Fuites à l'effort"]


def test_a_third_language_with_a_gap_fails_naming_it(content: Path) -> None:
    french = content / "i18n" / "fr.toml"
    shutil.copy(content / "i18n" / "es.toml", french)
    edit(french, "[rules.CA-WALK]", "[unused.CA-WALK]")
    _fails(content, "fr.toml", "CA-WALK")


def test_a_harmless_multi_select_question_is_not_urgent(content: Path) -> None:
    add_harmless_multi(content)
    form = load_questionnaire(content)
    assert form.question("surfaces").kind == "multi"
    assert not form.question("surfaces").urgent
    assert urgent_signs(form, {"surfaces": ["road", "trail"], "warning_signs": []}) == ()
    assert urgent_signs(form, {"surfaces": ["road"], "warning_signs": ["vision"]}) == ("vision",)


# A verdict on running, in any language: "cleared", "ready/safe/OK to run", "you can run".
CLEARED = re.compile(
    r"\bclear(ed|ance)?\b|\b(ready|safe|fine|free|okay|ok|good)\s+(to|for)\s+(run|running|go)\b"
    r"|\bgreen light\b|\bcan (now )?(start )?run(ning)?\b|\bgo ahead\b|\bapproved\b"
    r"|autorizad|aprobad|luz verde|lista para correr|list[ao] para empezar a correr"
    r"|puede (ya )?(empezar a )?correr|segur[oa] (para )?correr|dad[ao] de alta",
    re.IGNORECASE,
)


def _patient_strings(language: str) -> list[tuple[str, str]]:
    """Every string a patient can see: questions, screen words, rule titles and texts."""
    data = read_toml(resource_path("i18n", f"{language}.toml"))
    found: list[tuple[str, str]] = []
    for qid, question in data["questions"].items():
        for key in ("label", "prompt", "help"):
            if key in question:
                found.append((f"{qid}.{key}", question[key]))
        for table in ("options", "option_help"):
            found += [(f"{qid}.{table}.{k}", v) for k, v in question.get(table, {}).items()]
    found += [(f"ui.{key}", v) for key, v in data["ui"].items() if isinstance(v, str)]
    for rule_id, words in data["rules"].items():
        found += [(f"rules.{rule_id}.title", words["title"])]
        found += [(f"rules.{rule_id}.patient_text", words["patient_text"])]
    return found


@pytest.mark.parametrize("language", load_questionnaire().languages)
def test_no_patient_string_says_she_is_cleared_or_ready_to_run(language: str) -> None:
    strings = _patient_strings(language)
    assert len(strings) > 300
    said = [(where, text) for where, text in strings if CLEARED.search(text)]
    assert not said, said


@pytest.mark.parametrize(
    "text",
    [
        "You are cleared to run.",
        "You are ready to run!",
        "It is safe to run now.",
        "You can start running next week.",
        "Ya está lista para correr.",
        "Puede empezar a correr.",
        "Está autorizada para correr.",
    ],
)
def test_the_check_catches_a_verdict(text: str) -> None:
    assert CLEARED.search(text)
