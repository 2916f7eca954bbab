"""Refresh assets/i18n/reflexmap_uk.ts from the sources (keeps the translations made so far).

    python tools/update_translations.py

UI strings are found by PySide6's lupdate (``self.tr(...)``,
``QCoreApplication.translate(...)``).  The model's sentences are
``Message("template", ...)`` calls in Qt-free modules, which lupdate cannot
see: this script finds them with ``ast`` and hands lupdate a generated file of
``QT_TRANSLATE_NOOP("messages", ...)`` lines.  Then translate the new entries
(Qt Linguist: ``pyside6-linguist assets/i18n/reflexmap_uk.ts``); the build
compiles the .ts to .qm.

A string that moved to another class (a new translation context) keeps the
translation it had: entries lupdate leaves unfinished are filled from the
previous file's translation of the same source text.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "i18n" / "reflexmap_uk.ts"


def message_templates(package: Path) -> list[str]:
    """Every literal template passed to ``Message(...)`` in the package."""
    found: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Message"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return sorted(found)


def sources() -> list[Path]:
    return sorted(p for p in (ROOT / "reflexmap").rglob("*.py"))


def run_lupdate(ts: Path) -> None:
    import PySide6

    lupdate = Path(PySide6.__file__).resolve().parent / "lupdate"
    with tempfile.TemporaryDirectory() as tmp:
        extra = Path(tmp) / "messages_for_lupdate.py"
        lines = ["from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
        lines += [f"QT_TRANSLATE_NOOP({'messages'!r}, {t!r})" for t in message_templates(ROOT / "reflexmap")]
        extra.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files = [str(p) for p in sources()] + [str(extra)]
        subprocess.run(
            [
                str(lupdate),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                "uk_UA",
                *files,
                "-ts",
                str(ts),
            ],
            check=True,
        )


def translations(ts: Path) -> dict[str, ET.Element]:
    """Each finished entry's source text and its ``<translation>`` element."""
    found: dict[str, ET.Element] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or translation.get("type") in ("unfinished", "obsolete"):
            continue
        found.setdefault(source.text or "", translation)
    return found


def carry_over(ts: Path, previous: dict[str, ET.Element]) -> int:
    """Fill unfinished entries of ``ts`` from ``previous`` translations of the same text; how many."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or translation.get("type") != "unfinished":
            continue
        old = previous.get(source.text or "")
        if old is None:
            continue
        message.remove(translation)
        copy = ET.fromstring(ET.tostring(old))
        copy.tail = translation.tail
        message.append(copy)
        filled += 1
    if filled:
        ET.indent(tree, space="    ")
        with ts.open("wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8", xml_declaration=False)
            out.write(b"\n")
    return filled


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else TS
    before = translations(target) if target.exists() else {}
    run_lupdate(target)
    moved = carry_over(target, before)
    if moved:
        run_lupdate(target)  # once more, to write the file in lupdate's own layout
    print(f"updated {target}" + (f" ({moved} moved strings kept their translation)" if moved else ""))
