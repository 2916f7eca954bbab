"""Render the README screenshots (offscreen): python tools/screenshots.py [OUTDIR]

Each picture is the real window built by ``create_window``; the routine
pictures drive the player with a stand-in clock, so they show a moment in
the middle of a step without waiting for it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from reflexmap.app import create_window


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def shoot(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    window.grab().save(str(path))
    print(f"wrote {path}")


def routine_window(size: str, clock: Clock, lang: str = "en"):  # type: ignore[no-untyped-def]
    window = create_window(["--size", size, "--lang", lang])
    player = window.routines._player
    player._clock = clock
    window.tabs.setCurrentWidget(window.routines)
    return window, player


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication([])
    shoot(create_window(["--size", "1280x800", "--lang", "en"]), out / "map-landscape.png")
    shoot(create_window(["--size", "1280x800", "--lang", "uk"]), out / "map-landscape-uk.png")
    shoot(create_window(["--size", "1280x800", "--lang", "en", "--zone", "heel"]), out / "map-heel-landscape.png")
    shoot(create_window(["--size", "800x1280", "--lang", "uk", "--zone", "medial-edge"]), out / "map-portrait-uk.png")

    clock = Clock()
    window, player = routine_window("1280x800", clock)
    window.routines.choose("massage-ball", 5)
    shoot(window, out / "routines-choose.png")
    player.start()
    shoot(window, out / "routines-safety.png")
    player.confirm_safety()
    clock.now += 5.0
    player.update()
    player.next()
    clock.now += 7.4
    player.update()
    shoot(window, out / "routines-playing.png")

    window, player = routine_window("800x1280", clock, "uk")
    window.routines.choose("finger-self-massage")
    player.start()
    player.confirm_safety()
    clock.now += 5.0
    player.update()
    player.jump(8)
    clock.now += 3.2
    player.update()
    shoot(window, out / "routines-playing-portrait-uk.png")
    for _ in range(40):
        clock.now += 10
        player.update()
    shoot(window, out / "routines-done-uk.png")

    # the kiosk, with the example configuration in docs/kiosk-example
    config = str(Path(__file__).resolve().parent.parent / "docs" / "kiosk-example" / "config.toml")
    for size, name in (("1280x800", "landscape"), ("800x1280", "portrait")):
        window = create_window(["--config", config, "--size", size])
        kiosk = window.kiosk
        window.resize(*(int(v) for v in size.split("x")))
        window.show()
        for _ in range(2):
            kiosk._attract_timer.timeout.emit()
        shoot(window, out / f"kiosk-attract-{name}.png")
        kiosk.wake()
        window.map.select_zone("metatarsus")
        shoot(window, out / f"kiosk-{name}.png")
        if name == "landscape":
            kiosk.open_pin_pad()
            for key in "24":
                kiosk._on_pin_key(key)
            shoot(window, out / "kiosk-pin-pad.png")
            for key in "68✓":
                kiosk._on_pin_key(key)
            shoot(window, out / "kiosk-staff-panel.png")
        QApplication.instance().removeEventFilter(kiosk)
        QApplication.restoreOverrideCursor()


if __name__ == "__main__":
    main()
