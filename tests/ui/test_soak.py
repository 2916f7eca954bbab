"""A short, deterministic version of `python -m benchmarks.soak`: counts, not timings.

Many visitor cycles through the real kiosk (taps, routines, language and text
size, idle resets, the attract loop, hot reloads) must leave no more live
QObjects, widgets or Python objects than the first cycles did.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

SOAK = Path(__file__).resolve().parents[2] / "benchmarks" / "soak.py"


def _soak_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("reflexmap_soak", SOAK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_object_counts_are_stable_over_many_visitor_cycles(tmp_path: Path, qtbot: QtBot) -> None:
    soak = _soak_module().Soak(tmp_path, seed=3)
    try:
        soak.tour()  # warm-up: every path once, then visitors at random
        for _ in range(15):
            soak.run_cycle()
        early = [soak.sample() for _ in range(3)]
        for _ in range(40):
            soak.run_cycle()
        later = [soak.sample() for _ in range(3)]
    finally:
        soak.close()
    assert soak.reloads >= 1, "the cycles should include a hot reload"
    assert soak.simulated > 2 * 3600  # hours of salon life
    # a style animation or a translator may be alive at one sample and not the next; a leak
    # would add objects every cycle (a hot reload builds a whole window): dozens over 40 cycles
    assert max(s.qobjects for s in later) <= max(s.qobjects for s in early) + 3
    assert max(s.widgets for s in later) <= max(s.widgets for s in early)
    # Python objects: a few weak references come and go; a leak per cycle would show as hundreds
    assert max(s.python_objects for s in later) - max(s.python_objects for s in early) < 200
    assert QApplication.instance() is not None
