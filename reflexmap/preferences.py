"""What a person at home chose, kept between runs (the spoken guidance).  No Qt.

A small JSON file in the user's state folder, written atomically and never
through a planted link; a damaged one means the defaults.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reflexmap.files import read_file, write_atomic
from reflexmap.record import record

__all__ = ["Preferences", "load_preferences", "save_preferences"]

logger = logging.getLogger(__name__)

MAX_BYTES = 4096


class _PreferencesError(ValueError):
    """The preferences file cannot be used."""


@record
class Preferences:
    """The desktop's remembered choices."""

    voice: bool = False


def load_preferences(path: Path) -> Preferences:
    if not path.exists():
        return Preferences()
    try:
        data = json.loads(read_file(path, _PreferencesError, MAX_BYTES))
        voice = data.get("voice", False)
        if not isinstance(voice, bool):
            raise _PreferencesError("voice is not true or false")
    except (ValueError, AttributeError) as e:
        logger.info("ignoring the saved preferences in %s (%s)", path, e)
        return Preferences()
    return Preferences(voice=voice)


def save_preferences(path: Path, preferences: Preferences) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"voice": preferences.voice}).encode("utf-8"))
    except OSError as e:
        logger.info("cannot remember the preferences in %s: %s", path, e)
