"""The summary's parts: header, patient facts, status, flag lines, clinician texts, answers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kiosk.readiness.model import SOURCES, Assessment, Flag, Severity, Status
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.readiness.urgency import unasked_signs
from kiosk.report.context import ReportContext
from kiosk.report.fonts import BOLD, REGULAR, printable_markup
from kiosk.report.marks import SEVERITY_SYMBOLS, StatusBox
from kiosk.report.styles import FRAME_WIDTH, HEADER_FILL, INK, MUTED, RULE, WHITE, style
from kiosk.report.text import answer_label, esc, plain, question_label
from kiosk.report.words import ReportWords

# Answers printed in full at the top of page 1, so not again in the answers table.
IN_HEADER = frozenset(
    {"patient_name", "assessed_on", "baby_birth_date", "delivery", "feeding", "postnatal_check"}
)
PHQ2_ITEMS = ("mood_interest", "mood_down")
MOOD_RULE = "NOTE-MOOD"
ANSWER_SEP = f' <font color="{RULE.hexval()}">|</font> '  # between one answer and the next
ITEM_SEP = "&nbsp;&nbsp; "  # between one clinician text and the next in a group
GROUP_ROOM = 16 * mm  # a group heading and its first lines
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _styled(table: Table, extra: Sequence[tuple[object, ...]], pad: float = 1.2) -> Table:
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("TOPPADDING", (0, 0), (-1, -1), pad * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), pad * mm),
                ("LEFTPADDING", (0, 0), (-1, -1), 1.4 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1.4 * mm),
                *extra,
            ]
        )
    )
    return table


def _inline(markup: str, size: float, colour: Color, *, bold: bool = False) -> str:
    """`markup` set in another size, colour or weight inside a paragraph."""
    face = BOLD if bold else REGULAR
    return f'<font name="{face}" size="{size}" color="{colour.hexval()}">{markup}</font>'


def section(title: str, room: float = 30 * mm) -> list[Flowable]:
    """A section heading, on a new page unless `room` is left below it for what follows
    (what follows may itself run on over the page: tables split by rows)."""
    return [CondPageBreak(room), Paragraph(esc(title), style("section"))]


def urgent_banner(words: ReportWords) -> Table:
    """URGENT across the top: white on black, readable on any printer."""
    rows: list[list[Flowable]] = [
        [Paragraph(esc(words.get("urgent_banner")), style("urgent_banner"))]
    ]
    return _styled(
        Table(rows, colWidths=[FRAME_WIDTH]),
        [("BACKGROUND", (0, 0), (-1, -1), INK)],
        pad=2.2,
    )


def header(context: ReportContext, words: ReportWords) -> Table:
    """Clinic name on the left; what this is and the clinic's phone numbers on the right."""
    phones = " · ".join(f"{esc(name)} {esc(phone)}" for name, phone in context.locations)
    right = Paragraph(f"<b>{esc(words.get('title'))}</b><br/>{phones}", style("clinic_sub"))
    table = Table(
        [[Paragraph(esc(context.clinic_name), style("clinic")), right]],
        colWidths=[FRAME_WIDTH * 0.5, FRAME_WIDTH * 0.5],
    )
    return _styled(
        table,
        [
            ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK),
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
        ],
        pad=0.9,
    )


def patient_name(answers: Mapping[str, Any], words: ReportWords) -> str:
    """The name as typed (trimmed), or the words for no name."""
    name = answers.get("patient_name")
    return name.strip() if isinstance(name, str) and name.strip() else words.get("no_name")


def weeks_words(weeks: int, birth: object, words: ReportWords) -> str:
    """ "8 weeks · born 2026-10-03" (singular for 1), in the report's language."""
    text = words.count("weeks", weeks)
    return f"{text} · {words.get('born', date=birth)}" if isinstance(birth, str) else text


def phq2_line(answers: Mapping[str, Any], words: ReportWords) -> str:
    """Each PHQ-2 item's answer or "skipped", and the sum of the answered items."""
    if answers.get("warning_signs"):
        return words.get("phq2_none")
    values = [answers.get(item) for item in PHQ2_ITEMS]
    shown = [str(v) if isinstance(v, int) else words.get("skipped") for v in values]
    total = sum(v for v in values if isinstance(v, int))
    verdict = words.get("phq2_positive" if total >= 3 else "phq2_negative")
    line = words.get("phq2_line", interest=shown[0], down=shown[1], total=total)
    return f"{line} ({verdict})"


def _language_name(code: str, words: ReportWords, names: Mapping[str, str]) -> str:
    """The patient's language named in the report's language (else in its own words)."""
    try:
        return words.get(f"languages.{code}")
    except KeyError:
        return names.get(code, code)


def patient_block(
    answers: Mapping[str, Any],
    assessment: Assessment,
    context: ReportContext,
    questionnaire: Questionnaire,
    words: ReportWords,
) -> list[Flowable]:
    """Name; screening time, weeks postpartum with the birth date, birth, feeding, PHQ-2."""
    lang = words.language

    def answered(qid: str) -> str:
        if qid not in answers or qid not in questionnaire.ids:
            return words.get("not_asked")
        return answer_label(questionnaire.question(qid), answers[qid], lang, words)

    def label(qid: str) -> str:
        return question_label(questionnaire.question(qid), lang)

    names = questionnaire.language_names
    cells = [
        (words.get("screened"), context.screened_at.strftime("%Y-%m-%d %H:%M")),
        (
            words.get("weeks_postpartum"),
            weeks_words(assessment.weeks_postpartum, answers.get("baby_birth_date"), words),
        ),
        (label("delivery"), answered("delivery")),
        (label("postnatal_check"), answered("postnatal_check")),
        (label("feeding"), answered("feeding")),
        (words.get("patient_language"), _language_name(context.patient_language, words, names)),
    ]
    lab, val = style("label"), style("value")
    grid: list[list[Flowable | str]] = [
        [
            cell
            for key, value in cells[i : i + 2]
            for cell in (Paragraph(esc(key), lab), Paragraph(esc(value), val))
        ]
        for i in range(0, len(cells), 2)
    ]
    phq2 = Paragraph(esc(phq2_line(answers, words)), val)
    grid.append([Paragraph(esc(words.get("phq2")), lab), phq2, "", ""])
    last = len(grid) - 1
    table = Table(grid, colWidths=[FRAME_WIDTH * f for f in (0.13, 0.32, 0.24, 0.31)])
    who = _inline(esc(words.get("patient")), 8.5, MUTED)
    return [
        Paragraph(
            f"{who}  {printable_markup(plain(patient_name(answers, words)))}", style("patient")
        ),
        _styled(
            table,
            [
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("SPAN", (1, last), (-1, last)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ],
            pad=0.4,
        ),
    ]


def status_row(assessment: Assessment, answers: Mapping[str, Any], words: ReportWords) -> Flowable:
    """The status box; beside it, a boxed PHQ-2 callout when the mood screen is positive."""
    box = StatusBox(assessment.status, words)
    if not any(flag.id == MOOD_RULE for flag in assessment.flags):
        return box
    total = sum(v for v in (answers.get(i) for i in PHQ2_ITEMS) if isinstance(v, int))
    callout = [
        Paragraph(f"■ {esc(words.get('mood_callout_title'))}", style("callout_title")),
        Paragraph(esc(words.get("mood_callout_body", total=total)), style("callout")),
    ]
    table = Table([[box, callout]], colWidths=[FRAME_WIDTH * 0.54, FRAME_WIDTH * 0.46])
    return _styled(
        table,
        [
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("RIGHTPADDING", (0, 0), (0, 0), 2 * mm),
            ("TOPPADDING", (0, 0), (0, 0), 0),
            ("BOTTOMPADDING", (0, 0), (0, 0), 0),
            ("BOX", (1, 0), (1, 0), 2.2, INK),
            ("LEFTPADDING", (1, 0), (1, 0), 2.5 * mm),
            ("TOPPADDING", (1, 0), (1, 0), 1.2 * mm),
            ("BOTTOMPADDING", (1, 0), (1, 0), 1.2 * mm),
            ("VALIGN", (1, 0), (1, 0), "MIDDLE"),
        ],
        pad=1.5,
    )


def _by_severity(flags: Sequence[Flag]) -> list[tuple[Severity, list[Flag]]]:
    groups = [(sev, [f for f in flags if f.severity is sev]) for sev in Severity]
    return [(sev, members) for sev, members in groups if members]


def flag_counts(assessment: Assessment, words: ReportWords) -> str:
    """ "■ 2 red flags  ● 1 contraindication ..." for the severities present."""
    return "   ".join(
        f"{SEVERITY_SYMBOLS[sev]} {words.count(f'count_{sev.value}', len(members))}"
        for sev, members in _by_severity(assessment.flags)
    )


def flag_lines(assessment: Assessment, words: ReportWords) -> list[Flowable]:
    """Every flag as one line, most serious first: symbol, clinician title, id, sources."""
    n = len(assessment.flags)
    if not assessment.flags:
        heading = section(words.get("flags_zero"))
        return [*heading, Paragraph(esc(words.get("no_flags")), style("body"))]
    counts = _inline(flag_counts(assessment, words), 9, MUTED)
    heading = [
        CondPageBreak(30 * mm),
        Paragraph(f"{esc(words.count('flags', n))}   {counts}", style("section")),
    ]
    title, meta = style("flag_title"), style("flag_meta")
    rows: list[list[Flowable]] = []
    extra: list[tuple[object, ...]] = []
    for flag in assessment.flags:
        red = flag.severity is Severity.RED_FLAG
        symbol = (
            f'<font color="{WHITE.hexval()}">■</font>' if red else SEVERITY_SYMBOLS[flag.severity]
        )
        if red:
            extra.append(("BACKGROUND", (0, len(rows)), (0, len(rows)), INK))
        rows.append(
            [
                Paragraph(symbol, style("flag_title")),
                Paragraph(esc(words.flag(flag).clinician_title), title),
                Paragraph(esc(flag.id), meta),
                Paragraph(esc(", ".join(flag.sources)), meta),
            ]
        )
    id_width = max(stringWidth(f.id, REGULAR, meta.fontSize) for f in assessment.flags)
    source_width = max(
        stringWidth(", ".join(f.sources), REGULAR, meta.fontSize) for f in assessment.flags
    )
    pad = 2 * 1.4 * mm + 1  # the cell padding, and a point to spare
    widths = [6 * mm, 0.0, id_width + pad, source_width + pad]
    widths[1] = FRAME_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths)
    _styled(table, [("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE), *extra], pad=0.25)
    return [*heading, table]


def sentences(text: str) -> list[str]:
    """`text` cut into sentences (whitespace folded)."""
    return _SENTENCE_END.split(" ".join(text.split()))


def shared_sentences(texts: Sequence[str]) -> list[str]:
    """The sentences that more than half of `texts` (and at least two) say word for word,
    in the order they first appear: a group's shared action, to be printed once."""
    split = [sentences(text) for text in texts]
    need = max(2, len(texts) // 2 + 1)
    seen: list[str] = []
    for parts in split:
        seen += [part for part in parts if part not in seen]
    return [s for s in seen if sum(s in parts for parts in split) >= need]


def _shared_lines(
    members: Sequence[Flag], texts: Sequence[str], shared: Sequence[str], words: ReportWords
) -> list[Flowable]:
    """One line for each run of shared sentences said by the same flags."""
    lines: list[tuple[tuple[str, ...], list[str]]] = []
    for sentence in shared:
        without = tuple(
            f.id for f, t in zip(members, texts, strict=True) if sentence not in sentences(t)
        )
        if lines and lines[-1][0] == without:
            lines[-1][1].append(sentence)
        else:
            lines.append((without, [sentence]))
    out: list[Flowable] = []
    for without, said in lines:
        lead = (
            words.get("shared_except", ids=", ".join(without))
            if without
            else words.get("shared_action")
        )
        out.append(Paragraph(f"<b>{esc(lead)}</b> {esc(' '.join(said))}", style("shared")))
    return out


def clinician_texts(assessment: Assessment, words: ReportWords) -> list[Flowable]:
    """The clinician texts grouped by severity; what a group shares is said once. A group's
    texts run on in one paragraph, each starting with its symbol and clinician title; the
    first group's bar carries the section's heading."""
    out: list[Flowable] = []
    heading = f'<font size="11">{esc(words.get("assess_heading"))}</font>&nbsp;&nbsp;&nbsp; '
    for severity, members in _by_severity(assessment.flags):
        said = [words.flag(flag) for flag in members]
        texts = [w.clinician_text for w in said]
        shared = shared_sentences(texts)
        red = severity is Severity.RED_FLAG
        name = words.count(severity.value, len(members))
        action = words.get(f"{severity.value}_action")
        symbol = SEVERITY_SYMBOLS[severity]
        text = f"{symbol} {name} ({len(members)}): {action}"
        bar = Table(
            [[Paragraph(heading + esc(text), style("group_inverse" if red else "group"))]],
            colWidths=[FRAME_WIDTH],
        )
        heading = ""
        _styled(bar, [("BACKGROUND", (0, 0), (-1, -1), INK if red else HEADER_FILL)], pad=0.5)
        items: list[str] = []
        for flag_said in said:
            own = " ".join(s for s in sentences(flag_said.clinician_text) if s not in shared)
            items.append(f"{symbol}&nbsp;<b>{esc(flag_said.clinician_title)}</b> {esc(own)}")
        # A group's heading never ends a page: it goes over with its first lines.
        if out:
            out.append(Spacer(1, 0.6 * mm))
        out += [CondPageBreak(GROUP_ROOM), bar, *_shared_lines(members, texts, shared, words)]
        out.append(Paragraph(ITEM_SEP.join(items), style("assess")))
    return out


def answers_table(
    answers: Mapping[str, Any],
    questionnaire: Questionnaire,
    assessment: Assessment,
    words: ReportWords,
) -> list[Flowable]:
    """Every answer, question label then answer label, run on one after another in one
    paragraph for each part of the questionnaire, after the part's title."""
    lang = words.language
    shown = [q for q in questionnaire.questions if q.id in answers and q.id not in IN_HEADER]
    by_part: dict[int, list[tuple[str, str]]] = {}
    for q in shown:
        pair = (question_label(q, lang), answer_label(q, answers[q.id], lang, words))
        by_part.setdefault(questionnaire.part_of(q.id), []).append(pair)
    out: list[Flowable] = []
    parts = questionnaire.parts
    for index, pairs in sorted(by_part.items()):
        title = f"<b>{esc(parts[index].title(lang))}:</b> " if index < len(parts) else ""
        # A paragraph, not a table row: a long part may run on over the page.
        out.append(Paragraph(title + _answer_run(pairs), style("answers")))
        out.append(HRFlowable(width="100%", thickness=0.3, color=RULE, spaceBefore=1, spaceAfter=1))
    if assessment.status is Status.URGENT:
        out.append(Paragraph(esc(words.get("answers_stopped")), style("body")))
    unasked = unasked_signs(questionnaire, answers)
    for question in questionnaire.urgent_questions:
        ticked = answers.get(question.id) or ()
        # An answer set from elsewhere may tick later screens' signs too: those were asked.
        unseen = [v for v in unasked if v in question.options and v not in ticked]
        if unseen:
            texts = question.texts.get(lang) or next(iter(question.texts.values()))
            line = words.get(
                "options_not_asked",
                question=question_label(question, lang),
                options=", ".join(texts.options.get(option, option) for option in unseen),
            )
            out.append(Paragraph(esc(line), style("body")))
    return out


def _answer_run(pairs: Sequence[tuple[str, str]]) -> str:
    """Question labels and answers run on, "label answer"; where two or more questions got
    the same answer, that answer is said once before their labels ("No: a, b, c")."""
    counts: dict[str, int] = {}
    for _, answer in pairs:
        counts[answer] = counts.get(answer, 0) + 1
    grey = MUTED.hexval()
    runs: list[str] = []
    said: set[str] = set()
    for label, answer in pairs:
        if counts[answer] == 1:
            runs.append(f'<font color="{grey}">{esc(label)}</font> <b>{esc(answer)}</b>')
        elif answer not in said:
            said.add(answer)
            labels = ", ".join(esc(lab) for lab, ans in pairs if ans == answer)
            runs.append(f'<b>{esc(answer)}:</b> <font color="{grey}">{labels}</font>')
    return ANSWER_SEP.join(runs)


def sources_paragraph(keys: Iterable[str], words: ReportWords) -> Paragraph:
    """The sources this summary cites (`keys`), in full, in the order of the source list,
    in one paragraph after its heading."""
    cited = set(keys)
    items = " ".join(
        f"<b>{esc(key)}</b> {esc(words.get(f'sources.{key}'))}" for key in SOURCES if key in cited
    )
    heading = _inline(esc(words.get("sources_heading")), 10, INK, bold=True)
    return Paragraph(f"{heading}  {items}", style("source"))
