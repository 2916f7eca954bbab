"""Salon text is shown as text: markup in a salon's file never becomes a picture of a local file.

Qt labels and tooltips guess rich text; ``<img src="/any/path.png">`` in a
TOML string would then put a file of the machine on the visitor's screen.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from reflexmap.app.build import Built

RED = (255, 0, 0)


@pytest.fixture
def elsewhere() -> Iterator[Path]:
    """A folder of the machine's, not the salon's (a short path: the salon's name is at most 60 characters)."""
    folder = Path(tempfile.mkdtemp(prefix="r"))
    yield folder
    shutil.rmtree(folder)


def _planted(folder: Path) -> str:
    """A bright red picture elsewhere on the machine, and the markup that would show it."""
    picture = folder / "r.png"
    image = QImage(60, 60, QImage.Format.Format_RGB32)
    image.fill(QColor(*RED))
    assert image.save(str(picture))
    return f'<img src="{picture}">'


def _salon(folder: Path, markup: str) -> tuple[Path, Path]:
    text = markup.replace('"', '\\"')
    config = folder / "config.toml"
    config.write_text(
        "\n".join(
            [
                'language = "en"',
                "[kiosk]",
                "enabled = true",
                "[branding]",
                f'salon_name = "{text}Seizó"',
                f'welcome = {{ en = "{text}Welcome", uk = "{text}Вітаємо" }}',
                f'hours = {{ en = "{text}10-20", uk = "{text}10-20" }}',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    routines = folder / "routines"
    routines.mkdir()
    steps = "\n".join(
        f'[[steps]]\nzone = "{zone}"\nfoot = "right"\nduration = 20\n'
        f'instruction = {{ en = "{text}Massage it {i}.", uk = "{text}Масажуйте {i}." }}\n'
        for i, zone in enumerate(("heel", "arch"))
    )
    (routines / "marked.toml").write_text(
        f'name = {{ en = "{text}Marked", uk = "{text}Позначена" }}\n'
        f'description = {{ en = "{text}About it.", uk = "{text}Про неї." }}\n\n{steps}',
        encoding="utf-8",
    )
    return config, routines


def _shown_as_markup(root: QWidget, markup: str) -> list[str]:
    """Labels that would render ``markup`` as rich text, and tooltips that would."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and markup in widget.text():
            if widget.textFormat() != Qt.TextFormat.PlainText:
                found.append(f"label {widget.objectName()!r} ({widget.textFormat().name})")
        if markup in widget.toolTip():
            found.append(f"tooltip of {widget.objectName()!r}")
    return found


def _red_pixels(widget: QWidget) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return int(np.count_nonzero((pixels[..., 2] > 240) & (pixels[..., 1] < 20) & (pixels[..., 0] < 20)))


def test_markup_in_salon_files_is_shown_as_text_on_every_screen(
    make_built: Callable[..., Built], tmp_path: Path, elsewhere: Path
) -> None:
    markup = _planted(elsewhere)
    config, routines = _salon(tmp_path, markup)
    built = make_built("--config", str(config), "--routines", str(routines), "--size", "1280x800")
    kiosk, window = built.kiosk, built.window
    assert kiosk is not None
    seen: dict[str, list[str]] = {}
    red: dict[str, int] = {}

    def look(screen: str) -> None:
        QApplication.processEvents()
        seen[screen] = _shown_as_markup(window, markup)
        red[screen] = _red_pixels(window)

    look("attract loop")
    assert any(markup in w.text() for w in window.findChildren(QLabel) if w.isVisible())  # the text is there
    kiosk.wake()
    look("map")
    window.show_routines()
    window.routines.choose("marked")
    look("routine chosen")
    player = built.session.player
    player.start()
    if player.state.name == "SAFETY":
        player.confirm_safety()
    look("step playing")
    assert {k: v for k, v in seen.items() if v} == {}
    assert {k: v for k, v in red.items() if v} == {}  # the local picture is on no screen
