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
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reflexmap.messages import Message

__all__ = [
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_PATH_NUMBERS",
    "MAX_RENDERED",
    "MAX_STYLE_CHARS",
    "SvgSummary",
    "check_svg",
]

#: Deeper nesting than this (counting what a <use> copies) is no drawing a person made.
MAX_DEPTH = 64
#: Elements written in the file.
MAX_ELEMENTS = 10_000
#: Elements once every <use> is expanded: what svgelements (and QtSvg) go through.
MAX_RENDERED = 10_000
#: Numbers in path data and point lists, once every <use> is expanded.
MAX_PATH_NUMBERS = 100_000
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

_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK_NS = "http://www.w3.org/1999/xlink"
#: expat joins a namespace and a local name with this (a character no name can contain).
_SEP = " "
#: One token of path data, possessive (never backtracks): compiled when a file is first checked.
_NUMBER = r"[-+]?+(?:[0-9]++\.?+[0-9]*+|\.[0-9]++)(?:[eE][-+]?+[0-9]++)?+"
_PATH_DATA = r"(?:[\s,]*+(?:[MmZzLlHhVvCcSsQqTtAa]|" + _NUMBER + r"))*+[\s,]*+"
_POINTS = r"(?:[\s,]*+" + _NUMBER + r")*+[\s,]*+"
#: svgelements' own comment pattern (REGEX_CSS_COMMENT): the sheet is checked as svgelements will see it.
_CSS_COMMENT = r"\/\*[\s\S]*?\*\/|\/\/.*$"
#: Rules ``selector { declarations }`` with no nesting: svgelements' REGEX_CSS_STYLE reads these in linear time.
_CSS_RULES = r"(?:[^{}]++\{[^{}]++\}\s*+)*+"
_PICTURE_TYPES = ("image/png", "image/jpeg", "image/jpg")
_PICTURE_ELEMENTS = ("image", "feImage")


@dataclass(frozen=True)
class SvgSummary:
    """What the gate counted in a file that passed it."""

    elements: int
    rendered: int
    path_numbers: int
    depth: int
    pictures: int


class _Element:
    __slots__ = (
        "attributes",
        "chars",
        "children",
        "classes",
        "id",
        "numbers",
        "parent",
        "ref",
        "sheet",
        "tag",
        "transforms",
    )

    def __init__(self, tag: str, parent: int) -> None:
        self.tag = tag
        self.parent = parent
        self.children: list[int] = []
        self.id: str | None = None
        self.ref: str | None = None  # a <use>'s target id
        self.attributes = 0
        self.chars = 0
        self.numbers = 0
        self.sheet = 0  # characters of style sheet (in a <style>)
        self.transforms = 0  # transform operations written on it
        self.classes: list[str] = []


def check_svg(data: bytes, name: str, error: type[ValueError]) -> SvgSummary:
    """Refuse ``data`` (an SVG file's bytes) with ``error`` unless it is safe and small enough to parse.

    The message names the file (``name``) and, where there is one, the element.
    """
    gate = _Gate(name, error)
    return gate.run(data)


class _Gate:
    def __init__(self, name: str, error: type[ValueError]) -> None:
        self.name = name
        self.error = error
        self.elements: list[_Element] = []
        self.stack: list[int] = []
        self.sheets: list[list[str]] = []
        self.style_chars = 0
        self.in_style = 0
        self.pictures = 0
        self.picture_pixels = 0
        self.path_data = re.compile(_PATH_DATA)
        self.points = re.compile(_POINTS)
        self.number = re.compile(_NUMBER)
        self.digits = re.compile(rf"[0-9]{{{MAX_DIGITS + 1}}}")

    def refuse(self, message: Message) -> None:
        raise self.error(message)

    # --- the streaming pass ------------------------------------------------------------------

    def run(self, data: bytes) -> SvgSummary:
        from xml.parsers import expat

        parser = expat.ParserCreate(namespace_separator=_SEP)
        parser.buffer_text = True
        parser.buffer_size = 1 << 16
        parser.StartDoctypeDeclHandler = self._doctype
        parser.EntityDeclHandler = self._entity
        parser.UnparsedEntityDeclHandler = self._entity
        parser.NotationDeclHandler = self._entity
        parser.ExternalEntityRefHandler = self._external
        parser.SkippedEntityHandler = self._skipped
        parser.ProcessingInstructionHandler = self._instruction
        parser.CommentHandler = self._comment
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        try:
            parser.Parse(data, True)
        except expat.ExpatError as e:
            detail = expat.ErrorString(e.code) if e.code else str(e)
            self.refuse(
                Message(
                    "{file}: the file is not well-formed XML ({detail}, line {line}, column {column}).",
                    file=self.name,
                    detail=detail,
                    line=e.lineno,
                    column=e.offset + 1,
                )
            )
        except RecursionError:  # expat does not recurse; a handler raising this would be a bug of ours
            self.refuse(Message("{file}: the file is nested too deeply to read.", file=self.name))
        if not self.elements:
            self.refuse(Message("{file}: the file has no <svg> drawing in it.", file=self.name))
        self._check_styles()
        return self._expand()

    def _doctype(self, name: str, system: str | None, public: str | None, internal_subset: int) -> None:
        if len(system or "") + len(public or "") > MAX_TOKEN_CHARS:
            self._too_long(Message("the <!DOCTYPE>"))
        if internal_subset:
            self.refuse(
                Message(
                    "{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                    file=self.name,
                    what=Message("a DTD with declarations in it (<!DOCTYPE ... [...]>)"),
                )
            )

    def _entity(self, *args: object) -> None:
        self.refuse(
            Message(
                "{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                file=self.name,
                what=Message("an <!ENTITY> declaration"),
            )
        )

    def _external(self, *args: object) -> int:
        self.refuse(
            Message(
                "{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                file=self.name,
                what=Message("a reference to an external file"),
            )
        )
        return 0

    def _skipped(self, entity: str, is_parameter: int) -> None:
        self.refuse(
            Message(
                "{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                file=self.name,
                what=Message("a reference to an entity (&{entity};)", entity=entity),
            )
        )

    def _too_long(self, what: Message) -> None:
        self.refuse(
            Message(
                "{file}: {what} is longer than {limit:,} characters.", file=self.name, what=what, limit=MAX_TOKEN_CHARS
            )
        )

    def _comment(self, text: str) -> None:
        if len(text) > MAX_TOKEN_CHARS:
            self._too_long(Message("a comment"))

    def _instruction(self, target: str, data: str) -> None:
        if len(data) > MAX_TOKEN_CHARS:
            self._too_long(Message("a processing instruction (<?...?>)"))
        if target.lower() == "xml-stylesheet":
            self.refuse(
                Message(
                    "{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                    file=self.name,
                    what=Message("a link to a style sheet (<?xml-stylesheet?>)"),
                )
            )

    def _start(self, qname: str, attributes: dict[str, str]) -> None:
        namespace, _, tag = qname.rpartition(_SEP)
        index = len(self.elements)
        if index >= MAX_ELEMENTS:
            self.refuse(
                Message("{file}: the drawing has more than {limit:,} elements.", file=self.name, limit=MAX_ELEMENTS)
            )
        if len(self.stack) >= MAX_DEPTH:
            self.refuse(Message("{file}: elements are nested more than {limit} deep.", file=self.name, limit=MAX_DEPTH))
        if index == 0 and (tag != "svg" or namespace not in ("", _SVG_NS)):
            self.refuse(Message("{file}: the top element is <{tag}>, not <svg>.", file=self.name, tag=tag))
        el = _Element(tag if namespace in ("", _SVG_NS) else qname, self.stack[-1] if self.stack else -1)
        if self.stack:
            self.elements[self.stack[-1]].children.append(index)
        self.elements.append(el)
        self.stack.append(index)
        if len(attributes) > MAX_ATTRIBUTES:
            self.refuse(
                Message(
                    "{file}: {element} has more than {limit} attributes.",
                    file=self.name,
                    element=self._describe(attributes, tag),
                    limit=MAX_ATTRIBUTES,
                )
            )
        el.attributes = len(attributes)
        if sum(len(key) + len(value) for key, value in attributes.items()) > MAX_TOKEN_CHARS:
            self._too_long(Message("the start tag of {element}", element=self._describe(attributes, tag)))
        for key, value in attributes.items():
            el.chars += len(key) + len(value)
            self._attribute(el, key.rpartition(_SEP)[2], key, value, attributes)
        if el.tag == "style":
            self.in_style += 1
            self.sheets.append([])

    def _attribute(self, el: _Element, local: str, key: str, value: str, attributes: dict[str, str]) -> None:
        tag = el.tag
        if local == "id" and key == "id":
            el.id = value
        elif local == "class" and key == "class":
            el.classes = value.split(" ")
        if local == "href":
            self._href(el, value, attributes)
            if tag in _PICTURE_ELEMENTS:
                return  # an embedded picture: checked, may be long
        if local.endswith("ransform") or key == "style":
            el.transforms += value.count("(")
        if key == "d" or (key == "points" and tag in ("polygon", "polyline")):
            self._numbers(el, key, value, attributes)
        elif key == "style":
            self._style_attribute(el, value, attributes)
        elif len(value) > MAX_VALUE_CHARS and not key.startswith("data-"):
            self.refuse(
                Message(
                    '{file}: {element} has a "{attribute}" value longer than {limit:,} characters.',
                    file=self.name,
                    element=self._describe(attributes, tag),
                    attribute=local,
                    limit=MAX_VALUE_CHARS,
                )
            )
        if key == "font" and ";" in value:  # svgelements' font pattern backtracks on text after a semicolon
            self.refuse(
                Message(
                    '{file}: {element} has a "font" value with a ";" in it.',
                    file=self.name,
                    element=self._describe(attributes, tag),
                )
            )
        if key not in ("id", "class") and not key.startswith("data-") and self.digits.search(value):
            self.refuse(
                Message(
                    '{file}: {element} has a number of more than {limit} digits in its "{attribute}" value.',
                    file=self.name,
                    element=self._describe(attributes, tag),
                    limit=MAX_DIGITS,
                    attribute=local,
                )
            )

    def _href(self, el: _Element, value: str, attributes: dict[str, str]) -> None:
        link = value.strip()
        if el.tag in _PICTURE_ELEMENTS:
            self._picture(el, link, attributes)
            return
        if el.tag == "a":
            # a hyperlink (draw.io puts one in every file): QtSvg draws its content and never follows it
            return
        if not link.startswith("#"):
            self.refuse(
                Message(
                    '{file}: {element} links to "{link}"; links in art may point only inside the file (#id).',
                    file=self.name,
                    element=self._describe(attributes, el.tag),
                    link=link,
                )
            )
        if el.tag == "use":
            el.ref = link[1:]
            el.transforms += 1  # its x and y become a translation

    def _picture(self, el: _Element, link: str, attributes: dict[str, str]) -> None:
        """An <image>: only a base64 PNG or JPEG inside the file, of a size that is sane to decode."""
        element = self._describe(attributes, el.tag)
        head = link[:64].lower()
        if not head.startswith("data:"):
            self.refuse(
                Message(
                    '{file}: {element} links to "{link}"; art may embed pictures only as data: URIs '
                    "(inside the file), never take them from elsewhere.",
                    file=self.name,
                    element=element,
                    link=link,
                )
            )
        media = head[5:].split(";", 1)[0].split(",", 1)[0].strip()
        # QtSvg decodes whatever follows the last "base64,", and guesses the format from the bytes themselves
        at = link.rfind("base64,")
        if media not in _PICTURE_TYPES or at < 0:
            self.refuse(
                Message(
                    "{file}: {element} is not a base64 PNG or JPEG picture; embed pictures as "
                    "data:image/png;base64,... or data:image/jpeg;base64,...",
                    file=self.name,
                    element=element,
                )
            )
        import base64
        import binascii

        try:
            picture = base64.b64decode("".join(link[at + 7 :].split()), validate=False)
        except (binascii.Error, ValueError):
            self.refuse(
                Message(
                    "{file}: the picture in {element} is damaged (its base64 data cannot be read).",
                    file=self.name,
                    element=element,
                )
            )
            return
        width, height = _picture_size(picture, self.name, element, self.error)
        self.pictures += 1
        self.picture_pixels += width * height
        from reflexmap.files import MAX_LOGO_PIXELS

        if self.picture_pixels > MAX_LOGO_PIXELS:
            self.refuse(
                Message(
                    "{file}: the pictures embedded in it have more than {limit:,} pixels in all.",
                    file=self.name,
                    limit=MAX_LOGO_PIXELS,
                )
            )

    def _numbers(self, el: _Element, key: str, value: str, attributes: dict[str, str]) -> None:
        pattern = self.path_data if key == "d" else self.points
        matched = pattern.match(value)  # always matches, if only the empty string
        end = matched.end() if matched else 0
        if end != len(value):
            near = value[end : end + 12].strip()
            what = Message('"d" attribute') if key == "d" else Message('"points" attribute')
            self.refuse(
                Message(
                    '{file}: {element} has unreadable data in its {what} near "{near}".',
                    file=self.name,
                    element=self._describe(attributes, el.tag),
                    what=what,
                    near=near,
                )
            )
        el.numbers += self.number.subn("", value)[1]
        if el.numbers > MAX_PATH_NUMBERS:
            self._too_many_numbers()

    def _style_attribute(self, el: _Element, value: str, attributes: dict[str, str]) -> None:
        if len(value) > MAX_STYLE_ATTRIBUTE_CHARS:
            self.refuse(
                Message(
                    '{file}: {element} has a "style" value longer than {limit:,} characters.',
                    file=self.name,
                    element=self._describe(attributes, el.tag),
                    limit=MAX_STYLE_ATTRIBUTE_CHARS,
                )
            )
        for declaration in value.split(";"):  # as svgelements splits it
            if len(declaration) > MAX_VALUE_CHARS:
                self.refuse(
                    Message(
                        "{file}: {element} has a style declaration longer than {limit:,} characters.",
                        file=self.name,
                        element=self._describe(attributes, el.tag),
                        limit=MAX_VALUE_CHARS,
                    )
                )

    def _end(self, qname: str) -> None:
        el = self.elements[self.stack.pop()]
        if el.tag == "style":
            self.in_style -= 1

    def _text(self, text: str) -> None:
        if self.stack:
            self.elements[self.stack[-1]].chars += len(text)
        if self.in_style:
            self.elements[self.stack[-1]].sheet += len(text)
            self.style_chars += len(text)
            if self.style_chars > MAX_STYLE_CHARS:
                self._too_much_style()
            self.sheets[-1].append(text)

    def _describe(self, attributes: dict[str, str], tag: str) -> str:
        """``path id="heel-1"``, or ``rect data-zone="heel"``, or ``rect (element 12)``, counting from 1."""
        for attr in ("id", "data-zone"):
            if attributes.get(attr):
                return f'{tag} {attr}="{attributes[attr]}"'
        return f"{tag} (element {len(self.elements)})"

    def _too_many_numbers(self) -> None:
        self.refuse(
            Message(
                "{file}: the drawing's paths have more than {limit:,} numbers (counting each copy a "
                "<use> makes); simplify the paths.",
                file=self.name,
                limit=MAX_PATH_NUMBERS,
            )
        )

    def _too_much_style(self) -> None:
        self.refuse(
            Message(
                "{file}: the drawing's <style> sheets have more than {limit:,} characters (counting "
                "each copy a <use> makes).",
                file=self.name,
                limit=MAX_STYLE_CHARS,
            )
        )

    # --- style sheets, as svgelements reads them ---------------------------------------------------

    def _check_styles(self) -> None:
        """Each sheet must be plain rules; the declaration bytes each element matches count as its own."""
        self.styles: dict[str, int] = {}
        for parts in self.sheets:
            sheet = "".join(parts)
            last_open = sheet.rfind("/*")
            if last_open >= 0 and sheet.find("*/", last_open + 2) < 0:
                self.refuse(
                    Message("{file}: a <style> sheet has a comment that never ends (/* without */).", file=self.name)
                )
            sheet = re.sub(_CSS_COMMENT, "", sheet, flags=re.MULTILINE).strip()
            if "@import" in sheet.lower():
                self.refuse(
                    Message(
                        "{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                        file=self.name,
                        what=Message("a style sheet taken from elsewhere (@import)"),
                    )
                )
            if not re.fullmatch(_CSS_RULES, sheet):
                self.refuse(
                    Message(
                        "{file}: a <style> sheet is not a plain list of rules (it has nested rules, or "
                        "braces that do not pair); reflexmap cannot read it safely.",
                        file=self.name,
                    )
                )
            for rule in re.finditer(r"([^{}]+)\{([^{}]+)\}", sheet):
                size = len(rule.group(2))
                for selector in rule.group(1).split(","):
                    key = selector.strip()
                    self.styles[key] = self.styles.get(key, 0) + size
        if not self.styles:
            return
        for el in self.elements:
            el.chars += self._matched(el)

    def _matched(self, el: _Element) -> int:
        """Characters of declarations svgelements adds to ``el``'s style (its selectors: * tag #id .class tag.class)."""
        styles = self.styles
        size = styles.get("*", 0) + styles.get(el.tag, 0)
        if el.id is not None:
            size += styles.get("#" + el.id, 0)
        for name in el.classes:
            size += styles.get("." + name, 0) + styles.get(f"{el.tag}.{name}", 0)
        return size

    # --- what <use> makes of it, counted without expanding -------------------------------------------

    def _expand(self) -> SvgSummary:
        elements = self.elements
        by_id: dict[str, list[int]] = {}
        for index, el in enumerate(elements):
            if el.id is not None:
                by_id.setdefault(el.id, []).append(index)
        count = [0] * len(elements)
        numbers = [0] * len(elements)
        chars = [0] * len(elements)
        inherited = [0] * len(elements)
        transforms = [0] * len(elements)
        depth = [0] * len(elements)
        styles = [0] * len(elements)
        state = [0] * len(elements)  # 0 new, 1 on the path being counted, 2 counted
        has_style = bool(self.sheets)

        def edges(index: int) -> list[int]:
            el = elements[index]
            targets = by_id.get(el.ref, []) if el.ref is not None else []
            return el.children + targets

        stack: list[tuple[int, int]] = [(0, 0)]
        while stack:
            index, step = stack.pop()
            if step == 0:
                if state[index] == 2:
                    continue
                state[index] = 1
                stack.append((index, 1))
                for target in edges(index):
                    if state[target] == 1:
                        self.refuse(
                            Message("{file}: a <use> refers to itself or the nesting is too deep.", file=self.name)
                        )
                    if state[target] == 0:
                        stack.append((target, 0))
                continue
            el = elements[index]
            refs = by_id.get(el.ref, []) if el.ref is not None else []
            parts = el.children + ([max(refs, key=lambda i: count[i])] if refs else [])
            count[index] = 1 + sum(count[p] for p in parts)
            numbers[index] = el.numbers + sum(numbers[p] for p in parts)
            chars[index] = el.chars + sum(chars[p] for p in parts)
            inherited[index] = el.attributes * count[index] + sum(inherited[p] for p in parts)
            transforms[index] = el.transforms * count[index] + sum(transforms[p] for p in parts)
            depth[index] = 1 + max((depth[p] for p in parts), default=0)
            if has_style:
                styles[index] = el.sheet + sum(styles[p] for p in parts)
            state[index] = 2
            self._check_totals(
                count[index],
                numbers[index],
                chars[index],
                inherited[index],
                depth[index],
                styles[index],
                transforms[index],
            )
        return SvgSummary(
            elements=len(elements), rendered=count[0], path_numbers=numbers[0], depth=depth[0], pictures=self.pictures
        )

    def _check_totals(
        self, count: int, numbers: int, chars: int, inherited: int, depth: int, styles: int, transforms: int
    ) -> None:
        if count > MAX_RENDERED:
            self.refuse(
                Message(
                    "{file}: the drawing has more than {limit:,} elements once each <use> is expanded.",
                    file=self.name,
                    limit=MAX_RENDERED,
                )
            )
        if numbers > MAX_PATH_NUMBERS:
            self._too_many_numbers()
        if depth > MAX_DEPTH:
            self.refuse(
                Message(
                    "{file}: elements are nested more than {limit} deep (counting what each <use> copies).",
                    file=self.name,
                    limit=MAX_DEPTH,
                )
            )
        if styles > MAX_STYLE_CHARS:
            self._too_much_style()
        if chars > MAX_PROCESSED_CHARS:
            self.refuse(
                Message(
                    "{file}: the drawing's attributes, text and styles come to more than {limit:,} "
                    "characters once each <use> is expanded.",
                    file=self.name,
                    limit=MAX_PROCESSED_CHARS,
                )
            )
        if transforms > MAX_TRANSFORMS:
            self.refuse(
                Message(
                    "{file}: the drawing applies more than {limit:,} transforms (each element counting "
                    "those of the groups around it, and each copy a <use> makes).",
                    file=self.name,
                    limit=MAX_TRANSFORMS,
                )
            )
        if inherited > MAX_INHERITED:
            self.refuse(
                Message(
                    "{file}: the drawing's elements inherit more than {limit:,} attributes in all; "
                    "move attributes off the outer groups.",
                    file=self.name,
                    limit=MAX_INHERITED,
                )
            )


def _picture_size(data: bytes, file: str, element: str, error: type[ValueError]) -> tuple[int, int]:
    """(width, height) of an embedded PNG or JPEG, from its header."""
    from reflexmap.files import PNG_SIGNATURE, check_picture_size, check_png

    if data.startswith(PNG_SIGNATURE):
        return check_png(data, file, error)
    if data.startswith(b"\xff\xd8\xff"):
        size = _jpeg_size(data)
        if size is not None:
            check_picture_size(*size, file, error)
            return size
    raise error(Message("{file}: the picture in {element} is not a PNG or JPEG picture.", file=file, element=element))


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's first start-of-frame marker, or None."""
    import struct

    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            if pos + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        if length < 2:
            return None
        pos += 2 + length
    return None
