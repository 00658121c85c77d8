"""`python -m kiosk.report FILE|- -o OUT.pdf`: the PT summary PDF of an answers JSON file."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

from kiosk.readiness import AnswersError, assess, load_questionnaire, strict_json
from kiosk.report.context import ReportContext

EXIT_OK = 0
EXIT_OUTPUT = 1  # the PDF could not be written
EXIT_INVALID = 2  # bad input or usage

_EPILOG = """\
exit status: 0 = PDF written, 2 = invalid input or usage, 1 = the PDF could not be written
(each error is one line on stderr). The answers are the readiness module's input: a JSON
object keyed by the question ids of clinical-spec section 3."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        _fail(f"{message} (see --help)")
        raise SystemExit(EXIT_INVALID)


class _InputError(Exception):
    """The input is not a JSON object; the message is one line."""


def _fail(message: str) -> None:
    sys.stderr.write(f"error: {' '.join(message.split())}\n")


def _load(source: str) -> object:
    name = "<stdin>" if source == "-" else source
    try:
        raw = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
        return strict_json.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    except OSError as exc:
        raise _InputError(f"{name}: cannot read: {exc.strerror or type(exc).__name__}") from exc
    except UnicodeDecodeError as exc:
        raise _InputError(f"{name}: not UTF-8 text") from exc
    except RecursionError as exc:
        raise _InputError(f"{name}: not valid JSON: nested too deeply") from exc
    except ValueError as exc:  # JSONDecodeError, or a number too long to convert
        raise _InputError(f"{name}: not valid JSON: {exc}") from exc


def _screened_at(answers: object, now: datetime) -> datetime:
    """Now, unless the answers name another screening day (then that day, at midnight)."""
    day = answers.get("assessed_on") if isinstance(answers, dict) else None
    if isinstance(day, str) and day != now.date().isoformat():
        return datetime.combine(date.fromisoformat(day), datetime.min.time())
    return now


def _write(path: str, pdf: bytes) -> None:
    """Write like the kiosk: a temp file beside the target, fsync, rename; owner-only (0600).

    A failure leaves no partial file and the file that was there (if any) untouched.
    """
    if path == "-":
        sys.stdout.buffer.write(pdf)
        sys.stdout.flush()
        return
    target = Path(path)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)
            view = memoryview(pdf)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if os.name == "posix":  # the rename itself is durable once the folder is synced
        with contextlib.suppress(OSError):
            folder = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(
        prog="python -m kiosk.report",
        description="Make the PT summary PDF of a return-to-running answer set (JSON).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", help="answers as a JSON file, or - to read stdin")
    parser.add_argument("-o", "--output", required=True, help="the PDF to write, or - for stdout")
    parser.add_argument("--report-language", default="en", help="labels on the PDF (default en)")
    parser.add_argument("--patient-language", default="en", help="language the patient used")
    args = parser.parse_args(argv)
    content = load_questionnaire()
    languages = content.languages
    for option in ("report_language", "patient_language"):
        if getattr(args, option) not in languages:
            parser.error(f"--{option.replace('_', '-')} must be one of {', '.join(languages)}")
    now = datetime.now().replace(second=0, microsecond=0)
    try:
        answers = _load(args.file)
        if not isinstance(answers, dict):
            raise _InputError("the answers must be a JSON object")
        assessment = assess(answers, today=now.date(), questionnaire=content)
    except (_InputError, AnswersError) as exc:
        _fail(str(exc))
        return EXIT_INVALID
    from kiosk.report import render

    context = ReportContext(
        report_language=args.report_language,
        patient_language=args.patient_language,
        screened_at=_screened_at(answers, now),
    )
    pdf = render(answers, assessment, context, questionnaire=content)
    try:
        _write(args.output, pdf)
    except OSError as exc:
        _fail(f"{args.output}: cannot write: {exc.strerror or type(exc).__name__}")
        return EXIT_OUTPUT
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
