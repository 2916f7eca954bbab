"""Counting the QSvgRenderers reflexmap.drawn makes (each one reads a document: the picture's, or a layer's)."""

from __future__ import annotations

import pytest

from reflexmap.drawn import raster
from reflexmap.drawn.raster import make_renderer


def renderer_loads(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """From now on, the document of each renderer reflexmap.drawn makes, in order (the list grows as they are)."""
    loads: list[bytes] = []

    def counting(data: bytes, messages: list[str]) -> object:
        loads.append(data)
        return make_renderer(data, messages)

    monkeypatch.setattr(raster, "make_renderer", counting)
    monkeypatch.setattr("reflexmap.drawn.drawing.make_renderer", counting)
    return loads
