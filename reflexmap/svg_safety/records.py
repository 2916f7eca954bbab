"""What the gate's parts share: the small record kept per element, the summary, and how a file is refused."""

from __future__ import annotations

from typing import NoReturn

from reflexmap.messages import Message
from reflexmap.record import record
from reflexmap.svg_safety.limits import MAX_PATH_NUMBERS, MAX_STYLE_CHARS, MAX_TOKEN_CHARS


@record
class SvgSummary:
    """What the gate counted in a file that passed it."""

    elements: int
    rendered: int
    path_numbers: int
    depth: int
    pictures: int


class ElementRecord:
    """One element as the gate counts it (nothing of the drawing itself is kept)."""

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


class Refusal:
    """Refuses the file ``name`` with ``error``; the sentences more than one part of the gate says."""

    def __init__(self, name: str, error: type[ValueError]) -> None:
        self.name = name
        self.error = error

    def __call__(self, message: Message) -> NoReturn:
        raise self.error(message)

    def unsafe(self, what: Message) -> NoReturn:
        """The file contains ``what``, which could reach past it."""
        self(
            Message(
                "{file}: the file contains {what}, which reflexmap refuses for safety; remove it.",
                file=self.name,
                what=what,
            )
        )

    def too_long(self, what: Message) -> NoReturn:
        """``what`` (a token: a start tag, a comment...) is too long for the parsers beneath."""
        self(
            Message(
                "{file}: {what} is longer than {limit:,} characters.", file=self.name, what=what, limit=MAX_TOKEN_CHARS
            )
        )

    def too_many_numbers(self) -> NoReturn:
        """The paths have too many numbers (said per element as the scan goes, and for the totals)."""
        self(
            Message(
                "{file}: the drawing's paths have more than {limit:,} numbers (counting each copy a "
                "<use> makes); simplify the paths.",
                file=self.name,
                limit=MAX_PATH_NUMBERS,
            )
        )

    def too_much_style(self) -> NoReturn:
        """The style sheets are too long (said as the scan goes, and for the totals)."""
        self(
            Message(
                "{file}: the drawing's <style> sheets have more than {limit:,} characters (counting "
                "each copy a <use> makes).",
                file=self.name,
                limit=MAX_STYLE_CHARS,
            )
        )
