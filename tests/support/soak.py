"""The soak driver: a day in the salon's waiting room, compressed (shared by a test and a benchmark).

Drives the kiosk, as `reflexmap --kiosk` builds it (window, kiosk shell, hot
reloader), through what visitors and staff do: taps on zones and on the
body index, routines started, paused, skipped and abandoned, idle resets,
"Still there?" and the attract loop, language switches, text-size changes,
content reloads.  Time is simulated with one clock handed to every engine
when it is built, so a day takes minutes.  Samples resident memory
(psutil), live QObjects and widgets, and Python objects.

``tests/ui/test_soak.py`` runs a short version and checks the counts;
``python -m benchmarks.soak`` runs a long one and prints the figures.
"""

from __future__ import annotations

import gc
import random
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from reflexmap.app.build import Built, KioskRun, build
from reflexmap.app.files import Loaded, load_files
from reflexmap.app.reloader import Reloader
from reflexmap.kiosk.idle import IdleState
from reflexmap.options import Paths, WindowOptions
from reflexmap.player import State
from reflexmap.ui.kiosk import KioskShell

__all__ = ["Sample", "SimClock", "Soak", "settle"]


class SimClock:
    """The simulated time every engine reads."""

    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Sample:
    hours: float
    rss_mib: float
    qobjects: int
    widgets: int
    python_objects: int


class Soak:
    """One kiosk and a stream of random visitors; ``run_cycle()`` is about ten minutes of salon life."""

    def __init__(self, folder: Path, seed: int = 1) -> None:
        self.rng = random.Random(seed)
        self.clock = SimClock()
        self.config_path = folder / "config.toml"
        self.config_path.write_text(
            'language = "uk"\n[kiosk]\nenabled = true\nidle_seconds = 60\nhide_cursor = false\n'
            '[branding]\nsalon_name = "Soak"\nbooking_url = "https://example.com/book"\n',
            encoding="utf-8",
        )
        paths, options = Paths(config=self.config_path), WindowOptions(size=(1280, 800))
        run = KioskRun.start(self.clock)
        loaded = load_files(paths)

        def rebuild(new: Loaded) -> Built:
            return build(new, options, clock=self.clock, kiosk_run=run)

        self.reloader = Reloader(lambda: load_files(paths), rebuild, rebuild(loaded), loaded, run.report)
        self.reloader.replaced.connect(self._on_replaced)
        self._on_replaced()
        self.simulated = 0.0
        self.reloads = 0

    # --- the kiosk the reloader holds now -----------------------------------------

    @property
    def kiosk(self) -> KioskShell:
        return self.reloader.kiosk

    def _on_replaced(self) -> None:
        """A reload put a new kiosk up (built on the same clock): show it."""
        self.kiosk.idle.touch()
        self.kiosk.show()
        settle()

    def _advance(self, seconds: float) -> None:
        self.clock.now += seconds
        self.simulated += seconds
        self.reloader.built.session.player.update()
        self.kiosk.idle.update()
        settle()

    # --- what people do ------------------------------------------------------------------

    def run_cycle(self) -> None:
        """A visitor or two, some quiet, sometimes staff: about ten simulated minutes."""
        rng = self.rng
        kiosk = self.kiosk
        window = kiosk.window
        if kiosk.attract.isVisible():
            QTest.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)  # wake
        for _ in range(rng.randint(1, 6)):
            action = rng.choice(("tap", "tap", "index", "language", "text", "routine", "back"))
            if action == "tap":
                zone = rng.choice(window.map.zone_ids())
                views = ("side",) if zone in ("ankle", "achilles", "top") else ("sole-left", "sole-right")
                pos = window.map.zone_centre(zone, rng.choice(views)).toPoint()
                QTest.mouseMove(window.map, pos)
                QTest.mouseClick(window.map, Qt.MouseButton.LeftButton, pos=pos)
            elif action == "index":
                window.map.select_zone(None)
                buttons = [b for b in window.panel.findChildren(QPushButton, "indexButton")]
                rng.choice(buttons).click()
            elif action == "language":
                window.findChild(QPushButton, f"lang_{rng.choice(('uk', 'en'))}").click()
            elif action == "text":
                window.findChild(QPushButton, f"textSize{rng.randint(0, 2)}").click()
            elif action == "back":
                window.map.select_zone(None)
            else:
                self._routine()
            kiosk.idle.touch()
            self._advance(rng.uniform(5, 40))
        # then nobody: the kiosk resets (a routine plays to its end first, one that waits asks "Still there?")
        self._leave()
        for _ in range(rng.randint(1, 4)):
            self._attract_step()
        if rng.random() < 0.1:
            self._hot_reload()
        if rng.random() < 0.05:
            self._staff_visit()

    def _leave(self) -> None:
        """Nobody there any more: time passes until the kiosk rests (at most about three simulated hours)."""
        for _ in range(400):
            if self.kiosk.idle.state == IdleState.RESTING:
                return
            self._advance(30)

    def _attract_step(self) -> None:
        kiosk = self.kiosk
        kiosk.attract.show_next()
        self._advance(kiosk.config.kiosk.attract_seconds)

    def _hot_reload(self) -> None:
        """Staff edits the config: the salon name changes back and forth."""
        text = self.config_path.read_text(encoding="utf-8")
        self.config_path.write_text(
            text.replace("Soak", "Soak!") if "Soak!" not in text else text.replace("Soak!", "Soak"), encoding="utf-8"
        )
        self.reloader.reload()
        self.reloads += 1
        self._advance(1)

    def _staff_visit(self) -> None:
        self.kiosk.open_pin_pad()
        self.kiosk.close_staff()

    def tour(self) -> None:
        """Every path once, in a fixed order, so that warm-up has seen them all however the dice fall.

        PySide6 makes some Python types the first time a path needs them (the
        dimmed "Still there?" overlay's first paint makes a few hundred enum
        members); counted after warm-up they would look like growth.
        """
        kiosk = self.kiosk
        window = kiosk.window
        if kiosk.attract.isVisible():
            QTest.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
        for zone in window.map.zone_ids():
            window.map.select_zone(zone)
        window.map.select_zone(None)
        window.panel.findChildren(QPushButton, "indexButton")[0].click()
        for lang in ("en", "uk"):
            window.findChild(QPushButton, f"lang_{lang}").click()
        for size in (2, 1, 0):
            window.findChild(QPushButton, f"textSize{size}").click()
        tab = window.routines
        window.tabs.setCurrentWidget(tab)
        settle()
        tab.choose(self._routine_ids()[0], 3)
        tab.player.start()
        tab.player.confirm_safety()
        self._advance(61)  # a routine playing on its own is use: no question, no reset
        tab.player.pause()
        self._advance(61)  # a paused routine and nobody there: "Still there?"
        self._advance(11)  # no answer: reset
        self._attract_step()
        self._hot_reload()
        self._staff_visit()

    def _routine(self) -> None:
        rng = self.rng
        kiosk = self.kiosk
        tab = kiosk.window.routines
        kiosk.window.tabs.setCurrentWidget(tab)
        settle()
        player = tab.player
        tab.choose(rng.choice(self._routine_ids()), rng.choice((None, 3, 5)))
        player.start()
        player.confirm_safety()
        for _ in range(rng.randint(1, 8)):
            step = rng.choice(("wait", "wait", "pause", "next", "previous", "done", "stop"))
            if step == "pause":
                player.toggle_pause()
            elif step == "next":
                player.next()
            elif step == "previous":
                player.previous()
            elif step == "done":
                player.done()
            elif step == "stop":
                player.stop()
                break
            kiosk.idle.touch()
            self._advance(rng.uniform(1, 30))
        if player.state == State.PAUSED:
            player.resume()

    def _routine_ids(self) -> list[str]:
        return [r.id for r in self.reloader.built.session.routines]

    # --- measuring --------------------------------------------------------------------

    def sample(self) -> Sample:
        """Counts in one canonical state (reset, zone panel and Routines tab built): states do not show as growth."""
        self.kiosk.window.panel.show_zone(None)  # built when the attract card first goes away
        tab = self.kiosk.window.routines  # built on first use
        self.kiosk.window.show_routines()
        self.reloader.built.session.sounds.prepare()
        tab.choose(self._routine_ids()[0])  # the safety page filled in, however the dice fell
        tab.safety_page.refresh()
        for fmap in (self.kiosk.window.map, tab.map):  # each map's zone masks made, however the dice fell
            fmap.zone_at(QPointF(0, 0))
        settle()
        gc.collect()
        self.kiosk.reset()  # the kiosk's own idle reset (it trims the heap)
        settle()
        gc.collect()
        import psutil

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        widgets = len(app.allWidgets())
        owned = [1 + len(w.findChildren(QObject)) for w in app.topLevelWidgets()]
        qobjects = len(app.findChildren(QObject)) + sum(owned)
        return Sample(
            self.simulated / 3600, psutil.Process().memory_info().rss / 2**20, qobjects, widgets, len(gc.get_objects())
        )

    def close(self) -> None:
        self.kiosk.retire()
        self.reloader.deleteLater()
        settle()


def settle() -> None:
    """Run pending events, and the deferred deletes (deleteLater) they asked for."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
