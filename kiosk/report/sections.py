"""The summary's parts: header, patient facts, status, flag lines, clinician texts, answers."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table, TableStyle

from kiosk.readiness.model import SOURCES, Assessment, Flag, Severity, Status
from kiosk.readiness.questionnaire import Question, Questionnaire
from kiosk.readiness.urgency import unasked_signs
from kiosk.report.context import ReportContext
from kiosk.report.fonts import REGULAR
from kiosk.report.marks import SEVERITY_SYMBOLS, StatusBox
from kiosk.report.styles import FRAME_WIDTH, HEADER_FILL, INK, RULE, WHITE, style
from kiosk.report.text import answer_label, esc, question_label
from kiosk.report.words import ReportWords

# Answers printed in full at the top of page 1, so not again in the answers table.
IN_HEADER = frozenset(
    {"patient_name", "assessed_on", "baby_birth_date", "delivery", "feeding", "postnatal_check"}
)
PHQ2_ITEMS = ("mood_interest", "mood_down")
MOOD_RULE = "NOTE-MOOD"
LONG_ANSWER = 60  # characters: a longer list answer gets a row of its own
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
        ],
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
        (label("feeding"), answered("feeding")),
        (label("postnatal_check"), answered("postnatal_check")),
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
    table = Table(grid, colWidths=[FRAME_WIDTH * f for f in (0.17, 0.33, 0.17, 0.33)])
    return [
        Paragraph(esc(words.get("patient")), lab),
        Paragraph(esc(patient_name(answers, words)), style("patient")),
        _styled(
            table,
            [
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("SPAN", (1, last), (-1, last)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
            ],
            pad=0.9,
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
    table = Table([[box, callout]], colWidths=[FRAME_WIDTH * 0.6, FRAME_WIDTH * 0.4])
    return _styled(
        table,
        [
            ("LEFTPADDING", (0, 0), (0, 0), 0),
            ("RIGHTPADDING", (0, 0), (0, 0), 2 * mm),
            ("TOPPADDING", (0, 0), (0, 0), 0),
            ("BOTTOMPADDING", (0, 0), (0, 0), 0),
            ("BOX", (1, 0), (1, 0), 2.2, INK),
            ("LEFTPADDING", (1, 0), (1, 0), 2.5 * mm),
            ("TOPPADDING", (1, 0), (1, 0), 2 * mm),
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
    heading = section(words.count("flags", n) if n else words.get("flags_zero"))
    if not assessment.flags:
        return [*heading, Paragraph(esc(words.get("no_flags")), style("body"))]
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
    widths = [7 * mm, FRAME_WIDTH - 105 * mm, 47 * mm, 51 * mm]
    table = Table(rows, colWidths=widths)
    _styled(table, [("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE), *extra], pad=0.8)
    return [*heading, Paragraph(flag_counts(assessment, words), style("flag_meta")), table]


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
    """The clinician texts grouped by severity; what a group shares is said once."""
    out: list[Flowable] = []
    for severity, members in _by_severity(assessment.flags):
        said = [words.flag(flag) for flag in members]
        texts = [w.clinician_text for w in said]
        shared = shared_sentences(texts)
        red = severity is Severity.RED_FLAG
        name = words.count(severity.value, len(members))
        action = words.get(f"{severity.value}_action")
        text = f"{SEVERITY_SYMBOLS[severity]} {name} ({len(members)}): {action}"
        bar = Table(
            [[Paragraph(esc(text), style("group_inverse" if red else "group"))]],
            colWidths=[FRAME_WIDTH],
        )
        _styled(bar, [("BACKGROUND", (0, 0), (-1, -1), INK if red else HEADER_FILL)], pad=1.0)
        lead: list[Flowable] = [bar, *_shared_lines(members, texts, shared, words)]
        items: list[Flowable] = []
        for flag, flag_said in zip(members, said, strict=True):
            own = " ".join(s for s in sentences(flag_said.clinician_text) if s not in shared)
            items.append(
                Paragraph(
                    f"<b>{esc(flag_said.clinician_title)}</b> "
                    f'<font color="#4d4d4d">{esc(flag.id)}</font> {esc(own)}',
                    style("assess"),
                )
            )
        out.append(KeepTogether([*lead, *items[:1]]))
        out.extend(items[1:])
    return out


def answers_table(
    answers: Mapping[str, Any],
    questionnaire: Questionnaire,
    assessment: Assessment,
    words: ReportWords,
) -> list[Flowable]:
    """Every answer as question label and answer label, in two column pairs; a long list
    answer (the warning signs ticked) takes a whole row."""
    lab, cell = style("cell_label"), style("cell")
    lang = words.language
    shown = [q for q in questionnaire.questions if q.id in answers and q.id not in IN_HEADER]

    def pair(q: Question) -> list[Flowable | str]:
        return [
            Paragraph(esc(question_label(q, lang)), lab),
            Paragraph(esc(answer_label(q, answers[q.id], lang, words)), cell),
        ]

    def long(q: Question) -> bool:
        return q.kind == "multi" and len(answer_label(q, answers[q.id], lang, words)) > LONG_ANSWER

    pairs = [pair(q) for q in shown if not long(q)]
    half = (len(pairs) + 1) // 2
    left, right = pairs[:half], pairs[half:]
    rows = [left[i] + (right[i] if i < len(right) else ["", ""]) for i in range(half)]
    extra: list[tuple[object, ...]] = [
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("LINEBEFORE", (2, 0), (2, len(rows) - 1), 0.8, INK),
    ]
    for q in shown:
        if long(q):
            extra.append(("SPAN", (1, len(rows)), (-1, len(rows))))
            rows.append([*pair(q), "", ""])
    out: list[Flowable] = []
    if rows:
        widths = [FRAME_WIDTH * f for f in (0.26, 0.24, 0.26, 0.24)]
        out.append(_styled(Table(rows, colWidths=widths), extra, pad=0.7))
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


def sources_paragraph(keys: Iterable[str], words: ReportWords) -> Paragraph:
    """The sources this summary cites (`keys`), in full, in the order of the source list."""
    cited = set(keys)
    items = " ".join(
        f"<b>{esc(key)}</b> {esc(words.get(f'sources.{key}'))}" for key in SOURCES if key in cited
    )
    return Paragraph(items, style("source"))
