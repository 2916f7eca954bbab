"""Where the desktop window opens: sized to the screen, and where the person last left it.  No Qt.

The first window gets the preferred size (1280x800) or, on a smaller
screen, at most 90 % of the screen's available width and height, centred.
Its size, position and maximized state are remembered in the user's state
folder and restored next time only if they still fit one of the screens
(a laptop unplugged from its monitor gets a fresh placement).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reflexmap.files import read_file, write_atomic
from reflexmap.record import record

__all__ = [
    "MINIMUM",
    "PREFERRED",
    "Rect",
    "SavedWindow",
    "first_placement",
    "load_saved",
    "minimum",
    "restore",
    "save",
]

logger = logging.getLogger(__name__)

#: The window's size on a screen with room for it.
PREFERRED = (1280, 800)
#: The smallest window in which nothing overlaps or clips, by text size (100, 120, 140 %), landscape; a
#: portrait one, 720 wide and 800 or 880 tall (both measured by tests/ui/test_readability.py).
LANDSCAPE_MINIMUM = ((900, 600), (960, 600), (1152, 680))
PORTRAIT_MINIMUM = ((720, 800), (720, 800), (720, 880))
#: The smallest of them: a saved placement smaller than this is not restored.
MINIMUM = (720, 600)
#: A first window never takes more of the screen than this.
SCREEN_SHARE = 0.9
#: The saved state is a few dozen bytes; anything bigger is not ours.
MAX_STATE_BYTES = 4096


class _StateError(ValueError):
    """The saved window state cannot be used."""


@record
class Rect:
    """A rectangle in screen pixels (device-independent)."""

    x: int
    y: int
    width: int
    height: int

    def contains(self, other: Rect) -> bool:
        return (
            self.x <= other.x
            and self.y <= other.y
            and other.x + other.width <= self.x + self.width
            and other.y + other.height <= self.y + self.height
        )


@record
class SavedWindow:
    """The window as the person left it."""

    rect: Rect
    maximized: bool = False


def minimum(portrait: bool, text_step: int) -> tuple[int, int]:
    """The smallest window for this orientation and text size."""
    step = max(0, min(text_step, len(LANDSCAPE_MINIMUM) - 1))
    return PORTRAIT_MINIMUM[step] if portrait else LANDSCAPE_MINIMUM[step]


def first_placement(available: Rect, preferred: tuple[int, int] = PREFERRED) -> Rect:
    """The preferred size, or at most 90 % of ``available`` (never below :data:`MINIMUM`), centred in it."""
    width = max(min(preferred[0], round(available.width * SCREEN_SHARE)), min(MINIMUM[0], available.width))
    height = max(min(preferred[1], round(available.height * SCREEN_SHARE)), min(MINIMUM[1], available.height))
    x = available.x + (available.width - width) // 2
    y = available.y + (available.height - height) // 2
    return Rect(x, y, width, height)


def restore(saved: SavedWindow | None, screens: list[Rect]) -> SavedWindow | None:
    """``saved`` if it still fits one of ``screens`` (their available areas) and is not too small; else None."""
    if saved is None:
        return None
    rect = saved.rect
    if rect.width < MINIMUM[0] or rect.height < MINIMUM[1]:
        return None
    if not any(screen.contains(rect) for screen in screens):
        return None
    return saved


def load_saved(path: Path) -> SavedWindow | None:
    """The saved window state, or None (missing, damaged or absurd: a fresh placement then, and a log line)."""
    if not path.exists():
        return None
    try:
        data = json.loads(read_file(path, _StateError, MAX_STATE_BYTES))
        x, y, width, height = (int(data[k]) for k in ("x", "y", "width", "height"))
        maximized = data.get("maximized", False)
        if not isinstance(maximized, bool) or not all(abs(v) <= 100_000 for v in (x, y, width, height)):
            raise _StateError("out of range")
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        logger.info("ignoring the saved window placement in %s (%s)", path, e)
        return None
    return SavedWindow(Rect(x, y, width, height), maximized)


def save(path: Path, state: SavedWindow) -> None:
    """Remember ``state`` for the next start (a failure only costs the placement)."""
    rect = state.rect
    data = {"x": rect.x, "y": rect.y, "width": rect.width, "height": rect.height, "maximized": state.maximized}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(data).encode("utf-8"))
    except OSError as e:
        logger.info("cannot remember the window placement in %s: %s", path, e)
