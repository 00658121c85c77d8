"""The one application-wide filter hands input events to its listeners, and only those."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.ui.services.input_hub import InputHub


def test_listeners_get_input_only_and_the_hub_can_pause_and_go(qtbot: Any) -> None:
    button = QPushButton("tap")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    hub = InputHub()
    seen: list[QEvent.Type] = []

    def listener(_watched: QObject, event: QEvent) -> bool:
        seen.append(event.type())
        return False

    hub.listen(listener)
    button.setText("tapped")  # a non-input event (LayoutRequest, Paint...) reaches nobody
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QEvent.Type.MouseButtonPress in seen
    assert set(seen) <= {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
    }

    seen.clear()
    with hub.paused():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == []
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert QEvent.Type.MouseButtonPress in seen

    seen.clear()
    hub.remove()
    with hub.paused():  # a removed hub stays off after a pause
        pass
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen == []


def test_a_listener_can_take_an_event(qtbot: Any) -> None:
    button = QPushButton("tap")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    hub = InputHub()
    hub.listen(lambda _w, event: event.type() == QEvent.Type.MouseButtonPress)
    try:
        with qtbot.assertNotEmitted(button.clicked):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        hub.remove()
