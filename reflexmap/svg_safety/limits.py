"""The numbers the gate holds a file to, each with what it protects.

Chosen from measurements (``benchmarks/hostile.py``): any file is loaded or
refused within 2 s and 300 MB.
"""

from __future__ import annotations

#: Deeper nesting than this (counting what a <use> copies) is no drawing a person made.
MAX_DEPTH = 64
#: Elements written in the file.
MAX_ELEMENTS = 8_000
#: ``<use>`` elements written in the file: each copies what it shows (4,000 took check over 2 s).
MAX_USES = 2_000
#: Different zone names (``data-zone``): a foot chart has a handful, and each is drawn alone into a mask.
MAX_ZONES = 64
#: Elements once every <use> is expanded: what svgelements (and QtSvg) go through.
MAX_RENDERED = 8_000
#: Numbers in path data and point lists, once every <use> is expanded.
MAX_PATH_NUMBERS = 100_000
#: A number of an arc counts this many times (svgelements turns each arc into curves: 4,990 uses of two
#: arcs each took 2.6 s against 1 s for as many numbers of lines).
ARC_WEIGHT = 3
#: Characters in all <style> sheets, counted once per copy a <use> makes of them.
MAX_STYLE_CHARS = 32 * 1024
#: Characters of attributes, text and matched style declarations processed, once every <use> is expanded.
MAX_PROCESSED_CHARS = 8 * 1024 * 1024
#: Attributes each element inherits from its ancestors, summed over every element once uses are expanded.
MAX_INHERITED = 200_000
#: Transform operations (``rotate(...)``, ...) applied, each element counting those of its ancestors too
#: (svgelements parses them again for every element), once every <use> is expanded.
MAX_TRANSFORMS = 150_000
#: Attributes on one element.
MAX_ATTRIBUTES = 100
#: An attribute value (path data, point lists, style attributes and embedded pictures excepted).
MAX_VALUE_CHARS = 1024
#: A style attribute.
MAX_STYLE_ATTRIBUTE_CHARS = 16 * 1024
#: Digits in a row: longer runs make svgelements' number patterns backtrack quadratically.
MAX_DIGITS = 30
#: Characters of one start tag (all its attributes), comment or processing instruction: the XML parser
#: svgelements uses (expat 2.5, fed in pieces) rescans a long token from its start on every piece.
MAX_TOKEN_CHARS = 2 * 1024 * 1024
