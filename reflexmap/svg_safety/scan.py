"""The gate's one streaming pass of expat over the bytes: declarations, instructions, comments, elements, text.

It keeps a small :class:`ElementRecord` per element and the text of each
``<style>``; each element's attributes go to :class:`Rules` as they are met,
and at the end the sheets go to :func:`check_sheets` and the records to
:func:`expand`, which counts what ``<use>`` makes of them.
"""

from __future__ import annotations

from reflexmap.messages import Message
from reflexmap.svg_safety.expansion import expand
from reflexmap.svg_safety.limits import MAX_DEPTH, MAX_ELEMENTS, MAX_STYLE_CHARS, MAX_TOKEN_CHARS, MAX_USES, MAX_ZONES
from reflexmap.svg_safety.records import ElementRecord, Refusal, SvgSummary
from reflexmap.svg_safety.rules import Rules
from reflexmap.svg_safety.sheets import check_sheets

_SVG_NS = "http://www.w3.org/2000/svg"
#: expat joins a namespace and a local name with this (a character no name can contain).
_SEP = " "


class Scan:
    """One file's pass through the gate (:meth:`run` refuses it or returns what was counted)."""

    def __init__(self, name: str, error: type[ValueError]) -> None:
        self.name = name
        self.refuse = Refusal(name, error)
        self.rules = Rules(self.refuse)
        self.elements: list[ElementRecord] = []
        self.stack: list[int] = []
        self.zones: set[str] = set()
        self.uses = 0
        self.sheets: list[list[str]] = []
        self.style_chars = 0
        self.in_style = 0

    def run(self, data: bytes) -> SvgSummary:
        """What the gate counted in ``data``; raises the error it was given at the first thing it refuses."""
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
        check_sheets(self.sheets, self.elements, self.refuse)
        return expand(self.elements, bool(self.sheets), self.rules.pictures, self.refuse)

    # --- what could reach past the file, and tokens too long to parse ---------------------------

    def _doctype(self, name: str, system: str | None, public: str | None, internal_subset: int) -> None:
        if len(system or "") + len(public or "") > MAX_TOKEN_CHARS:
            self.refuse.too_long(Message("the <!DOCTYPE>"))
        if internal_subset:
            self.refuse.unsafe(Message("a DTD with declarations in it (<!DOCTYPE ... [...]>)"))

    def _entity(self, *args: object) -> None:
        self.refuse.unsafe(Message("an <!ENTITY> declaration"))

    def _external(self, *args: object) -> int:
        self.refuse.unsafe(Message("a reference to an external file"))

    def _skipped(self, entity: str, is_parameter: int) -> None:
        self.refuse.unsafe(Message("a reference to an entity (&{entity};)", entity=entity))

    def _comment(self, text: str) -> None:
        if len(text) > MAX_TOKEN_CHARS:
            self.refuse.too_long(Message("a comment"))

    def _instruction(self, target: str, data: str) -> None:
        if len(data) > MAX_TOKEN_CHARS:
            self.refuse.too_long(Message("a processing instruction (<?...?>)"))
        if target.lower() == "xml-stylesheet":
            self.refuse.unsafe(Message("a link to a style sheet (<?xml-stylesheet?>)"))

    # --- the elements -------------------------------------------------------------------------

    def _start(self, qname: str, attributes: dict[str, str]) -> None:
        namespace, _, tag = qname.rpartition(_SEP)
        index = len(self.elements)
        if index >= MAX_ELEMENTS:
            self.refuse(
                Message("{file}: the drawing has more than {limit:,} elements.", file=self.name, limit=MAX_ELEMENTS)
            )
        if len(self.stack) >= MAX_DEPTH:
            self.refuse(Message("{file}: elements are nested more than {limit} deep.", file=self.name, limit=MAX_DEPTH))
        if tag == "use":
            self.uses += 1
            if self.uses > MAX_USES:
                self.refuse(
                    Message(
                        "{file}: the drawing has more than {limit:,} <use> elements.", file=self.name, limit=MAX_USES
                    )
                )
        zone = attributes.get("data-zone", "").strip()
        if zone and zone not in self.zones:
            self.zones.add(zone)
            if len(self.zones) > MAX_ZONES:
                self.refuse(
                    Message(
                        "{file}: the drawing names more than {limit} zones (data-zone); a foot chart has a handful.",
                        file=self.name,
                        limit=MAX_ZONES,
                    )
                )
        if index == 0 and (tag != "svg" or namespace not in ("", _SVG_NS)):
            self.refuse(Message("{file}: the top element is <{tag}>, not <svg>.", file=self.name, tag=tag))
        el = ElementRecord(tag if namespace in ("", _SVG_NS) else qname, self.stack[-1] if self.stack else -1)
        if self.stack:
            self.elements[self.stack[-1]].children.append(index)
        self.elements.append(el)
        self.stack.append(index)
        self.rules.check(el, tag, attributes, index + 1)
        if el.tag == "style":
            self.in_style += 1
            self.sheets.append([])

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
                self.refuse.too_much_style()
            self.sheets[-1].append(text)
