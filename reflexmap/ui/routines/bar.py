"""On the Foot map tab, while a routine plays: where it is, and the way back to it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from reflexmap.i18n import Language
from reflexmap.player import PLAYING, RoutinePlayer, State
from reflexmap.ui import parts, style
from reflexmap.ui.fit_label import ElidedLabel
from reflexmap.ui.fonts import BASE_PX, TextSize
from reflexmap.ui.routines.format import clock_face

__all__ = ["RoutineBar"]


class RoutineBar(QWidget):
    """Shows itself while a routine is on (playing or paused); ``back_requested`` leads to its tab."""

    back_requested = Signal()

    def __init__(
        self, player: RoutinePlayer, language: Language, sizes: TextSize, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routineBar")
        self._player = player
        style.tint(self, style.NOTICE, style.NOTICE_TEXT)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 12, 6)
        self._text = ElidedLabel("routineBarText")  # gives way on a narrow window; the buttons never do
        sizes.font(self._text, BASE_PX, bold=True)
        style.colour(self._text, style.NOTICE_TEXT)
        self._pause = parts.button(sizes, "routineBarPause", height=40)
        self._pause.clicked.connect(player.toggle_pause)
        self._back = parts.button(sizes, "routineBarBack", primary=True, height=40)
        self._back.clicked.connect(self.back_requested)
        row.addWidget(self._text, 1)
        row.addWidget(self._pause)
        row.addWidget(self._back)
        player.state_changed.connect(self._on_player_state_changed)
        player.tick.connect(self.refresh)
        player.step_changed.connect(self._on_player_step_changed)
        language.changed.connect(self._on_language_changed)
        self._on_player_state_changed(player.state)

    def _on_player_state_changed(self, state: State) -> None:
        self.setVisible(state in PLAYING or state == State.PAUSED)
        self.refresh()

    def _on_player_step_changed(self, index: int) -> None:
        self.refresh()

    def _on_language_changed(self, lang: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        if self.isHidden():  # no routine on (shown or not, the text is kept current)
            return
        player = self._player
        step = self.tr("step {n} of {m}").format(n=player.index + 1, m=len(player.plan()))
        left = player.step_remaining()
        when = f" · {clock_face(left)}" if left is not None else ""
        if player.state == State.PAUSED:
            self._text.setText(self.tr("The routine is paused: {step}").format(step=step))
        else:
            self._text.setText(self.tr("A routine is on: {step}{when}").format(step=step, when=when))
        self._pause.setText(self.tr("Resume") if player.state == State.PAUSED else self.tr("Pause"))
        self._back.setText(self.tr("Back to the routine"))
