"""Small touch widgets shared by the pages: labels, buttons, answer buttons, the nav row."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.metrics import Metrics


def repolish(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed (widget and its children)."""
    for item in [widget, *widget.findChildren(QWidget)]:
        item.style().unpolish(item)
        item.style().polish(item)
        item.update()


def make_label(role: str, text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def make_button(name: str, role: str, metrics: Metrics, text: str = "") -> QPushButton:
    """A touch button at least the minimum control size, selected by objectName in tests."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setProperty("role", role)
    button.setMinimumSize(metrics.control, metrics.control)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
    return button


class AnswerButton(QPushButton):
    """A big answer: the option's words, and its help as a smaller second line.

    Carries the dynamic properties `question_id`, `answer_value` and `selected`.
    """

    def __init__(
        self, question_id: str, value: str, metrics: Metrics, *, checkbox: bool = False
    ) -> None:
        super().__init__()
        self.setProperty("role", "answer")
        self.setProperty("question_id", question_id)
        self.setProperty("answer_value", value)
        self.setProperty("selected", False)
        self.setCheckable(True)  # screen readers announce "checked" for a selected answer
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(metrics.answer_height)
        self._checkbox = checkbox
        pad = metrics.px(16)
        row = QHBoxLayout(self)
        row.setContentsMargins(pad, metrics.px(8), pad, metrics.px(8))
        row.setSpacing(metrics.px(14))
        self._check = make_label("answer_check", wrap=False)
        self._check.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side = max(metrics.px(46), round(metrics.fonts["body"] * 1.3) + 2 * metrics.border)
        self._check.setFixedSize(side, side)
        row.addWidget(self._check, 0, Qt.AlignmentFlag.AlignVCenter)
        words = QVBoxLayout()
        words.setSpacing(metrics.px(4))
        self._label = make_label("answer_label")
        self._help = make_label("answer_help")
        words.addStretch(1)
        words.addWidget(self._label)
        words.addWidget(self._help)
        words.addStretch(1)
        row.addLayout(words, 1)
        for child in (self._check, self._label, self._help):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._show_check()

    def set_words(self, label: str, help_text: str = "") -> None:
        self._label.setText(label)
        self._help.setText(help_text)
        self._help.setVisible(bool(help_text))
        self.setAccessibleName(f"{label}. {help_text}" if help_text else label)

    def words(self) -> tuple[str, str]:
        return self._label.text(), self._help.text()

    @property
    def value(self) -> str:
        return str(self.property("answer_value"))

    def is_selected(self) -> bool:
        return bool(self.property("selected"))

    def set_selected(self, selected: bool) -> None:
        self.setChecked(selected)
        if self.is_selected() != selected:
            self.setProperty("selected", selected)
            self._show_check()
            repolish(self)

    def nextCheckState(self) -> None:
        """A tap does not toggle by itself: the page decides what is selected."""

    def _show_check(self) -> None:
        self._check.setText("✓" if self.is_selected() else "")
        self._check.setVisible(self._checkbox or self.is_selected())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        self.ensurePolished()
        layout = self.layout()
        wanted = layout.totalHeightForWidth(width) if layout is not None else 0
        return max(self.minimumHeight(), wanted)


class NavRow(QWidget):
    """Back on the left, Next (when the page needs it) on the right."""

    back_requested = Signal()
    next_requested = Signal()

    def __init__(
        self,
        metrics: Metrics,
        *,
        back: bool = True,
        forward: bool = True,
        centre: QWidget | None = None,
    ) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(metrics.gap)
        self.back = make_button("nav_back", "secondary", metrics)
        self.next = make_button("nav_next", "primary", metrics)
        for button in (self.back, self.next):
            button.setMinimumWidth(metrics.px(240))
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # the middle stays in the middle
            button.setSizePolicy(policy)
        row.addWidget(self.back)
        if centre is not None:
            row.addSpacing(metrics.gap)
            row.addWidget(centre, 1)
            row.addSpacing(metrics.gap)
        else:
            row.addStretch(1)
        row.addWidget(self.next)
        self.back.setVisible(back)
        self.next.setVisible(forward)
        self.back.clicked.connect(self.back_requested)
        self.next.clicked.connect(self.next_requested)

    def set_texts(self, back: str, forward: str) -> None:
        self.back.setText(f"‹  {back}")
        self.next.setText(f"{forward}  ›")


def scrub(widget: QWidget) -> None:
    """Blank every word and selection in a page being thrown away (nothing of her stays)."""
    for child in widget.findChildren(QWidget):
        if isinstance(child, QLabel | QLineEdit):
            child.clear()
        elif isinstance(child, QAbstractButton):
            child.setText("")
            child.setAccessibleName("")
            if child.property("selected"):
                child.setProperty("selected", False)
