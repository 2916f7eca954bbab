"""Sentences for people, in English, that remember how they were made.

A model module (no Qt) raises its errors with a :class:`Message`: it reads
as plain English wherever it ends up (logs, ``str(error)``), and the window
translates it through Qt's translation system (context ``"messages"``) by
its template, filling the same values in.  ``tools/update_translations.py``
adds every template listed here to the ``.ts`` sources.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Message"]


class Message(str):
    """``template.format(**params)``, keeping ``template`` and ``params``."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:  # noqa: PYI034 (Self needs 3.11 typing)
        self = super().__new__(cls, template.format(**params))
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (the cache) keep the template
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)
