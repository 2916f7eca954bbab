"""QR codes (segno) drawn crisply into a pixmap, their modules remembered between runs.

The booking link is on the kiosk's first frame, and importing segno (with
the writers it loads) costs more than that whole frame may: the modules of
a link's code are kept in the user cache folder, like the checked content,
so a warm start never imports segno.  Drawing avoids every call that would
make PySide6 build Qt's enums (see :mod:`reflexmap.fast_start`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage, QPixmap

from reflexmap.cache import remembered
from reflexmap.record import record

__all__ = ["QrModules", "qr_modules", "qr_pixmap"]


@record
class QrModules:
    """A QR code's modules: one string of "0" and "1" per row."""

    rows: tuple[str, ...]

    def __post_init__(self) -> None:  # a cache entry is read back through here: only a QR code's shape passes
        side = len(self.rows)
        if not 21 <= side <= 177 or any(len(row) != side or row.strip("01") for row in self.rows):
            raise ValueError("not the modules of a QR code")


def qr_modules(text: str, cache_dir: Path | None = None) -> QrModules:
    """The modules of the QR code for ``text`` (error correction M), remembered in ``cache_dir``."""

    def encode() -> QrModules:
        import segno  # only when this link has not been drawn before

        code = segno.make(text, error="m", micro=False)
        return QrModules(tuple("".join("1" if dark else "0" for dark in row) for row in code.matrix))

    return remembered(cache_dir, text.encode("utf-8"), QrModules, encode)


def qr_pixmap(text: str, size: int, cache_dir: Path | None = None, quiet: int = 2) -> QPixmap:
    """A QR code for ``text``, ``size`` pixels square at most, whole pixels per module, black on white."""
    rows = qr_modules(text, cache_dir).rows
    modules = len(rows) + 2 * quiet
    scale = max(1, size // modules)
    side = modules * scale
    white, black = b"\xff", b"\x00"
    blank = white * side
    lines = [blank] * (quiet * scale)
    for row in rows:
        line = white * (quiet * scale) + b"".join((black if m == "1" else white) * scale for m in row)
        line += white * (quiet * scale)
        lines += [line] * scale
    lines += [blank] * (quiet * scale)
    data = b"".join(lines)
    image = QImage(data, side, side, side, QImage.Format.Format_Grayscale8).copy()  # copy: own the pixels
    pixmap = QPixmap(side, side)
    pixmap.convertFromImage(image)
    return pixmap
