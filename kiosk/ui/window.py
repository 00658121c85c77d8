"""The kiosk window: builds each page from the session, moves between them, wipes on reset."""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk import memory
from kiosk.alert import AlertOutcome, alerts_configured, new_reference, send_alert
from kiosk.config import Settings
from kiosk.logs import log_event
from kiosk.outcome import DeliveryResult
from kiosk.readiness.questionnaire import Questionnaire
from kiosk.session import (
    PRIVACY,
    RESULT,
    REVIEW,
    URGENT,
    WELCOME,
    Session,
    page_id,
    question_of,
    screen_of,
)
from kiosk.ui.metrics import Metrics, register_fonts, stylesheet_template
from kiosk.ui.pages.base import Page, PageContext
from kiosk.ui.pages.entry import DatePage, NamePage
from kiosk.ui.pages.intro import PrivacyPage, WelcomePage
from kiosk.ui.pages.questions import ChoicePage, MultiPage, QuestionPage
from kiosk.ui.pages.results import ResultPage, UrgentPage
from kiosk.ui.pages.review import ReviewPage
from kiosk.ui.services.delivery_runner import DeliveryRunner
from kiosk.ui.services.idle import IdleWatch
from kiosk.ui.services.input_hub import InputHub
from kiosk.ui.services.pause import AnswerPause
from kiosk.ui.services.speech import Speaker
from kiosk.ui.texts import UiTexts
from kiosk.ui.theme import theme_template
from kiosk.ui.widgets.access import AccessControls
from kiosk.ui.widgets.chrome import IdleOverlay, TopBar
from kiosk.ui.widgets.common import scrub
from kiosk.ui.words import load_texts

_log = logging.getLogger(__name__)
_TOUCHES = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd})
AssessFn = Callable[..., Any]
DeliverFn = Callable[..., DeliveryResult]
AlertFn = Callable[[Settings, str], AlertOutcome]  # (settings, reference) -> outcome
_PAGES: dict[str, type[QuestionPage]] = {
    "name": NamePage,
    "date": DatePage,
    "choice": ChoicePage,
    "scale": ChoicePage,
}


# The urgent screen stays at least 5 minutes, then welcome returns (clinical-spec section 4).
URGENT_STAY_MS = 5 * 60 * 1000
# Alerts of urgent visits that follow each other go out side by side, each bounded by the
# alert's own timeouts (at most about 2 x timeout + 1 s): four cover any waiting room.
ALERT_LANES = 4


@dataclass(frozen=True)
class Timing:
    """Every wait of the kiosk in milliseconds (tests pass short ones)."""

    idle_ms: int
    countdown_ms: int
    result_ms: int
    advance_ms: int = 800  # how long a tapped answer shows as chosen before the next question
    urgent_ms: int = URGENT_STAY_MS  # the urgent screen stays this long (no idle warning)
    trim_ms: int = 1000  # after a reset, when the freed heap is handed back (pages deleted)

    @classmethod
    def from_settings(cls, settings: Settings) -> Timing:
        return cls(
            idle_ms=settings.idle_timeout_s * 1000,
            countdown_ms=max(20, settings.idle_countdown_s) * 1000,
            result_ms=settings.result_timeout_s * 1000,
        )


class KioskWindow(QWidget):
    """The whole patient-facing kiosk in one window.

    Injected: the questionnaire, the clinic's settings, `assess(answers, today=...)`,
    `deliver(answers, assessment, *, settings, patient_language[, alert_reference])`,
    `alert(settings, reference)` (the front-desk alert) and `clock()` (today).
    """

    session_reset = Signal()
    page_changed = Signal(str)

    def __init__(
        self,
        questionnaire: Questionnaire,
        settings: Settings,
        *,
        assess: AssessFn,
        deliver: DeliverFn,
        clock: Callable[[], date],
        timing: Timing | None = None,
        texts: UiTexts | None = None,
        runner: DeliveryRunner | None = None,
        alert: AlertFn = send_alert,
        alert_runner: DeliveryRunner | None = None,
        speech_engine: str | None = None,
        size: tuple[int, int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk_window")
        if size is not None:  # built once at the size it will show at, not rebuilt on show
            self.resize(*size)
        self.questionnaire = questionnaire
        self.settings = settings
        self._assess, self._deliver, self._clock = assess, deliver, clock
        self.timing = timing if timing is not None else Timing.from_settings(settings)
        wanted = settings.languages
        self.languages = tuple(x for x in questionnaire.languages if x in wanted) or tuple(
            questionnaire.languages
        )
        default = settings.default_language
        self.default_language = default if default in self.languages else self.languages[0]
        self.texts = texts if texts is not None else load_texts(questionnaire.languages)
        register_fonts()
        self._template = stylesheet_template()
        self.session = self._new_session()
        self.metrics = Metrics.for_size(self.width(), self.height())
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self.top_bar: TopBar | None = None
        self.overlay: IdleOverlay | None = None
        self._page: Page | None = None
        self.idle = IdleWatch(self)
        self.idle.warned.connect(self._on_idle_warned)
        self.idle.ticked.connect(self._on_idle_ticked)
        self.idle.expired.connect(self._on_idle_expired)
        self.input_hub = InputHub(self)  # the one application-wide filter
        self.input_hub.listen(self.idle.eventFilter)
        # A tapped answer shows as chosen, then the next page comes once no finger is down.
        self.pause = AnswerPause(self)
        self.pause.due.connect(self._on_advance_timeout)
        self.input_hub.listen(self.pause.watch)
        # The result screen counts down, visibly, to clearing itself.
        self._clear_tick = QTimer(self)
        self._clear_tick.setInterval(1000)
        self._clear_tick.timeout.connect(self._on_clear_tick_timeout)
        self.input_hub.listen(self._on_result_input)
        self._trim = QTimer(self)  # hands the last patient's freed memory back to the system
        self._trim.setSingleShot(True)
        self._trim.timeout.connect(memory.release_free_memory)
        # Summaries are delivered by `runner` (inline unless given a background one); an
        # outcome counts only for the session it was started in (`_serial`).
        self._serial = 0
        self.delivery_runner = runner if runner is not None else DeliveryRunner(background=False)
        self.delivery_runner.setParent(self)
        self.delivery_runner.finished.connect(self._on_delivery_finished)
        # The front-desk alert always runs on its own worker: the urgent screen never waits
        # for it, and it never waits behind a summary that is printing.
        self._alert = alert
        if alert_runner is None:  # each urgent visit's alert on its own lane
            alert_runner = DeliveryRunner(lanes=ALERT_LANES)
        self.alert_runner = alert_runner
        self.alert_runner.setParent(self)
        self.alert_runner.finished.connect(self._on_alert_finished)
        # Contrast and read-aloud; `speech_engine` names a Qt engine ("mock" in tests).
        self.access = AccessControls(self, Speaker(speech_engine))
        self.page_changed.connect(self.access.page_changed)
        self.session_reset.connect(self.access.speaker.stop)
        self.access.contrast_clicked.connect(self._on_contrast_clicked)
        self._apply_metrics()
        self.go_to(WELCOME)

    # -- state --------------------------------------------------------------------------

    def _new_session(self) -> Session:
        return Session(self.questionnaire, self._clock(), self.default_language)

    def _ctx(self) -> PageContext:
        return PageContext(self.session, self.texts, self.metrics, self.settings, self)

    def current_page(self) -> Page:
        assert self._page is not None
        return self._page

    @property
    def page_id(self) -> str:
        return self._page.page_id if self._page is not None else ""

    def _apply_metrics(self) -> None:
        """Fill the stylesheet in for the screen and text size, and rebuild the chrome."""
        template = theme_template(self._template, self.session.high_contrast)
        self.setStyleSheet(self.metrics.stylesheet(template))
        if self.top_bar is not None:
            self._column.removeWidget(self.top_bar)
            self.top_bar.setParent(None)
            self.top_bar.deleteLater()
        self.top_bar = TopBar(self.metrics)
        self.top_bar.language_clicked.connect(self._on_language_clicked)
        self.top_bar.text_size_clicked.connect(self._on_text_size_clicked)
        self.access.attach(self.top_bar, self.metrics)
        self._column.insertWidget(0, self.top_bar)
        self.top_bar.show()
        warning = self.overlay is not None and self.overlay.isVisible()
        if self.overlay is not None:
            self.overlay.setParent(None)
            self.overlay.deleteLater()
        self.overlay = IdleOverlay(self.metrics, self)
        self.overlay.still_here_confirmed.connect(self._on_still_here_clicked)
        if warning:
            self._on_idle_warned()
        self._retranslate_chrome()

    def _retranslate_chrome(self) -> None:
        assert self.top_bar is not None and self.overlay is not None
        lang = self.session.language
        index = self.languages.index(lang) if lang in self.languages else -1
        upcoming = self.languages[(index + 1) % len(self.languages)]
        name = self.questionnaire.language_names.get(upcoming, upcoming)
        size_key = "text_normal" if self.session.large_text else "text_larger"
        self.top_bar.set_texts(
            self.texts.text(lang, "language", name=name),
            self.texts.text(lang, "language_hint"),
            self.texts.text(lang, size_key),
        )
        self.overlay.set_texts(
            self.texts.text(lang, "idle_title"),
            self.texts.text(lang, "idle_body", seconds=self.idle.seconds_left()),
            self.texts.text(lang, "still_here"),
        )
        self.access.retranslate()

    # -- pages --------------------------------------------------------------------------

    def go_to(self, step: str) -> None:
        """Show the page for `step` (a page id or question id), built fresh from the session."""
        step = page_id(step)
        self.pause.cancel()
        if step != self.page_id:
            self.session.drafts.clear()
        if step == REVIEW:
            self.session.reviewing = False
        self._show_page(step)
        self._clear_tick.stop()
        if step == WELCOME:
            self.idle.disarm()
        elif step == URGENT:  # no idle warning: it stays, then welcome returns by itself
            self.idle.arm(self.timing.urgent_ms, 0)
        elif step == RESULT:
            self.idle.arm(self.timing.result_ms, 0)
            self._clear_tick.start()
            self._on_clear_tick_timeout()
        else:
            self.idle.arm(self.timing.idle_ms, self.timing.countdown_ms)
        self.page_changed.emit(step)

    def _show_page(self, step: str) -> None:
        """Build the page for `step` from the session and put it in place of the old one."""
        with self.input_hub.paused():  # building a page sends thousands of non-input events
            page = self._build(step)
            old, self._page = self._page, page
            self._column.addWidget(page, 1)
            if old is not None:
                old.hide()
                self._column.removeWidget(old)
                for child in [old, *old.findChildren(QWidget)]:
                    child.blockSignals(True)
                scrub(old)
                old.setParent(None)
                old.deleteLater()
            page.show()

    def _build(self, step: str) -> Page:
        ctx = self._ctx()
        if step == WELCOME:
            welcome = WelcomePage(ctx, self.languages)
            welcome.started.connect(self._on_start_clicked)
            return welcome
        if step == PRIVACY:
            privacy = PrivacyPage(ctx)
            privacy.back_requested.connect(lambda: self.go_to(WELCOME))
            privacy.next_requested.connect(lambda: self.go_to(self.session.first_question()))
            return privacy
        if step == REVIEW:
            review = ReviewPage(ctx)
            review.change_requested.connect(self._on_change_requested)
            review.back_requested.connect(
                lambda: self.go_to(self._last_screen(self.session.step_before(REVIEW)))
            )
            review.finish_requested.connect(self._on_finish_clicked)
            return review
        if step in (RESULT, URGENT):
            end: ResultPage | UrgentPage
            if step == RESULT:
                end = ResultPage(ctx, self.session.assessment)
            else:
                end = UrgentPage(ctx, self.session.urgent_signs())
            if self.session.delivered:
                end.set_delivery(self.session.delivery)
            if isinstance(end, ResultPage) and self.page_id == RESULT:  # rebuilt in place
                end.set_seconds_left(self._seconds_to_clear())
            end.done_requested.connect(lambda: self.reset_session("done"))
            return end
        question = self.questionnaire.question(question_of(step))
        page: QuestionPage
        if question.kind == "multi":  # one page per screen of its options
            multi = MultiPage(ctx, question, screen_of(step))
            multi.screen_confirmed.connect(self._on_screen_confirmed)
            page = multi
        else:
            page = _PAGES[question.kind](ctx, question)
        if isinstance(page, ChoicePage) and self.pause.pending:
            page.answered_now = True  # rebuilt inside the pause: still no second answer
        page.answer_selected.connect(self._on_answer_selected)
        page.back_requested.connect(self._on_back_clicked)
        page.next_requested.connect(self._on_next_clicked)
        return page

    def reset_session(self, reason: str = "reset") -> None:
        """Forget everything of this patient: new session, defaults, the welcome screen."""
        self.idle.disarm()
        self._clear_tick.stop()
        self.pause.cancel()
        was_large = self.session.large_text
        was_contrast = self.session.high_contrast
        self._serial += 1  # a delivery still running belongs to the patient who just left
        self.session = self._new_session()
        if self.overlay is not None:
            self.overlay.hide()
        self.metrics = Metrics.for_size(self.width(), self.height())
        if was_large or was_contrast:
            self._apply_metrics()
        self.go_to(WELCOME)
        self._retranslate_chrome()
        log_event(_log, "session.reset", reason=reason)
        self._trim.start(self.timing.trim_ms)
        self.session_reset.emit()

    # -- the patient's taps -------------------------------------------------------------

    def _on_start_clicked(self, language: str) -> None:
        self.session.today = self._clock()
        if language != self.session.language and language in self.languages:
            self.session.language = language
            self._retranslate_chrome()
            self.access.language_changed()
        log_event(_log, "session.started")
        self.go_to(PRIVACY)

    def _on_answer_selected(self, question_id: str, value: Any) -> None:
        self.session.answer(question_id, value)
        self.session.drafts.pop(question_id, None)
        if self.questionnaire.question(question_id).kind in ("choice", "scale"):
            self.pause.start(self.timing.advance_ms)

    def _on_advance_timeout(self) -> None:
        self._on_next_clicked()

    def _on_next_clicked(self) -> None:
        question_id = question_of(self.page_id)
        if self.session.urgent_signs():  # the readiness module reads the questionnaire data
            self._enter_urgent()
            return
        self.go_to(self.session.step_after(question_id))

    def _on_screen_confirmed(self, question_id: str, screen: int) -> None:
        """ "None of these" on a screen before the last: on to the question's next screen."""
        done = self.session.screens_done
        done[question_id] = max(done.get(question_id, 0), screen)
        self.go_to(page_id(question_id, screen + 1))

    def _last_screen(self, step: str) -> str:
        """Going back to a question split over screens lands on its last screen."""
        if step in self.questionnaire.ids:
            return page_id(step, len(self.questionnaire.question(step).option_screens))
        return step

    def _on_back_clicked(self) -> None:
        screen = screen_of(self.page_id)
        question_id = question_of(self.page_id)
        if screen > 1:
            self.go_to(page_id(question_id, screen - 1))
            return
        self.go_to(self._last_screen(self.session.step_before(question_id)))

    def _on_change_requested(self, question_id: str) -> None:
        self.session.reviewing = True
        self.go_to(question_id)

    def _on_finish_clicked(self) -> None:
        missing = [q.id for q in self.session.visible() if not self.session.answered(q.id)]
        if missing:
            self.go_to(missing[0])
            return
        answers = self.session.for_assessment()
        self.session.assessment = self._assess(answers, today=self.session.today)
        if self.session.assessment.status.value == URGENT:
            self._enter_urgent()
            return
        log_event(_log, "session.finished")
        self.go_to(RESULT)
        self._deliver_now(answers, self.session.assessment)

    def _enter_urgent(self) -> None:
        """Straight to the urgent screen, then alert the front desk and hand over the answers."""
        log_event(_log, "session.urgent")
        sending = self._prepare_alert()
        self.go_to(URGENT)
        if sending:
            self.repaint()  # she sees the screen before anything else runs
            job = partial(self._alert, self.settings, self.session.alert_reference)
            self.alert_runner.submit(job, self._serial)
        answers = self.session.for_assessment()
        try:
            assessment = self._assess(answers, today=self.session.today)
        except Exception:  # the urgent screen must stay, whatever happens
            _log.exception("urgent answers could not be assessed")
            self._on_delivery_finished(self._serial, None)
            return
        self.session.assessment = assessment
        self._deliver_now(answers, assessment)

    def _prepare_alert(self) -> bool:
        """One alert per urgent visit: True if one is to be sent now (its reference is made)."""
        if self.session.alert_state:
            return False
        if not alerts_configured(self.settings):
            self.session.alert_state = "not_configured"
            log_event(_log, "alert.not_configured")
            return False
        self.session.alert_reference = new_reference()
        self.session.alert_state = "pending"
        return True

    def _on_alert_finished(self, serial: int, outcome: Any) -> None:
        """Show whether the front desk was told, if she is still here (None: it crashed)."""
        if serial != self._serial:
            return  # a patient who has left: never shown to the next one
        delivered = bool(getattr(outcome, "delivered", False))
        self.session.alert_state = "delivered" if delivered else "failed"
        if isinstance(self._page, UrgentPage):
            self._page.set_alert_state(self.session.alert_state)

    def _deliver_now(self, answers: Mapping[str, Any], assessment: Any) -> None:
        """Hand the summary to the runner; the page says "getting it ready" until it is done."""
        if not self.delivery_runner.background:
            self.repaint()  # the patient sees the new screen before the summary is written
        extra = {"alert_reference": self.session.alert_reference}
        job = partial(
            self._deliver,
            dict(answers),
            assessment,
            settings=self.settings,
            patient_language=self.session.language,
            **(extra if self.session.alert_reference else {}),
        )
        self.delivery_runner.submit(job, self._serial)

    def _on_delivery_finished(self, serial: int, result: DeliveryResult | None) -> None:
        """Show whether her summary printed (None: delivery failed), if she is still here."""
        if serial != self._serial:
            return  # she has gone; her summary was still saved and printed for the clinic
        self.session.delivery, self.session.delivered = result, True
        page = self._page
        if isinstance(page, ResultPage | UrgentPage):
            page.set_delivery(result)

    def _on_language_clicked(self) -> None:
        lang = self.session.language
        index = self.languages.index(lang) if lang in self.languages else -1
        self.session.language = self.languages[(index + 1) % len(self.languages)]
        self._retranslate_chrome()
        if self._page is not None:
            self._page.retranslate()
        self.access.language_changed()

    def _on_contrast_clicked(self) -> None:
        self.session.high_contrast = not self.session.high_contrast
        self._apply_metrics()

    def _on_text_size_clicked(self) -> None:
        self.session.large_text = not self.session.large_text
        self._rescale()

    # -- idle ---------------------------------------------------------------------------

    def _on_idle_warned(self) -> None:
        assert self.overlay is not None
        self._retranslate_chrome()
        self.overlay.setGeometry(self.rect())
        self.overlay.show()
        self.overlay.raise_()

    def _seconds_to_clear(self) -> int:
        left = self.idle.quiet_left_ms()
        return -1 if left < 0 else math.ceil(left / 1000)

    def _on_clear_tick_timeout(self) -> None:
        if isinstance(self._page, ResultPage):
            self._page.set_seconds_left(self._seconds_to_clear())

    def _on_result_input(self, _watched: QObject, event: QEvent) -> bool:
        """A touch on the result starts its time again: show that at once."""
        if self._clear_tick.isActive() and event.type() in _TOUCHES:
            self._clear_tick.start()
            self._on_clear_tick_timeout()
        return False

    def _on_idle_ticked(self, _seconds: int) -> None:
        self._retranslate_chrome()

    def _on_idle_expired(self) -> None:
        ends = {RESULT: "result_timeout", URGENT: "urgent_timeout"}
        self.reset_session(ends.get(self.page_id, "idle"))

    def _on_still_here_clicked(self) -> None:
        assert self.overlay is not None
        self.overlay.hide()
        self.idle.keep_alive()

    # -- Qt -----------------------------------------------------------------------------

    def _rescale(self) -> None:
        metrics = Metrics.for_size(self.width(), self.height(), self.session.large_text)
        if metrics != self.metrics:
            self.metrics = metrics
            self._apply_metrics()
            if self._page is not None:
                # The same page again at the new size, not a move: a pending answer pause,
                # her draft and the idle watch (and its warning) carry on as they were.
                self._show_page(self.page_id)
                self.access.retranslate()
                assert self.overlay is not None
                if self.overlay.isVisible():
                    self.overlay.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()
        if self.overlay is not None:
            self.overlay.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.disarm()
        self._clear_tick.stop()
        self.pause.cancel()
        self._trim.stop()
        self.input_hub.remove()
        self.delivery_runner.wait()  # a summary being printed is finished, not lost
        self.alert_runner.wait()  # bounded: at most two tries of the alert's timeout
        super().closeEvent(event)
