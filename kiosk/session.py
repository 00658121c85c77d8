"""One patient's visit to the kiosk: her answers and the path through the questions, no Qt."""

from __future__ import annotations

from datetime import date
from typing import Any

from kiosk.outcome import DeliveryResult
from kiosk.readiness.questionnaire import Question, Questionnaire
from kiosk.readiness.urgency import urgent_signs

WELCOME = "welcome"
PRIVACY = "privacy"
NAME = "name"  # the page id of the patient_name question
REVIEW = "review"
RESULT = "result"
URGENT = "urgent"


class Session:
    """Answers in the readiness module's own form, plus the patient's display choices.

    A reset is a new `Session`: nothing of the previous patient is carried over.
    """

    def __init__(self, questionnaire: Questionnaire, today: date, language: str) -> None:
        self.questionnaire = questionnaire
        self.today = today
        self.language = language
        self.large_text = False
        self.high_contrast = False
        self.reviewing = False  # came to a question through "Change" on the review screen
        self.review_page = 0  # which page of the review list she was looking at
        self.answers: dict[str, Any] = {}
        self.drafts: dict[str, Any] = {}  # a page's unconfirmed input (typed name, ticked signs)
        # Screens of a multi-screen question confirmed with "None of these", by question id.
        self.screens_done: dict[str, int] = {}
        self.assessment: Any = None
        self.delivery: DeliveryResult | None = None
        self.delivered = False  # the summary was handed over (printed or not)
        # The front-desk alert of this visit: "" (none), "pending", "delivered", "failed" or
        # "not_configured"; its reference is printed on the summary and sent in the alert.
        self.alert_state = ""
        self.alert_reference = ""

    # -- answers ------------------------------------------------------------------------

    def answered(self, question_id: str) -> bool:
        return question_id in self.answers

    def value(self, question_id: str) -> Any:
        return self.answers.get(question_id)

    def answer(self, question_id: str, value: Any) -> None:
        """Record an answer and drop every answer that no longer applies (e.g. a changed birth)."""
        self.questionnaire.question(question_id)  # KeyError for an unknown id
        self.answers[question_id] = value
        changed = True
        while changed:
            changed = False
            for question in self.questionnaire.questions:
                if question.id in self.answers and not question.applies(self.answers):
                    del self.answers[question.id]
                    changed = True

    def visible(self) -> tuple[Question, ...]:
        """The questions asked, given the answers so far, in order."""
        return self.questionnaire.visible(self.answers)

    def urgent_signs(self) -> list[str]:
        """The urgent answers ticked so far (the questionnaire data says which questions)."""
        return list(urgent_signs(self.questionnaire, self.answers))

    def for_assessment(self) -> dict[str, Any]:
        """The answer mapping of clinical-spec section 3, ready for `assess()`."""
        result: dict[str, Any] = {}
        for question in self.questionnaire.questions:
            if question.id in self.answers and question.applies(self.answers):
                value = self.answers[question.id]
                result[question.id] = list(value) if isinstance(value, list) else value
        result["assessed_on"] = self.today.isoformat()
        return result

    # -- the path -----------------------------------------------------------------------

    def progress(self, question_id: str) -> tuple[int, int]:
        """(position, total) of a question on her whole expected path.

        Questions not answered yet count as on the usual path (the first option of a
        choice, no ticks on a multi-select), so the total does not jump from "7 of 7"
        to "8 of 28" part way through.
        """
        expected = dict(self.answers)
        for question in self.questionnaire.questions:
            if question.id not in expected and question.shown(expected):
                if question.kind == "multi":
                    expected[question.id] = []
                elif question.kind == "choice":
                    expected[question.id] = question.options[0]
        ids = [q.id for q in self.questionnaire.visible(expected)]
        return (ids.index(question_id) + 1 if question_id in ids else len(ids)), len(ids)

    def part(self, question_id: str) -> tuple[int, int, str]:
        """(part number from 1, number of parts, part id) of a question.

        The parts come from the questionnaire data, so their count never changes with
        her answers (a warning sign that ends the questions early does not move it).
        """
        parts = self.questionnaire.parts
        if not parts:
            return 1, 1, ""
        index = self.questionnaire.part_of(question_id)
        return index + 1, len(parts), parts[index].id

    def step_after(self, question_id: str) -> str:
        """Where Next leads from a question: the next question, or review when done.

        While reviewing, it leads to the first visible question still unanswered, else
        back to the review screen.
        """
        visible = [q.id for q in self.visible()]
        if self.reviewing:
            missing = [qid for qid in visible if qid not in self.answers]
            return missing[0] if missing else REVIEW
        later = visible[visible.index(question_id) + 1 :] if question_id in visible else []
        return later[0] if later else REVIEW

    def step_before(self, step: str) -> str:
        """Where Back leads from a page."""
        visible = [q.id for q in self.visible()]
        if step == REVIEW:
            return visible[-1] if visible else PRIVACY
        if self.reviewing and step in visible:
            return REVIEW
        if step in visible and visible.index(step) > 0:
            return visible[visible.index(step) - 1]
        return PRIVACY if step in visible else WELCOME

    def first_question(self) -> str:
        return self.visible()[0].id


def page_id(question_id: str, screen: int = 1) -> str:
    """The page id of a question's page (the name question's page is `name`).

    A question whose options are split over several screens has one page per screen:
    the first is the question id, screen N (from 2) is `<question id>.<N>`.
    """
    if "." in question_id:  # already a page id
        return question_id
    base = NAME if question_id == "patient_name" else question_id
    return base if screen <= 1 else f"{base}.{screen}"


def question_of(page: str) -> str:
    """The question id a page asks (every screen of a question asks the same one)."""
    base = page.split(".", 1)[0]
    return "patient_name" if base == NAME else base


def screen_of(page: str) -> int:
    """Which screen of its question a page is (1 for every single-screen question)."""
    _, _, number = page.partition(".")
    return int(number) if number.isdigit() else 1
