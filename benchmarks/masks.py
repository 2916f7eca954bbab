"""What the zone masks cost: time to make them, and memory, at 1x and 2x.

    python -m benchmarks.masks [--runs 15]

The map asks QtSvg where each zone is drawn by rendering every zone layer
alone (reflexmap.drawn); ZoneLayout makes those masks, the rings around them
and their boxes whenever the map's pixmap is made again (a new size or pixel
ratio).  Measured at the size the map has in a 1280x800 window, on the
built-in feet:

- the first build: the layer documents written and parsed into one
  QSvgRenderer each, every layer's extent found, then the masks;
- a rebuild (what a resize costs, beside redrawing the pixmap itself);
- the memory the regions and rings take (counted), and what the process grew by.

For the record, not a target: the masks are made after the first frame, so
the start-up figures do not include them.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _rss() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def measure(runs: int = 15) -> list[tuple[str, str]]:
    """(what, figure) rows."""
    from PySide6.QtWidgets import QApplication

    from reflexmap.app.build import create_window
    from reflexmap.app.files import builtin_content
    from reflexmap.drawn import Drawing
    from reflexmap.geometry import art_bytes, load_art
    from reflexmap.resources import asset_path
    from reflexmap.ui.zone_layout import ZoneLayout

    QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(["--size", "1280x800"]).window
    window.show()
    QApplication.processEvents()
    width, height = window.map.width(), window.map.height()
    window.close()
    art = load_art(asset_path("art/feet.svg"))
    zones = builtin_content().zone_ids
    rows: list[tuple[str, str]] = []
    for dpr in (1.0, 2.0):
        gc.collect()
        before = _rss()
        layout = ZoneLayout(art, zones, Drawing(art_bytes(art), art.source.name))
        layout.fit(width, height, dpr)
        start = time.perf_counter()
        layout.build()
        first = (time.perf_counter() - start) * 1000
        grew = _rss() - before
        again = []
        for i in range(runs):
            layout.fit(width + 1 + i % 2, height, dpr)  # another size: the masks are made again
            start = time.perf_counter()
            layout.build()
            again.append((time.perf_counter() - start) * 1000)
        rect = layout.art_rect()
        pixels = f"{round(rect.width() * dpr)}x{round(rect.height() * dpr)} px"
        rows += [
            (f"zone masks at {dpr:g}x ({pixels}), first build", f"{first:.1f} ms"),
            (f"zone masks at {dpr:g}x, rebuild on a new size (median of {runs})", f"{statistics.median(again):.1f} ms"),
            (
                f"zone masks at {dpr:g}x, memory (regions and rings / process growth)",
                f"{layout.memory() / 2**20:.2f} MiB / {grew:.1f} MiB",
            ),
        ]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rows = measure(args.runs)
    print(f"reflexmap zone masks, {time.strftime('%Y-%m-%d')}, built-in feet, the map of a 1280x800 window")
    width = max(len(what) for what, _ in rows)
    for what, figure in rows:
        print(f"{what:{width}}  {figure}")


if __name__ == "__main__":
    main()
