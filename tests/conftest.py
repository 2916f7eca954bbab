"""Shared test setup: offscreen Qt, never the real user folders, the Ukrainian translation compiled once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The .qm files, compiled once per test session the way a source checkout compiles them.

    A failed compile fails every test that needs it, loudly: otherwise the app
    would quietly stay English and the Ukrainian tests would test nothing.
    """
    from PySide6.QtCore import QTranslator

    from reflexmap.i18n import qm_file

    folder = tmp_path_factory.mktemp("qm")
    path = qm_file("uk", folder)
    if path is None or not path.is_file():
        pytest.fail("the Ukrainian translation did not compile (PySide6's lrelease): see the log above")
    if not QTranslator().load(str(path)):
        pytest.fail(f"Qt cannot load the compiled translation {path}")
    return [path]


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled_translations: list[Path]) -> Iterator[Path]:
    """Point every XDG user folder (config, data, cache, state) into the test's tmp_path."""
    home = tmp_path / "home"
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / sub
        path.mkdir(parents=True)
        monkeypatch.setenv(var, str(path))
    monkeypatch.setenv("HOME", str(home))
    cache = home / ".cache" / "reflexmap"
    cache.mkdir()
    for qm in compiled_translations:  # where the app looks first: no lrelease per test
        shutil.copy(qm, cache / qm.name)
    yield home
    from reflexmap.app.logs import teardown_logging

    teardown_logging()  # main() sets up logging for the process; each test starts without it
