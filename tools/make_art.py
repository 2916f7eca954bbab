"""Generate the built-in foot art, ``assets/art/feet.svg``.

Run ``python tools/make_art.py`` after changing a number here; the SVG is
committed, this script is how it was made.

The drawing is built from a few hand-placed control points:

* one sole outline (a closed Catmull-Rom spline, written out as cubic
  Beziers) for a right foot seen from below, big toe on the left;
* the sole is cut into metatarsus / arch / heel bands by straight lines, with
  the cut points found on the Beziers and the curves split there, so
  neighbouring zones share their borders exactly;
* the medial edge is a tapered strip that follows the inner outline;
* the left foot is the same drawing through ``<use>`` and ``scale(-1, 1)``;
* a side view of the inner side of a foot is built the same way.

Zones carry ``data-zone``; views carry ``data-view`` (the map puts captions
under them) and soles ``data-foot``.  Only the standard library is used.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

Point = tuple[float, float]
Cubic = tuple[Point, Point, Point, Point]

OUT = Path(__file__).resolve().parent.parent / "assets" / "art" / "feet.svg"

WIDTH, HEIGHT = 1000, 600

SKIN = "#f7e0d0"
OUTLINE = "#9a7462"
SEAM = "#fffaf6"
TINTS = {
    "toes": "#f2c4b4",
    "metatarsus": "#f3d2ae",
    "arch": "#efe0b9",
    "heel": "#e6c6b6",
    "medial-edge": "#d9b3c6",
    "top": "#f0cdb0",
    "ankle": "#dcbcd0",
    "achilles": "#e4c0a8",
}


# --- small geometry helpers -------------------------------------------------


def catmull_rom(points: list[Point], closed: bool) -> list[Cubic]:
    """Centripetal-free (uniform) Catmull-Rom through ``points`` as cubics."""
    pts = list(points)
    n = len(pts)
    out: list[Cubic] = []
    last = n if closed else n - 1
    for i in range(last):
        p0 = pts[(i - 1) % n] if (closed or i > 0) else pts[i]
        p1 = pts[i]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if (closed or i + 2 < n) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append((p1, c1, c2, p2))
    return out


def bez(c: Cubic, t: float) -> Point:
    a, b, cc, d = c
    u = 1 - t
    return (
        u**3 * a[0] + 3 * u * u * t * b[0] + 3 * u * t * t * cc[0] + t**3 * d[0],
        u**3 * a[1] + 3 * u * u * t * b[1] + 3 * u * t * t * cc[1] + t**3 * d[1],
    )


def lerp(p: Point, q: Point, t: float) -> Point:
    return (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)


def split(c: Cubic, t: float) -> tuple[Cubic, Cubic]:
    """De Casteljau split of one cubic at ``t``."""
    a, b, cc, d = c
    ab, bc, cd = lerp(a, b, t), lerp(b, cc, t), lerp(cc, d, t)
    abc, bcd = lerp(ab, bc, t), lerp(bc, cd, t)
    m = lerp(abc, bcd, t)
    return (a, ab, abc, m), (m, bcd, cd, d)


def sub(c: Cubic, t0: float, t1: float) -> Cubic:
    """The part of ``c`` between parameters ``t0`` < ``t1``."""
    _, right = split(c, t0)
    if t1 >= 1:
        return right
    left, _ = split(right, (t1 - t0) / (1 - t0))
    return left


def side_of(line: tuple[Point, Point], p: Point) -> float:
    (x0, y0), (x1, y1) = line
    return (x1 - x0) * (p[1] - y0) - (y1 - y0) * (p[0] - x0)


def crossings(c: Cubic, line: tuple[Point, Point]) -> list[float]:
    """Parameters where cubic ``c`` crosses the infinite ``line``."""
    steps = 96
    ts: list[float] = []
    prev = side_of(line, bez(c, 0))
    for i in range(1, steps + 1):
        t = i / steps
        cur = side_of(line, bez(c, t))
        if (prev < 0) != (cur < 0):
            lo, hi = (i - 1) / steps, t
            for _ in range(50):
                mid = (lo + hi) / 2
                if (side_of(line, bez(c, lo)) < 0) == (side_of(line, bez(c, mid)) < 0):
                    lo = mid
                else:
                    hi = mid
            ts.append((lo + hi) / 2)
        prev = cur
    return ts


def split_at_lines(chain: list[Cubic], lines: list[tuple[Point, Point]]) -> list[Cubic]:
    """Split every cubic of ``chain`` wherever it crosses one of ``lines``."""
    out: list[Cubic] = []
    for c in chain:
        ts = sorted(t for line in lines for t in crossings(c, line) if 1e-6 < t < 1 - 1e-6)
        bounds = [0.0, *ts, 1.0]
        for t0, t1 in itertools.pairwise(bounds):
            out.append(sub(c, t0, t1))
    return out


def region(chain: list[Cubic], inside) -> list[list[Cubic]]:  # type: ignore[no-untyped-def]
    """Runs of the closed ``chain`` whose middles satisfy ``inside``, in order."""
    flags = [inside(bez(c, 0.5)) for c in chain]
    start = flags.index(False)
    runs: list[list[Cubic]] = []
    current: list[Cubic] = []
    n = len(chain)
    for k in range(n):
        i = (start + k) % n
        if flags[i]:
            current.append(chain[i])
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def fmt(p: Point) -> str:
    return f"{p[0]:.2f},{p[1]:.2f}"


def runs_to_d(runs: list[list[Cubic]]) -> str:
    """Close the runs into one subpath, joining them with straight cut lines."""
    parts = [f"M{fmt(runs[0][0][0])}"]
    for r, run in enumerate(runs):
        if r:
            parts.append(f"L{fmt(run[0][0])}")
        for _, c1, c2, p in run:
            parts.append(f"C{fmt(c1)} {fmt(c2)} {fmt(p)}")
    parts.append("Z")
    return " ".join(parts)


def chain_to_d(chain: list[Cubic]) -> str:
    return runs_to_d([chain])


def strip(chain: list[Cubic], t_from: float, t_to: float, width: float, inward: int, taper: float = 0.35) -> str:
    """A tapered band along part of a closed outline.

    ``t_from``/``t_to`` are positions along the chain (segment index plus
    fraction); the band's outer side is the outline itself, its inner side
    an offset of ``width`` toward the inside (``inward`` = +1 or -1 picks the
    normal's direction), narrowing toward both ends.
    """
    pieces: list[Cubic] = []
    i0, f0 = int(t_from), t_from - int(t_from)
    i1, f1 = int(t_to), t_to - int(t_to)
    for i in range(i0, i1 + 1):
        lo = f0 if i == i0 else 0.0
        hi = f1 if i == i1 else 1.0
        if hi - lo > 1e-6:
            pieces.append(sub(chain[i % len(chain)], lo, hi))
    # sample the outer side, offset it along the normal
    samples: list[Point] = []
    normals: list[Point] = []
    for c in pieces:
        for k in range(6):
            t = k / 6
            p = bez(c, t)
            q = bez(c, min(t + 1e-3, 1.0))
            r = bez(c, max(t - 1e-3, 0.0))
            dx, dy = q[0] - r[0], q[1] - r[1]
            norm = math.hypot(dx, dy) or 1.0
            samples.append(p)
            normals.append((-dy / norm * inward, dx / norm * inward))
    samples.append(pieces[-1][3])
    normals.append(normals[-1])
    m = len(samples) - 1
    inner: list[Point] = []
    for k, (p, nrm) in enumerate(zip(samples, normals, strict=True)):
        s = k / m
        w = width * (taper + (1 - taper) * math.sin(math.pi * s) ** 0.5)
        inner.append((p[0] + nrm[0] * w, p[1] + nrm[1] * w))
    back = catmull_rom(list(reversed(inner)), closed=False)
    return runs_to_d([pieces, back])


def toe(cx: float, tip: float, base: float, w: float, tilt: float) -> str:
    """A toe: a round pad at ``tip`` narrowing a little toward ``base``, tilted."""
    r = w / 2
    k = 0.5523 * r
    top = tip + r
    neck = r * 0.84
    length = base - top
    pts = [
        f"M{cx - neck:.2f},{base:.2f}",
        f"C{cx - neck:.2f},{base - length * 0.45:.2f} "
        f"{cx - r * 1.03:.2f},{top + length * 0.3:.2f} {cx - r:.2f},{top:.2f}",
        f"C{cx - r:.2f},{top - k:.2f} {cx - k:.2f},{tip:.2f} {cx:.2f},{tip:.2f}",
        f"C{cx + k:.2f},{tip:.2f} {cx + r:.2f},{top - k:.2f} {cx + r:.2f},{top:.2f}",
        f"C{cx + r * 1.03:.2f},{top + length * 0.3:.2f} "
        f"{cx + neck:.2f},{base - length * 0.45:.2f} {cx + neck:.2f},{base:.2f}",
        f"C{cx + neck:.2f},{base + r * 0.5:.2f} {cx - neck:.2f},{base + r * 0.5:.2f} {cx - neck:.2f},{base:.2f}",
        "Z",
    ]
    return f'<path d="{" ".join(pts)}" transform="rotate({tilt:.1f} {cx:.2f} {base:.2f})"/>'


# --- the sole of a right foot, seen from below (big toe on the left) --------

SOLE_POINTS: list[Point] = [
    (18, 124),  # 0 base of the big toe, inner side
    (6, 180),  # 1 ball, inner bulge
    (16, 240),  # 2
    (44, 300),  # 3 the arch narrows on the inner side
    (54, 350),  # 4 narrowest
    (46, 408),  # 5
    (40, 468),  # 6 heel, inner side
    (62, 522),  # 7
    (102, 542),  # 8 bottom of the heel
    (142, 524),  # 9
    (160, 470),  # 10 heel, outer side
    (162, 400),  # 11
    (168, 322),  # 12 outer edge
    (182, 244),  # 13 ball, outer side (fifth toe joint)
    (178, 192),  # 14
    (152, 158),  # 15 under the toes
    (108, 134),  # 16
    (60, 122),  # 17
]

# (centre x, tip y, base y, width, tilt in degrees) big toe first
TOES = [
    (41, 36, 150, 56, -3),
    (88, 54, 150, 35, 3),
    (121, 68, 160, 31, 7),
    (149, 88, 180, 28, 9),
    (172, 114, 204, 24, 13),
]

CUT_BALL = ((0.0, 252.0), (200.0, 270.0))  # metatarsus | arch
CUT_HEEL = ((0.0, 414.0), (200.0, 408.0))  # arch | heel


def sole_group() -> str:
    chain = catmull_rom(SOLE_POINTS, closed=True)
    outline = chain_to_d(chain)
    cut = split_at_lines(chain, [CUT_BALL, CUT_HEEL])

    def below(line: tuple[Point, Point]):  # type: ignore[no-untyped-def]
        return lambda p: side_of(line, p) > 0

    def above(line: tuple[Point, Point]):  # type: ignore[no-untyped-def]
        return lambda p: side_of(line, p) < 0

    meta = region(cut, above(CUT_BALL))
    arch = region(cut, lambda p: below(CUT_BALL)(p) and above(CUT_HEEL)(p))
    heel = region(cut, below(CUT_HEEL))
    medial = strip(chain, 0.15, 6.55, 24, inward=-1)
    toes = "\n      ".join(toe(*t) for t in TOES)
    return f"""
    <g id="sole" stroke-linejoin="round">
      <path d="{outline}" fill="{SKIN}" stroke="{OUTLINE}" stroke-width="2.2"/>
      <g data-zone="toes" fill="{TINTS["toes"]}" stroke="{OUTLINE}" stroke-width="1.6">
      {toes}
      </g>
      <g stroke="{SEAM}" stroke-width="1.6">
        <path data-zone="metatarsus" d="{runs_to_d(meta)}" fill="{TINTS["metatarsus"]}"/>
        <path data-zone="arch" d="{runs_to_d(arch)}" fill="{TINTS["arch"]}"/>
        <path data-zone="heel" d="{runs_to_d(heel)}" fill="{TINTS["heel"]}"/>
        <path data-zone="medial-edge" d="{medial}" fill="{TINTS["medial-edge"]}"/>
      </g>
      <path d="{outline}" fill="none" stroke="{OUTLINE}" stroke-width="2.2"/>
    </g>"""


# --- the inner side of a foot, toes to the left ------------------------------

SIDE_POINTS: list[Point] = [
    (14, 284),  # 0 tip of the big toe
    (24, 258),  # 1
    (60, 244),  # 2 big toe, top
    (102, 240),  # 3
    (152, 220),  # 4 top of the foot
    (202, 188),  # 5
    (238, 150),  # 6 front of the ankle
    (250, 96),  # 7 shin
    (252, 16),  # 8 leg, cut
    (350, 16),  # 9
    (350, 96),  # 10 calf narrows into the tendon
    (354, 168),  # 11 Achilles tendon
    (374, 222),  # 12
    (398, 262),  # 13 back of the heel
    (390, 296),  # 14
    (352, 308),  # 15 under the heel
    (302, 304),  # 16
    (250, 292),  # 17 the arch lifts off the floor
    (190, 290),  # 18
    (130, 300),  # 19 ball
    (80, 306),  # 20
    (34, 302),  # 21
]


def side_group() -> str:
    chain = catmull_rom(SIDE_POINTS, closed=True)
    outline = chain_to_d(chain)
    top = strip(chain, 1.5, 6.1, 38, inward=1)
    medial = strip(chain, 14.2, 20.9, 26, inward=1)
    achilles = strip(chain, 9.5, 12.8, 30, inward=1, taper=0.55)
    return f"""
    <g id="side" stroke-linejoin="round">
      <path d="{outline}" fill="url(#leg-fade)" stroke="none"/>
      <g stroke="{SEAM}" stroke-width="1.6">
        <path data-zone="top" d="{top}" fill="{TINTS["top"]}"/>
        <path data-zone="medial-edge" d="{medial}" fill="{TINTS["medial-edge"]}"/>
        <path data-zone="achilles" d="{achilles}" fill="{TINTS["achilles"]}"/>
        <ellipse data-zone="ankle" cx="300" cy="208" rx="38" ry="34" fill="{TINTS["ankle"]}"/>
      </g>
      <ellipse cx="302" cy="200" rx="15" ry="13" fill="#ffffff" fill-opacity="0.35"/>
      <path d="M26,266 C38,254 60,250 72,258" fill="none" stroke="{OUTLINE}" stroke-width="1.4"/>
      <path d="{outline}" fill="none" stroke="url(#leg-line-fade)" stroke-width="2.2"/>
    </g>"""


def document() -> str:
    sole = sole_group()
    side = side_group()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by tools/make_art.py; edit the script, not this file. -->
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">
  <title>Soles of both feet and the inner side of a foot, with reflex zones</title>
  <defs>
    <linearGradient id="leg-fade" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="{SKIN}" stop-opacity="0"/>
      <stop offset="0.3" stop-color="{SKIN}" stop-opacity="1"/>
    </linearGradient>
    <linearGradient id="leg-line-fade" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="{OUTLINE}" stop-opacity="0"/>
      <stop offset="0.3" stop-color="{OUTLINE}" stop-opacity="1"/>
    </linearGradient>{sole}
  </defs>
  <use xlink:href="#sole" data-view="sole-left" data-foot="left" transform="translate(216,-2) scale(-1,1)"/>
  <use xlink:href="#sole" data-view="sole-right" data-foot="right" transform="translate(256,-2)"/>
  <g data-view="side" transform="translate(508,74) scale(1.16)">{side}
  </g>
</svg>
"""


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(document(), encoding="utf-8")
    print(f"wrote {OUT}")
