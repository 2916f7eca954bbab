"""Showing a :class:`reflexmap.messages.Message` in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reflexmap.messages import Message

__all__ = ["localize"]


def localize(text: str) -> str:
    """``text`` translated by its template (values translated too); plain strings pass through."""
    if not isinstance(text, Message):
        return str(text)
    template = QCoreApplication.translate("messages", text.template)
    values = {k: localize(v) if isinstance(v, str) else v for k, v in text.params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder: fall back
        return text.template.format(**values)
