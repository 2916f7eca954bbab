"""The rules for each element's attributes: links, embedded pictures, path data, styles, lengths, digits.

Each attribute is checked as the scan meets it, against what svgelements
and QtSvg will later do with it: a link must stay inside the file, a picture
must be a base64 PNG or JPEG of a sane size, path data must read to its end
(svgelements silently truncates it), and no value may be long enough to make
svgelements' regular expressions backtrack.
"""

from __future__ import annotations

import re

from reflexmap.messages import Message
from reflexmap.svg_safety.limits import (
    ARC_WEIGHT,
    MAX_ATTRIBUTES,
    MAX_DIGITS,
    MAX_PATH_NUMBERS,
    MAX_STYLE_ATTRIBUTE_CHARS,
    MAX_TOKEN_CHARS,
    MAX_VALUE_CHARS,
)
from reflexmap.svg_safety.records import ElementRecord, Refusal

#: expat joins a namespace and a local name with this (a character no name can contain).
_SEP = " "
#: One token of path data, possessive (never backtracks): compiled when a file is first checked.
_NUMBER = r"[-+]?+(?:[0-9]++\.?+[0-9]*+|\.[0-9]++)(?:[eE][-+]?+[0-9]++)?+"
_PATH_DATA = r"(?:[\s,]*+(?:[MmZzLlHhVvCcSsQqTtAa]|" + _NUMBER + r"))*+[\s,]*+"
_POINTS = r"(?:[\s,]*+" + _NUMBER + r")*+[\s,]*+"
_PICTURE_TYPES = ("image/png", "image/jpeg", "image/jpg")
_PICTURE_ELEMENTS = ("image", "feImage")


class Rules:
    """Checks each element's attributes as the scan meets them, and counts the pictures embedded so far."""

    def __init__(self, refuse: Refusal) -> None:
        self.name = refuse.name
        self.refuse = refuse
        self.pictures = 0
        self.picture_pixels = 0
        self.path_data = re.compile(_PATH_DATA)
        self.points = re.compile(_POINTS)
        self.number = re.compile(_NUMBER)
        self.arcs = re.compile(r"[Aa][^MmZzLlHhVvCcSsQqTtAa]*+")
        self.digits = re.compile(rf"[0-9]{{{MAX_DIGITS + 1}}}")
        self._number = 0  # the element being checked, counting from 1 (for the sentences)

    def check(self, el: ElementRecord, tag: str, attributes: dict[str, str], number: int) -> None:
        """The attributes of element ``number`` (counting from 1), whose local name is ``tag``."""
        self._number = number
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
            self.refuse.too_long(Message("the start tag of {element}", element=self._describe(attributes, tag)))
        for key, value in attributes.items():
            el.chars += len(key) + len(value)
            self._attribute(el, key.rpartition(_SEP)[2], key, value, attributes)

    def _describe(self, attributes: dict[str, str], tag: str) -> str:
        """``path id="heel-1"``, or ``rect data-zone="heel"``, or ``rect (element 12)``, counting from 1."""
        for attr in ("id", "data-zone"):
            if attributes.get(attr):
                return f'{tag} {attr}="{attributes[attr]}"'
        return f"{tag} (element {self._number})"

    def _attribute(self, el: ElementRecord, local: str, key: str, value: str, attributes: dict[str, str]) -> None:
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

    def _href(self, el: ElementRecord, value: str, attributes: dict[str, str]) -> None:
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

    def _picture(self, el: ElementRecord, link: str, attributes: dict[str, str]) -> None:
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
        width, height = _picture_size(picture, self.name, element, self.refuse.error)
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

    def _numbers(self, el: ElementRecord, key: str, value: str, attributes: dict[str, str]) -> None:
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
        if key == "d" and ("a" in value or "A" in value):  # svgelements makes curves of each arc: it weighs more
            el.numbers += (ARC_WEIGHT - 1) * sum(self.number.subn("", arc)[1] for arc in self.arcs.findall(value))
        if el.numbers > MAX_PATH_NUMBERS:
            self.refuse.too_many_numbers()

    def _style_attribute(self, el: ElementRecord, value: str, attributes: dict[str, str]) -> None:
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
