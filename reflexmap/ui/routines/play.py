"""The player page: the guide map, the step list, a large countdown, the instruction and the controls."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from reflexmap.clock import Clock, monotonic
from reflexmap.content import Content
from reflexmap.geometry import Art
from reflexmap.i18n import Language
from reflexmap.player import Cue, RoutinePlayer, State
from reflexmap.sound import SoundCues
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.routines.format import clock_face, format_duration

__all__ = ["PlayPage"]


class PlayPage(QWidget):
    """Shows the player's state; every button and key goes straight to the player."""

    def __init__(
        self,
        art: Art,
        content: Content,
        player: RoutinePlayer,
        sounds: SoundCues,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
        clock: Clock = monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playPage")
        self._player = player
        self._sounds = sounds
        self._language = language
        self._touch = False
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._body.setContentsMargins(12, 12, 12, 12)
        self.map = FootMap(art, content, language, sizes, interactive=False, clock=clock)
        left = QVBoxLayout()
        left.addWidget(self.map, 3)
        self._steps = QListWidget()
        self._steps.setObjectName("stepList")
        self._steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._steps.itemClicked.connect(self._on_step_item_clicked)
        left.addWidget(self._steps, 2)
        self._body.addLayout(left, 1)

        info = QVBoxLayout()
        info.setSpacing(8)
        self._step_label = parts.label(sizes, "stepLabel", 17, bold=True, colour=style.MUTED, keep_height=True)
        self._foot = parts.label(sizes, "footBanner", 20, bold=True, keep_height=True)
        # already huge: the text size leaves it be
        self._countdown = parts.label(sizes, "countdown", 72, bold=True, wrap=False, centred=True, scaled=False)
        self._instruction = parts.label(sizes, "instruction", 21, keep_height=True)
        self._instruction.setMinimumHeight(90)
        self._instruction.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._next = parts.label(sizes, "nextStep", colour=style.MUTED, keep_height=True)
        self._progress = QProgressBar()
        self._progress.setObjectName("routineProgress")
        self._progress.setRange(0, 1000)
        self._progress.setTextVisible(False)
        self._time_left = parts.label(sizes, "timeLeft", colour=style.MUTED, keep_height=True)
        for w in (
            self._step_label,
            self._foot,
            self._countdown,
            self._instruction,
            self._next,
            self._progress,
            self._time_left,
        ):
            info.addWidget(w)
        info.addStretch(1)
        self._done = parts.button(sizes, "doneButton", primary=True)
        self._done.clicked.connect(player.done)
        info.addWidget(self._done)
        controls = QGridLayout()
        self._prev_button = parts.button(sizes, "prevButton")
        self._pause_button = parts.button(sizes, "pauseButton")
        self._next_button = parts.button(sizes, "nextButton")
        self._restart_button = parts.button(sizes, "restartButton")
        self._stop_button = parts.button(sizes, "stopButton")
        self._mute_button = parts.button(sizes, "muteButton")
        self._mute_button.setCheckable(True)
        self._prev_button.clicked.connect(player.previous)
        self._pause_button.clicked.connect(player.toggle_pause)
        self._next_button.clicked.connect(player.next)
        self._restart_button.clicked.connect(player.restart)
        self._stop_button.clicked.connect(player.stop)
        self._mute_button.toggled.connect(self._on_mute_toggled)
        for i, b in enumerate((self._prev_button, self._pause_button, self._next_button)):
            controls.addWidget(b, 0, i)
        for i, b in enumerate((self._restart_button, self._stop_button, self._mute_button)):
            controls.addWidget(b, 1, i)
        info.addLayout(controls)
        self._body.addLayout(info, 1)

        for key, slot in (
            (Qt.Key.Key_Space, player.toggle_pause),
            (Qt.Key.Key_Left, player.previous),
            (Qt.Key.Key_Right, player.next),
            (Qt.Key.Key_Escape, player.stop),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        player.state_changed.connect(self._on_player_state_changed)
        player.step_changed.connect(self._on_player_step_changed)
        player.tick.connect(self._refresh_time)
        player.cue.connect(self._on_player_cue)
        language.changed.connect(self._on_language_changed)
        self._fill_step_list()
        self.refresh()

    # --- public ---------------------------------------------------------------------

    def set_portrait(self, portrait: bool) -> None:
        """The map and steps above the countdown in a portrait window, beside it otherwise."""
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)

    def set_touch(self, touch: bool) -> None:
        """Touch screens: step rows a finger can hit."""
        self._touch = touch
        self._fill_step_list()

    def set_accent(self, colour: QColor) -> None:
        self.map.set_accent(colour)

    # --- slots ----------------------------------------------------------------------

    def _on_player_state_changed(self, state: State) -> None:
        if state == State.LEAD_IN or self._steps.count() != len(self._player.plan()):
            self._fill_step_list()
        self.refresh()

    def _on_player_step_changed(self, index: int) -> None:
        if 0 <= index < self._steps.count():
            self._steps.setCurrentRow(index)
        self.refresh()

    def _on_player_cue(self, cue: Cue) -> None:
        self._sounds.play(cue)
        # the visual cue is always there: the countdown turns the accent colour for 3-2-1
        style.colour(self._countdown, style.ACCENT_FILL if cue.counting else style.TEXT)

    def _on_step_item_clicked(self, item: QListWidgetItem) -> None:
        self._player.jump(self._steps.row(item))

    def _on_mute_toggled(self, muted: bool) -> None:
        self._sounds.muted = muted
        self._refresh_controls()

    def _on_language_changed(self, lang: str) -> None:
        current = self._steps.currentRow()
        self._fill_step_list()
        self._steps.setCurrentRow(current)
        self.refresh()

    # --- drawing ----------------------------------------------------------------------

    def _fill_step_list(self) -> None:
        lang = self._language.code
        self._steps.clear()
        for i, planned in enumerate(self._player.plan()):
            step = planned.step
            length = format_duration(planned.seconds, lang) if planned.seconds is not None else self.tr("until done")
            foot = self._foot_name(step.foot)
            where = f"{foot} · " if foot else ""
            item = QListWidgetItem(f"{i + 1}. {where}{length} — {step.instruction(lang)}")
            item.setSizeHint(QSize(0, 56 if self._touch else 40))  # a row a finger can hit
            self._steps.addItem(item)

    def refresh(self) -> None:
        self._refresh_step()
        self._refresh_time()
        self._refresh_controls()

    def _refresh_step(self) -> None:
        player = self._player
        lang = self._language.code
        current = player.current()
        if current is None:
            self.map.set_guide(())
            return
        step = current.step
        index = player.index
        total = len(player.plan())
        paused = player.state == State.PAUSED
        if player.phase == State.LEAD_IN:
            self._step_label.setText(self.tr("Get ready — first step"))
        elif paused:
            self._step_label.setText(self.tr("Paused — step {n} of {m}").format(n=index + 1, m=total))
        else:
            self._step_label.setText(self.tr("Step {n} of {m}").format(n=index + 1, m=total))
        self._instruction.setText(step.instruction(lang))
        upcoming = player.upcoming()
        self._next.setText(
            self.tr("Next: {text}").format(text=upcoming.step.instruction(lang)) if upcoming else self.tr("Last step")
        )
        previous = player.plan()[index - 1].step.foot if index > 0 else None
        foot_text = self._foot_name(step.foot)
        changed = previous in ("left", "right") and step.foot in ("left", "right") and previous != step.foot
        if changed:
            foot_text = self.tr("Now the left foot") if step.foot == "left" else self.tr("Now the right foot")
        self._foot.setText(foot_text)
        style.colour(self._foot, style.ACCENT_FILL if changed else style.TEXT)
        self.map.set_guide(step.zones, step.foot if step.foot in ("left", "right") else None, pulsing=not paused)

    def _refresh_time(self) -> None:
        player = self._player
        remaining = player.step_remaining()
        if player.state in (State.IDLE, State.SAFETY, State.FINISHED) or player.current() is None:
            self._countdown.setText("")
        elif remaining is None:
            self._countdown.setText(self.tr("Done?"))
        else:
            self._countdown.setText(clock_face(remaining))
        self._progress.setValue(round(player.progress() * 1000))
        self._time_left.setText(
            self.tr("{time} left in the routine").format(
                time=format_duration(player.total_remaining(), self._language.code)
            )
        )

    def _refresh_controls(self) -> None:
        state = self._player.state
        self._prev_button.setText(self.tr("◀ Previous"))
        self._next_button.setText(self.tr("Next ▶"))
        self._pause_button.setText(self.tr("Resume") if state == State.PAUSED else self.tr("Pause"))
        self._restart_button.setText(self.tr("Restart"))
        self._stop_button.setText(self.tr("Stop"))
        self._mute_button.setText(self.tr("Sound off") if self._sounds.muted else self.tr("Sound on"))
        self._done.setText(self.tr("Done"))
        self._done.setVisible(self._player.phase == State.WAITING)

    def _foot_name(self, foot: str) -> str:
        return {
            "left": self.tr("Left foot"),
            "right": self.tr("Right foot"),
            "both": self.tr("Both feet"),
        }.get(foot, "")
