"""The SVG gate: what it lets through (what drawing programs write) and what it refuses (each at once)."""

from __future__ import annotations

import base64

import pytest

from reflexmap import svg_safety
from reflexmap.geometry import ArtError
from reflexmap.svg_safety import check_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">'
RECT = '<rect data-zone="heel" width="5" height="5"/>'


class Refused(ValueError):
    pass


def _refusal(text: str) -> str:
    with pytest.raises(Refused) as info:
        check_svg(text.encode("utf-8"), "art.svg", Refused)
    message = str(info.value)
    assert message.startswith("art.svg: ") and "\n" not in message
    return message


ACCEPTED = {
    "affinity-doctype": '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD '
    'SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n' + SVG + RECT + "</svg>",
    "coreldraw-doctype": '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
    '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<!-- Creator: CorelDRAW -->\n'
    + SVG
    + '<defs><style type="text/css"><![CDATA[ .fil0 {fill:#2B2A29} ]]></style></defs>'
    + '<g id="Layer_x0020_1"><rect class="fil0" data-zone="heel" width="5" height="5"/></g></svg>',
    "drawio-doctype": '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/'
    'svg11.dtd">' + SVG + RECT + "</svg>",
    "inkscape": SVG.replace(
        ">",
        ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" '
        'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd">',
    )
    + '<sodipodi:namedview id="n" pagecolor="#ffffff"/><g inkscape:label="Layer 1" inkscape:groupmode="layer">'
    + '<path data-zone="heel" style="fill:#000;stroke:none" d="m 1,1 h 3 v 3 z"/></g></svg>',
    "gradient-href": SVG + '<defs><linearGradient id="a"><stop offset="0"/></linearGradient><linearGradient id="b" '
    'xlink:href="#a"/></defs><rect data-zone="heel" fill="url(#b)" width="5" height="5"/></svg>',
    "embedded-png": SVG
    + RECT
    + '<image width="1" height="1" xlink:href="data:image/png;base64,'
    + base64.b64encode(__import__("tests.hostile.corpus", fromlist=["_png"])._png(4, 4)).decode()
    + '"/></svg>',
    "style-sheet": SVG
    + "<style>/* zones */ .z { fill-rule: evenodd } rect, circle { stroke: none }</style>"
    + '<rect class="z" data-zone="heel" width="5" height="5"/></svg>',
    "uses": SVG + '<defs><g id="toe"><circle r="1"/></g></defs><use data-zone="toes" xlink:href="#toe" x="2"/>'
    '<use data-zone="toes" href="#toe" x="4"/></svg>',
}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_what_drawing_programs_write_is_accepted(name: str) -> None:
    summary = check_svg(ACCEPTED[name].encode("utf-8"), "art.svg", Refused)
    assert summary.elements >= 2 and summary.rendered >= summary.elements - 1


REFUSED = {
    "internal subset": (f'<!DOCTYPE svg [<!ATTLIST svg x CDATA "1">]>{SVG}{RECT}</svg>', "a DTD with declarations"),
    "entity": ('<!DOCTYPE svg [<!ENTITY a "x">]>' + SVG + RECT + "&a;</svg>", "a DTD with declarations"),
    "external entity": (
        '<!DOCTYPE svg [<!ENTITY a SYSTEM "file:///etc/passwd">]>' + SVG + "&a;</svg>",
        "a DTD with declarations",
    ),
    "entity from the external DTD": (
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/'
        '1.1/DTD/svg11.dtd">' + SVG + RECT + "<text>&nbsp;</text></svg>",
        "a reference to an entity (&nbsp;)",
    ),
    "undefined entity": (SVG + RECT + "&nbsp;</svg>", "not well-formed XML"),
    "stylesheet link": (
        '<?xml-stylesheet type="text/css" href="/etc/passwd"?>' + SVG + RECT + "</svg>",
        "a link to a style sheet",
    ),
    "not svg": ("<html/>", "the top element is <html>, not <svg>."),
    "image path": (SVG + RECT + '<image xlink:href="/etc/passwd"/></svg>', 'links to "/etc/passwd"'),
    "image relative": (SVG + RECT + '<image href="../secret.png"/></svg>', 'links to "../secret.png"'),
    "image data svg": (
        SVG + RECT + '<image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>',
        "is not a base64 PNG or JPEG picture",
    ),
    "image data png that is svg": (
        SVG + RECT + '<image href="data:image/png;base64,PHN2Zy8+"/></svg>',
        "the picture in image (element 3) is not a PNG or JPEG picture.",
    ),
    "image not base64": (SVG + RECT + '<image href="data:image/png,abc"/></svg>', "is not a base64 PNG or JPEG"),
    "use another file": (SVG + '<use data-zone="heel" xlink:href="feet.svg#heel"/></svg>', 'links to "feet.svg#heel"'),
    "xinclude": (
        SVG + RECT + '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd"/></svg>',
        'links to "/etc/passwd"',
    ),
    "use loop": (SVG + '<g id="a" data-zone="heel"><use xlink:href="#a"/></g></svg>', "refers to itself"),
    "use cycle": (
        SVG + '<defs><g id="a"><use xlink:href="#b"/></g><g id="b"><use xlink:href="#a"/></g></defs>' + RECT + "</svg>",
        "refers to itself",
    ),
    "use chain too deep": (
        SVG
        + '<defs><rect id="d0" width="1" height="1"/>'
        + "".join(f'<g id="d{i + 1}"><use xlink:href="#d{i}"/></g>' for i in range(70))
        + "</defs>"
        + '<use data-zone="heel" '
        'xlink:href="#d70"/></svg>',
        "nested more than 64 deep (counting what each <use> copies)",
    ),
    "fan-out": (
        SVG
        + '<defs><rect id="u0" width="1" height="1"/>'
        + "".join(f'<g id="u{i + 1}"><use xlink:href="#u{i}"/><use xlink:href="#u{i}"/></g>' for i in range(30))
        + '</defs><use data-zone="heel" xlink:href="#u30"/></svg>',
        "once each <use> is expanded",
    ),
    "style without rules": (SVG + "<style>a" + " " * 3000 + "b</style>" + RECT + "</svg>", "not a plain list of rules"),
    "style import": (
        SVG + '<style>@import url("/etc/passwd"); a { fill: red }</style>' + RECT + "</svg>",
        "a style sheet taken from elsewhere (@import)",
    ),
    "style unclosed rule": (SVG + "<style>a { fill: red</style>" + RECT + "</svg>", "not a plain list of rules"),
    "style nested": (SVG + "<style>@media screen { a { fill: red } }</style>" + RECT + "</svg>", "not a plain list"),
    "style unclosed comment": (
        SVG + "<style>a { fill: red } /* " + "/*" * 1000 + "</style>" + RECT + "</svg>",
        "a comment that never ends",
    ),
    "style too big": (
        SVG + "<style>" + "a { b: c }\n" * 4000 + "</style>" + RECT + "</svg>",
        "<style> sheets have more than 32,768 characters",
    ),
    "style copied by uses": (
        SVG
        + '<defs><g id="s"><style>'
        + "a { b: c }\n" * 300
        + "</style></g></defs>"
        + '<use xlink:href="#s"/>' * 20
        + RECT
        + "</svg>",
        "counting each copy a <use> makes",
    ),
    "long digits": (
        SVG + '<rect data-zone="heel" width="1' + "0" * 40 + '" height="1"/></svg>',
        'a number of more than 30 digits in its "width" value',
    ),
    "long value": (
        SVG + '<rect data-zone="heel" fill="' + "a" * 2000 + '" width="1" height="1"/></svg>',
        'a "fill" value longer than 1,024 characters',
    ),
    "font semicolon": (SVG + RECT + '<text font="normal normal; x">a</text></svg>', '"font" value with a ";"'),
    "bad path data": (SVG + '<path data-zone="heel" d="M0 0 L 1 1 L foo"/></svg>', 'near "foo"'),
    "bad points": (SVG + '<polygon data-zone="heel" points="0,0 1,1 x"/></svg>', '"points" attribute near "x"'),
    "too many attributes": (
        SVG + "<rect " + " ".join(f'a{i}="1"' for i in range(101)) + "/>" + RECT + "</svg>",
        "more than 100 attributes",
    ),
    "long comment": (SVG + "<!--" + "x" * (3 * 1024 * 1024) + "-->" + RECT + "</svg>", "a comment is longer than"),
    "inherited": (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        + " ".join(f'a{i}="1"' for i in range(99))
        + ">"
        + RECT * 2100
        + "</svg>",
        "inherit more than 200,000 attributes",
    ),
    "transforms": (
        SVG + f'<g transform="{"rotate(1)" * 110}">' + RECT * 1400 + "</g></svg>",
        "applies more than 150,000 transforms",
    ),
    "processed characters": (
        SVG
        + '<defs><g id="t"><text>'
        + "x" * 1_000_000
        + "</text></g></defs>"
        + '<use xlink:href="#t"/>' * 9
        + RECT
        + "</svg>",
        "come to more than 8,388,608 characters",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_each_hazard_is_refused_with_one_sentence(case: str) -> None:
    text, expected = REFUSED[case]
    assert expected in _refusal(text)


def test_the_summary_counts_what_uses_expand() -> None:
    text = SVG + '<defs><path id="p" d="M0 0 L1 1 L2 2"/></defs>' + '<use xlink:href="#p"/>' * 3 + RECT + "</svg>"
    summary = check_svg(text.encode(), "art.svg", Refused)
    assert summary.elements == 7  # svg, defs, path, 3 uses, rect
    assert summary.rendered == 10  # and 3 copies of the path
    assert summary.path_numbers == 6 * 4


def test_the_limits_are_the_documented_ones() -> None:
    """The README's Custom art section states these; change both together."""
    assert (svg_safety.MAX_ELEMENTS, svg_safety.MAX_RENDERED, svg_safety.MAX_DEPTH) == (8_000, 8_000, 64)
    assert (svg_safety.MAX_PATH_NUMBERS, svg_safety.MAX_STYLE_CHARS) == (100_000, 32 * 1024)


def test_a_hyperlink_to_elsewhere_is_accepted_since_nothing_follows_it() -> None:
    """draw.io puts an <a> to its FAQ in every file; QtSvg draws what is inside and never fetches the link."""
    check_svg((SVG + RECT + '<a href="https://example.com"><circle r="1"/></a></svg>').encode(), "drawio.svg", ArtError)
