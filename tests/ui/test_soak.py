"""A short, deterministic version of `python -m benchmarks.soak`: counts, not timings.

Many visitor cycles through the real kiosk (taps, routines, language and text
size, idle resets, the attract loop, hot reloads) must leave no more live
QObjects, widgets or Python objects than the first cycles did.  What is
counted is the app's: the test harness keeps no log records meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.support.soak import Soak


@pytest.fixture
def harness_keeps_no_records() -> Iterator[None]:
    """pytest's log capture keeps every record it sees: those would be the harness's objects, not the app's."""
    root = logging.getLogger()
    capturing = [h for h in root.handlers if type(h).__module__.startswith("_pytest")]
    for handler in capturing:
        root.removeHandler(handler)
    yield
    for handler in capturing:
        root.addHandler(handler)


@pytest.mark.no_qt_log  # pytest-qt would keep Qt's messages too
def test_object_counts_are_stable_over_many_visitor_cycles(
    tmp_path: Path, qtbot: QtBot, harness_keeps_no_records: None
) -> None:
    soak = Soak(tmp_path, seed=3)
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
