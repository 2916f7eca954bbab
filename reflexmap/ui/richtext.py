"""Small helpers for Qt rich text."""

from __future__ import annotations


def escape(text: str) -> str:
    """Escape text for Qt rich text (the html module costs start-up time)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
