"""The safety gate every SVG passes before any SVG library sees it (art and logo alike).

One streaming pass of expat over the bytes, building nothing but a small
record per element, refuses (with one sentence naming the file):

- what could reach past the file: entity declarations and references, a
  ``<!DOCTYPE>`` with an internal subset ``[...]``, external entities, a
  style sheet linked by a processing instruction, any ``href`` that is not
  a reference inside the file (``#id``), and pictures other than PNG or
  JPEG embedded as base64 ``data:`` URIs (a ``<!DOCTYPE svg PUBLIC ...>``
  without a subset, as drawing programs write it, is fine: nothing reads
  the DTD it names);
- what would take the libraries beneath (svgelements, QtSvg) too long or too
  much memory: too many elements, in the file and once every ``<use>`` is
  expanded (counted without expanding anything, so a fan-out of uses is
  refused at once); nesting (counting ``<use>`` copies); path numbers;
  bytes of attributes and matched style declarations processed, and
  attributes inherited, once uses are expanded; attribute values and
  numbers long enough to make svgelements' regular expressions backtrack;
  ``<style>`` sheets that are large or whose shape makes svgelements' style
  parsing quadratic (or worse); ``<use>`` cycles; embedded pictures too big
  to decode.

Each limit is chosen from measurements (``benchmarks/hostile.py``) so that
any file is loaded or refused within 2 s and 300 MB.  No Qt here.

The parts: :mod:`.scan` is the streaming pass (declarations, instructions,
comments, the elements and their text); :mod:`.rules` the rules for each
element's attributes, embedded pictures among them; :mod:`.sheets` the
``<style>`` sheets; :mod:`.expansion` what ``<use>`` makes of it all;
:mod:`.limits` the numbers; :mod:`.records` what they share.
"""

from __future__ import annotations

from reflexmap.svg_safety.limits import MAX_DEPTH, MAX_ELEMENTS, MAX_PATH_NUMBERS, MAX_RENDERED, MAX_STYLE_CHARS
from reflexmap.svg_safety.records import SvgSummary
from reflexmap.svg_safety.scan import Scan

__all__ = [
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_PATH_NUMBERS",
    "MAX_RENDERED",
    "MAX_STYLE_CHARS",
    "SvgSummary",
    "check_svg",
]


def check_svg(data: bytes, name: str, error: type[ValueError]) -> SvgSummary:
    """Refuse ``data`` (an SVG file's bytes) with ``error`` unless it is safe and small enough to parse.

    The message names the file (``name``) and, where there is one, the element.
    """
    return Scan(name, error).run(data)
