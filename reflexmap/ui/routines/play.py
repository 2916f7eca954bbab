"""The player page: the guide map, the step list, a large countdown, the instruction and the controls."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
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
from reflexmap.player import PLAYING, Cue, RoutinePlayer, State
from reflexmap.sound import SoundCues
from reflexmap.speech import Voice
from reflexmap.ui import parts, style
from reflexmap.ui.fit_label import ElidedLabel, FitLabel
from reflexmap.ui.fonts import BASE_PX, TextSize
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.routines.format import clock_face, format_duration

__all__ = ["PlayPage"]

#: The countdown's smallest size at 100 % text (it grows with the page from there).
COUNTDOWN_MIN_PX = 40
#: The instruction grows from twice the body text up to this.
INSTRUCTION_MAX_PX = 64
#: A portrait page shorter than this shows no step list.
PORTRAIT_LIST_MIN_HEIGHT = 900


class PlayPage(QWidget):
    """Shows the player's state; every button and key goes straight to the player.

    Made to be read from across the room: the countdown and the instruction
    are as large as the page allows (never smaller than the countdown's base
    size and twice the body text), and a person with their hands on a foot
    can stop only by answering "Stop the routine?" (Esc or the Stop button
    ask first; Esc again or "Keep going" goes on).
    """

    def __init__(
        self,
        art: Art,
        content: Content,
        player: RoutinePlayer,
        sounds: SoundCues,
        voice: Voice,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
        clock: Clock = monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("playPage")
        self._player = player
        self._sounds = sounds
        self._voice = voice
        self._spoken: int | None = None  # the step whose instruction was read
        self._language = language
        self._content = content
        self._touch = False
        self._portrait = False
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._body.setContentsMargins(12, 12, 12, 12)
        self._body.setSpacing(16)
        self.map = FootMap(art, content, language, sizes, interactive=False, clock=clock)
        self.map.setMinimumSize(200, 110)  # it may give way to the instruction on a short page
        left = QVBoxLayout()
        left.addWidget(self.map, 3)
        self._steps = QListWidget()
        self._steps.setObjectName("stepList")
        self._steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._steps.itemClicked.connect(self._on_step_item_activated)
        self._steps.itemActivated.connect(self._on_step_item_activated)  # Enter on the keyboard's choice
        left.addWidget(self._steps, 2)
        # massage supports well-being and does not replace treatment: said on this page too
        self._safety_note = parts.label(sizes, "playSafetyNote", italic=True, colour=style.MUTED, keep_height=True)
        self._safety_note.setText(content.general.disclaimer(language.code))
        left.addWidget(self._safety_note)
        self._body.addLayout(left, 4)

        info = QVBoxLayout()
        info.setSpacing(6)
        where = QHBoxLayout()
        self._step_label = parts.label(sizes, "stepLabel", 17, bold=True, colour=style.MUTED, keep_height=True)
        self._foot = parts.label(sizes, "footBanner", 20, bold=True, keep_height=True)
        self._foot.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        where.addWidget(self._step_label, 1)
        where.addWidget(self._foot, 1)
        info.addLayout(where)
        # as big as the page allows: the countdown from 56 px, the instruction from twice the body text
        self._countdown = FitLabel("countdown", wrap=False, centred=True, template="8:88")
        sizes.font(self._countdown, COUNTDOWN_MIN_PX, bold=True)
        self._instruction = FitLabel("instruction", wrap=True, centred=False, max_px=INSTRUCTION_MAX_PX)
        sizes.font(self._instruction, 2 * BASE_PX)
        self._next = ElidedLabel("nextStep")  # one line: the page's room goes to the instruction
        sizes.font(self._next, BASE_PX)
        style.colour(self._next, style.MUTED)
        progress = QHBoxLayout()
        self._progress = QProgressBar()
        self._progress.setObjectName("routineProgress")
        self._progress.setRange(0, 1000)
        self._progress.setTextVisible(False)
        self._progress.setFixedHeight(14)
        self._time_left = parts.label(sizes, "timeLeft", colour=style.MUTED, wrap=False)
        progress.addWidget(self._progress, 1)
        progress.addWidget(self._time_left)
        info.addWidget(self._countdown, 3)
        info.addWidget(self._instruction, 4)
        info.addWidget(self._next)
        info.addLayout(progress)
        self._done = parts.button(sizes, "doneButton", primary=True)
        self._done.clicked.connect(player.done)
        info.addWidget(self._done)
        self._confirm = QWidget()
        self._confirm.setObjectName("stopConfirm")
        style.tint(self._confirm, style.NOTICE, style.NOTICE_TEXT)
        ask = QHBoxLayout(self._confirm)
        ask.setContentsMargins(10, 6, 10, 6)
        self._confirm_text = parts.label(sizes, "stopQuestion", bold=True, colour=style.NOTICE_TEXT)
        self._keep_going = parts.button(sizes, "keepGoingButton")
        self._keep_going.clicked.connect(self.cancel_stop)
        self._stop_now = parts.button(sizes, "stopNowButton", primary=True)
        self._stop_now.clicked.connect(self._on_stop_now_clicked)
        ask.addWidget(self._confirm_text, 1)
        ask.addWidget(self._keep_going)
        ask.addWidget(self._stop_now)
        self._confirm.hide()
        info.addWidget(self._confirm)
        controls = QGridLayout()
        self._prev_button = parts.button(sizes, "prevButton")
        self._pause_button = parts.button(sizes, "pauseButton")
        self._next_button = parts.button(sizes, "nextButton")
        self._restart_button = parts.button(sizes, "restartButton")
        self._stop_button = parts.button(sizes, "stopButton")
        self._mute_button = parts.button(sizes, "muteButton")
        self._mute_button.setCheckable(True)
        self._voice_button = parts.button(sizes, "voiceButton")
        self._voice_button.setCheckable(True)
        self._voice_button.setChecked(voice.enabled)
        self._voice_button.toggled.connect(voice.set_enabled)
        voice.changed.connect(self._refresh_controls)
        self._prev_button.clicked.connect(player.previous)
        self._pause_button.clicked.connect(player.toggle_pause)
        self._next_button.clicked.connect(player.next)
        self._restart_button.clicked.connect(player.restart)
        self._stop_button.clicked.connect(self.ask_stop)
        self._mute_button.toggled.connect(self._on_mute_toggled)
        # two rows, whatever the language: the page's height goes to the instruction
        for i, b in enumerate((self._prev_button, self._pause_button, self._next_button, self._restart_button)):
            controls.addWidget(b, 0, i)
        controls.addWidget(self._stop_button, 1, 0)
        controls.addWidget(self._mute_button, 1, 1)
        controls.addWidget(self._voice_button, 1, 2, 1, 2)
        info.addLayout(controls)
        self._body.addLayout(info, 7)

        for key, slot in (
            (Qt.Key.Key_Space, player.toggle_pause),
            (Qt.Key.Key_Left, player.previous),
            (Qt.Key.Key_Right, player.next),
            (Qt.Key.Key_Escape, self._on_escape),
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
        self._portrait = portrait
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self._body.setStretch(0, 3 if portrait else 4)
        self._body.setStretch(1, 8 if portrait else 7)
        self._fit_step_list()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_step_list()

    def _fit_step_list(self) -> None:
        # a short portrait page keeps its height for the map and the instruction; the step
        # list comes back on a tall one (a wall screen)
        self._steps.setVisible(not (self._portrait and self.height() < PORTRAIT_LIST_MIN_HEIGHT))

    def set_touch(self, touch: bool) -> None:
        """Touch screens: step rows a finger can hit."""
        self._touch = touch
        self._fill_step_list()

    def set_accent(self, colour: QColor) -> None:
        self.map.set_accent(colour)

    @property
    def asking_to_stop(self) -> bool:
        """Whether "Stop the routine?" waits for an answer."""
        return self._confirm.isVisibleTo(self)

    def ask_stop(self) -> None:
        """Ask before the routine ends (the person's hands are on their foot: a stray key must not end it)."""
        if self._player.state in PLAYING or self._player.state == State.PAUSED:
            self._confirm.show()
            self._keep_going.setFocus()

    def cancel_stop(self) -> None:
        self._confirm.hide()

    # --- slots ----------------------------------------------------------------------

    def _on_escape(self) -> None:
        if self.asking_to_stop:
            self.cancel_stop()
        else:
            self.ask_stop()

    def _on_stop_now_clicked(self) -> None:
        self._confirm.hide()
        self._player.stop()

    def _on_player_state_changed(self, state: State) -> None:
        if state == State.LEAD_IN or self._steps.count() != len(self._player.plan()):
            self._fill_step_list()
        if state not in PLAYING and state != State.PAUSED:
            self._confirm.hide()
        if state in (State.RUNNING, State.WAITING):
            self._read_step_aloud()
        else:
            self._voice.stop()  # paused, stopped, finished (or getting ready): no words
            if state != State.PAUSED:
                self._spoken = None
        self.refresh()

    def _read_step_aloud(self) -> None:
        """The current step's instruction, once per step (a resume does not read it again)."""
        current = self._player.current()
        if current is None or self._spoken == self._player.index:
            return
        self._spoken = self._player.index
        self._voice.speak(current.step.instruction(self._language.code), self._language.code)

    def _on_player_step_changed(self, index: int) -> None:
        self._follow_step(index)
        if self._player.state in (State.RUNNING, State.WAITING):
            self._read_step_aloud()
        elif self._player.state == State.PAUSED:
            self._voice.stop()  # skipped while paused: the new step is read on resume
        self.refresh()

    def _follow_step(self, index: int) -> None:
        """The step list's highlight on the playing step, in view."""
        if 0 <= index < self._steps.count():
            self._steps.setCurrentRow(index)
            item = self._steps.item(index)
            if item is not None:
                self._steps.scrollToItem(item)

    def _on_player_cue(self, cue: Cue) -> None:
        self._sounds.play(cue)
        # the visual cue is always there: the countdown turns the accent colour for 3-2-1
        style.colour(self._countdown, style.ACCENT_FILL if cue.counting else style.TEXT)

    def _on_step_item_activated(self, item: QListWidgetItem) -> None:
        self._player.jump(self._steps.row(item))

    def _on_mute_toggled(self, muted: bool) -> None:
        self._sounds.muted = muted
        self._refresh_controls()

    def _on_language_changed(self, lang: str) -> None:
        self._safety_note.setText(self._content.general.disclaimer(lang))
        self._fill_step_list()
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
        self._follow_step(self._player.index)

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
        self._prev_button.setText(self.tr("‹ Previous"))
        self._next_button.setText(self.tr("Next ›"))
        self._pause_button.setText(self.tr("Resume") if state == State.PAUSED else self.tr("Pause"))
        self._restart_button.setText(self.tr("Restart"))
        self._stop_button.setText(self.tr("Stop"))
        voice = self._voice
        lang = self._language.code
        self._voice_button.setChecked(voice.enabled)  # switched elsewhere too (a kiosk's reset)
        if voice.enabled and voice.can_speak(lang) is False:
            self._voice_button.setText(self.tr("No voice for this language"))
        else:
            self._voice_button.setText(self.tr("Voice on") if voice.enabled else self.tr("Voice off"))
        self._voice_button.setToolTip(self.tr("Read each step aloud as it starts"))
        if self._sounds.ready and not self._sounds.available:
            self._mute_button.setText(self.tr("No sound device"))
            self._mute_button.setEnabled(False)  # the cues are visual only: nothing to switch
        else:
            self._mute_button.setText(self.tr("Sound off") if self._sounds.muted else self.tr("Sound on"))
        self._done.setText(self.tr("Done"))
        waiting = self._player.phase == State.WAITING
        self._done.setVisible(waiting)
        self._countdown.setVisible(not waiting)  # nothing to count: the Done button says it
        self._confirm_text.setText(self.tr("Stop the routine?"))
        self._keep_going.setText(self.tr("Keep going"))
        self._stop_now.setText(self.tr("Stop"))

    def _foot_name(self, foot: str) -> str:
        return {
            "left": self.tr("Left foot"),
            "right": self.tr("Right foot"),
            "both": self.tr("Both feet"),
        }.get(foot, "")
