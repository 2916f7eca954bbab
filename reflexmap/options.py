"""The window's command-line options, parsed into what they mean.  No Qt.

``reflexmap [--kiosk] [--lang uk|en] [--config FILE] [--art SVG] [--routines DIR]
[--zone NAME] [--size WxH] [--screenshot FILE.png]``: the files to read
(:class:`Paths`) and how to show them (:class:`WindowOptions`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from reflexmap import __version__
from reflexmap.content import LANGUAGES, ZONES
from reflexmap.record import record

__all__ = ["Paths", "WindowOptions", "build_parser", "parse_window_args"]


@record
class Paths:
    """The files a salon hands the app; None: the default place (config) or none (art, routines)."""

    config: Path | None = None
    art: Path | None = None
    routines: Path | None = None


@record
class WindowOptions:
    """How to show the window."""

    kiosk: bool = False
    lang: str | None = None
    zone: str | None = None
    #: None: fit the screen (and remember); a screenshot without it is 1280x800.
    size: tuple[int, int] | None = None
    screenshot: Path | None = None


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1280x800") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be between 200 and 8000")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflexmap",
        description="Interactive foot reflex-zone map and self-massage guide. "
        "Also: `reflexmap check [...]` validates what a salon can customise, "
        "`reflexmap hash-pin` makes the staff PIN hash for the config file, "
        "`reflexmap install-desktop [--uninstall]` adds reflexmap to the desktop's app menu (or removes it).",
    )
    parser.add_argument(
        "--kiosk", action="store_true", help="locked full-screen exhibit (also: kiosk.enabled in config)"
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (default: the user config folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="start in this language (default: config, then system)")
    parser.add_argument("--art", type=Path, metavar="SVG", help="custom foot artwork (zones marked with data-zone)")
    parser.add_argument("--routines", type=Path, metavar="DIR", help="also load the routine files (*.toml) in DIR")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="render the window to a PNG and exit")
    parser.add_argument("--zone", metavar="NAME", choices=ZONES, help="select this zone at start")
    parser.add_argument(
        "--size", type=_size, metavar="WxH", help="window size (default: fits the screen, at most 1280x800)"
    )
    parser.add_argument("--version", action="version", version=f"reflexmap {__version__}")
    return parser


def parse_window_args(argv: list[str]) -> tuple[Paths, WindowOptions]:
    """The files and options in ``argv``; exits with status 2 and a message on a bad option (argparse)."""
    opts = build_parser().parse_args(argv)
    paths = Paths(config=opts.config, art=opts.art, routines=opts.routines)
    return paths, WindowOptions(
        kiosk=opts.kiosk, lang=opts.lang, zone=opts.zone, size=opts.size, screenshot=opts.screenshot
    )
