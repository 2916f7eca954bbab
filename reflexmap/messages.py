"""Sentences for people, in English, that remember how they were made.

A model module (no Qt) raises its errors with a :class:`Message`: it reads
as plain English wherever it ends up (logs, ``str(error)``), and the window
translates it through Qt's translation system (context ``"messages"``) by
its template, filling the same values in.  ``tools/update_translations.py``
adds every template listed here to the ``.ts`` sources.

The values come from files anyone can write (file names, zone names, field
values, a parser's details), so a Message makes them safe once, here, when
it is made, whatever reads it later (a terminal, the log, a label; the
translated text is filled with the same safe values):

- control characters (C0, C1, DEL), bidirectional controls and other
  invisible characters are shown as escapes (``\\u001b``), so a file name
  cannot move the cursor, rewrite a line of ``check``'s output, forge a log
  line or reverse the text around it;
- a long value is shortened in the middle with an ellipsis (a 10 KB zone
  name stays a sentence), and the whole sentence stays within
  :data:`MAX_MESSAGE` characters;
- in an identifier (a zone, a field, a tag: reflexmap's are all ASCII) every
  non-ASCII character is named with its code point, so a Cyrillic "о" in
  "tоes" cannot pass for the right name.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_MESSAGE", "MAX_NAME", "Message", "visible"]

#: No sentence reflexmap says is longer.
MAX_MESSAGE = 300
#: A name (a file, a zone, a field value) is shortened past this many characters.
MAX_NAME = 60
#: Values reflexmap composes itself, or a parser's details: room for more, within MAX_MESSAGE.
_LONG = {"choices": 120, "detail": 160, "path": 120, "folder": 120, "names": 160, "zones": 120}
#: Parameters that hold identifiers: their non-ASCII characters are named.
_IDENTIFIERS = {
    "zone",
    "zones",
    "names",
    "field",
    "at_field",
    "tag",
    "element",
    "foot",
    "value",
    "key",
    "id",
    "lang",
    "zone_id",
    "name",
}
#: Printable characters that draw as nothing (Hangul fillers, the braille blank, the grapheme joiner,
#: Khmer inherent vowels, Mongolian variation selectors): shown as escapes like format characters.
_INVISIBLE = {
    "\u115f",
    "\u1160",
    "\u3164",
    "\uffa0",
    "\u2800",
    "\u034f",
    "\u17b4",
    "\u17b5",
    "\u180b",
    "\u180c",
    "\u180d",
    "\u180f",
}
_ELLIPSIS = "\u2026"


class Message(str):
    """``template.format(**params)``, keeping ``template`` and ``params`` (made safe, see the module)."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:  # noqa: PYI034 (Self needs 3.11 typing)
        safe = {key: _safe(key, value) for key, value in params.items()}
        text = template.format(**safe)
        if len(text) > MAX_MESSAGE:
            safe, text = _fit(template, safe, text)
        self = super().__new__(cls, text)
        self.template = template
        self.params = safe
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # copies keep the template
        return (_rebuild, (self.template, self.params))


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


class _Shown(str):
    """A value made safe to show; its ``!r`` form quotes it (not escaping it again) and keeps the note outside."""

    word: str = ""
    note: str = ""

    def __repr__(self) -> str:
        word = self.word or str(self)
        quote = '"' if "'" in word and '"' not in word else "'"
        return f"{quote}{word}{quote}{self.note}"


def _shown(word: str, note: str = "") -> _Shown:
    shown = _Shown(word + note)
    if note:
        shown.word, shown.note = word, note
    return shown


def _safe(key: str, value: Any) -> Any:
    if isinstance(value, (Message, _Shown, int, float)) or value is None:  # numbers keep their format specs
        return value
    text = value if isinstance(value, str) else str(value)
    limit = _LONG.get(key, MAX_NAME)
    if key in _IDENTIFIERS and not text.isascii():
        return _identifier(text, limit)
    return _shown(shorten(visible(text), limit))


def _identifier(text: str, limit: int) -> _Shown:
    """``text`` shown visibly, each word with a non-ASCII character followed by its code points, named."""
    words = _split_words(text)
    if len(words) == 1:
        return _shown(shorten(visible(text), MAX_NAME), f" ({_name_code_points(text)})")
    shown = []
    for word in words:
        separator = word[: len(word) - len(word.lstrip(", "))]
        bare = word[len(separator) :]
        note = f" ({_name_code_points(bare)})" if not bare.isascii() else ""
        shown.append(separator + shorten(visible(bare), MAX_NAME) + note)
    return _shown(shorten("".join(shown), limit + 60))


def _split_words(text: str) -> list[str]:
    """``text`` cut before each separator run (", ", spaces), separators kept with the word after them."""
    words: list[str] = []
    current = ""
    for c in text:
        if c in ", " and current and current[-1] not in ", ":
            words.append(current)
            current = ""
        current += c
    words.append(current)
    return words


def _name_code_points(word: str) -> str:
    import unicodedata

    strange = [(i, c) for i, c in enumerate(word, 1) if not c.isascii()]
    named = [f"U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED CHARACTER')} at position {i}" for i, c in strange[:2]]
    if len(strange) > 2:
        named.append(f"and {len(strange) - 2} more non-ASCII characters")
    return ", ".join(named)


def visible(text: str) -> str:
    """``text`` with control, bidi, invisible and unpaired surrogate characters shown as ``\\uXXXX`` escapes."""
    if text.isascii() and text.isprintable():
        return text
    out = []
    for c in text:
        # isprintable() is False for Cc, Cf (bidi controls, zero widths), Cs, Co, Cn, Zl, Zp and Zs but U+0020
        if c.isprintable() and not _invisible(c):
            out.append(c)
        else:
            code = ord(c)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return "".join(out)


def _invisible(c: str) -> bool:
    """Variation selectors and the characters in _INVISIBLE."""
    return c in _INVISIBLE or "\ufe00" <= c <= "\ufe0f" or "\U000e0100" <= c <= "\U000e01ef"


def shorten(text: str, limit: int = MAX_NAME) -> str:
    """``text``, or its start and end around an ellipsis if it is longer than ``limit`` characters."""
    if len(text) <= limit:
        return text
    head = (limit - 1) * 2 // 3
    tail = limit - 1 - head
    return text[:head] + _ELLIPSIS + (text[-tail:] if tail else "")


def _fit(template: str, safe: dict[str, Any], text: str) -> tuple[dict[str, Any], str]:
    """Shorten the longest values until the sentence has at most MAX_MESSAGE characters."""
    safe = dict(safe)
    for _ in range(len(safe)):
        used = [k for k, v in safe.items() if isinstance(v, str) and "{" + k in template]
        key = max(used, key=lambda k: len(safe[k]), default=None)
        if key is None or len(safe[key]) <= 12:
            break
        value = safe[key]
        note = getattr(value, "note", "")
        word = getattr(value, "word", "") or str(value)
        keep = max(8, len(word) - (len(text) - MAX_MESSAGE))
        safe[key] = _shown(shorten(word, keep), note) if note else _shown(shorten(str(value), keep))
        text = template.format(**safe)
        if len(text) <= MAX_MESSAGE:
            return safe, text
    return safe, shorten(text, MAX_MESSAGE)
