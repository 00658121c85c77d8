"""The on-screen keyboard for the name: drawn by the kiosk itself, no OS or Qt virtual keyboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.ui.metrics import Metrics
from kiosk.ui.widgets.common import repolish

SHIFT = "shift"
BACKSPACE = "backspace"
SPACE = "space"
# Ten columns; accented letters for Spanish names sit on their own row.
ROWS: tuple[tuple[str, ...], ...] = (
    ("q", "w", "e", "r", "t", "y", "u", "i", "o", "p"),
    ("a", "s", "d", "f", "g", "h", "j", "k", "l", "'"),
    (SHIFT, "z", "x", "c", "v", "b", "n", "m", "-", BACKSPACE),
    ("á", "é", "í", "ó", "ú", "ü", "ñ", SPACE),
)
_WORD_BREAKS = (" ", "-")


class OnScreenKeyboard(QWidget):
    """Types into `target`: letters (with capitals), accents, space, hyphen, apostrophe, delete.

    The first letter of each word is a capital unless the patient taps the shift key.
    Each key carries the dynamic property `key` (the letter, or shift/backspace/space).
    """

    def __init__(self, target: QLineEdit, metrics: Metrics, words: Callable[[str], str]) -> None:
        super().__init__()
        self._target = target
        self._words = words
        self._manual_shift: bool | None = None  # None: follow the automatic capitals
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(metrics.px(16))
        height = metrics.px(84)
        self.keys: dict[str, QPushButton] = {}
        for r, row in enumerate(ROWS):
            for c, key in enumerate(row):
                button = QPushButton()
                button.setProperty("role", "key")
                button.setProperty("key", key)
                button.setObjectName(f"key_{key}" if key.isascii() and key.isalpha() else "")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setMinimumSize(metrics.control, height)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                button.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
                span = 3 if key == SPACE else 1
                grid.addWidget(button, r, c if key != SPACE else 7, 1, span)
                self.keys[key] = button
        for name in (SHIFT, BACKSPACE, SPACE):
            self.keys[name].setObjectName(f"key_{name}")
        target.textChanged.connect(self._on_target_text_changed)
        self.retranslate()

    def shifted(self) -> bool:
        if self._manual_shift is not None:
            return self._manual_shift
        text = self._target.text()
        return not text or text.endswith(_WORD_BREAKS)

    def retranslate(self) -> None:
        upper = self.shifted()
        for key, button in self.keys.items():
            if len(key) == 1:
                button.setText(key.upper() if upper else key)
        self.keys[SHIFT].setText("⇧")
        self.keys[SHIFT].setAccessibleName(self._words("key_shift"))
        self.keys[BACKSPACE].setText("⌫")
        self.keys[BACKSPACE].setAccessibleName(self._words("key_backspace"))
        self.keys[SPACE].setText(self._words("key_space"))
        selected = self._manual_shift is True
        if bool(self.keys[SHIFT].property("selected")) != selected:
            self.keys[SHIFT].setProperty("selected", selected)
            repolish(self.keys[SHIFT])

    def _on_key_clicked(self, key: str) -> None:
        text = self._target.text()
        if key == SHIFT:
            self._manual_shift = not self.shifted()
            self.retranslate()
            return
        if key == BACKSPACE:
            self._target.backspace()
        elif key == SPACE:
            if text and not text.endswith(_WORD_BREAKS):
                self._target.insert(" ")
        else:
            self._target.insert(key.upper() if self.shifted() else key)
        self._manual_shift = None
        self.retranslate()

    def _on_target_text_changed(self, _text: str) -> None:
        self.retranslate()
