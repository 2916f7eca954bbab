"""The hostile corpus: what each input is, how it is handed to reflexmap, what must be said.

Shared by tests/test_hostile.py and benchmarks/hostile.py.  Small inputs are
files in this folder; big ones, special files (pipes, links to devices) and
inputs with awkward names are made on demand by :func:`make`.

Each :class:`Case` is handed to ``reflexmap check`` with ``option`` (``--art``,
``--config`` or ``--routines``) and must produce a line containing
``expect`` (which starts with the file's name and names the field where
there is one), or, with ``accepted``, pass.
"""

from __future__ import annotations

import gzip
import os
import shutil
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HOSTILE = Path(__file__).resolve().parent

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100">'
RECT = '<rect data-zone="heel" width="10" height="10"/>'
ROUTINE = (
    'name = {{ en = "R", uk = "Р" }}\ndescription = {{ en = "d", uk = "о" }}\n'
    '[[steps]]\nzone = {zone}\nfoot = "left"\nduration = {duration}\ninstruction = {{ en = "a", uk = "б" }}\n'
)
#: A name with a terminal escape, a carriage return that would overwrite the line, and a bidi override.
EVIL_NAME = "e\x1b[2K\rcheck: no problems\u202egvs"
LOOKALIKE = "t\u043ees"  # Cyrillic о in "toes"


@dataclass(frozen=True)
class Case:
    """One hostile input: how it is made, how it is handed over, what reflexmap must say about it."""

    option: str  # --art, --config or --routines (the folder the file is in)
    expect: str  # a line of `check` contains this (the file's name first)
    make: Callable[[Path], Path] | None = None  # writes the input into a folder; None: the file of this name here
    accepted: bool = False  # the input is fine: `check` passes


# --- makers ---------------------------------------------------------------------------------------------


def _text(name: str, text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _huge(folder: Path) -> Path:
    path = folder / "huge.svg"
    with open(path, "wb") as f:  # 100 MB: a header, then nothing (sparse)
        f.write(b'<svg xmlns="http://www.w3.org/2000/svg">')
        f.truncate(100 * 1024 * 1024)
    return path


def _million_steps(folder: Path) -> Path:
    path = folder / "million-steps.toml"
    step = '[[steps]]\nzone = "heel"\nfoot = "left"\nduration = 1\ninstruction = { en = "a", uk = "б" }\n'
    with open(path, "w", encoding="utf-8") as f:
        f.write('name = { en = "Many", uk = "Багато" }\ndescription = { en = "x", uk = "х" }\n')
        f.writelines(step * 10_000 for _ in range(100))
    return path


def _fifo(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path

    return make


def _device_link(name: str) -> Callable[[Path], Path]:
    """A link named like an input that points at /dev/zero (which reads forever)."""

    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to("/dev/zero")
        return path

    return make


def _gzip_bomb(name: str, megabytes: int = 200) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        chunk = b"<svg xmlns='http://www.w3.org/2000/svg'>" + b" " * (1024 * 1024 - 40)
        parts = [packer.compress(chunk)] + [packer.compress(b" " * (1024 * 1024)) for _ in range(megabytes - 1)]
        path = folder / name
        path.write_bytes(b"".join(parts) + packer.flush())
        return path

    return make


def _use_fanout(folder: Path) -> Path:
    """Each level's group holds two uses of the level below: 2**30 rectangles, no recursion."""
    levels = "".join(f'<g id="u{i + 1}"><use xlink:href="#u{i}"/><use xlink:href="#u{i}"/></g>' for i in range(30))
    return _text(
        "use-fanout.svg",
        f'{SVG}<defs><rect id="u0" width="1" height="1"/>{levels}</defs>'
        f'<use data-zone="heel" xlink:href="#u30"/></svg>',
    )(folder)


def _style_quadratic(folder: Path) -> Path:
    """A 20,000-character selector that never opens a rule: svgelements' style pattern takes 2.5 s (cubic in spaces)."""
    return _text("style-quadratic.svg", f"{SVG}<style>a{' ' * 20_000}b</style>{RECT}</svg>")(folder)


def _style_big(folder: Path) -> Path:
    rules = "".join(f".c{i} {{ fill: #123456 }}\n" for i in range(2_000))
    return _text("style-big.svg", f"{SVG}<style>{rules}</style>{RECT}</svg>")(folder)


def _pieces(count: int, name: str) -> Callable[[Path], Path]:
    """One zone of ``count`` disjoint pieces: uniting 20,000 took 39 s."""

    def make(folder: Path) -> Path:
        pieces = "".join(
            f'<rect x="{(i % 140) * 0.7}" y="{(i // 140) * 0.7}" width="0.5" height="0.5"/>' for i in range(count)
        )
        return _text(name, f'{SVG}<g data-zone="heel">{pieces}</g></svg>')(folder)

    return make


def _path_data(count: int, name: str) -> Callable[[Path], Path]:
    """Path data just under the 8 MiB cap in ``count`` paths: 1.9 million numbers (25 s and 1.6 GB before)."""

    def make(folder: Path) -> Path:
        each = (8 * 1024 * 1024 - 4096) // count // 5
        paths = "".join(f'<path data-zone="heel" d="M0 0{" L1 2" * each} Z"/>' for _ in range(count))
        return _text(name, f"{SVG}{paths}</svg>")(folder)

    return make


def _many_routines(folder: Path) -> Path:
    for i in range(250):
        (folder / f"r{i:03}.toml").write_text(ROUTINE.format(zone='"heel"', duration=10), encoding="utf-8")
    return folder / "r000.toml"


def _png(width: int, height: int, crc_ok: bool = True) -> bytes:
    header = struct.pack(">II5B", width, height, 8, 6, 0, 0, 0)
    crc = zlib.crc32(b"IHDR" + header) ^ (0 if crc_ok else 1)
    # a small picture gets its real pixels (a filter byte, then RGBA, each row); a bomb claims a size it lacks
    rows = (b"\0" + b"\0" * 4 * width) * height if width * height <= 1_000_000 else b"\0" * 16
    body = zlib.compress(rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", 13)
        + b"IHDR"
        + header
        + struct.pack(">I", crc)
        + struct.pack(">I", len(body))
        + b"IDAT"
        + body
        + struct.pack(">I", zlib.crc32(b"IDAT" + body))
        + struct.pack(">I", 0)
        + b"IEND"
        + struct.pack(">I", zlib.crc32(b"IEND"))
    )


def _embedded(name: str, media: str, picture: bytes) -> Callable[[Path], Path]:
    import base64

    uri = f"data:{media};base64,{base64.b64encode(picture).decode()}"
    return _text(name, f'{SVG}{RECT}<image width="5" height="5" xlink:href="{uri}"/></svg>')


def _image_of_fifo(folder: Path) -> Path:
    """Art whose <image> names a pipe next to it: drawing the map used to hang on it."""
    os.mkfifo(folder / "picture.png")
    return _text("image-fifo.svg", f'{SVG}{RECT}<image width="5" height="5" xlink:href="picture.png"/></svg>')(folder)


def _config_with(name: str, key: str, target: Callable[[Path], Path]) -> Callable[[Path], Path]:
    """A config whose ``key`` ("content", "branding.logo") names the input ``target`` makes."""

    def make(folder: Path) -> Path:
        path = target(folder)
        table, _, field = key.rpartition(".")
        header = f"[{table}]\n" if table else ""
        config = folder / name
        config.write_text(f'{header}{field} = "{path}"\n', encoding="utf-8")
        return config

    return make


def _nested_toml(name: str, kind: str, prefix: str = "", suffix: str = "") -> Callable[[Path], Path]:
    opening, closing = ("[", "]") if kind == "arrays" else ("{ a = ", " }")
    return _text(name, f"{prefix}x = {opening * 10_000}1{closing * 10_000}\n{suffix}")


def _evil_named(folder: Path) -> Path:
    return _text(EVIL_NAME + ".svg", f"{SVG}<rect")(folder)


def _evil_named_routine(folder: Path) -> Path:
    return _text(EVIL_NAME + ".toml", "name = [")(folder)


# --- the cases ------------------------------------------------------------------------------------------

CASES: dict[str, Case] = {
    # unsafe XML
    "billion-laughs.svg": Case("--art", "billion-laughs.svg: the file contains a DTD"),
    "external-entity.svg": Case("--art", "external-entity.svg: the file contains a DTD"),
    "doctype-subset.svg": Case(
        "--art",
        "doctype-subset.svg: the file contains a DTD with declarations in it",
        _text("doctype-subset.svg", f'<!DOCTYPE svg [ <!ATTLIST svg a CDATA "x"> ]>{SVG}{RECT}</svg>'),
    ),
    "doctype-affinity.svg": Case(
        "--art",
        "no problems",
        _text(
            "doctype-affinity.svg",
            '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC '
            '"-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
            f"{SVG}{RECT}</svg>",
        ),
        accepted=True,
    ),
    # markup in salon text: shown as the words it is, never as a picture of a local file (tests/ui/test_plain_text.py)
    "rich-text-config.toml": Case(
        "--config",
        "no problems",
        _text(
            "rich-text-config.toml",
            "[branding]\nsalon_name = \"<img src='/usr/share/pixmaps/debian-logo.png'>Seiz<b>ó</b>\"\n"
            "welcome = { en = \"<img src='/etc/x.png'>Hi\", uk = \"<a href='file:///etc'>Вітаємо</a>\" }\n",
        ),
        accepted=True,
    ),
    "rich-text-routine.toml": Case(
        "--routines",
        "no problems",
        _text(
            "rich-text-routine.toml",
            'name = { en = "<img src=\'/etc/x.png\'>Marked", uk = "<b>Позначена</b>" }\n'
            'description = { en = "<h1>Big</h1>", uk = "<i>Про неї</i>" }\n\n'
            '[[steps]]\nzone = "heel"\nfoot = "right"\nduration = 20\n'
            'instruction = { en = "<img src=\'/etc/x.png\'>Massage it.", uk = "<font size=40>Масажуйте</font>" }\n',
        ),
        accepted=True,
    ),
    "doctype-system-file.svg": Case(
        "--art",
        "no problems",
        _text("doctype-system-file.svg", f'<!DOCTYPE svg SYSTEM "file:///dev/zero">{SVG}{RECT}</svg>'),
        accepted=True,
    ),
    "xml-stylesheet.svg": Case(
        "--art",
        "xml-stylesheet.svg: the file contains a link to a style sheet",
        _text("xml-stylesheet.svg", f'<?xml-stylesheet href="/etc/passwd"?>{SVG}{RECT}</svg>'),
    ),
    # reaching past the file
    "image-absolute.svg": Case(
        "--art",
        'image-absolute.svg: image (element 3) links to "/etc/passwd"',
        _text("image-absolute.svg", f'{SVG}{RECT}<image width="5" height="5" xlink:href="/etc/passwd"/></svg>'),
    ),
    "image-relative.svg": Case(
        "--art",
        'image-relative.svg: image (element 3) links to "logo.png"',
        _text("image-relative.svg", f'{SVG}{RECT}<image width="5" height="5" href="logo.png"/></svg>'),
    ),
    "image-file-url.svg": Case(
        "--art",
        'image-file-url.svg: image (element 3) links to "file:///etc/passwd"',
        _text("image-file-url.svg", f'{SVG}{RECT}<image width="5" height="5" xlink:href="file:///etc/passwd"/></svg>'),
    ),
    "image-http.svg": Case(
        "--art",
        'image-http.svg: image (element 3) links to "http://example.com/a.png"',
        _text("image-http.svg", f'{SVG}{RECT}<image width="5" height="5" href="http://example.com/a.png"/></svg>'),
    ),
    "image-fifo.svg": Case("--art", 'image-fifo.svg: image (element 3) links to "picture.png"', _image_of_fifo),
    "image-data-svg.svg": Case(
        "--art",
        "image-data-svg.svg: image (element 3) is not a base64 PNG or JPEG",
        _embedded(
            "image-data-svg.svg",
            "image/svg+xml",
            b'<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/passwd"/></svg>',
        ),
    ),
    "image-png-bomb.svg": Case(
        "--art",
        "image-png-bomb.svg: the picture is 100,000 x 100,000 pixels",
        _embedded("image-png-bomb.svg", "image/png", _png(100_000, 100_000)),
    ),
    "image-data-png.svg": Case(
        "--art", "no problems", _embedded("image-data-png.svg", "image/png", _png(8, 8)), accepted=True
    ),
    "use-external.svg": Case(
        "--art",
        'use-external.svg: use data-zone="heel" links to "other.svg#a"',
        _text("use-external.svg", f'{SVG}<use data-zone="heel" xlink:href="other.svg#a"/></svg>'),
    ),
    # special files and sizes
    "huge.svg": Case("--art", "huge.svg: the file is 104,857,600 bytes; the limit is 8,388,608.", _huge),
    "fifo.svg": Case("--art", "fifo.svg: this is a named pipe (FIFO), not an ordinary file", _fifo("fifo.svg")),
    "zero.svg": Case("--art", "zero.svg: this is a device, not an ordinary file", _device_link("zero.svg")),
    "gzip-bomb.svgz": Case(
        "--art", "gzip-bomb.svgz: the file unpacks to more than 8,388,608 bytes", _gzip_bomb("gzip-bomb.svgz")
    ),
    # unbounded work
    "deep.svg": Case(
        "--art",
        "deep.svg: elements are nested more than 64 deep.",
        _text("deep.svg", '<svg xmlns="http://www.w3.org/2000/svg">' + "<g>" * 10_000 + "</g>" * 10_000 + "</svg>"),
    ),
    "use-loop.svg": Case("--art", "use-loop.svg: a <use> refers to itself or the nesting is too deep."),
    "use-fanout.svg": Case(
        "--art", "use-fanout.svg: the drawing has more than 8,000 elements once each <use> is expanded.", _use_fanout
    ),
    "style-quadratic.svg": Case(
        "--art", "style-quadratic.svg: a <style> sheet is not a plain list of rules", _style_quadratic
    ),
    "style-big.svg": Case(
        "--art", "style-big.svg: the drawing's <style> sheets have more than 32,768 characters", _style_big
    ),
    "pieces.svg": Case("--art", "pieces.svg: the drawing has more than 8,000 elements.", _pieces(19_990, "pieces.svg")),
    "pieces-2500.svg": Case(
        "--art", "pieces-2500.svg: zone heel is drawn in more than 2,000 pieces", _pieces(2_500, "pieces-2500.svg")
    ),
    # 1,990 uses in 63 zones taking turns: 1,990 layers, each a rendering of 4,000 elements (4,990 took 15 GB)
    "zones-taking-turns.svg": Case(
        "--art",
        "zones-taking-turns.svg: its zones are drawn in 1,990 separate runs among 3,983 elements",
        _text(
            "zones-taking-turns.svg",
            SVG
            + '<defs><path id="p" d="M0 0 L1 2"/></defs>'
            + "".join(f'<use data-zone="z{i % 63}" xlink:href="#p" x="{i % 100}"/>' for i in range(1_990))
            + "</svg>",
        ),
    ),
    "uses.svg": Case(
        "--art",
        "uses.svg: the drawing has more than 2,000 <use> elements.",
        _text(
            "uses.svg",
            f'{SVG}<defs><rect id="p" width="1" height="1"/></defs>'
            + "".join(f'<use xlink:href="#p" x="{i % 100}"/>' for i in range(2_001))
            + f"{RECT}</svg>",
        ),
    ),
    "zones-many.svg": Case(
        "--art",
        "zones-many.svg: the drawing names more than 64 zones (data-zone)",
        _text(
            "zones-many.svg",
            SVG + "".join(f'<rect data-zone="z{i}" x="{i}" width="1" height="1"/>' for i in range(65)) + "</svg>",
        ),
    ),
    "path-data.svg": Case(
        "--art",
        'path-data.svg: the start tag of path data-zone="heel" is longer than 2,097,152 characters.',
        _path_data(1, "path-data.svg"),
    ),
    "path-numbers.svg": Case(
        "--art",
        "path-numbers.svg: the drawing's paths have more than 100,000 numbers",
        _path_data(5, "path-numbers.svg"),
    ),
    # 1,990 uses of four arcs each: 59,700 numbers, but arcs weigh three times (4,990 of two took svgelements 2.6 s)
    "arcs.svg": Case(
        "--art",
        "arcs.svg: the drawing's paths have more than 100,000 numbers",
        _text(
            "arcs.svg",
            f'{SVG}<defs><path id="p" d="M0 0 A5 5 0 0 1 10 10 A5 5 0 0 1 0 0 A5 5 0 0 1 10 10 A5 5 0 0 1 0 0 Z"/>'
            + "</defs>"
            + "".join(f'<use xlink:href="#p" x="{i % 100}" y="{i // 100}"/>' for i in range(1_990))
            + f"{RECT}</svg>",
        ),
    ),
    "transforms.svg": Case(
        "--art",
        "transforms.svg: the drawing applies more than 150,000 transforms",
        _text(
            "transforms.svg",
            SVG
            + "".join(f'<g transform="{"rotate(1)" * 100}">' for _ in range(40))
            + RECT * 100
            + "</g>" * 40
            + "</svg>",
        ),
    ),
    # what svgelements raises, and odd numbers
    "rx-em.svg": Case(
        "--art",
        'rx-em.svg: line 1: svgelements could not read this <rect> (zone "heel"): em units were not determined',
        _text("rx-em.svg", f'{SVG}<rect data-zone="heel" width="10" height="10" rx="1em"/></svg>'),
    ),
    "nan-coordinates.svg": Case("--art", 'nan-coordinates.svg: path data-zone="heel" has unreadable data'),
    "huge-coordinates.svg": Case("--art", 'huge-coordinates.svg: element "heel" has a coordinate that is not a usable'),
    "number-1e308.svg": Case(
        "--art",
        "number-1e308.svg: the drawing's width or height is absurdly large.",
        _text("number-1e308.svg", f'<svg xmlns="http://www.w3.org/2000/svg" width="1e308" height="10">{RECT}</svg>'),
    ),
    "zero-viewbox.svg": Case("--art", "zero-viewbox.svg: the viewBox has zero width or height."),
    # names that try to fool a person
    "evil-name.svg": Case(
        "--art", "e\\u001b[2K\\u000dcheck: no problems\\u202egvs.svg: the file is not well-formed XML", _evil_named
    ),
    "zone-control.svg": Case(
        "--art",
        "zone-control.svg: none of its data-zone names (he\\u000del\\u202e",
        _text("zone-control.svg", f'{SVG}<rect data-zone="he&#13;el\u202e" width="10" height="10"/></svg>'),
    ),
    "zone-10kb.svg": Case(
        "--art",
        "zone-10kb.svg: none of its data-zone names",
        _text("zone-10kb.svg", f'{SVG}<rect data-zone="{"x" * 10_000}" width="10" height="10"/></svg>'),
    ),
    "zone-lookalike.svg": Case(
        "--art",
        f"zone-lookalike.svg: none of its data-zone names ({LOOKALIKE} (U+043E CYRILLIC SMALL LETTER O at position 2))",
        _text("zone-lookalike.svg", f'{SVG}<rect data-zone="{LOOKALIKE}" width="10" height="10"/></svg>'),
    ),
    # routines
    "binary-junk.toml": Case("--routines", "binary-junk.toml: line 2 is not UTF-8 text"),
    "million-steps.toml": Case("--routines", "million-steps.toml: the file is", _million_steps),
    "durations-1e12.toml": Case("--routines", "durations-1e12.toml: step 1, field duration: 1e+12 seconds is too long"),
    "not-utf8.toml": Case("--routines", "not-utf8.toml: line 1 is not UTF-8 text"),
    "routine-fifo.toml": Case(
        "--routines", "routine-fifo.toml: this is a named pipe (FIFO)", _fifo("routine-fifo.toml")
    ),
    "routine-zero.toml": Case("--routines", "routine-zero.toml: this is a device", _device_link("routine-zero.toml")),
    "routine-nested-arrays.toml": Case(
        "--routines",
        "routine-nested-arrays.toml: line 1: lists or tables are nested more than 32 deep.",
        _nested_toml("routine-nested-arrays.toml", "arrays"),
    ),
    "routine-nested-tables.toml": Case(
        "--routines",
        "routine-nested-tables.toml: line 1: lists or tables are nested more than 32 deep.",
        _nested_toml("routine-nested-tables.toml", "tables"),
    ),
    "routine-1e308.toml": Case(
        "--routines",
        "routine-1e308.toml: step 1, field duration: 1e+308 seconds is too long",
        _text("routine-1e308.toml", ROUTINE.format(zone='"heel"', duration="1e308")),
    ),
    "routine-big-integer.toml": Case(
        "--routines",
        "routine-big-integer.toml: step 1, field duration:",
        _text("routine-big-integer.toml", ROUTINE.format(zone='"heel"', duration="9" * 400)),
    ),
    "routine-lookalike.toml": Case(
        "--routines",
        f"routine-lookalike.toml: step 1, field zone: '{LOOKALIKE}' (U+043E "
        "CYRILLIC SMALL LETTER O at position 2) is not a zone",
        _text("routine-lookalike.toml", ROUTINE.format(zone=f'"{LOOKALIKE}"', duration=10)),
    ),
    "routine-10kb-zone.toml": Case(
        "--routines",
        "routine-10kb-zone.toml: step 1, field zone: 'xxxxxxxx",
        _text("routine-10kb-zone.toml", ROUTINE.format(zone=f'"{"x" * 10_000}"', duration=10)),
    ),
    "routine-control.toml": Case(
        "--routines",
        "routine-control.toml: step 1, field zone: 'he\\u001b[2Kel\\u202e'",
        _text("routine-control.toml", ROUTINE.format(zone='"he\\u001b[2Kel\\u202e"', duration=10)),
    ),
    "evil-name.toml": Case(
        "--routines", "e\\u001b[2K\\u000dcheck: no problems\\u202egvs.toml: not valid TOML", _evil_named_routine
    ),
    "many-routines": Case("--routines", "routines: 250 routine files; reflexmap reads the first 200", _many_routines),
    # the config, and what it names
    "bad-pin-hash.toml": Case("--config", "bad-pin-hash.toml: line 3, field kiosk.pin_hash: is not a PIN hash"),
    "pin-rounds.toml": Case(
        "--config",
        "pin-rounds.toml: line 2, field kiosk.pin_hash: asks for 9,999,999 rounds",
        _text(
            "pin-rounds.toml",
            '[kiosk]\npin_hash = "pbkdf2_sha256$9999999$'
            'LBAqs6c6KCQxy3x1uR5NOw==$FagPPMEThmeEq9dlgGSYoOmeiDapcq9W2xViDiTkGwY="\n',
        ),
    ),
    "config-fifo.toml": Case("--config", "config-fifo.toml: this is a named pipe (FIFO)", _fifo("config-fifo.toml")),
    "config-zero.toml": Case("--config", "config-zero.toml: this is a device", _device_link("config-zero.toml")),
    "config-nested.toml": Case(
        "--config",
        "config-nested.toml: line 1: lists or tables are nested more than 32 deep.",
        _nested_toml("config-nested.toml", "arrays"),
    ),
    "config-control-key.toml": Case(
        "--config",
        "field \\u001b[2K\\u000d: reflexmap has no such setting.",
        _text("config-control-key.toml", '"\\u001b[2K\\r" = 1\n'),
    ),
    "content-fifo.toml": Case(
        "--config",
        "content-fifo.toml: this is a named pipe (FIFO)",
        _config_with("config.toml", "content", _fifo("content-fifo.toml")),
    ),
    "content-zero.toml": Case(
        "--config",
        "content-zero.toml: this is a device",
        _config_with("config.toml", "content", _device_link("content-zero.toml")),
    ),
    "content-nested.toml": Case(
        "--config",
        "content-nested.toml: line 1: lists or tables are nested more than 32 deep.",
        _config_with("config.toml", "content", _nested_toml("content-nested.toml", "arrays")),
    ),
    "logo-fifo.svg": Case(
        "--config", "field branding.logo", _config_with("config.toml", "branding.logo", _fifo("logo-fifo.svg"))
    ),
    "logo-zero.png": Case(
        "--config", "field branding.logo", _config_with("config.toml", "branding.logo", _device_link("logo-zero.png"))
    ),
}


def make(name: str, folder: Path) -> Path:
    """Write the input ``name`` into ``folder``; its path."""
    case = CASES[name]
    if case.make is not None:
        return case.make(folder)
    path = folder / name
    shutil.copy(HOSTILE / name, path)
    return path


def handed(name: str, folder: Path) -> tuple[str, str]:
    """Make the input; the option and the argument to hand ``reflexmap`` (a routine's folder, not the file)."""
    case = CASES[name]
    path = make(name, folder)
    return case.option, str(folder if case.option == "--routines" else path)


# --- inputs only the model reads so far (the logo: `check` and the kiosk do not look at it yet) -----------

LOGOS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "logo-fifo.svg": (_fifo("logo-fifo.svg"), "logo-fifo.svg: this is a named pipe (FIFO)"),
    "logo-zero.png": (_device_link("logo-zero.png"), "logo-zero.png: this is a device"),
    "logo-bomb.svgz": (_gzip_bomb("logo-bomb.svgz", 50), "logo-bomb.svgz: the file unpacks to more than 4,194,304"),
    "logo-huge.png": (
        lambda folder: _write(folder / "logo-huge.png", _png(100_000, 100_000)),
        "logo-huge.png: the picture is 100,000 x 100,000 pixels",
    ),
    "logo-bad-crc.png": (
        lambda folder: _write(folder / "logo-bad-crc.png", _png(10, 10, crc_ok=False)),
        "logo-bad-crc.png: the PNG picture has a damaged header.",
    ),
    "logo-not-png.png": (_text("logo-not-png.png", "<svg/>"), "logo-not-png.png: this is not a PNG picture"),
    "logo-image.svg": (
        _text("logo-image.svg", f'{SVG}<image xlink:href="/etc/shadow"/></svg>'),
        'logo-image.svg: image (element 2) links to "/etc/shadow"',
    ),
    "logo-deep.svg": (
        _text("logo-deep.svg", SVG + "<g>" * 10_000 + "</g>" * 10_000 + "</svg>"),
        "logo-deep.svg: elements are nested more than 64 deep.",
    ),
    "logo-sparse.svg": (
        lambda folder: _sparse(folder / "logo-sparse.svg"),
        "logo-sparse.svg: the file is 1,073,741,824 bytes; the limit is 4,194,304.",
    ),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _sparse(path: Path) -> Path:
    with open(path, "wb") as f:
        f.truncate(1024 * 1024 * 1024)
    return path


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data)


# --- files just under the limits: they must load, and within the time and memory targets ----------------


def _rects(count: int) -> str:
    return "".join(f'<rect x="{i % 100}" y="{i // 100}" width="0.5" height="0.5"/>' for i in range(count))


_ZONED = ' data-zone="z{i}"'
#: Zones drawn in runs: as many runs as MAX_LAYER_WORK allows among about 8,000 elements (and RECT's heel).
_ZONES_AT_LIMIT = 4


def _uses(count: int, zone: str = "", zones: int = 0) -> str:
    """``count`` uses of #p; with ``zone``, named after their index (or, given ``zones``, in that many runs)."""
    return "".join(
        f'<use{zone.format(i=i * zones // count if zones else i)} xlink:href="#p" x="{i % 100}" y="{i // 100}"/>'
        for i in range(count)
    )


#: name -> the SVG text; each is accepted by ``check`` (benchmarks/hostile.py times them).
AT_LIMITS: dict[str, Callable[[], str]] = {
    # 7,990 elements written out
    "limit-elements.svg": lambda: f"{SVG}{_rects(7_990)}{RECT}</svg>",
    # 1,990 uses (the most the gate allows) of a 9-segment path, in 4 zones one after another: 3,980 elements
    "limit-uses-zones-numbers.svg": lambda: (
        f'{SVG}<defs><path id="p" d="M0 0{" L1 2" * 9}"/></defs>{_uses(1_990, _ZONED, _ZONES_AT_LIMIT)}{RECT}</svg>'
    ),
    # the same with arcs (converted to curves by svgelements): 1,990 uses of 2 + 3 x 14 weighed numbers
    "limit-uses-zones-arcs.svg": lambda: (
        f'{SVG}<defs><path id="p" d="M0 0 A5 5 0 0 1 10 10 A5 5 0 0 1 0 0 Z"/></defs>'
        f"{_uses(1_990, _ZONED, _ZONES_AT_LIMIT)}{RECT}</svg>"
    ),
    # one zone path of 99,980 numbers
    "limit-path-numbers.svg": lambda: f'{SVG}<path data-zone="heel" d="M0 0{" L1 2" * 49_990} Z"/></svg>',
    # 2,000 pieces in one zone, all overlapping (a star of thin bars): Qt's union, if asked for
    "limit-pieces-overlapping.svg": lambda: (
        SVG
        + "".join(
            f'<rect data-zone="heel" x="-40" y="-0.2" width="80" height="0.4" transform="translate(50 50) '
            f'rotate({i * 180 / 2000})"/>'
            for i in range(2_000)
        )
        + "</svg>"
    ),
    # a 32,000-character style sheet matched by every element, 240 copies made by <use>
    "limit-style.svg": lambda: (
        f'{SVG}<style>*{{{"a:b;" * 1_000}}}</style><defs><rect id="p" width="1" height="1"/>'
        f"</defs>{_uses(240)}{RECT}</svg>"
    ),
    # a 1.9 MiB attribute (svgelements' XML parser rescans a long token on every piece it is fed)
    "limit-token.svg": lambda: f'{SVG}<rect data-zone="heel" data-x="{"x" * 2_000_000}" width="1" height="1"/></svg>',
    # 1,300 elements with 113 rotations each
    "limit-transforms.svg": lambda: (
        SVG
        + "".join(f'<rect transform="{"rotate(1)" * 113}" width="1" height="1"/>' for _ in range(1_300))
        + f"{RECT}</svg>"
    ),
    # attributes inherited: 98 on the root, 1,900 elements under it
    "limit-inherited.svg": lambda: (
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" '
        + " ".join(f'a{i}="1"' for i in range(98))
        + f">{_rects(1_900)}{RECT}</svg>"
    ),
}
