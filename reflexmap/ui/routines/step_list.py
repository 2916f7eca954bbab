"""The player page's list of steps: each with its foot, length and instruction; a tap jumps there."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from reflexmap.i18n import Language
from reflexmap.player import RoutinePlayer, State
from reflexmap.ui.routines.format import foot_name, format_duration

__all__ = ["StepList"]


class StepList(QListWidget):
    """The steps as the player planned them, the playing one highlighted and in view.

    A click, a tap or Enter on a step jumps there.
    """

    def __init__(self, player: RoutinePlayer, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepList")
        self._player = player
        self._language = language
        self._touch = False
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.itemClicked.connect(self._on_item_activated)
        self.itemActivated.connect(self._on_item_activated)  # Enter on the keyboard's choice
        player.state_changed.connect(self._on_player_state_changed)
        player.step_changed.connect(self._on_player_step_changed)
        language.changed.connect(self._on_language_changed)
        self.fill()

    def set_touch(self, touch: bool) -> None:
        """Touch screens: rows a finger can hit."""
        self._touch = touch
        self.fill()

    def fill(self) -> None:
        """One row per planned step, in the current language."""
        lang = self._language.code
        self.clear()
        for i, planned in enumerate(self._player.plan()):
            step = planned.step
            length = format_duration(planned.seconds, lang) if planned.seconds is not None else self.tr("until done")
            foot = foot_name(step.foot)
            where = f"{foot} · " if foot else ""
            item = QListWidgetItem(f"{i + 1}. {where}{length} — {step.instruction(lang)}")
            item.setSizeHint(QSize(0, 56 if self._touch else 40))  # a row a finger can hit
            self.addItem(item)
        self._follow(self._player.index)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._keep_in_view()  # hidden, it could not scroll (a short portrait page hides it)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_in_view()  # shorter, the row may have left the view

    def _keep_in_view(self) -> None:
        item = self.currentItem()  # the playing step, or where the keyboard has gone in the list
        if item is not None:
            self.scrollToItem(item)

    def _follow(self, index: int) -> None:
        """The highlight on the playing step, in view."""
        if 0 <= index < self.count():
            self.setCurrentRow(index)
            item = self.item(index)
            if item is not None:
                self.scrollToItem(item)

    def _on_player_state_changed(self, state: State) -> None:
        if state == State.LEAD_IN or self.count() != len(self._player.plan()):
            self.fill()

    def _on_player_step_changed(self, index: int) -> None:
        self._follow(index)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self._player.jump(self.row(item))

    def _on_language_changed(self, lang: str) -> None:
        self.fill()
