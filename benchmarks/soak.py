"""Soak: a day in the waiting room, compressed.

Drives the kiosk, as `reflexmap --kiosk` builds it (window, kiosk shell, hot
reloader), through what visitors and staff do: taps on zones and on the
body index, routines started, paused, skipped and abandoned, idle resets,
"Still there?" and the attract loop, language switches, text-size changes,
content reloads.  Time is simulated with the injected clocks of the routine
player and the kiosk, so a day takes minutes.  Samples resident memory
(psutil), live QObjects and widgets, and Python objects.

    python -m benchmarks.soak [--minutes 5] [--hours 24] [--plot docs/soak.png]

Target: after warm-up, RSS grows by less than 5 MiB and the QObject count
does not grow over the equivalent of 24 h.  The test suite runs a short
version of the same driver and checks the counts.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

RSS_TARGET_MIB = 5.0


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
        from reflexmap.app import Reloader, _build_window, build_parser, load_files

        self.rng = random.Random(seed)
        self.clock = SimClock()
        self.config_path = folder / "config.toml"
        self.config_path.write_text(
            'language = "uk"\n[kiosk]\nenabled = true\nidle_seconds = 60\nhide_cursor = false\n'
            '[branding]\nsalon_name = "Soak"\nbooking_url = "https://example.com/book"\n',
            encoding="utf-8",
        )
        self.opts = build_parser().parse_args(["--config", str(self.config_path), "--size", "1280x800"])
        loaded = load_files(self.opts)
        window = _build_window(self.opts, loaded)
        self.reloader = Reloader(self.opts, window.kiosk, loaded)
        self._adopt()
        self.simulated = 0.0
        self.reloads = 0

    # --- the kiosk the reloader holds now -----------------------------------------

    @property
    def kiosk(self):  # type: ignore[no-untyped-def]
        return self.reloader.kiosk

    def _adopt(self) -> None:
        """Put the current kiosk (a reload makes a new one) on the simulated clock and on screen."""
        kiosk = self.kiosk
        if getattr(kiosk, "_soak_clock", None) is self.clock:
            return
        kiosk._soak_clock = self.clock
        kiosk._clock = self.clock
        kiosk.idle._clock = self.clock
        kiosk.pins._clock = self.clock
        kiosk.window.routines._player._clock = self.clock
        kiosk.idle.touch()
        kiosk.show()
        settle()

    def _advance(self, seconds: float) -> None:
        self.clock.now += seconds
        self.simulated += seconds
        kiosk = self.kiosk
        kiosk.window.routines._player.update()
        kiosk.idle.update()
        self._adopt()
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
                window.set_language(rng.choice(("uk", "en")))
            elif action == "text":
                window.findChild(QPushButton, f"textSize{rng.randint(0, 2)}").click()
            elif action == "back":
                window.map.select_zone(None)
            else:
                self._routine()
            kiosk.idle.touch()
            self._advance(rng.uniform(5, 40))
        # then nobody: the kiosk resets (sometimes asking "Still there?" first) and attracts
        self._advance(61)
        self._advance(11)
        for _ in range(rng.randint(1, 4)):
            self._attract_step()
        if rng.random() < 0.1:
            self._hot_reload()
        if rng.random() < 0.05:
            self._staff_visit()

    def _attract_step(self) -> None:
        kiosk = self.kiosk
        kiosk._attract_timer.timeout.emit()
        self._advance(kiosk.config.kiosk.attract_seconds)

    def _hot_reload(self) -> None:
        """Staff edits the config: the salon name changes back and forth."""
        text = self.config_path.read_text(encoding="utf-8")
        self.config_path.write_text(text.replace("Soak", "Soak!") if "Soak!" not in text
                                    else text.replace("Soak!", "Soak"), encoding="utf-8")
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
            window.set_language(lang)
        for size in (2, 1, 0):
            window.findChild(QPushButton, f"textSize{size}").click()
        tab = window.routines
        window.tabs.setCurrentWidget(tab)
        settle()
        tab.choose(tab._routines[0].id, 3)
        tab._player.start()
        tab._player.confirm_safety()
        self._advance(61)  # a routine playing and nobody there: "Still there?"
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
        player = tab._player
        tab.choose(rng.choice([r.id for r in tab._routines]), rng.choice((None, 3, 5)))
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
        if player.state.value == "paused":
            player.resume()

    # --- measuring --------------------------------------------------------------------

    def sample(self) -> Sample:
        """Counts in one canonical state (reset, Routines tab built), so that states do not show as growth."""
        self.kiosk.window.routines._ensure_built()
        self.kiosk.window.routines._sounds.prepare()
        settle()
        gc.collect()
        self.kiosk.reset()  # the kiosk's own idle reset (it trims the heap)
        settle()
        gc.collect()
        import psutil

        app = QApplication.instance()
        widgets = len(app.allWidgets())
        qobjects = len(app.findChildren(QObject)) + sum(
            1 + len(w.findChildren(QObject)) for w in app.topLevelWidgets()
        )
        return Sample(self.simulated / 3600, psutil.Process().memory_info().rss / 2**20, qobjects, widgets,
                      len(gc.get_objects()))

    def close(self) -> None:
        self.kiosk.retire()
        self.reloader.deleteLater()
        QApplication.restoreOverrideCursor()
        settle()


def settle() -> None:
    """Run pending events, and the deferred deletes (deleteLater) they asked for."""
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="wall-clock budget")
    parser.add_argument("--hours", type=float, default=24.0, help="simulated kiosk time to reach")
    parser.add_argument("--plot", type=Path, help="save a PNG of the curve (needs matplotlib)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    del app
    folder = Path(tempfile.mkdtemp(prefix="reflexmap-soak-"))
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(folder / var.lower())
    soak = Soak(folder)
    deadline = time.monotonic() + args.minutes * 60
    soak.tour()
    for _ in range(60):  # warm-up: every code path, language, text size and reload seen, caches filled
        soak.run_cycle()
    samples = [soak.sample()]
    next_sample = samples[0].hours + 0.5
    cycles = 0
    while soak.simulated / 3600 < args.hours + samples[0].hours and time.monotonic() < deadline:
        soak.run_cycle()
        cycles += 1
        if soak.simulated / 3600 >= next_sample:
            samples.append(soak.sample())
            next_sample += 0.5
    samples.append(soak.sample())
    soak.close()

    first, last = samples[0], samples[-1]
    growth = last.rss_mib - first.rss_mib
    hours = last.hours - first.hours
    print(f"reflexmap soak, {time.strftime('%Y-%m-%d')}: {hours:.1f} simulated hours after warm-up, "
          f"{cycles} visitor cycles, {soak.reloads} hot reloads, {args.minutes:g} min wall budget")
    print(f"{'hours':>6} {'RSS MiB':>8} {'QObjects':>9} {'widgets':>8} {'py objects':>11}")
    step = max(1, len(samples) // 12)
    for s in samples[::step] + ([last] if samples[::step][-1] is not last else []):
        print(f"{s.hours - first.hours:6.1f} {s.rss_mib:8.1f} {s.qobjects:9d} {s.widgets:8d} {s.python_objects:11d}")
    print(f"RSS growth after warm-up: {growth:+.2f} MiB "
          f"({'meets' if growth < RSS_TARGET_MIB else 'MISSES'} < {RSS_TARGET_MIB:g} MiB)")
    qgrowth = last.qobjects - first.qobjects
    print(f"QObject growth: {qgrowth:+d} ({'meets' if qgrowth <= 0 else 'MISSES'}: no growth)")
    if hours < args.hours:
        print(f"(only {hours:.1f} of {args.hours:g} h fitted in the wall budget; raise --minutes)")
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, left = plt.subplots(figsize=(7, 3.2), dpi=110)
        xs = [s.hours - first.hours for s in samples]
        left.plot(xs, [s.rss_mib for s in samples], color="#a8432c", label="RSS (MiB)")
        left.set_xlabel("simulated hours after warm-up")
        left.set_ylabel("RSS (MiB)", color="#a8432c")
        rss = [s.rss_mib for s in samples]
        left.set_ylim(min(rss) - 20, max(rss) + 20)  # a 40 MiB window: 5 MiB of growth would show
        right = left.twinx()
        right.plot(xs, [s.qobjects for s in samples], color="#1d4f59", label="live QObjects")
        right.set_ylabel("live QObjects", color="#1d4f59")
        right.set_ylim(0, max(s.qobjects for s in samples) * 1.3)
        left.set_title("reflexmap kiosk soak")
        fig.tight_layout()
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(args.plot)
        print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
