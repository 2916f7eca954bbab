"""Everything reflexmap does only to start faster, in one room.

A few costs of a PySide6 start are worth avoiding, and each needs care that
ordinary code should not have to think about:

* **Python's cycle collector** runs dozens of times while PySide6 and the
  window load, finding next to nothing.  :func:`collector_paused` pauses it
  for exactly that stretch; the command line uses it once, around building
  the window, and the event loop always runs with it on.
* **PySide6 reads the source of every module imported after it**: its
  import hook opens each new module's file and searches it for "PySide6",
  to know which modules its ``__feature__`` switches (``snake_case``,
  ``true_property``) may apply to.  reflexmap uses no such switch, so
  :func:`source_scan_skipped` takes every module imported while starting to
  be one that uses PySide6 (what the scan says of reflexmap's own modules,
  and what changes nothing for the rest while no switch is on), without
  reading it.
* **Python's dataclasses compile their methods** for every class a start
  defines: :func:`reflexmap.record.record` (a module of its own, as the
  model that uses it never imports Qt) compiles half of them.
* **Modules only some moments need** (hashing a staff PIN, the run
  record's JSON): :func:`lazy_module` stands in for them and imports them
  the first time one of their names is used.
* **PySide6 builds every enum of Qt's namespace** (``Qt.Key``,
  ``Qt.AlignmentFlag``... with Python's ``enum`` module) the first time any
  Python code touches ``Qt``, or even weighs an overload that takes one.  Code
  on the start path therefore never names ``Qt``: enum properties are set by
  name through Qt's own property system (:func:`set_enum`), the flags
  ``QPainter.drawText`` takes are plain ints (below, checked against PySide6's
  enums by ``tests/test_fast_start.py``), and code that runs only once a
  person acts (a key, a click) gets the namespace from :func:`qt`.  A ruff
  rule (``TID251``, see ``pyproject.toml``) keeps ``PySide6.QtCore.Qt`` out of
  the start-path modules, so this cannot be undone by accident.

What each of these saves is measured in ``benchmarks/startup.py`` and listed
in the README, not here.
"""

from __future__ import annotations

import gc
import importlib
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, Qt

__all__ = [
    "ALIGN_CENTER",
    "ALIGN_HCENTER",
    "ALIGN_TOP",
    "ALIGN_VCENTER",
    "TEXT_WORD_WRAP",
    "collector_paused",
    "lazy_module",
    "qt",
    "set_enum",
    "source_scan_skipped",
]

#: Qt::AlignmentFlag and Qt::TextFlag values, for QPainter.drawText's ``flags``.
ALIGN_HCENTER = 0x0004
ALIGN_TOP = 0x0020
ALIGN_VCENTER = 0x0080
ALIGN_CENTER = ALIGN_HCENTER | ALIGN_VCENTER
TEXT_WORD_WRAP = 0x1000


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the block runs (PySide6 loading, the window built), on after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@contextmanager
def source_scan_skipped() -> Iterator[None]:
    """While the block runs, PySide6 does not read the source of each module imported (see above)."""
    import PySide6  # noqa: F401  # its loader installs the import hook this quietens

    feature = sys.modules.get("PySide6.support.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(scan):  # another PySide6 than the pinned one: leave it be
        yield
        return
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    try:
        yield
    finally:
        feature._mod_uses_pyside = scan  # type: ignore[attr-defined]


def _uses_pyside(module: types.ModuleType) -> bool:
    return True


def set_enum(obj: QObject, prop: str, value: str) -> None:
    """Set the enum (or flags) property ``prop`` of ``obj`` to the key(s) ``value``.

    ``value`` is a key of the property's enum as Qt names it (``"PlainText"``),
    or keys joined by ``|`` for flags.  A name Qt does not know is an error, not
    a silently ignored dynamic property.
    """
    meta = obj.metaObject()
    index = meta.indexOfProperty(prop)
    if index < 0 or not meta.property(index).isEnumType():
        raise AttributeError(f"{type(obj).__name__} has no enum property {prop!r}")
    if not obj.setProperty(prop, value):
        raise ValueError(f"{type(obj).__name__}.{prop} has no value {value!r}")


def qt() -> type[Qt]:
    """Qt's namespace, for code that runs when a person acts (a key, a click), never while starting."""
    from PySide6.QtCore import Qt

    return Qt


class _LazyModule(types.ModuleType):
    """Stands in for a module until one of its names is first read, then imports it."""

    def __getattr__(self, name: str) -> object:
        return getattr(importlib.import_module(self.__name__), name)


def lazy_module(name: str) -> types.ModuleType:
    """The module ``name``, imported the first time an attribute of it is read, not now."""
    return _LazyModule(name)
