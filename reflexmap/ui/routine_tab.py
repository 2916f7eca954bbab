"""The Routines tab: choose a routine, pass the safety check, follow it step by step.

Everything timed comes from :class:`reflexmap.player.RoutinePlayer`; this
widget only shows its state and forwards the person's choices to it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reflexmap.awake import ScreenAwake
from reflexmap.content import Content, Text
from reflexmap.geometry import Art
from reflexmap.player import RoutinePlayer, State
from reflexmap.routines import Routine
from reflexmap.sound import SoundCues
from reflexmap.ui import style
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.messages import localize
from reflexmap.ui.richtext import escape

__all__ = ["RoutineTab", "format_duration"]

#: The Fit-my-time choices, in minutes (None: as the routine is written).
FIT_CHOICES: tuple[int | None, ...] = (None, 3, 5, 10)
PLAYING = (State.LEAD_IN, State.RUNNING, State.WAITING)


def format_duration(seconds: float, lang: str = "en") -> str:
    """"3 min 5 s" / "3 хв 5 с"; whole seconds, rounded up."""
    total = max(0, math.ceil(seconds - 1e-6))
    minutes, secs = divmod(total, 60)
    m, s = ("хв", "с") if lang == "uk" else ("min", "s")
    if minutes and secs:
        return f"{minutes} {m} {secs} {s}"
    if minutes:
        return f"{minutes} {m}"
    return f"{secs} {s}"


def _clock_face(seconds: float) -> str:
    total = max(0, math.ceil(seconds - 1e-6))
    minutes, secs = divmod(total, 60)
    return f"{minutes}:{secs:02d}" if minutes else str(secs)


def _label(name: str, px: int = style.BASE_PX, bold: bool = False, colour: str | None = None,
           wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    style.font(label, px, bold=bold)
    if colour:
        style.colour(label, colour)
    return label


def _button(name: str, text: str = "", primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(48)  # a comfortable touch target
    if primary:
        style.primary(button)
    return button


def _bullets(items: tuple[Text, ...], lang: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(t(lang))}</li>" for t in items) + "</ul>"


class RoutineTab(QWidget):
    """Routine list, safety check, player and completion screen, as pages of one tab."""

    def __init__(
        self,
        routines: list[Routine],
        player: RoutinePlayer,
        art: Art,
        content: Content,
        sounds: SoundCues,
        awake: ScreenAwake,
        notices: list[str] | None = None,
        lang: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routinePlayer")
        self._routines = routines
        self._player = player
        self._content = content
        self._sounds = sounds
        self._awake = awake
        self._lang = lang
        self._target_minutes: int | None = None
        self._accent: QColor | None = None
        self._touch = False
        self._art = art
        self._notices = notices or []
        self._built = False
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(0, 0, 0, 0)
        player.state_changed.connect(self._on_player_state_changed)
        player.step_changed.connect(self._on_player_step_changed)
        player.tick.connect(self._refresh_time)
        player.cue.connect(self._on_player_cue)

    def _ensure_built(self) -> None:
        """Build the pages the first time the tab is needed (keeps start-up lean)."""
        if self._built:
            return
        self._built = True
        self._pages = QStackedWidget()
        self._choose = self._build_choose_page(self._notices)
        self._safety = self._build_safety_page()
        self._play = self._build_play_page(self._art, self._content)
        self._done = self._build_done_page()
        for page in (self._choose, self._safety, self._play, self._done):
            self._pages.addWidget(page)
        self._outer.addWidget(self._pages)
        self._pages.show()  # added from showEvent: Qt would otherwise show it only on a later, queued call
        if self._routines:
            self._list.setCurrentRow(0)
        self._orient()
        self._on_player_state_changed(self._player.state.value)

    def showEvent(self, event: QShowEvent) -> None:
        self._ensure_built()
        super().showEvent(event)

    # --- pages --------------------------------------------------------------------

    def _build_choose_page(self, notices: list[str]) -> QWidget:
        page = QWidget()
        page.setObjectName("choosePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        title = _label("chooseTitle", 22, bold=True, colour=style.ACCENT_TEXT)
        title.setText(self.tr("Guided routines"))
        layout.addWidget(title)
        self.notice = _label("routineNotice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(8)
        style.tint(self.notice, style.NOTICE, style.NOTICE_TEXT)
        self.notice.setVisible(bool(notices))
        layout.addWidget(self.notice)

        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._choose_body = body
        self._list = QListWidget()
        self._list.setObjectName("routineList")
        self._list.setSpacing(4)
        style.font(self._list, style.BASE_PX + 1)
        for routine in self._routines:
            item = QListWidgetItem(self._list_text(routine))
            item.setData(Qt.ItemDataRole.UserRole, routine.id)
            self._list.addItem(item)
        self._list.currentRowChanged.connect(self._on_list_row_changed)
        body.addWidget(self._list, 1)

        detail = QWidget()
        col = QVBoxLayout(detail)
        col.setContentsMargins(0, 0, 0, 0)
        self._detail_name = _label("routineName", 20, bold=True)
        self._detail_text = _label("routineDescription")
        self._detail_needs = _label("routineNeeds", colour=style.MUTED)
        fit_title = _label("fitTitle", bold=True)
        fit_title.setText(self.tr("Fit my time"))
        fit_row = QGridLayout()
        self._fit_group = QButtonGroup(self)
        self._fit_buttons: list[QPushButton] = []
        for i, minutes in enumerate(FIT_CHOICES):
            button = _button("fitButton")
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
        self._fit_other_button = _button("fitOtherButton")
        self._fit_other_button.setCheckable(True)
        self._fit_group.addButton(self._fit_other_button, len(FIT_CHOICES))
        fit_row.addWidget(self._fit_other_button, 1, 0, 1, 2)
        fit_row.addWidget(self._fit_other, 1, 2, 1, 2)
        self._fit_group.idClicked.connect(self._on_fit_clicked)
        self._fit_other.valueChanged.connect(self._on_fit_other_changed)
        self._length = _label("routineLength", bold=True)
        self._start = _button("startButton", primary=True)
        self._start.clicked.connect(self._on_start_clicked)
        for w in (self._detail_name, self._detail_text, self._detail_needs, fit_title):
            col.addWidget(w)
        col.addLayout(fit_row)
        col.addWidget(self._length)
        col.addStretch(1)
        col.addWidget(self._start)
        body.addWidget(detail, 1)
        layout.addLayout(body, 1)
        return page

    def _build_safety_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("safetyPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self._safety_title = _label("safetyTitle", 22, bold=True, colour=style.ACCENT_TEXT)
        self._safety_good = _label("safetyIndications")
        self._safety_good.setTextFormat(Qt.TextFormat.RichText)
        self._safety_list = _label("safetyList", style.BASE_PX + 2)
        self._safety_list.setTextFormat(Qt.TextFormat.RichText)
        self._safety_note = _label("safetyNote", colour=style.MUTED)
        row = QHBoxLayout()
        self._confirm = _button("confirmSafety", primary=True)
        self._confirm.clicked.connect(self._player.confirm_safety)
        self._cancel = _button("cancelSafety")
        self._cancel.clicked.connect(self._player.cancel_safety)
        row.addWidget(self._cancel)
        row.addStretch(1)
        row.addWidget(self._confirm)
        for w in (self._safety_title, self._safety_good, self._safety_list, self._safety_note):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(row)
        return page

    def _build_play_page(self, art: Art, content: Content) -> QWidget:
        page = QWidget()
        page.setObjectName("playPage")
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight, page)
        body.setContentsMargins(12, 12, 12, 12)
        self._play_body = body
        self._map = FootMap(art, content, self._lang, interactive=False)
        if self._accent is not None:
            self._map.set_accent(self._accent)
        left = QVBoxLayout()
        left.addWidget(self._map, 3)
        self._steps = QListWidget()
        self._steps.setObjectName("stepList")
        self._steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._steps.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._steps.itemClicked.connect(self._on_step_item_clicked)
        left.addWidget(self._steps, 2)
        body.addLayout(left, 1)

        info = QVBoxLayout()
        info.setSpacing(8)
        self._step_label = _label("stepLabel", 17, bold=True, colour=style.MUTED)
        self._foot = _label("footBanner", 20, bold=True)
        self._countdown = _label("countdown", 72, bold=True, wrap=False)
        style.font(self._countdown, 72, bold=True, scaled=False)  # already huge: text size leaves it be
        self._countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._instruction = _label("instruction", 21)
        self._instruction.setMinimumHeight(90)
        self._instruction.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._next = _label("nextStep", colour=style.MUTED)
        self._progress = QProgressBar()
        self._progress.setObjectName("routineProgress")
        self._progress.setRange(0, 1000)
        self._progress.setTextVisible(False)
        self._time_left = _label("timeLeft", colour=style.MUTED)
        for w in (self._step_label, self._foot, self._countdown, self._instruction, self._next,
                  self._progress, self._time_left):
            if isinstance(w, QLabel) and w.wordWrap():
                # wrapped text keeps the height it needs; the map and the step list give way
                w.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            info.addWidget(w)
        info.addStretch(1)
        self._done_button = _button("doneButton", primary=True)
        self._done_button.clicked.connect(self._player.done)
        info.addWidget(self._done_button)
        controls = QGridLayout()
        self._prev_button = _button("prevButton")
        self._pause_button = _button("pauseButton")
        self._next_button = _button("nextButton")
        self._restart_button = _button("restartButton")
        self._stop_button = _button("stopButton")
        self._mute_button = _button("muteButton")
        self._mute_button.setCheckable(True)
        self._prev_button.clicked.connect(self._player.previous)
        self._pause_button.clicked.connect(self._player.toggle_pause)
        self._next_button.clicked.connect(self._player.next)
        self._restart_button.clicked.connect(self._player.restart)
        self._stop_button.clicked.connect(self._player.stop)
        self._mute_button.toggled.connect(self._on_mute_toggled)
        for i, b in enumerate((self._prev_button, self._pause_button, self._next_button)):
            controls.addWidget(b, 0, i)
        for i, b in enumerate((self._restart_button, self._stop_button, self._mute_button)):
            controls.addWidget(b, 1, i)
        info.addLayout(controls)
        body.addLayout(info, 1)

        for key, slot in (
            (Qt.Key.Key_Space, self._player.toggle_pause),
            (Qt.Key.Key_Left, self._player.previous),
            (Qt.Key.Key_Right, self._player.next),
            (Qt.Key.Key_Escape, self._player.stop),
        ):
            shortcut = QShortcut(QKeySequence(key), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        return page

    def _build_done_page(self) -> QWidget:
        page = QWidget()
        page.setObjectName("donePage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        self._done_title = _label("doneTitle", 28, bold=True, colour=style.ACCENT_TEXT)
        self._summary = _label("summary", style.BASE_PX + 3)
        self._summary_note = _label("summaryNote", colour=style.MUTED)
        row = QHBoxLayout()
        self._again = _button("againButton", primary=True)
        self._again.clicked.connect(self._player.restart)
        self._choose_again = _button("chooseButton")
        self._choose_again.clicked.connect(self._player.stop)
        row.addWidget(self._choose_again)
        row.addStretch(1)
        row.addWidget(self._again)
        for w in (self._done_title, self._summary, self._summary_note):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(row)
        return page

    # --- public ---------------------------------------------------------------------

    @property
    def page(self) -> str:
        """Which page shows: "choose", "safety", "play" or "done"."""
        self._ensure_built()
        return ("choose", "safety", "play", "done")[self._pages.currentIndex()]

    @property
    def map(self) -> FootMap:
        """The guide map on the player page."""
        self._ensure_built()
        return self._map

    def set_language(self, lang: str) -> None:
        self._lang = lang
        if not self._built:
            return
        self._map.set_language(lang)
        for i, routine in enumerate(self._routines):
            self._list.item(i).setText(self._list_text(routine))
        current = self._steps.currentRow()
        self._fill_step_list()
        self._steps.setCurrentRow(current)
        self._refresh_all()

    def set_accent(self, colour: QColor) -> None:
        self._accent = QColor(colour)
        if self._built:
            self._map.set_accent(colour)

    def set_touch(self, touch: bool) -> None:
        """Touch screens: list rows and buttons at least 48 px tall."""
        self._touch = touch
        if self._built:
            self._fill_step_list()

    def choose(self, routine_id: str, minutes: int | None = None) -> None:
        """Select a routine and a length, as the person would on the first page."""
        self._ensure_built()
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
        self._refresh_all()

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
        self._refresh_all()

    def _on_start_clicked(self) -> None:
        self._player.start()

    def _on_step_item_clicked(self, item: QListWidgetItem) -> None:
        self._player.jump(self._steps.row(item))

    def _on_mute_toggled(self, muted: bool) -> None:
        self._sounds.muted = muted
        self._refresh_controls()

    def _on_player_state_changed(self, value: str) -> None:
        if not self._built:
            return
        state = State(value)
        page = {
            State.IDLE: self._choose,
            State.SAFETY: self._safety,
            State.FINISHED: self._done,
        }.get(state, self._play)
        self._pages.setCurrentWidget(page)
        if state in PLAYING:
            self._sounds.prepare()
            self._awake.hold(self.tr("A massage routine is playing"))
        else:
            self._awake.release()
        if state == State.LEAD_IN or self._steps.count() != len(self._player.plan()):
            self._fill_step_list()
        self._refresh_all()

    def _on_player_step_changed(self, index: int) -> None:
        if not self._built:
            return
        if 0 <= index < self._steps.count():
            self._steps.setCurrentRow(index)
        self._refresh_all()

    def _on_player_cue(self, cue: str) -> None:
        if not self._built:
            return
        self._sounds.play(cue)
        # the visual cue is always there: the countdown turns the accent colour for 3-2-1
        counting = cue in ("3", "2", "1")
        style.colour(self._countdown, style.ACCENT_FILL if counting else style.TEXT)

    # --- drawing ----------------------------------------------------------------------

    def _list_text(self, routine: Routine) -> str:
        lang = self._lang
        length = format_duration(routine.total_seconds, lang)
        needs = ", ".join(n(lang) for n in routine.needs) or self.tr("nothing but your hands")
        you_need = self.tr("You need: {things}").format(things=needs)
        return f"{routine.name(lang)}\n{length} · {you_need}"

    def _fill_step_list(self) -> None:
        self._steps.clear()
        for i, planned in enumerate(self._player.plan()):
            step = planned.step
            length = (
                format_duration(planned.seconds, self._lang) if planned.seconds is not None else self.tr("until done")
            )
            foot = self._foot_name(step.foot)
            where = f"{foot} · " if foot else ""
            item = QListWidgetItem(f"{i + 1}. {where}{length} — {step.instruction(self._lang)}")
            item.setSizeHint(QSize(0, 56 if self._touch else 40))  # a row a finger can hit
            self._steps.addItem(item)

    def _refresh_all(self) -> None:
        self._refresh_choose()
        self._refresh_safety()
        self._refresh_step()
        self._refresh_time()
        self._refresh_controls()
        self._refresh_done()

    def _refresh_choose(self) -> None:
        lang = self._lang
        if self._notices:
            lines = [self.tr("Some routine files were skipped:")] + [localize(n) for n in self._notices]
            self.notice.setText("\n".join(lines))
        routine = self._player.routine
        self._start.setText(self.tr("Start"))
        labels = [self.tr("As written")] + [self.tr("{n} min").format(n=m) for m in FIT_CHOICES[1:]]
        for button, text in zip(self._fit_buttons, labels):
            button.setText(text)
        self._fit_other_button.setText(self.tr("Other length (minutes):"))
        if routine is None:
            self._detail_name.setText("")
            self._detail_text.setText(self.tr("No routine is available."))
            self._start.setEnabled(False)
            return
        self._start.setEnabled(True)
        self._detail_name.setText(routine.name(lang))
        self._detail_text.setText(routine.description(lang))
        needs = ", ".join(n(lang) for n in routine.needs) or self.tr("nothing but your hands")
        self._detail_needs.setText(self.tr("You need: {things}").format(things=needs))
        length = self.tr("Length: {time}").format(time=format_duration(self._player.total_seconds(), lang))
        if routine.has_until_done:
            length += " " + self.tr("(plus the steps you finish yourself)")
        self._length.setText(length)

    def _refresh_safety(self) -> None:
        routine = self._player.routine
        lang = self._lang
        self._confirm.setText(self.tr("None of these apply to me — start"))
        self._cancel.setText(self.tr("Back"))
        if routine is None:
            return
        self._safety_title.setText(self.tr("Before you start: {name}").format(name=routine.name(lang)))
        if routine.indications:
            self._safety_good.setText(
                "<b>" + escape(self.tr("Recommended for:")) + "</b> "
                + escape(", ".join(t(lang) for t in routine.indications))
            )
        self._safety_good.setVisible(bool(routine.indications))
        self._safety_list.setText(
            "<b>" + escape(self.tr("Please do not do this routine if you have:")) + "</b>"
            + _bullets(routine.contraindications, lang)
        )
        self._safety_note.setText(self._content.general.disclaimer(lang))

    def _refresh_step(self) -> None:
        player = self._player
        lang = self._lang
        current = player.current()
        state = player.state
        if current is None:
            self._map.set_guide(())
            return
        step = current.step
        index = player.index
        total = len(player.plan())
        paused = state == State.PAUSED
        in_lead_in = player.phase == State.LEAD_IN
        if in_lead_in:
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
        self._map.set_guide(step.zones, step.foot if step.foot in ("left", "right") else None, pulsing=not paused)

    def _refresh_time(self) -> None:
        if not self._built:
            return
        player = self._player
        lang = self._lang
        state = player.state
        remaining = player.step_remaining()
        if state in (State.IDLE, State.SAFETY, State.FINISHED) or player.current() is None:
            self._countdown.setText("")
        elif remaining is None:
            self._countdown.setText(self.tr("Done?"))
        else:
            self._countdown.setText(_clock_face(remaining))
        self._progress.setValue(round(player.progress() * 1000))
        self._time_left.setText(
            self.tr("{time} left in the routine").format(time=format_duration(player.total_remaining(), lang))
        )

    def _refresh_controls(self) -> None:
        state = self._player.state
        waiting = self._player.phase == State.WAITING
        self._prev_button.setText(self.tr("◀ Previous"))
        self._next_button.setText(self.tr("Next ▶"))
        self._pause_button.setText(self.tr("Resume") if state == State.PAUSED else self.tr("Pause"))
        self._restart_button.setText(self.tr("Restart"))
        self._stop_button.setText(self.tr("Stop"))
        self._mute_button.setText(self.tr("Sound off") if self._sounds.muted else self.tr("Sound on"))
        self._done_button.setText(self.tr("Done"))
        self._done_button.setVisible(waiting)

    def _refresh_done(self) -> None:
        self._done_title.setText(self.tr("Well done!"))
        self._again.setText(self.tr("Again"))
        self._choose_again.setText(self.tr("Choose another routine"))
        if self._player.state != State.FINISHED or self._player.routine is None:
            return
        lang = self._lang
        summary = self._player.summary()
        feet = {
            ("right", "left"): self.tr("on the right foot, then the left"),
            ("left", "right"): self.tr("on the left foot, then the right"),
            ("right",): self.tr("on the right foot"),
            ("left",): self.tr("on the left foot"),
        }.get(summary.feet, "")
        text = self.tr("{routine}: {n} steps {feet} in {time}.").format(
            routine=self._player.routine.name(lang), n=summary.steps_done, feet=feet,
            time=format_duration(summary.active_seconds, lang),
        )
        if summary.steps_skipped:
            text += " " + self.tr("{n} skipped.").format(n=summary.steps_skipped)
        zones = ", ".join(self._zone_name(z) for z in summary.zones)
        self._summary.setText(text + "\n" + self.tr("Zones worked: {zones}").format(zones=zones))
        self._summary_note.setText(self._content.general.disclaimer(lang))

    def _zone_name(self, zone: str) -> str:
        info = self._content.zone(zone)
        return info.name(self._lang) if info else zone

    def _foot_name(self, foot: str) -> str:
        return {
            "left": self.tr("Left foot"),
            "right": self.tr("Right foot"),
            "both": self.tr("Both feet"),
        }.get(foot, "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._orient()
        super().resizeEvent(event)

    def _orient(self) -> None:
        """Side by side in landscape, stacked in portrait."""
        if not self._built:
            return
        portrait = self.height() > self.width()
        direction = QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        self._play_body.setDirection(direction)
        self._choose_body.setDirection(direction)
