"""Read-aloud: the screen's words spoken on this machine through Qt's text to speech."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLoggingCategory, QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QLabel, QLayout, QLineEdit, QWidget

from kiosk.logs import log_event

_log = logging.getLogger(__name__)
TEST_ENGINE = "mock"  # Qt's mock engine: never chosen unless asked for by name
# Engines that speak on the device itself, best first, per platform. Any other engine Qt
# offers (except the mock) is taken after these.
PREFERRED_ENGINES = {"linux": ("speechd", "flite"), "win32": ("winrt", "sapi")}
# Spanish for Milwaukee: Latin American voices before Spain's; US English first.
PREFERRED_LOCALES = {"es": ("es_US", "es_MX", "es_419"), "en": ("en_US",)}
_SKIPPED_ROLES = {"key", "answer_check", "status_mark"}
_SPOKEN_BUTTON_ROLES = {"primary"}
_PRIVATE = "patient_name"  # her name is never read out in the waiting room


def choose_engine(available: Sequence[str], wanted: str | None, platform: str) -> str | None:
    """The engine to use: `wanted` if Qt has it, else the platform's best on-device engine."""
    if wanted is not None:
        return wanted if wanted in available else None
    preferred = PREFERRED_ENGINES.get(platform, ())
    ranked = [e for e in preferred if e in available]
    ranked += [e for e in available if e not in preferred and e != TEST_ENGINE]
    return ranked[0] if ranked else None


def choose_locale(available: Sequence[str], language: str) -> str | None:
    """The best of the engine's locale names (like "es_419") for a language code ("es")."""
    matching = [name for name in available if name.split("_")[0] == language]
    for name in PREFERRED_LOCALES.get(language, ()):
        if name in matching:
            return name
    return sorted(matching)[0] if matching else None


def choose_voice(names: Sequence[str]) -> int:
    """Which of a locale's voices to use: a plain voice (not a "+variant"), shortest name."""
    plain = [i for i, name in enumerate(names) if "+" not in name]
    return min(plain, key=lambda i: (len(names[i]), i)) if plain else 0


def _sentence(text: str) -> str:
    text = " ".join(text.replace("•", " ").replace("‹", " ").replace("›", " ").split())
    if text and text[-1] not in ".?!:…":
        text += "."
    return text


def _flatten(layout: QLayout, into: list[QWidget]) -> None:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        child = item.widget() if item is not None else None
        inner = item.layout() if item is not None else None
        if child is not None:
            into.append(child)
        elif inner is not None:
            _flatten(inner, into)


def _in_order(widget: QWidget) -> list[QWidget]:
    """A widget's child widgets in reading order: its layout's order, then the rest."""
    ordered: list[QWidget] = []
    layout = widget.layout()
    if layout is not None:
        _flatten(layout, ordered)
    placed = {id(w) for w in ordered}
    for child in widget.children():
        if isinstance(child, QWidget) and id(child) not in placed and not child.isWindow():
            ordered.append(child)
    return ordered


def spoken_text(page: QWidget) -> str:
    """What read-aloud says for a page: its words, answers and main button, in reading order.

    The typed name is never read out, and neither are the keyboard's keys.
    """
    parts: list[str] = []

    def visit(widget: QWidget) -> None:
        if widget.isHidden() or widget.property("question_id") == _PRIVATE:
            return
        role = widget.property("role")
        if role in _SKIPPED_ROLES or isinstance(widget, QLineEdit):
            return
        if role == "answer":
            parts.append(widget.accessibleName())
            return
        if isinstance(widget, QLabel):
            parts.append(widget.text())
            return
        if isinstance(widget, QAbstractButton):
            if role in _SPOKEN_BUTTON_ROLES and widget.isEnabled():
                parts.append(widget.text())
            return
        for child in _in_order(widget):
            visit(child)

    for child in _in_order(page):
        visit(child)
    return " ".join(s for s in (_sentence(p) for p in parts) if s)


def _speech_module() -> Any | None:
    """PySide6.QtTextToSpeech, loaded on first need; None where Qt cannot load it here."""
    # Qt Multimedia (loaded with it) warns when PipeWire is missing and uses PulseAudio;
    # speech engines play their own audio, so that notice says nothing about speech.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    try:
        from PySide6 import QtTextToSpeech
    except ImportError:
        log_event(_log, "speech.unavailable", reason="no_module")
        return None
    return QtTextToSpeech


_UNKNOWN = "?"


class Speaker(QObject):
    """Speaks text in the patient's language on this machine; nothing leaves it.

    `engine` names a Qt engine ("mock" in tests); None takes the platform's best. The
    engine is made on the first `speak` (not at start-up) and kept for later patients.
    """

    speaking_changed = Signal(bool)
    failed = Signal()

    def __init__(
        self,
        engine: str | None = None,
        parent: QObject | None = None,
        *,
        platform: str = sys.platform,
    ) -> None:
        super().__init__(parent)
        self._wanted, self._platform = engine, platform
        self._engine_name: str | None = _UNKNOWN
        self._tts: Any = None
        self._module: Any = None
        self._broken = False
        self._speaking = False
        self.text = ""  # what is being read out now; empty when quiet

    def engine_name(self) -> str | None:
        """The engine that speaks here, or None. Loads Qt's module, but makes no engine."""
        if self._engine_name == _UNKNOWN:
            self._module = _speech_module()
            available = (
                [] if self._module is None else self._module.QTextToSpeech.availableEngines()
            )
            self._engine_name = choose_engine(list(available), self._wanted, self._platform)
            if self._engine_name is None:
                log_event(_log, "speech.unavailable", reason="no_engine")
        return self._engine_name

    def can_speak(self, language: str) -> bool:
        """Whether to offer read-aloud in `language` (before first use: is there an engine)."""
        if self._broken or self.engine_name() is None:
            return False
        return self._tts is None or self._locale_for(language) is not None

    def is_speaking(self) -> bool:
        return self._speaking

    def speak(self, text: str, language: str) -> bool:
        """Read `text` aloud in `language`; False, saying nothing, when no voice can."""
        self.stop()
        tts = self._engine()
        locale = self._locale_for(language) if tts is not None else None
        if tts is None or locale is None or not text:
            return False
        if tts.locale() != locale:
            tts.setLocale(locale)
        voices = tts.availableVoices()
        if not voices:
            return False
        voice = voices[choose_voice([v.name() for v in voices])]
        if tts.voice() != voice:
            tts.setVoice(voice)
        self.text = text
        tts.say(text)
        self._set_speaking(True)
        return True

    def stop(self) -> None:
        """Stop reading at once (a new page, a new language, the next patient)."""
        self.text = ""
        if self._tts is not None and self._speaking:
            self._tts.stop()
        self._set_speaking(False)

    def _engine(self) -> Any:
        if self._tts is None and not self._broken:
            name = self.engine_name()
            if name is None or self._module is None:
                return None
            api = self._module.QTextToSpeech
            tts = api(name, self)
            if tts.state() == api.State.Error:
                log_event(_log, "speech.unavailable", reason="engine_error", engine=name)
                self._broken = True
                tts.deleteLater()
                return None
            tts.stateChanged.connect(self._on_state_changed)
            tts.errorOccurred.connect(self._on_error_occurred)
            self._tts = tts
            log_event(_log, "speech.ready", engine=name)
        return self._tts

    def _locale_for(self, language: str) -> Any:
        locales = {locale.name(): locale for locale in self._tts.availableLocales()}
        name = choose_locale(list(locales), language)
        return locales[name] if name is not None else None

    def _set_speaking(self, speaking: bool) -> None:
        if speaking != self._speaking:
            self._speaking = speaking
            self.speaking_changed.emit(speaking)

    def _on_state_changed(self, state: Any) -> None:
        api = self._module.QTextToSpeech
        if state not in (api.State.Speaking, api.State.Synthesizing):
            self.text = ""
            self._set_speaking(False)

    def _on_error_occurred(self, reason: Any, _message: str) -> None:
        log_event(_log, "speech.failed", reason=getattr(reason, "name", "unknown"))
        self._broken = True
        self.text = ""
        self._set_speaking(False)
        self.failed.emit()
