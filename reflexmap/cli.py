"""The ``reflexmap`` command: the window (desktop or kiosk), ``reflexmap check`` and ``reflexmap hash-pin``.

Kept light: PySide6 and the window are imported inside :func:`main`, while
Python's cycle collector is paused and PySide6 reads no module's source (see
:mod:`reflexmap.fast_start`); the event loop runs with both as usual.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from reflexmap.fast_start import collector_paused, source_scan_skipped
from reflexmap.options import Paths, parse_window_args

__all__ = ["check_command", "hash_pin_command", "install_desktop_command", "main", "run"]


def main(argv: list[str] | None = None, *, exit_after_screenshot: bool = False) -> int:
    """Run the app (or one of its commands); returns the process exit status.

    With ``exit_after_screenshot`` (the command line's entry point) a
    screenshot run ends the process as soon as the PNG is written and the log
    flushed.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["hash-pin"]:
        return hash_pin_command(argv[1:])
    if argv[:1] == ["check"]:
        return check_command(argv[1:])
    if argv[:1] == ["install-desktop"]:
        return install_desktop_command(argv[1:])
    paths, options = parse_window_args(argv)
    with collector_paused(), source_scan_skipped():
        from reflexmap.app import logs, startup  # Qt from here on

        logs.setup_logging()
        if options.screenshot is not None:
            # a picture needs no screen: render offscreen unless told otherwise
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        else:
            problem = startup.display_problem()
            if problem:
                print(problem, file=sys.stderr)
                return 2
        startup.install_message_handler()
        app = startup.application()
        from reflexmap.app.build import KioskRun, build
        from reflexmap.app.files import load_files, start_marker

        marker = start_marker()  # a file that kills this start is skipped at the next (see reflexmap.start_marker)
        loaded = load_files(paths, marker)
        kiosk_run = KioskRun.start() if options.kiosk or loaded.config.kiosk.enabled else None
        marker.before_drawing(loaded.logo_file if kiosk_run is not None else None)  # the kiosk's build draws it
        built = build(loaded, options, kiosk_run=kiosk_run)
        marker.before_drawing(loaded.art_file)  # the first frame draws it
        if options.screenshot is not None:
            status = startup.screenshot(built.window, options.screenshot)
            built.window.map.finish_start()  # what a start keeps for the next, made after its first frame
            marker.done()
            if exit_after_screenshot:
                startup.exit_now(status)
            return status
    from reflexmap.app.runner import run_desktop, run_kiosk

    if kiosk_run is None:
        return run_desktop(app, built, options, marker)
    return run_kiosk(app, built, loaded, paths, options, kiosk_run, marker=marker)


def hash_pin_command(argv: list[str]) -> int:
    """``reflexmap hash-pin``: ask for a PIN and print the line for the config file."""
    import getpass

    from reflexmap.kiosk.pins import hash_pin

    parser = argparse.ArgumentParser(
        prog="reflexmap hash-pin", description="Print a salted hash of a staff PIN for kiosk.pin_hash."
    )
    parser.parse_args(argv)
    pin = getpass.getpass("Staff PIN (4 to 12 digits): ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        print("reflexmap: a PIN is 4 to 12 digits.", file=sys.stderr)
        return 2
    print(f'pin_hash = "{hash_pin(pin)}"')
    return 0


def install_desktop_command(argv: list[str]) -> int:
    """``reflexmap install-desktop [--uninstall]``: the app in the desktop's menu, with its icon (or not)."""
    from reflexmap import desktop_entry

    parser = argparse.ArgumentParser(
        prog="reflexmap install-desktop", description="Add reflexmap to the desktop's application menu (for this user)."
    )
    parser.add_argument("--uninstall", action="store_true", help="remove what install-desktop added")
    opts = parser.parse_args(argv)
    try:
        paths = desktop_entry.uninstall() if opts.uninstall else desktop_entry.install()
    except OSError as e:
        print(f"reflexmap: could not {'remove' if opts.uninstall else 'write'} the desktop entry: {e}", file=sys.stderr)
        return 1
    verb = "removed" if opts.uninstall else "wrote"
    for path in paths:
        print(f"{verb} {path}")
    return 0


def check_command(argv: list[str]) -> int:
    """``reflexmap check``: every problem in what a salon can customise, one per line; 1 if any."""
    parser = argparse.ArgumentParser(
        prog="reflexmap check", description="Validate the config, art, content and routine files."
    )
    parser.add_argument("--art", type=Path, metavar="SVG")
    parser.add_argument("--routines", type=Path, metavar="DIR")
    parser.add_argument("--config", type=Path, metavar="FILE")
    opts = parser.parse_args(argv)
    from PySide6.QtGui import QGuiApplication

    from reflexmap.app.files import load_files

    # the art is rendered to see what it draws (text needs an application); check shows no window
    app = QGuiApplication.instance() or QGuiApplication(["reflexmap check", "-platform", "offscreen"])

    logging.disable(logging.WARNING)  # the problems are printed below, once each
    try:
        loaded = load_files(Paths(config=opts.config, art=opts.art, routines=opts.routines))
    finally:
        logging.disable(logging.NOTSET)
    for problem in loaded.problems:
        print(problem)
    if not loaded.problems:
        print(
            f"reflexmap check: no problems ({len(loaded.routines)} routines, "
            f"{len({s.zone for s in loaded.art.shapes})} zones)."
        )
    del app
    return 1 if loaded.problems else 0


def run() -> int:
    """The ``reflexmap`` console command and ``python -m reflexmap``."""
    return main(exit_after_screenshot=True)
