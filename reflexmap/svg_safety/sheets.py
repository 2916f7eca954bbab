"""``<style>`` sheets, as svgelements reads them: plain rules only, and what each element's selectors add to it."""

from __future__ import annotations

import re

from reflexmap.messages import Message
from reflexmap.svg_safety.records import ElementRecord, Refusal

#: svgelements' own comment pattern (REGEX_CSS_COMMENT): the sheet is checked as svgelements will see it.
_CSS_COMMENT = r"\/\*[\s\S]*?\*\/|\/\/.*$"
#: Rules ``selector { declarations }`` with no nesting: svgelements' REGEX_CSS_STYLE reads these in linear time.
_CSS_RULES = r"(?:[^{}]++\{[^{}]++\}\s*+)*+"


def check_sheets(sheets: list[list[str]], elements: list[ElementRecord], refuse: Refusal) -> None:
    """Each sheet must be plain rules; the declaration bytes each element matches count as its own."""
    styles: dict[str, int] = {}
    for parts in sheets:
        sheet = "".join(parts)
        last_open = sheet.rfind("/*")
        if last_open >= 0 and sheet.find("*/", last_open + 2) < 0:
            refuse(Message("{file}: a <style> sheet has a comment that never ends (/* without */).", file=refuse.name))
        sheet = re.sub(_CSS_COMMENT, "", sheet, flags=re.MULTILINE).strip()
        if "@import" in sheet.lower():
            refuse.unsafe(Message("a style sheet taken from elsewhere (@import)"))
        if not re.fullmatch(_CSS_RULES, sheet):
            refuse(
                Message(
                    "{file}: a <style> sheet is not a plain list of rules (it has nested rules, or "
                    "braces that do not pair); reflexmap cannot read it safely.",
                    file=refuse.name,
                )
            )
        for rule in re.finditer(r"([^{}]+)\{([^{}]+)\}", sheet):
            size = len(rule.group(2))
            for selector in rule.group(1).split(","):
                key = selector.strip()
                styles[key] = styles.get(key, 0) + size
    if not styles:
        return
    for el in elements:
        el.chars += _matched(styles, el)


def _matched(styles: dict[str, int], el: ElementRecord) -> int:
    """Characters of declarations svgelements adds to ``el``'s style (its selectors: * tag #id .class tag.class)."""
    size = styles.get("*", 0) + styles.get(el.tag, 0)
    if el.id is not None:
        size += styles.get("#" + el.id, 0)
    for name in el.classes:
        size += styles.get("." + name, 0) + styles.get(f"{el.tag}.{name}", 0)
    return size
