"""A built wheel, installed non-editably, runs and finds its assets; PySide6 pin canary."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installs_and_runs_with_its_assets(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("reflexmap-*.whl")
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(site), str(wheel)],
        check=True,
        timeout=600,
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(site)
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    elsewhere = tmp_path / "elsewhere"  # not the source tree: nothing can come from there
    elsewhere.mkdir()
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import reflexmap, reflexmap.resources as r; print(reflexmap.__file__); print(r.assets_dir())",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=elsewhere,
        check=True,
    )
    module_file, assets = probe.stdout.split()
    assert module_file.startswith(str(site))
    assert assets == str(site / "reflexmap" / "assets")
    assert (site / "reflexmap" / "assets" / "art" / "feet.svg").is_file()
    assert (site / "reflexmap" / "assets" / "content.toml").is_file()

    out = tmp_path / "shot.png"
    script = site / "bin" / "reflexmap"
    assert script.exists(), "the wheel declares no reflexmap command"
    run = subprocess.run(
        [sys.executable, str(script), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=elsewhere,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert out.stat().st_size > 10_000
    run = subprocess.run(
        [sys.executable, "-m", "reflexmap", "--version"],
        capture_output=True,
        text=True,
        env=env,
        cwd=elsewhere,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0 and "reflexmap" in run.stdout


def test_pyside6_survives_100000_void_calls_in_one_process() -> None:
    """Canary for the none_dealloc abort of PySide6 6.12.0 on CPython 3.11 (see pyproject pin)."""
    code = textwrap.dedent(
        """
        import PySide6
        from PySide6.QtCore import QCoreApplication, QTimer
        from PySide6.QtGui import QPainterPath
        app = QCoreApplication([])
        path = QPainterPath()
        for i in range(100_000):
            path.lineTo(i % 97, i % 89)
        timer = QTimer()
        for _ in range(10_000):
            timer.stop()
        print(PySide6.__version__, path.elementCount())
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, (
        f"PySide6 crashed after many void calls (exit {result.returncode}); "
        f"pin a version known to work: {result.stderr[-500:]}"
    )
    assert int(result.stdout.split()[1]) >= 100_000  # every call landed


def test_model_modules_never_import_qtwidgets() -> None:
    code = textwrap.dedent(
        """
        import sys
        import reflexmap.cache, reflexmap.content, reflexmap.schema, reflexmap.resources, reflexmap.routines
        assert not any(m.startswith("PySide6") for m in sys.modules), "content layer imported Qt"
        import reflexmap.config
        assert not any(m.startswith("PySide6") for m in sys.modules), "config imported Qt"
        import reflexmap.geometry, reflexmap.svg_shapes, reflexmap.drawn, reflexmap.art_check, reflexmap.routine_run
        import reflexmap.player, reflexmap.sound, reflexmap.awake, reflexmap.session
        import reflexmap.kiosk.pins, reflexmap.kiosk.idle, reflexmap.kiosk.run_record, reflexmap.kiosk.staff_report
        import reflexmap.i18n, reflexmap.systemd, reflexmap.clock, reflexmap.fast_start
        import reflexmap.options
        widgets = [m for m in sys.modules if m.startswith("PySide6.QtWidgets")]
        assert not widgets, widgets
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in readme.split("```sh\n")[1:]]
    install_and_start, install_and_test = blocks[0], blocks[1]
    assert install_and_start.endswith("reflexmap") and "pip install ." in install_and_start
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci
