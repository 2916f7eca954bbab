"""The Routines tab as a visitor uses it, with the player on a stand-in clock."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built
from reflexmap.app.files import builtin_content
from reflexmap.app.startup import application
from reflexmap.geometry import load_art
from reflexmap.i18n import Language
from reflexmap.player import Cue, RoutinePlayer, State
from reflexmap.resources import asset_path
from reflexmap.routines import load_routines
from reflexmap.session import Session
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock


class FakeAwake:
    def __init__(self) -> None:
        self.holds = 0
        self.releases = 0
        self.holding = False

    def hold(self, reason: str) -> bool:
        self.holds += not self.holding
        self.holding = True
        return True

    def release(self) -> None:
        self.releases += self.holding
        self.holding = False


class FakeSounds(QObject):
    """Stands in for the cue sounds: remembers what was played."""

    def __init__(self) -> None:
        super().__init__()
        self.muted = False
        self.available = True
        self.ready = False
        self.played: list[Cue] = []

    def prepare(self) -> bool:
        self.ready = True
        return self.available

    def play(self, cue: Cue) -> None:
        if not self.muted:
            self.played.append(cue)


class FakeVoice(QObject):
    """Stands in for the spoken guidance: remembers what it was asked to read, and when to be quiet."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.enabled = True
        self.calls: list[tuple[str, str]] = []

    def can_speak(self, lang: str) -> bool:
        return True

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.changed.emit()

    def speak(self, text: str, lang: str) -> None:
        if self.enabled:
            self.calls.append(("speak", text))

    def stop(self) -> None:
        self.calls.append(("stop", ""))


@pytest.fixture
def session(clock: FakeClock) -> Session:
    """What the window shows, with the screen saver and the sounds stood in for."""
    routines, _ = load_routines([asset_path("routines")])
    made = Session(load_art(asset_path("art/feet.svg")), builtin_content(), routines, clock=clock)
    made.awake = FakeAwake()  # type: ignore[assignment]
    made.sounds = FakeSounds()  # type: ignore[assignment]
    made.voice = FakeVoice()  # type: ignore[assignment]
    return made


@pytest.fixture
def routines_window(session: Session, qtbot: QtBot) -> MainWindow:
    return _open(session, qtbot)


def _open(session: Session, qtbot: QtBot) -> MainWindow:
    """A window for ``session`` on its Routines tab, as a person opens it."""
    application()
    language, sizes = Language("en"), TextSize()
    sizes.apply_to_application()
    window = MainWindow(session, language, sizes)
    language.setParent(window)
    sizes.setParent(window)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_routines()
    return window


def _player(window: MainWindow) -> RoutinePlayer:
    return window.routines.player


def _tick(window: MainWindow, clock: FakeClock, seconds: float) -> None:
    clock.now += seconds
    _player(window).update()


def _text(window: MainWindow, name: str) -> str:
    widget = window.routines.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def _click(window: MainWindow, qtbot: QtBot, name: str) -> None:
    button = window.routines.findChild(QPushButton, name)
    assert button is not None and button.isVisible(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_tab_has_the_documented_name_and_lists_the_builtin_routines(routines_window: MainWindow) -> None:
    tab = routines_window.findChild(QWidget, "routinePlayer")
    assert tab is routines_window.routines
    items = [tab.findChild(QListWidget, "routineList").item(i).text() for i in range(3)]
    text = "\n".join(items)
    assert "Finger self-massage, whole foot" in text and "3 min" in text
    assert "Massage-ball routine" in text and "a massage ball or a tennis ball" in text
    assert "Acupressure tour" in text
    assert "oil or cream" in text


@pytest.mark.parametrize("how", ["tap", "keyboard"])
def test_the_routines_tab_appears_when_first_opened(
    make_window: Callable[..., MainWindow], qtbot: QtBot, how: str
) -> None:
    window = make_window("--size", "1280x800")
    window.show()
    qtbot.waitExposed(window)
    assert window.findChild(QWidget, "routinePlayer") is None  # the first frame builds only the map
    if how == "tap":
        bar = window.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    else:
        window.tabs.setFocus()
        qtbot.keyClick(window.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    tab = window.findChild(QWidget, "routinePlayer")
    assert tab is not None and window.tabs.currentWidget() is tab and window.tabs.currentIndex() == 1
    assert window.tabs.tabText(1) == "Routines" and window.tabs.count() == 2
    routine_list = tab.findChild(QListWidget, "routineList")
    assert routine_list.isVisible()
    names = "\n".join(routine_list.item(i).text() for i in range(routine_list.count()))
    assert "Finger self-massage" in names and "Acupressure tour" in names
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentIndex(1)
    assert window.findChildren(QWidget, "routinePlayer") == [tab]  # built once


def test_safety_check_lists_contraindications_and_gates_the_start(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    tab = routines_window.routines
    tab.choose("massage-ball")
    _click(routines_window, qtbot, "startButton")
    assert tab.page == "safety"
    safety = _text(routines_window, "safetyList")
    for words in ("Open wounds", "deformity", "allergy to the ball"):
        assert words in safety
    assert "people with flat feet" in _text(routines_window, "safetyIndications")
    _tick(routines_window, clock, 30)
    assert _player(routines_window).state == State.SAFETY  # nothing starts behind the check
    _click(routines_window, qtbot, "cancelSafety")
    assert tab.page == "choose"
    _click(routines_window, qtbot, "startButton")
    _click(routines_window, qtbot, "confirmSafety")
    assert tab.page == "play"
    assert "Get ready" in _text(routines_window, "stepLabel")
    assert "roll it slowly back and forth" in _text(routines_window, "instruction")


def _start(window: MainWindow, qtbot: QtBot, routine: str, minutes: int | None = None) -> None:
    window.routines.choose(routine, minutes)
    _click(window, qtbot, "startButton")
    if window.routines.page == "safety":
        _click(window, qtbot, "confirmSafety")


def test_a_step_shows_countdown_instruction_position_progress_and_next(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    _start(routines_window, qtbot, "finger-self-massage")
    assert _text(routines_window, "countdown") == "5"  # the lead-in
    _tick(routines_window, clock, 5)
    assert _text(routines_window, "stepLabel") == "Step 1 of 16"
    assert _text(routines_window, "countdown") == "15"
    assert "top of the foot" in _text(routines_window, "instruction")
    assert _text(routines_window, "nextStep").startswith("Next: Thumbs in the centre")
    _tick(routines_window, clock, 4.5)
    assert _text(routines_window, "countdown") == "11"
    assert "left in the routine" in _text(routines_window, "timeLeft")
    assert "2 min 56 s" in _text(routines_window, "timeLeft")
    assert routines_window.routines.findChild(QWidget, "routineProgress").value() > 0


def test_map_highlight_follows_the_step_on_the_right_foot(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    tab = routines_window.routines
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    assert tab.map.guide == (frozenset({"toes"}), "right")
    right_toes = tab.map.zone_centre("toes", "sole-right")
    left_toes = tab.map.zone_centre("toes", "sole-left")
    assert tab.map.guided_at(right_toes) and not tab.map.guided_at(left_toes)
    before = tab.map.grab().toImage().pixelColor(right_toes.toPoint())
    _tick(routines_window, clock, 15)
    assert tab.map.guide == (frozenset({"metatarsus"}), "right")
    assert tab.map.grab().toImage().pixelColor(right_toes.toPoint()) != before
    for _ in range(4):  # arch, heel, medial edge, then the first 15 s of the finishing taps
        _tick(routines_window, clock, 15)
    _tick(routines_window, clock, 10)  # the rest of the taps: the left foot begins
    assert tab.map.guide == (frozenset({"toes"}), "left")
    assert "Now the left foot" in _text(routines_window, "footBanner")
    assert tab.map.guided_at(left_toes) and not tab.map.guided_at(right_toes)


def test_side_view_zones_are_guided_whatever_the_foot(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    tab = routines_window.routines
    _start(routines_window, qtbot, "finger-self-massage")
    _tick(routines_window, clock, 5)
    assert tab.map.guide == (frozenset({"top"}), "right")
    assert tab.map.guided_at(tab.map.zone_centre("top", "side"))


def test_keyboard_space_pauses_arrows_move_escape_stops(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    _start(routines_window, qtbot, "finger-self-massage")
    _tick(routines_window, clock, 5)
    page = routines_window.routines.findChild(QWidget, "playPage")
    routines_window.routines.findChild(QPushButton, "pauseButton").setFocus()
    player = _player(routines_window)
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert player.state == State.PAUSED
    assert "Paused" in _text(routines_window, "stepLabel")
    assert routines_window.routines.findChild(QPushButton, "pauseButton").text() == "Resume"
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert player.state == State.RUNNING
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert player.index == 1
    qtbot.keyClick(page, Qt.Key.Key_Right)
    assert player.index == 2
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert player.index == 1
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # hands on a foot, a stray key: it asks first
    assert player.state == State.RUNNING and _visible(routines_window, "stopConfirm")
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # Esc again: no, keep going
    assert player.state == State.RUNNING and not _visible(routines_window, "stopConfirm")
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    _click(routines_window, qtbot, "stopNowButton")  # yes, stop
    assert player.state == State.IDLE
    assert routines_window.routines.page == "choose"


def _visible(window: MainWindow, name: str) -> bool:
    widget = window.routines.findChild(QWidget, name)
    return widget is not None and widget.isVisible()


def test_the_step_list_follows_the_playing_step_and_enter_jumps_to_the_chosen_one(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    player = _player(routines_window)
    steps = routines_window.routines.findChild(QListWidget, "stepList")
    for index in (3, 9, 1):
        player.jump(index)
        assert steps.currentRow() == index
        assert steps.visualItemRect(steps.item(index)).intersects(steps.viewport().rect())  # scrolled into view
    steps.setFocus()
    qtbot.keyClick(steps, Qt.Key.Key_Down)
    qtbot.keyClick(steps, Qt.Key.Key_Down)
    assert steps.currentRow() == 3 and player.index == 1  # the keyboard's choice, not yet played
    qtbot.keyClick(steps, Qt.Key.Key_Return)
    assert player.index == 3


def test_a_step_list_shown_again_by_a_taller_window_shows_the_playing_step(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    """Portrait on a tablet-sized screen has no room for the list; a wall screen brings it back, in view."""
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    steps = routines_window.routines.findChild(QListWidget, "stepList")
    routines_window.resize(800, 1280)
    qtbot.waitUntil(lambda: not steps.isVisible())
    guide = routines_window.routines.play_page.map
    assert guide.height() > 1280 / 5  # the map keeps a good share of the page: it says where
    _player(routines_window).jump(10)
    routines_window.resize(1080, 1920)
    qtbot.waitUntil(steps.isVisible)
    qtbot.waitUntil(lambda: steps.visualItemRect(steps.item(10)).intersects(steps.viewport().rect()))
    assert steps.currentRow() == 10


def test_buttons_control_the_player(routines_window: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    player = _player(routines_window)
    _click(routines_window, qtbot, "nextButton")
    assert player.index == 1
    _click(routines_window, qtbot, "prevButton")
    assert player.index == 0
    _click(routines_window, qtbot, "pauseButton")
    assert player.state == State.PAUSED
    _click(routines_window, qtbot, "pauseButton")
    assert player.state == State.RUNNING
    steps = routines_window.routines.findChild(QListWidget, "stepList")
    assert steps.count() == 12
    qtbot.mouseClick(steps.viewport(), Qt.MouseButton.LeftButton, pos=steps.visualItemRect(steps.item(4)).center())
    assert player.index == 4
    _click(routines_window, qtbot, "restartButton")
    assert player.state == State.LEAD_IN and player.index == 0
    _click(routines_window, qtbot, "stopButton")
    assert player.state == State.LEAD_IN  # asks first
    _click(routines_window, qtbot, "keepGoingButton")
    assert player.state == State.LEAD_IN
    _click(routines_window, qtbot, "stopButton")
    _click(routines_window, qtbot, "stopNowButton")
    assert player.state == State.IDLE


def test_until_done_step_shows_done_and_waits(routines_window: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    _start(routines_window, qtbot, "massage-ball")
    player = _player(routines_window)
    _tick(routines_window, clock, 5)
    player.jump(5)
    assert player.state == State.WAITING
    assert not _visible(routines_window, "countdown")  # nothing to count: the Done button says it
    assert routines_window.routines.findChild(QPushButton, "doneButton").isVisible()
    _tick(routines_window, clock, 300)
    assert player.index == 5
    _click(routines_window, qtbot, "doneButton")
    assert player.index == 6
    assert "Now the left foot" in _text(routines_window, "footBanner")
    assert not routines_window.routines.findChild(QPushButton, "doneButton").isVisible()


def test_fit_my_time_changes_the_length(routines_window: MainWindow, qtbot: QtBot) -> None:
    tab = routines_window.routines
    tab.choose("finger-self-massage")
    assert "Length: 3 min" in _text(routines_window, "routineLength")
    ten = next(b for b in tab.findChildren(QPushButton, "fitButton") if b.text() == "10 min")
    qtbot.mouseClick(ten, Qt.MouseButton.LeftButton)
    assert "Length: 10 min" in _text(routines_window, "routineLength")
    assert _player(routines_window).total_seconds() == 600
    other = tab.findChild(QWidget, "fitOther")
    other.setValue(8)
    assert _player(routines_window).total_seconds() == 480
    assert "Length: 8 min" in _text(routines_window, "routineLength")
    as_written = next(b for b in tab.findChildren(QPushButton, "fitButton") if b.text() == "As written")
    qtbot.mouseClick(as_written, Qt.MouseButton.LeftButton)
    assert _player(routines_window).total_seconds() == 180


def test_completion_screen_says_what_was_done_on_which_feet_in_how_long(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    _start(routines_window, qtbot, "finger-self-massage", minutes=3)
    _tick(routines_window, clock, 5)
    for _ in range(20):
        _tick(routines_window, clock, 10)
    assert routines_window.routines.page == "done"
    name, done, zones = _text(routines_window, "summary").splitlines()
    assert name == "Finger self-massage, whole foot"  # on its own line: a name may hold a colon of its own
    assert done.startswith("16 steps on the right foot, then the left in 3 min")
    # an inline list: lower case but for the name in "Achilles tendon"
    label, names = zones.split(": ")
    assert label == "Zones worked" and "Achilles tendon" in names.split(", ")
    assert [name for name in names.split(", ") if name[0].isupper()] == ["Achilles tendon"], zones
    _click(routines_window, qtbot, "chooseButton")
    assert routines_window.routines.page == "choose"


def test_screen_is_kept_awake_only_while_playing(routines_window: MainWindow, qtbot: QtBot, session: Session) -> None:
    awake = session.awake
    assert isinstance(awake, FakeAwake)
    _start(routines_window, qtbot, "acupressure-tour")
    assert awake.holding
    _player(routines_window).pause()
    assert not awake.holding
    _player(routines_window).resume()
    assert awake.holding
    _player(routines_window).stop()
    assert not awake.holding and awake.holds == 2


def test_cues_show_visually_and_mute_silences_sound(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock, session: Session
) -> None:
    tab = routines_window.routines
    assert isinstance(session.sounds, FakeSounds)
    played = session.sounds.played
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    countdown = tab.findChild(QLabel, "countdown")
    normal = countdown.palette().windowText().color().name()
    _tick(routines_window, clock, 12.2)  # 2.8 s left: the 3 cue
    assert countdown.palette().windowText().color().name() != normal
    assert played[-1] == Cue.THREE
    _click(routines_window, qtbot, "muteButton")
    assert tab.findChild(QPushButton, "muteButton").text() == "Sound off"
    count = len(played)
    _tick(routines_window, clock, 1)
    assert len(played) == count


def test_the_cues_are_prepared_when_the_tab_opens_not_when_the_first_one_plays(session: Session, qtbot: QtBot) -> None:
    sounds = session.sounds
    assert isinstance(sounds, FakeSounds) and not sounds.ready
    _open(session, qtbot)
    assert sounds.ready  # a routine is still to be chosen: the first chime will be on time


def test_without_a_sound_device_the_toggle_says_so(session: Session, qtbot: QtBot, clock: FakeClock) -> None:
    assert isinstance(session.sounds, FakeSounds)
    session.sounds.available = False
    window = _open(session, qtbot)
    _start(window, qtbot, "acupressure-tour")
    mute = window.routines.findChild(QPushButton, "muteButton")
    assert mute.text() == "No sound device" and not mute.isEnabled()


def test_player_works_silently_when_audio_cannot_load(
    session: Session,
    qtbot: QtBot,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_multimedia(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("PySide6.QtMultimedia"):
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_multimedia)
    monkeypatch.setattr("reflexmap.sound._said", set())  # as in a new process: nothing said yet
    from reflexmap.sound import SoundCues

    sounds = SoundCues()
    session.sounds = sounds
    routines_window = _open(session, qtbot)
    with caplog.at_level(logging.WARNING, logger="reflexmap.sound"):
        _start(routines_window, qtbot, "acupressure-tour")
        for _ in range(30):
            _tick(routines_window, clock, 1)
    assert not sounds.available
    assert _player(routines_window).index >= 1
    lines = [r for r in caplog.records if r.name == "reflexmap.sound"]
    assert len(lines) == 1 and "sound is off" in lines[0].getMessage()


def test_guide_pulses_while_playing_and_holds_still_when_paused(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    tab = routines_window.routines
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    fmap = tab.map
    assert fmap.pulsing
    point = fmap.zone_centre("toes", "sole-right").toPoint()
    colours = []
    for _ in range(4):
        clock.now += 0.5  # the breath follows the same clock as the routine
        colours.append(fmap.grab().toImage().pixelColor(point).name())
    assert len(set(colours)) >= 3, colours  # it breathes
    _player(routines_window).pause()
    assert not fmap.pulsing
    assert fmap.guide[0] == frozenset({"toes"})  # still shown, just not moving


def test_pulse_stops_while_its_map_is_out_of_sight(routines_window: MainWindow, qtbot: QtBot, clock: FakeClock) -> None:
    tab = routines_window.routines
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    assert tab.map.pulsing
    routines_window.tabs.setCurrentIndex(0)  # the visitor looks at the Map tab meanwhile
    assert not tab.map.pulsing
    routines_window.tabs.setCurrentWidget(tab)
    assert tab.map.pulsing


def test_the_safety_note_is_on_the_playing_and_completion_pages(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock, session: Session
) -> None:
    note = session.content.general.disclaimer("en")
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    playing = routines_window.routines.findChild(QLabel, "playSafetyNote")
    assert playing.isVisible() and playing.text() == note
    while _player(routines_window).state != State.FINISHED:
        _player(routines_window).next()
    assert routines_window.routines.page == "done"
    assert routines_window.routines.findChild(QLabel, "summaryNote").text() == note
    assert routines_window.routines.findChild(QLabel, "summaryNote").isVisible()


def test_each_step_is_read_aloud_as_it_starts_and_silenced_on_pause_and_stop(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock, session: Session
) -> None:
    voice = session.voice
    assert isinstance(voice, FakeVoice)
    player = _player(routines_window)
    _start(routines_window, qtbot, "acupressure-tour")
    assert [c for c in voice.calls if c[0] == "speak"] == []  # getting ready: nothing read yet
    _tick(routines_window, clock, 5)
    first = player.current().step.instruction("en")
    assert voice.calls[-1] == ("speak", first)
    player.pause()
    assert voice.calls[-1] == ("stop", "")
    player.resume()
    assert voice.calls.count(("speak", first)) == 1  # not read again on resume
    player.next()
    assert voice.calls[-1] == ("speak", player.current().step.instruction("en"))
    _click(routines_window, qtbot, "voiceButton")  # off
    assert not voice.enabled
    player.next()
    assert voice.calls[-1][0] != "speak" or voice.calls[-1][1] != player.current().step.instruction("en")
    player.stop()
    assert voice.calls[-1] == ("stop", "")


def test_a_routine_that_is_on_shows_on_the_map_tab_leads_back_and_takes_its_keys_there(
    routines_window: MainWindow, qtbot: QtBot, clock: FakeClock
) -> None:
    player = _player(routines_window)
    _start(routines_window, qtbot, "acupressure-tour")
    _tick(routines_window, clock, 5)
    routines_window.show_map()  # the visitor looks at the map meanwhile
    bar = routines_window.findChild(QWidget, "routineBar")
    assert bar.isVisible() and "step 1 of" in routines_window.findChild(QLabel, "routineBarText").text()
    routines_window.panel.setFocus()
    qtbot.keyClick(routines_window.panel, Qt.Key.Key_Space)  # nothing there takes Space: the routine's
    assert player.state == State.PAUSED and "paused" in routines_window.findChild(QLabel, "routineBarText").text()
    qtbot.keyClick(routines_window.panel, Qt.Key.Key_Space)
    assert player.state == State.RUNNING
    qtbot.keyClick(routines_window.panel, Qt.Key.Key_Escape)  # asks, on the routine's own page
    assert routines_window.tabs.currentWidget() is routines_window.routines and player.state == State.RUNNING
    assert routines_window.routines.play_page.asking_to_stop
    routines_window.routines.play_page.cancel_stop()
    routines_window.show_map()
    qtbot.mouseClick(routines_window.findChild(QPushButton, "routineBarBack"), Qt.MouseButton.LeftButton)
    assert routines_window.tabs.currentWidget() is routines_window.routines
    player.stop()
    routines_window.show_map()
    assert not bar.isVisible()


@pytest.mark.parametrize(
    ("size", "then"), [("1280x800", None), ("1080x1920", None), ("800x1280", "1080x1920")], ids=str
)
def test_the_step_list_keeps_the_playing_step_in_view(
    make_built: Callable[..., Built], clock: FakeClock, qtbot: QtBot, size: str, then: str | None
) -> None:
    """Wherever the routine goes, its step is the highlighted row and on screen (also once the list comes back)."""
    built = make_built("--size", size, "--lang", "en", clock=clock)
    window = built.window
    window.routines.choose("massage-ball", 10)
    window.show_routines()
    player = built.session.player
    player.start()
    player.confirm_safety()
    steps = window.routines.findChild(QListWidget, "stepList")
    assert steps is not None
    for index in (8, len(player.plan()) - 1, 0, 8):
        player.jump(index)
        if then is not None:
            window.resize(*(int(v) for v in then.split("x")))  # a taller window: the list is shown again
        qtbot.waitUntil(steps.isVisible)
        QApplication.processEvents()  # laid out as a person would see it
        row = steps.item(index)
        assert row is not None and steps.currentRow() == index
        assert steps.viewport().rect().contains(steps.visualItemRect(row)), f"step {index + 1} is out of view"
        if then is not None:
            window.resize(*(int(v) for v in size.split("x")))
