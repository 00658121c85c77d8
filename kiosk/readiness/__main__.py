"""`python -m kiosk.readiness`: assess an answers JSON file, or print the rule table."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from kiosk.readiness import strict_json
from kiosk.readiness.assess import assess_valid
from kiosk.readiness.content import default_questionnaire
from kiosk.readiness.fhir import questionnaire_resource
from kiosk.readiness.model import AnswersError
from kiosk.readiness.questionnaire import Questionnaire, QuestionnaireError
from kiosk.readiness.rules import RULES, RULES_VERSION, Rule
from kiosk.readiness.validate import validate_answers

EXIT_OK = 0
EXIT_BROKEN = 1  # the kiosk's own resource files are broken
EXIT_INVALID = 2  # the input is not a valid answer set (or the command line is wrong)

_EPILOG = """\
exit status: 0 = assessed (JSON on stdout), 2 = invalid input or usage (one line on stderr),
1 = the kiosk's resource files are broken.

The answers are a JSON object keyed by the question ids of clinical-spec section 3.
The kiosk never clears anyone to run: the result prepares the PT's in-clinic assessment."""


class _InputError(Exception):
    """The input could not be read as a JSON answer set; the message is one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        _fail(f"{message} (see --help)")
        raise SystemExit(EXIT_INVALID)


def _fail(message: str) -> None:
    sys.stderr.write(f"error: {' '.join(message.splitlines())}\n")


def _write(text: str) -> None:
    data = text.encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        buffer.write(data)
    sys.stdout.flush()


def _load(source: str) -> object:
    name = "<stdin>" if source == "-" else source
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    except OSError as exc:
        raise _InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _InputError(f"{name}: not UTF-8 text (bad byte at offset {exc.start})") from exc
    try:
        return strict_json.loads(text.removeprefix("\ufeff"))
    except RecursionError as exc:
        raise _InputError(f"{name}: not valid JSON: nested too deeply") from exc
    except (json.JSONDecodeError, strict_json.DuplicateKeyError) as exc:
        raise _InputError(f"{name}: not valid JSON: {exc}") from exc
    except ValueError as exc:  # an integer with thousands of digits
        raise _InputError(f"{name}: not valid JSON: a number is too long") from exc


def _table(rules: Sequence[Rule], verbose: bool, content: Questionnaire) -> str:
    header = ("ID", "SEVERITY", "CLINICIAN TITLE", "SOURCES", "FIRES WHEN")
    rows = [
        (
            r.id,
            r.severity.value,
            content.words(r.id).clinician_title,
            "; ".join(r.sources),
            r.predicate.describe(),
        )
        for r in rules
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]

    def line(cells: Sequence[str]) -> str:
        padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
        return "  ".join([*padded, cells[-1]]).rstrip()

    out = [
        f"Screening rules, version {RULES_VERSION} (clinical-spec sections 4-5).",
        "Severity order: red_flag > contraindication > caution > note.",
        "Status: any red_flag = urgent, else any contraindication = not_yet,",
        "else any caution = build_foundation, else ready_for_assessment (notes never count).",
        "",
        line(header),
        line(["-" * w for w in widths] + ["-" * len(header[-1])]),
    ]
    wrap = textwrap.TextWrapper(
        width=100,
        initial_indent="    ",
        subsequent_indent="      ",
        break_long_words=False,
        break_on_hyphens=False,
    )
    for rule, row in zip(rules, rows, strict=True):
        out.append(line(row))
        if verbose:
            for language in content.languages:
                words = content.words(rule.id, language)
                for label, text in (
                    ("Patient title", words.title),
                    ("Patient", words.patient_text),
                    ("Clinician title", words.clinician_title),
                    ("Clinician", words.clinician_text),
                ):
                    out.extend(wrap.wrap(f"{label} ({language}): {text}"))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(
        prog="python -m kiosk.readiness",
        description="Assess a postpartum return-to-running answer set (JSON), "
        "or print the screening rules for clinician review.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", help="answers as a JSON file, or - to read stdin")
    parser.add_argument("--rules", action="store_true", help="print the rule table and exit")
    parser.add_argument(
        "--fhir-questionnaire",
        action="store_true",
        help="print the screening as a FHIR R4 Questionnaire (JSON) and exit",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="with --rules: also print every rule's titles and texts in every language",
    )
    parser.add_argument(
        "--language",
        default="en",
        help="the language of the flags' words in the JSON (default en; English if not offered)",
    )
    args = parser.parse_args(argv)
    if [args.rules, args.fhir_questionnaire, args.file is not None].count(True) != 1:
        parser.error("give one of: an answers FILE (or -), --rules, --fhir-questionnaire")
    if args.verbose and not args.rules:
        parser.error("--verbose goes with --rules")
    try:
        content = default_questionnaire()
        if args.rules:
            _write(_table(RULES, args.verbose, content))
            return EXIT_OK
        if args.fhir_questionnaire:
            resource = questionnaire_resource(content)
            _write(json.dumps(resource, indent=2, ensure_ascii=False) + "\n")
            return EXIT_OK
        answers = _load(args.file)
        valid = validate_answers(answers, questionnaire=content)
        result = assess_valid(valid, questionnaire=content, language=args.language)
    except _InputError as exc:
        _fail(str(exc))
        return EXIT_INVALID
    except AnswersError as exc:
        _fail(f"{'<stdin>' if args.file == '-' else args.file}: {exc}")
        return EXIT_INVALID
    except QuestionnaireError as exc:
        _fail(str(exc))
        return EXIT_BROKEN
    _write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
