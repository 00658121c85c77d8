"""The questionnaire model: questions, answer values, when-conditions and texts."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from kiosk.readiness.resources import read_toml, resource_path

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

    def shown(self, answers: Mapping[str, Any]) -> bool:
        """Whether this question is asked, given the answers so far."""
        return self.asked and (self.when is None or self.when.holds(answers))

    def applies(self, answers: Mapping[str, Any]) -> bool:
        """Whether an answer to this question belongs in the answer set."""
        return self.when is None or self.when.holds(answers)

    def text(self, language: str) -> QuestionText:
        return self.texts[language]


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})

    def question(self, question_id: str) -> Question:
        by_id: dict[str, Question] = getattr(self, "_by_id")  # noqa: B009
        return by_id[question_id]

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

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


def load_questionnaire(directory: Path | None = None) -> Questionnaire:
    """Read `questionnaire.toml` and `i18n/<lang>.toml`; a bad entry raises, naming it."""
    base = directory if directory is not None else resource_path()
    source = str(base / "questionnaire.toml")
    data = _read_toml(base / "questionnaire.toml")
    languages = data.get("languages")
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(lang, str) and _ID.match(lang) for lang in languages)
    ):
        raise _fail(source, "languages", "must be a non-empty list of language codes")
    rules_version = data.get("rules_version")
    if not isinstance(rules_version, str) or not rules_version:
        raise _fail(source, "rules_version", "must be a non-empty string")
    raw_questions = data.get("question")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise _fail(source, "question", "no [[question]] entries")
    i18n = {lang: _read_toml(base / "i18n" / f"{lang}.toml") for lang in languages}
    known: set[str] = set()
    questions: list[Question] = []
    for index, raw in enumerate(raw_questions):
        qid = raw.get("id") if isinstance(raw, dict) else None
        if not isinstance(qid, str) or not _ID.match(qid):
            raise _fail(source, f"question #{index + 1}", "needs an 'id' of lowercase letters")
        if qid in known:
            raise _fail(source, qid, "duplicate id")
        unknown = set(raw) - {"id", "kind", "options", "none_option", "optional", "asked", "when"}
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
            )
        )
        known.add(qid)
    for lang, table in i18n.items():
        stray = set(table.get("questions", {})) - known
        if stray:
            raise _fail(
                str(base / "i18n" / f"{lang}.toml"), "questions", f"unknown {sorted(stray)}"
            )
    names = {lang: str(i18n[lang].get("language_name", lang)) for lang in languages}
    parts = _parse_parts(base, source, data.get("part"), questions, i18n)
    return Questionnaire(tuple(questions), tuple(languages), rules_version, names, parts)


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
