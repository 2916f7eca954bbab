"""The first page of the Routines tab: the list, what each routine needs, Fit my time, Start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reflexmap.i18n import Language
from reflexmap.player import RoutinePlayer, State
from reflexmap.routines import Routine
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import BASE_PX, TextSize
from reflexmap.ui.localize import localize
from reflexmap.ui.routines.format import format_duration

__all__ = ["FIT_CHOICES", "ChoosePage"]

#: The Fit-my-time choices, in minutes (None: as the routine is written).
FIT_CHOICES: tuple[int | None, ...] = (None, 3, 5, 10)


class ChoosePage(QWidget):
    """Pick a routine and a length; Start hands it to the player."""

    def __init__(
        self,
        routines: list[Routine],
        player: RoutinePlayer,
        language: Language,
        sizes: TextSize,
        notices: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choosePage")
        self._routines = routines
        self._player = player
        self._language = language
        self._notices = notices
        self._target_minutes: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        self._title = parts.label(sizes, "chooseTitle", 22, bold=True, colour=style.ACCENT_TEXT)
        layout.addWidget(self._title)
        self.notice = parts.label(sizes, "routineNotice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(8)
        style.tint(self.notice, style.NOTICE, style.NOTICE_TEXT)
        self.notice.setVisible(bool(notices))
        layout.addWidget(self.notice)

        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._list = QListWidget()
        self._list.setObjectName("routineList")
        self._list.setSpacing(4)
        sizes.font(self._list, BASE_PX + 1)
        for routine in routines:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            self._list.addItem(item)
        self._list.currentRowChanged.connect(self._on_list_row_changed)
        self._body.addWidget(self._list, 1)

        detail = QWidget()
        col = QVBoxLayout(detail)
        col.setContentsMargins(0, 0, 0, 0)
        self._name = parts.label(sizes, "routineName", 20, bold=True)
        self._description = parts.label(sizes, "routineDescription")
        self._needs = parts.label(sizes, "routineNeeds", colour=style.MUTED)
        self._fit_title = parts.label(sizes, "fitTitle", bold=True)
        fit_row = QGridLayout()
        self._fit_group = QButtonGroup(self)
        self._fit_buttons: list[QPushButton] = []
        for i, minutes in enumerate(FIT_CHOICES):
            button = parts.button(sizes, "fitButton")
            button.setCheckable(True)
            button.setProperty("minutes", minutes)
            self._fit_group.addButton(button, i)
            self._fit_buttons.append(button)
            fit_row.addWidget(button, 0, i)
        self._fit_buttons[0].setChecked(True)
        self._fit_other = QSpinBox()
        self._fit_other.setObjectName("fitOther")
        self._fit_other.setRange(1, 60)
        self._fit_other.setValue(7)
        self._fit_other.setMinimumHeight(48)
        self._fit_other_button = parts.button(sizes, "fitOtherButton")
        self._fit_other_button.setCheckable(True)
        self._fit_group.addButton(self._fit_other_button, len(FIT_CHOICES))
        fit_row.addWidget(self._fit_other_button, 1, 0, 1, 2)
        fit_row.addWidget(self._fit_other, 1, 2, 1, 2)
        self._fit_group.idClicked.connect(self._on_fit_clicked)
        self._fit_other.valueChanged.connect(self._on_fit_other_changed)
        self._length = parts.label(sizes, "routineLength", bold=True)
        self._start = parts.button(sizes, "startButton", primary=True)
        self._start.clicked.connect(self._on_start_clicked)
        for w in (self._name, self._description, self._needs, self._fit_title):
            col.addWidget(w)
        col.addLayout(fit_row)
        col.addWidget(self._length)
        col.addStretch(1)
        col.addWidget(self._start)
        self._body.addWidget(detail, 1)
        layout.addLayout(self._body, 1)

        player.tick.connect(self._on_player_tick)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)
        if routines:
            self._list.setCurrentRow(0)

    def set_portrait(self, portrait: bool) -> None:
        """The list above the details in a portrait window, beside them otherwise."""
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    def choose(self, routine_id: str, minutes: int | None = None) -> None:
        """Select a routine and a length, as the person would."""
        for i, routine in enumerate(self._routines):
            if routine.id == routine_id:
                self._target_minutes = minutes
                if minutes in FIT_CHOICES:
                    self._fit_buttons[FIT_CHOICES.index(minutes)].setChecked(True)
                else:
                    self._fit_other.blockSignals(True)
                    self._fit_other.setValue(int(minutes or 1))
                    self._fit_other.blockSignals(False)
                    self._fit_other_button.setChecked(True)
                self._list.setCurrentRow(i)
                self._on_list_row_changed(i)
                return
        raise KeyError(routine_id)

    # --- slots ----------------------------------------------------------------------

    def _on_list_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._routines) and self._player.state in (State.IDLE, State.FINISHED):
            target = None if self._target_minutes is None else self._target_minutes * 60.0
            self._player.load(self._routines[row], target)
        self.refresh()

    def _on_fit_clicked(self, button_id: int) -> None:
        if button_id < len(FIT_CHOICES):
            self._target_minutes = FIT_CHOICES[button_id]
        else:
            self._target_minutes = self._fit_other.value()
        self._apply_fit()

    def _on_fit_other_changed(self, value: int) -> None:
        self._fit_other_button.setChecked(True)
        self._target_minutes = value
        self._apply_fit()

    def _apply_fit(self) -> None:
        self._player.fit(None if self._target_minutes is None else self._target_minutes * 60.0)
        self.refresh()

    def _on_player_tick(self) -> None:
        if self.isVisible():  # a playing routine ticks every second; this page is hidden then
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def _on_start_clicked(self) -> None:
        self._player.start()

    def _on_language_changed(self, lang: str) -> None:
        self._title.setText(self.tr("Guided routines"))
        self._fit_title.setText(self.tr("Fit my time"))
        self._start.setText(self.tr("Start"))
        labels = [self.tr("As written")] + [self.tr("{n} min").format(n=m) for m in FIT_CHOICES[1:]]
        for button, text in zip(self._fit_buttons, labels, strict=True):
            button.setText(text)
        self._fit_other_button.setText(self.tr("Other length (minutes):"))
        if self._notices:
            lines = [self.tr("Some routine files were skipped:")] + [localize(n) for n in self._notices]
            self.notice.setText("\n".join(lines))
        for i, routine in enumerate(self._routines):
            item = self._list.item(i)
            if item is not None:
                item.setText(self._list_text(routine, lang))
        self.refresh()

    # --- drawing ----------------------------------------------------------------------

    def _needs_text(self, routine: Routine, lang: str) -> str:
        needs = ", ".join(n(lang) for n in routine.needs) or self.tr("nothing but your hands")
        return self.tr("You need: {things}").format(things=needs)

    def _list_text(self, routine: Routine, lang: str) -> str:
        return (
            f"{routine.name(lang)}\n{format_duration(routine.total_seconds, lang)} · {self._needs_text(routine, lang)}"
        )

    def refresh(self) -> None:
        lang = self._language.code
        routine = self._player.routine
        if routine is None:
            self._name.setText("")
            self._description.setText(self.tr("No routine is available."))
            self._start.setEnabled(False)
            return
        self._start.setEnabled(True)
        self._name.setText(routine.name(lang))
        self._description.setText(routine.description(lang))
        self._needs.setText(self._needs_text(routine, lang))
        length = self.tr("Length: {time}").format(time=format_duration(self._player.total_seconds(), lang))
        if routine.has_until_done:
            length += " " + self.tr("(plus the steps you finish yourself)")
        self._length.setText(length)
