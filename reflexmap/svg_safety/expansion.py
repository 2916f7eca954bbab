"""What ``<use>`` makes of the file, counted without expanding anything, against the gate's totals.

Each element's totals (elements, path numbers, characters, inherited
attributes, transforms, depth, style sheet) are its own plus those of its
children and of the largest element its ``<use>`` points to, so a fan-out
of uses is refused at once, before any library expands it.
"""

from __future__ import annotations

from reflexmap.messages import Message
from reflexmap.svg_safety.limits import (
    MAX_DEPTH,
    MAX_INHERITED,
    MAX_PATH_NUMBERS,
    MAX_PROCESSED_CHARS,
    MAX_RENDERED,
    MAX_STYLE_CHARS,
    MAX_TRANSFORMS,
)
from reflexmap.svg_safety.records import ElementRecord, Refusal, SvgSummary


def expand(elements: list[ElementRecord], has_style: bool, pictures: int, refuse: Refusal) -> SvgSummary:
    """The totals of the file once every ``<use>`` is expanded; refuses a cycle or any total beyond its limit."""
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
                    refuse(Message("{file}: a <use> refers to itself or the nesting is too deep.", file=refuse.name))
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
        _check_totals(
            refuse,
            count[index],
            numbers[index],
            chars[index],
            inherited[index],
            depth[index],
            styles[index],
            transforms[index],
        )
    return SvgSummary(
        elements=len(elements), rendered=count[0], path_numbers=numbers[0], depth=depth[0], pictures=pictures
    )


def _check_totals(
    refuse: Refusal, count: int, numbers: int, chars: int, inherited: int, depth: int, styles: int, transforms: int
) -> None:
    if count > MAX_RENDERED:
        refuse(
            Message(
                "{file}: the drawing has more than {limit:,} elements once each <use> is expanded.",
                file=refuse.name,
                limit=MAX_RENDERED,
            )
        )
    if numbers > MAX_PATH_NUMBERS:
        refuse.too_many_numbers()
    if depth > MAX_DEPTH:
        refuse(
            Message(
                "{file}: elements are nested more than {limit} deep (counting what each <use> copies).",
                file=refuse.name,
                limit=MAX_DEPTH,
            )
        )
    if styles > MAX_STYLE_CHARS:
        refuse.too_much_style()
    if chars > MAX_PROCESSED_CHARS:
        refuse(
            Message(
                "{file}: the drawing's attributes, text and styles come to more than {limit:,} "
                "characters once each <use> is expanded.",
                file=refuse.name,
                limit=MAX_PROCESSED_CHARS,
            )
        )
    if transforms > MAX_TRANSFORMS:
        refuse(
            Message(
                "{file}: the drawing applies more than {limit:,} transforms (each element counting "
                "those of the groups around it, and each copy a <use> makes).",
                file=refuse.name,
                limit=MAX_TRANSFORMS,
            )
        )
    if inherited > MAX_INHERITED:
        refuse(
            Message(
                "{file}: the drawing's elements inherit more than {limit:,} attributes in all; "
                "move attributes off the outer groups.",
                file=refuse.name,
                limit=MAX_INHERITED,
            )
        )
