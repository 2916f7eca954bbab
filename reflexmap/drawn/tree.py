"""The art read as the picture engine reads it: every element with its name as written and its line.

QtSvg ignores namespaces but finds a ``<use>``'s target by the literal
``xlink:href`` or ``href``, so the file is read with expat without namespace
processing.  DTDs with an internal subset and entities are refused, as the
safety gate before it refuses them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NoReturn

from reflexmap.messages import Message


class DrawingError(ValueError):
    """The picture engine cannot draw the art; the message names the file and the problem."""


class Element:
    """One XML element as written in the file, with its line.

    ``name`` and the attribute names are kept exactly as written, prefixes
    and ``xmlns`` declarations included, because that is how the engine reads
    them (it finds ``<use>``'s target by the literal ``xlink:href`` or
    ``href``); ``tag`` is the name without its prefix, which is all the
    engine looks at to know an element.
    """

    __slots__ = ("attrib", "children", "line", "name", "parent", "role", "tag", "tail", "text")

    def __init__(self, name: str, attrib: dict[str, str], line: int, parent: Element | None) -> None:
        self.name = name
        self.tag = name.rsplit(":", 1)[-1]
        self.attrib = attrib
        self.line = line
        self.parent = parent
        self.children: list[Element] = []
        self.text = ""
        self.tail = ""
        #: In a layer document: layers.CONTAINER, layers.HIDDEN, a layer number, or None (not reached by the walk).
        self.role: int | None = None

    def iter(self) -> Iterator[Element]:
        """This element and every element below it, in document order."""
        stack = [self]
        while stack:
            el = stack.pop()
            yield el
            stack.extend(reversed(el.children))

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def copy(self, parent: Element | None) -> Element:
        twin = Element(self.name, dict(self.attrib), self.line, parent)
        twin.text, twin.tail = self.text, self.tail
        twin.children = [child.copy(twin) for child in self.children]
        return twin

    def href_attribute(self) -> str | None:
        """Which attribute names a ``<use>``'s target: ``xlink:href`` first, as the engine reads it."""
        for attr in ("xlink:href", "href"):
            if attr in self.attrib:
                return attr
        return None

    def href(self) -> str | None:
        """The id a ``<use>`` points to, if it points into this document."""
        attr = self.href_attribute()
        ref = self.attrib[attr].strip() if attr else ""
        return ref[1:] if ref.startswith("#") else None


def parse(data: bytes, name: str) -> Element:
    """The root element of ``data``, with line numbers.  Raises :class:`DrawingError`.

    DTDs with an internal subset, entity declarations and external entities
    are refused, as the safety check before it refuses them.
    """
    import xml.parsers.expat as expat

    parser = expat.ParserCreate()  # no namespace processing: names as written, as the engine reads them
    parser.buffer_text = True
    stack: list[Element] = []
    found: list[Element] = []

    def refuse(*_args: object) -> NoReturn:
        raise DrawingError(
            Message("{file}: the file declares entities, which reflexmap refuses for safety.", file=name)
        )

    def doctype(_name: str, _system: str | None, _public: str | None, internal: bool) -> None:
        if internal:
            refuse()

    def start(tag: str, attrs: dict[str, str]) -> None:
        parent = stack[-1] if stack else None
        el = Element(tag, attrs, parser.CurrentLineNumber, parent)
        if parent is None:
            found.append(el)
        else:
            parent.children.append(el)
        stack.append(el)

    def end(_tag: str) -> None:
        stack.pop()

    def characters(text: str) -> None:
        if stack:
            top = stack[-1]
            if top.children:
                top.children[-1].tail += text
            else:
                top.text += text

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SkippedEntityHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as e:
        detail = str(e)
        raise DrawingError(
            Message("{file}: the file is not well-formed XML ({detail}).", file=name, detail=detail)
        ) from None
    if not found or found[0].tag != "svg":
        raise DrawingError(Message("{file}: the file has no <svg> drawing in it.", file=name))
    return found[0]
