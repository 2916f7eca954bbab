"""Every character reflexmap can show is in its bundled font, so it looks the same on any machine.

A character the font lacks is drawn from whatever other font the machine
has, or as an empty box where it has none (a kiosk's bare Debian): the
About button's ⓘ, the player's ◀ ▶ and the PIN pad's ✓ all were.
"""

from __future__ import annotations

import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QRawFont
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.resources import assets_dir
from reflexmap.ui.fonts import FONT_FILES
from reflexmap.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _fonts() -> list[QRawFont]:
    fonts = [QRawFont((assets_dir() / "fonts" / name).read_bytes(), 20) for name in FONT_FILES]
    assert all(f.isValid() for f in fonts)
    return fonts


def _missing(text: str, fonts: list[QRawFont]) -> set[str]:
    return {ch for ch in text if not ch.isspace() and not all(f.supportsCharacter(ord(ch)) for f in fonts)}


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _shipped_texts() -> Iterator[tuple[str, str]]:
    """Every UI string in English and Ukrainian, and every string of the bundled content and routines."""
    for message in ET.parse(assets_dir() / "i18n" / "reflexmap_uk.ts").getroot().iter("message"):
        source = message.findtext("source") or ""
        yield "source", source
        for element in message.iter("translation"):
            for text in [element.text or "", *(f.text or "" for f in element.iter("numerusform"))]:
                yield source, text
    for path in [assets_dir() / "content.toml", *sorted((assets_dir() / "routines").glob("*.toml"))]:
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            yield path.name, text


def test_every_text_reflexmap_ships_is_in_its_bundled_font(qtbot: QtBot) -> None:
    fonts = _fonts()
    texts = list(_shipped_texts())
    assert len(texts) > 500
    gaps = {(where[:60], text[:60]): "".join(sorted(_missing(text, fonts))) for where, text in texts}
    assert {k: v for k, v in gaps.items() if v} == {}


def _shown(root: QWidget) -> Iterator[tuple[str, str]]:
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            yield widget.objectName() or type(widget).__name__, widget.text()


@pytest.mark.parametrize("language", ["en", "uk"])
def test_every_text_on_the_desktop_window_and_the_kiosk_is_in_the_bundled_font(
    language: str, make_window: Callable[..., MainWindow], qtbot: QtBot
) -> None:
    fonts = _fonts()
    for argv in (("--lang", language), ("--lang", language, "--kiosk")):
        window: MainWindow = make_window(*argv)
        window.show_routines()  # its pages are made when first opened
        shown = list(_shown(window))
        assert len(shown) > 30, shown
        gaps = {name: text for name, text in shown if _missing(text, fonts)}
        assert gaps == {}, (argv, gaps)
