"""The hostile corpus: what each file is, how it is handed to reflexmap, what must be said.

Shared by tests/test_hostile.py and benchmarks/hostile.py.  The three largest
inputs are written on demand instead of being kept in git.
"""

from __future__ import annotations

import shutil
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent

#: file -> (how it is handed over, the sentence expected)
CASES = {
    "billion-laughs.svg": ("--art", "billion-laughs.svg: the file contains a DTD"),
    "external-entity.svg": ("--art", "external-entity.svg: the file contains a DTD"),
    "huge.svg": ("--art", "huge.svg: the file is 104,857,600 bytes; the limit is 8,388,608."),
    "deep.svg": ("--art", "deep.svg: elements are nested more than 64 deep."),
    "use-loop.svg": ("--art", "use-loop.svg: a <use> refers to itself or the nesting is too deep."),
    "nan-coordinates.svg": ("--art", 'nan-coordinates.svg: path data-zone="heel" has unreadable data'),
    "huge-coordinates.svg": ("--art", 'huge-coordinates.svg: element "heel" has a coordinate that is not a usable'),
    "zero-viewbox.svg": ("--art", "zero-viewbox.svg: the viewBox has zero width or height."),
    "binary-junk.toml": ("--routines", "binary-junk.toml: line 2 is not UTF-8 text"),
    "million-steps.toml": ("--routines", "million-steps.toml: the file is"),
    "durations-1e12.toml": ("--routines", "durations-1e12.toml: step 1, field duration: 1e+12 seconds is too long"),
    "not-utf8.toml": ("--routines", "not-utf8.toml: line 1 is not UTF-8 text"),
    "bad-pin-hash.toml": ("--config", "bad-pin-hash.toml: line 3, field kiosk.pin_hash: is not a PIN hash"),
}


def make(name: str, folder: Path) -> Path:
    path = folder / name
    if name == "huge.svg":
        with open(path, "wb") as f:  # 100 MB: a header, then spaces
            f.write(b'<svg xmlns="http://www.w3.org/2000/svg">')
            f.truncate(100 * 1024 * 1024)
    elif name == "deep.svg":
        path.write_text('<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 10_000 + "</g>" * 10_000 + "</svg>")
    elif name == "million-steps.toml":
        step = '[[steps]]\nzone = "heel"\nfoot = "left"\nduration = 1\ninstruction = { en = "a", uk = "б" }\n'
        with open(path, "w", encoding="utf-8") as f:
            f.write('name = { en = "Many", uk = "Багато" }\ndescription = { en = "x", uk = "х" }\n')
            f.writelines(step * 10_000 for _ in range(1_000_000 // 10_000))
    else:
        shutil.copy(HOSTILE / name, path)
    return path
