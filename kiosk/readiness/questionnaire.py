"""The questionnaire model: questions, answer values, when-conditions and texts."""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kiosk.readiness.resources import (
    FALLBACK_LANGUAGE,
    available_languages,
    read_toml,
    resource_path,
)

Kind = Literal["name", "date", "choice", "multi", "scale"]
KINDS: tuple[str, ...] = ("name", "date", "choice", "multi", "scale")
SKIP = "skip"  # the answer control for skipping an optional scale question


class QuestionnaireError(ValueError):
    """A resource file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class When:
    """Shown only if `question`'s answer is one of `values` (or, if `empty`, is [])."""

    question: str
    values: tuple[str, ...] = ()
    empty: bool = False

    def holds(self, answers: Mapping[str, Any]) -> bool:
        value = answers.get(self.question)
        if self.empty:
            return isinstance(value, list | tuple) and len(value) == 0
        return isinstance(value, str) and value in self.values


@dataclass(frozen=True)
class QuestionText:
    """The words of one question in one language."""

    label: str
    prompt: str
    help: str = ""
    options: Mapping[str, str] = field(default_factory=dict)
    option_help: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    """One question of clinical-spec section 3."""

    id: str
    kind: Kind
    options: tuple[str, ...] = ()
    none_option: str | None = None
    optional: bool = False
    asked: bool = True
    when: When | None = None
    texts: Mapping[str, QuestionText] = field(default_factory=dict)
    urgent: bool = False  # an answer (a ticked option) makes the session urgent at once
    screens: tuple[tuple[str, ...], ...] = ()  # a multi question's options, screen by screen

    def shown(self, answers: Mapping[str, Any]) -> bool:
        """Whether this question is asked, given the answers so far."""
        return self.asked and (self.when is None or self.when.holds(answers))

    def applies(self, answers: Mapping[str, Any]) -> bool:
        """Whether an answer to this question belongs in the answer set."""
        return self.when is None or self.when.holds(answers)

    def text(self, language: str) -> QuestionText:
        return self.texts[language]

    @property
    def option_screens(self) -> tuple[tuple[str, ...], ...]:
        """The options screen by screen (one screen of every option unless `screens` splits)."""
        return self.screens if self.screens else (self.options,)


RULE_WORD_KEYS: tuple[str, ...] = ("title", "clinician_title", "patient_text", "clinician_text")
# What a rule's words may fill in from the answers: the PHQ-2 items (a number, or the
# language's word for skipped) and the answered items' sum.
RULE_PLACEHOLDERS: frozenset[str] = frozenset({"interest", "down", "sum"})
RULE_FIELD_KEYS: tuple[str, ...] = ("skipped",)


@dataclass(frozen=True)
class RuleWords:
    """A rule's words in one language: the patient's and the clinician's title and text."""

    title: str
    clinician_title: str
    patient_text: str
    clinician_text: str


@dataclass(frozen=True)
class Part:
    """A part of the questionnaire: the questions from `first` up to the next part's first."""

    id: str
    first: str
    titles: Mapping[str, str] = field(default_factory=dict)

    def title(self, language: str) -> str:
        return self.titles.get(language) or self.titles.get("en") or self.id


@dataclass(frozen=True)
class Questionnaire:
    """All questions in the order they are asked, the parts they fall in, and the languages."""

    questions: tuple[Question, ...]
    languages: tuple[str, ...]
    rules_version: str
    language_names: Mapping[str, str] = field(default_factory=dict)
    parts: tuple[Part, ...] = ()
    # language -> rule id -> words; language -> placeholder word (e.g. "skipped")
    rule_words: Mapping[str, Mapping[str, RuleWords]] = field(default_factory=dict)
    rule_fields: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})

    def language(self, wanted: str | None) -> str:
        """`wanted` if the content speaks it, else English."""
        return wanted if wanted in self.languages else FALLBACK_LANGUAGE

    def words(self, rule_id: str, language: str = FALLBACK_LANGUAGE) -> RuleWords:
        """A rule's words in `language` (English if the content does not speak it).

        Raises KeyError for a rule id the content has no words for.
        """
        return self.rule_words[self.language(language)][rule_id]

    def field_word(self, key: str, language: str = FALLBACK_LANGUAGE) -> str:
        """A word rule texts fill in (`skipped`), in `language` (else English)."""
        return self.rule_fields[self.language(language)][key]

    def question(self, question_id: str) -> Question:
        by_id: dict[str, Question] = getattr(self, "_by_id")  # noqa: B009
        return by_id[question_id]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    @property
    def urgent_questions(self) -> tuple[Question, ...]:
        """The questions whose answers can make a session urgent (`urgent = true`)."""
        return tuple(q for q in self.questions if q.urgent)

    def visible(self, answers: Mapping[str, Any]) -> tuple[Question, ...]:
        """The questions a patient is asked, given the answers so far, in order."""
        return tuple(q for q in self.questions if q.shown(answers))

    def part_of(self, question_id: str) -> int:
        """The index in `parts` of the part a question falls in (0 without parts)."""
        order = self.ids.index(question_id)
        starts = [self.ids.index(part.first) for part in self.parts]
        return max((i for i, start in enumerate(starts) if start <= order), default=0)


_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def _fail(source: str, where: str, what: str) -> QuestionnaireError:
    return QuestionnaireError(f"{source}: {where}: {what}")


def _text(source: str, where: str, table: Mapping[str, Any], key: str, required: bool) -> str:
    value = table.get(key, "")
    if not isinstance(value, str) or (required and not value):
        raise _fail(source, where, f"'{key}' must be a non-empty string")
    if value != value.strip() or "  " in value:
        raise _fail(source, where, f"'{key}' has stray whitespace: {value!r}")
    return value


def _parse_when(source: str, qid: str, raw: Any, known: set[str]) -> When | None:
    if raw is None:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("question"), str):
        raise _fail(source, qid, "'when' must be a table with a 'question'")
    if raw["question"] not in known:
        raise _fail(source, qid, f"'when' refers to unknown or later question {raw['question']!r}")
    if raw.get("empty") is True and set(raw) == {"question", "empty"}:
        return When(raw["question"], empty=True)
    values = raw.get("in")
    if set(raw) != {"question", "in"} or not isinstance(values, list) or not values:
        raise _fail(source, qid, "'when' takes either 'in = [values]' or 'empty = true'")
    return When(raw["question"], tuple(str(v) for v in values))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return read_toml(path)
    except OSError as exc:
        raise QuestionnaireError(f"{path}: cannot read: {exc.strerror}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise QuestionnaireError(f"{path}: not valid TOML: {exc}") from exc


def _parse_texts(
    source: str, qid: str, raw: Any, options: tuple[str, ...], extra: tuple[str, ...]
) -> QuestionText:
    if not isinstance(raw, dict):
        raise _fail(source, qid, "missing its texts")
    raw_options = raw.get("options", {})
    raw_help = raw.get("option_help", {})
    if not isinstance(raw_options, dict) or not isinstance(raw_help, dict):
        raise _fail(source, qid, "'options' and 'option_help' must be tables")
    wanted = set(options) | set(extra)
    if set(raw_options) != wanted:
        missing = sorted(wanted - set(raw_options))
        stray = sorted(set(raw_options) - wanted)
        raise _fail(
            source, qid, f"option texts differ from the options: missing {missing}, stray {stray}"
        )
    if not set(raw_help) <= wanted:
        raise _fail(
            source, qid, f"option_help for unknown options {sorted(set(raw_help) - wanted)}"
        )
    unknown = set(raw) - {"label", "prompt", "help", "options", "option_help"}
    if unknown:
        raise _fail(source, qid, f"unknown keys {sorted(unknown)}")
    return QuestionText(
        label=_text(source, qid, raw, "label", True),
        prompt=_text(source, qid, raw, "prompt", True),
        help=_text(source, qid, raw, "help", False),
        options={k: _text(source, f"{qid}.options", raw_options, k, True) for k in raw_options},
        option_help={k: _text(source, f"{qid}.option_help", raw_help, k, True) for k in raw_help},
    )


def _parse_screens(
    source: str, qid: str, raw: Any, kind: str, options: list[str]
) -> tuple[tuple[str, ...], ...]:
    if raw is None:
        return ()
    if kind != "multi":
        raise _fail(source, qid, "'screens' is only for multi questions")
    if (
        not isinstance(raw, list)
        or not raw
        or not all(isinstance(screen, list) and screen for screen in raw)
        or not all(isinstance(value, str) for screen in raw for value in screen)
    ):
        raise _fail(source, qid, "'screens' must be a list of non-empty lists of options")
    flat = [value for screen in raw for value in screen]
    if sorted(flat) != sorted(options):
        raise _fail(source, qid, "'screens' must hold every option exactly once")
    return tuple(tuple(screen) for screen in raw)


def _placeholders(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as exc:
        raise ValueError(f"bad braces: {exc}") from exc


def _parse_rule_words(
    where: str, table: Mapping[str, Any], rule_ids: tuple[str, ...]
) -> dict[str, RuleWords]:
    raw = table.get("rules")
    if not isinstance(raw, dict):
        raise _fail(where, "rules", "missing: every rule needs [rules.<RULE-ID>] words")
    missing = [rule_id for rule_id in rule_ids if rule_id not in raw]
    stray = sorted(set(raw) - set(rule_ids))
    if missing or stray:
        raise _fail(where, "rules", f"missing words for {missing}, words for unknown rules {stray}")
    words: dict[str, RuleWords] = {}
    for rule_id in rule_ids:
        entry = raw[rule_id]
        place = f"rules.{rule_id}"
        if not isinstance(entry, dict):
            raise _fail(where, place, "must be a table")
        unknown = sorted(set(entry) - set(RULE_WORD_KEYS))
        if unknown:
            raise _fail(where, place, f"unknown keys {unknown}; allowed: {list(RULE_WORD_KEYS)}")
        texts = {key: _text(where, place, entry, key, True) for key in RULE_WORD_KEYS}
        for key, text in texts.items():
            try:
                names = _placeholders(text)
            except ValueError as exc:
                raise _fail(where, f"{place}.{key}", str(exc)) from exc
            if not names <= RULE_PLACEHOLDERS:
                raise _fail(
                    where,
                    f"{place}.{key}",
                    f"unknown placeholders {sorted(names - RULE_PLACEHOLDERS)}; "
                    f"allowed: {sorted(RULE_PLACEHOLDERS)}",
                )
        words[rule_id] = RuleWords(**texts)
    return words


def _parse_rule_fields(where: str, table: Mapping[str, Any]) -> dict[str, str]:
    raw = table.get("rule_fields")
    if not isinstance(raw, dict) or set(raw) != set(RULE_FIELD_KEYS):
        raise _fail(where, "rule_fields", f"must be a table of exactly {list(RULE_FIELD_KEYS)}")
    return {key: _text(where, "rule_fields", raw, key, True) for key in RULE_FIELD_KEYS}


def _same_placeholders(
    where: str, words: Mapping[str, RuleWords], english: Mapping[str, RuleWords]
) -> None:
    for rule_id, entry in words.items():
        for key in RULE_WORD_KEYS:
            ours = _placeholders(getattr(entry, key))
            theirs = _placeholders(getattr(english[rule_id], key))
            if ours != theirs:
                raise _fail(
                    where,
                    f"rules.{rule_id}.{key}",
                    f"placeholders {sorted(ours)} differ from English {sorted(theirs)}",
                )


def read_questionnaire(directory: Path | None, *, rule_ids: tuple[str, ...]) -> Questionnaire:
    """The kiosk's content: `questionnaire.toml` and every `i18n/<lang>.toml`.

    Questions, their words, the rule words (one entry for each of `rule_ids`, no other)
    and the languages on offer (one language file each, English required). A bad or
    missing entry raises QuestionnaireError, naming it. `load_questionnaire()` (in
    kiosk.readiness.content) passes the rule table's ids; this module stays below it.
    """
    base = directory if directory is not None else resource_path()
    source = str(base / "questionnaire.toml")
    data = _read_toml(base / "questionnaire.toml")
    languages = available_languages(base)
    if FALLBACK_LANGUAGE not in languages:
        raise _fail(str(base / "i18n"), f"{FALLBACK_LANGUAGE}.toml", "missing: English is required")
    bad = [lang for lang in languages if not _ID.match(lang)]
    if bad:
        raise _fail(str(base / "i18n"), f"{bad[0]}.toml", "a language file is named by its code")
    unknown_top = sorted(set(data) - {"rules_version", "question", "part"})
    if unknown_top:
        raise _fail(source, "top level", f"unknown keys {unknown_top}")
    rules_version = data.get("rules_version")
    if not isinstance(rules_version, str) or not rules_version:
        raise _fail(source, "rules_version", "must be a non-empty string")
    raw_questions = data.get("question")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise _fail(source, "question", "no [[question]] entries")
    i18n = {lang: _read_toml(base / "i18n" / f"{lang}.toml") for lang in languages}
    known: set[str] = set()
    questions: list[Question] = []
    allowed_keys = {"id", "kind", "options", "none_option", "optional", "asked", "when"}
    allowed_keys |= {"urgent", "screens"}
    for index, raw in enumerate(raw_questions):
        qid = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(qid, str) or not _ID.match(qid):
            raise _fail(source, f"question #{index + 1}", "needs an 'id' of lowercase letters")
        if qid in known:
            raise _fail(source, qid, "duplicate id")
        unknown = set(raw) - allowed_keys
        if unknown:
            raise _fail(source, qid, f"unknown keys {sorted(unknown)}")
        kind = raw.get("kind")
        if kind not in KINDS:
            raise _fail(source, qid, f"'kind' must be one of {list(KINDS)}, not {kind!r}")
        options = raw.get("options", [])
        if not isinstance(options, list) or not all(isinstance(o, str) and o for o in options):
            raise _fail(source, qid, "'options' must be a list of strings")
        if (kind in ("choice", "multi", "scale")) != bool(options) or len(set(options)) != len(
            options
        ):
            raise _fail(source, qid, "choice, multi and scale questions need unique options")
        none_option = raw.get("none_option")
        if (kind == "multi") != isinstance(none_option, str):
            raise _fail(source, qid, "'none_option' is required for multi and only for multi")
        urgent = raw.get("urgent", False)
        if not isinstance(urgent, bool) or (urgent and kind != "multi"):
            raise _fail(source, qid, "'urgent' is true or false, and true only for multi")
        screens = _parse_screens(source, qid, raw.get("screens"), kind, options)
        when = _parse_when(source, qid, raw.get("when"), known)
        extra: tuple[str, ...] = (none_option,) if none_option else ()
        if kind == "scale":
            extra = (SKIP,)
        texts: dict[str, QuestionText] = {}
        for lang, table in i18n.items():
            where = str(base / "i18n" / f"{lang}.toml")
            q_table = table.get("questions", {})
            texts[lang] = _parse_texts(where, qid, q_table.get(qid), tuple(options), extra)
        questions.append(
            Question(
                id=qid,
                kind=kind,
                options=tuple(options),
                none_option=none_option,
                optional=bool(raw.get("optional", False)),
                asked=bool(raw.get("asked", True)),
                when=when,
                texts=texts,
                urgent=urgent,
                screens=screens,
            )
        )
        known.add(qid)
    for lang, table in i18n.items():
        stray = set(table.get("questions", {})) - known
        if stray:
            raise _fail(
                str(base / "i18n" / f"{lang}.toml"), "questions", f"unknown {sorted(stray)}"
            )
    rule_words: dict[str, dict[str, RuleWords]] = {}
    rule_fields: dict[str, dict[str, str]] = {}
    for lang, table in i18n.items():
        where = str(base / "i18n" / f"{lang}.toml")
        rule_words[lang] = _parse_rule_words(where, table, rule_ids)
        rule_fields[lang] = _parse_rule_fields(where, table)
    for lang in languages:
        where = str(base / "i18n" / f"{lang}.toml")
        _same_placeholders(where, rule_words[lang], rule_words[FALLBACK_LANGUAGE])
    names = {lang: str(i18n[lang].get("language_name", lang)) for lang in languages}
    parts = _parse_parts(base, source, data.get("part"), questions, i18n)
    return Questionnaire(
        tuple(questions), languages, rules_version, names, parts, rule_words, rule_fields
    )


def _parse_parts(
    base: Path,
    source: str,
    raw: Any,
    questions: list[Question],
    i18n: Mapping[str, Mapping[str, Any]],
) -> tuple[Part, ...]:
    """The `[[part]]` entries: in question order, the first one at the first asked question,
    each with its title in every language's `[parts]` table."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise _fail(source, "part", "must be a list of [[part]] tables")
    order = [q.id for q in questions if q.asked]
    parts: list[Part] = []
    for index, entry in enumerate(raw):
        pid = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(pid, str) or not _ID.match(pid) or any(p.id == pid for p in parts):
            raise _fail(source, f"part #{index + 1}", "needs a unique 'id' of lowercase letters")
        assert isinstance(entry, dict)
        if set(entry) != {"id", "first"}:
            raise _fail(source, pid, "a part takes exactly 'id' and 'first'")
        first = entry["first"]
        if first not in order:
            raise _fail(source, pid, f"'first' must be an asked question, not {first!r}")
        if parts and order.index(first) <= order.index(parts[-1].first):
            raise _fail(source, pid, "parts must follow the order of the questions")
        if not parts and first != order[0]:
            raise _fail(source, pid, f"the first part must start at {order[0]!r}")
        titles: dict[str, str] = {}
        for lang, table in i18n.items():
            where = str(base / "i18n" / f"{lang}.toml")
            words = table.get("parts", {})
            titles[lang] = _text(
                where, "parts", words if isinstance(words, dict) else {}, pid, True
            )
        parts.append(Part(pid, first, titles))
    for lang, table in i18n.items():
        stray = set(table.get("parts", {})) - {p.id for p in parts}
        if stray:
            raise _fail(str(base / "i18n" / f"{lang}.toml"), "parts", f"unknown {sorted(stray)}")
    return tuple(parts)
