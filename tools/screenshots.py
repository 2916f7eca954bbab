"""Render the README screenshots (offscreen): python tools/screenshots.py [OUTDIR]

Each picture is the real window built by ``create_window``; the routine
pictures give every engine a stand-in clock, so they show a moment in the
middle of a step without waiting for it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# empty user folders: the pictures show a first run (no remembered window, no last run record of this machine)
_HOME = tempfile.mkdtemp(prefix="reflexmap-screenshots-")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = os.path.join(_HOME, _variable.lower())

from PySide6.QtWidgets import QApplication, QPushButton  # noqa: E402

from reflexmap.app.build import create_window  # noqa: E402 - after the platform is chosen


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def shoot(window, path: Path) -> None:  # type: ignore[no-untyped-def]
    QApplication.processEvents()
    window.grab().save(str(path))
    print(f"wrote {path}")


def routine_window(size: str, clock: Clock, lang: str = "en"):  # type: ignore[no-untyped-def]
    window = create_window(["--size", size, "--lang", lang], clock=clock).window
    window.show()  # laid out for real: the step list scrolls to the playing step
    window.show_routines()
    return window, window.routines.player


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication([])
    for argv, name in (
        (["--size", "1280x800", "--lang", "en"], "map-landscape.png"),
        (["--size", "1280x800", "--lang", "uk"], "map-landscape-uk.png"),
        (["--size", "1280x800", "--lang", "en", "--zone", "heel"], "map-heel-landscape.png"),
        (["--size", "800x1280", "--lang", "uk", "--zone", "medial-edge"], "map-portrait-uk.png"),
    ):
        shoot(create_window(argv).window, out / name)

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

    window, player = routine_window("1280x800", Clock(), "uk")
    window.routines.choose("massage-ball", 5)
    shoot(window, out / "routines-choose-uk.png")
    player.start()
    shoot(window, out / "routines-safety-uk.png")

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
        kiosk = create_window(["--config", config, "--size", size]).kiosk
        assert kiosk is not None
        window = kiosk.window
        window.resize(*(int(v) for v in size.split("x")))
        window.show()
        for _ in range(2):
            kiosk.attract.show_next()
        shoot(window, out / f"kiosk-attract-{name}.png")
        kiosk.wake()
        window.map.select_zone("metatarsus")
        shoot(window, out / f"kiosk-{name}.png")
        if name == "landscape":
            kiosk.open_pin_pad()
            for key in "24":
                kiosk.pad.findChild(QPushButton, f"pinKey_{key}").click()
            shoot(window, out / "kiosk-pin-pad.png")
            for key in "68✓":
                kiosk.pad.findChild(QPushButton, f"pinKey_{key}").click()
            while not kiosk.staff.isVisible():  # the PIN is checked off the GUI thread
                QApplication.processEvents()
            shoot(window, out / "kiosk-staff-panel.png")
        kiosk.retire()


if __name__ == "__main__":
    main()
