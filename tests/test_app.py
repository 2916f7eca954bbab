"""The command line: screenshots, no display, bad options."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reflexmap import cli

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reflexmap", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
        check=False,
    )


def _headless_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return env


def test_screenshot_works_with_no_display_and_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "portrait.png"
    result = _run("--screenshot", str(out), "--size", "800x1280", "--zone", "heel", env=_headless_env(tmp_path))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 1280)
    # the selected heel is tinted with the accent somewhere in the picture
    reds = sum(
        1
        for y in range(0, 1280, 8)
        for x in range(0, 800, 8)
        if (c := image.pixelColor(x, y)).red() > 170 and c.green() < 150 and c.blue() < 130
    )
    assert reds > 20


def test_landscape_screenshot_has_the_requested_size(tmp_path: Path) -> None:
    out = tmp_path / "landscape.png"
    result = _run("--screenshot", str(out), env=_headless_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).size().toTuple() == (1280, 800)


def test_without_display_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    result = _run(env=_headless_env(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0] and "--screenshot" in lines[0]


def test_missing_x11_libraries_are_named_instead_of_qt_aborting(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DISPLAY", ":42")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("ctypes.util.find_library", lambda name: None if name == "xcb-cursor" else f"lib{name}.so")
    assert cli.main([]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "xcb-cursor" in err and "apt install" in err and "libxcb-cursor0" in err


def test_unwritable_screenshot_path_is_reported(tmp_path: Path) -> None:
    result = _run("--screenshot", str(tmp_path / "no" / "such" / "dir" / "x.png"), env=_headless_env(tmp_path))
    assert result.returncode == 1
    assert "could not write the screenshot" in result.stderr


@pytest.mark.parametrize("args", [["--size", "huge"], ["--zone", "elbow"], ["--size", "10x10"]])
def test_bad_options_exit_2_with_a_message(args: list[str], tmp_path: Path) -> None:
    result = _run(*args, "--screenshot", str(tmp_path / "x.png"), env=_headless_env(tmp_path))
    assert result.returncode == 2
    assert "reflexmap: error:" in result.stderr


def test_version(tmp_path: Path) -> None:
    result = _run("--version", env=_headless_env(tmp_path))
    assert result.returncode == 0 and result.stdout.startswith("reflexmap ")


def test_bad_art_on_the_command_line_still_makes_a_screenshot(tmp_path: Path) -> None:
    bad = tmp_path / "broken.svg"
    bad.write_bytes(b"\x89PNG not an svg")
    out = tmp_path / "x.png"
    result = _run("--art", str(bad), "--screenshot", str(out), env=_headless_env(tmp_path))
    assert result.returncode == 0
    assert out.exists()
    assert "broken.svg" in result.stderr  # logged once, shown in the window too


def test_problems_reach_the_log_file_even_when_a_screenshot_ends_the_process_at_once(tmp_path: Path) -> None:
    env = _headless_env(tmp_path)
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    log = tmp_path / "state" / "reflexmap" / "log" / "reflexmap.log"
    clean = _run("--screenshot", str(tmp_path / "clean.png"), env=env)
    assert clean.returncode == 0
    assert not log.exists()  # nothing to say: the log file is not even opened
    bad = tmp_path / "broken.svg"
    bad.write_bytes(b"\x89PNG not an svg")
    result = _run("--art", str(bad), "--screenshot", str(tmp_path / "x.png"), env=env)
    assert result.returncode == 0
    text = log.read_text(encoding="utf-8")
    assert "WARNING" in text and "broken.svg" in text and "built-in feet" in text


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
def test_the_command_pauses_garbage_collection_only_until_the_window_is_up(tmp_path: Path, kiosk: bool) -> None:
    """A paused cycle collector saves 5 ms of start-up; left paused, a kiosk running for weeks would grow."""
    script = (
        "import gc, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import reflexmap.app.build as b\n"
        "build = b.build\n"
        "def spy(*args, **kwargs):\n"
        "    print('building, collector on:', gc.isenabled())\n"
        "    return build(*args, **kwargs)\n"
        "b.build = spy\n"
        "QApplication.exec = lambda self: print('event loop, collector on:', gc.isenabled()) or 0\n"
        "from reflexmap.cli import run\n"
        "sys.exit(run())\n"
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    argv = ["reflexmap", "--kiosk"] if kiosk else ["reflexmap"]
    result = subprocess.run(
        [sys.executable, "-c", script, *argv[1:]], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["building, collector on: False", "event loop, collector on: True"]


def test_commands_run_with_the_collector_on(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    script = (
        "import gc, sys\n"
        "import reflexmap.cli as cli\n"
        "check = cli.check_command\n"
        "cli.check_command = lambda argv: print('collector on:', gc.isenabled()) or check(argv)\n"
        "from reflexmap.cli import run\n"
        "sys.exit(run())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "check"], capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "collector on: True"
