"""Durations and feet as the Routines tab shows them."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

__all__ = ["clock_face", "foot_name", "format_duration"]


def format_duration(seconds: float, lang: str = "en") -> str:
    """ "3 min 5 s" / "3 хв 5 с"; whole seconds, rounded up."""
    total = max(0, math.ceil(seconds - 1e-6))
    minutes, secs = divmod(total, 60)
    m, s = ("хв", "с") if lang == "uk" else ("min", "s")
    if minutes and secs:
        return f"{minutes} {m} {secs} {s}"
    if minutes:
        return f"{minutes} {m}"
    return f"{secs} {s}"


def clock_face(seconds: float) -> str:
    """A countdown's face: "45", "1:05"; whole seconds, rounded up."""
    total = max(0, math.ceil(seconds - 1e-6))
    minutes, secs = divmod(total, 60)
    return f"{minutes}:{secs:02d}" if minutes else str(secs)


def foot_name(foot: str) -> str:
    """A step's foot in the current language ("Left foot"...); "" for a step on no particular foot."""
    return {
        "left": QCoreApplication.translate("Feet", "Left foot"),
        "right": QCoreApplication.translate("Feet", "Right foot"),
        "both": QCoreApplication.translate("Feet", "Both feet"),
    }.get(foot, "")
