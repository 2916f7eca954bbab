"""The map to a real screen reader's client: AT-SPI read with pyatspi (at-spi2-core, Xvfb, openbox).

The accessibility bus is started before the app, with Qt's bridge always on
(the harness does both); the client explores the map's children the way a
screen reader lets a person explore by touch.
"""

from __future__ import annotations

from typing import Any

from tests.support.real import A11yBus, XSession, wait_until

ZONES_EN = {
    "Toes",
    "Front of the foot",
    "Arch",
    "Heel",
    "Inner edge of the foot",
    "Ankle",
    "Achilles tendon",
    "Top of the foot",
}


def test_every_zone_is_an_accessible_child_of_the_map_with_a_name_description_and_place(
    x_session: XSession, a11y_bus: A11yBus
) -> None:
    x_session.launch_app("--lang", "en", env=a11y_bus.env)
    a11y_bus.wait_for_application("reflexmap")

    def map_node() -> dict[str, Any] | None:
        found = a11y_bus.query("find", "reflexmap", None, "Foot map")
        nodes = [n for n in found if n["child_count"] >= 10]
        return nodes[0] if nodes else None

    fmap = wait_until(map_node, 30, "the map with its zones on the accessibility bus")
    x, y, w, h = fmap["extents"]
    children = a11y_bus.query("tree", "reflexmap", 30)

    def walk(node: dict[str, Any]) -> list[dict[str, Any]]:
        return [node] + [d for c in node.get("children", []) for d in walk(c)]

    zones = [
        n
        for n in walk(children)
        if n["name"] in ZONES_EN and n["role"] in ("push button", "toggle button", "check box")
    ]
    assert {n["name"] for n in zones} == ZONES_EN, sorted({(n["name"], n["role"]) for n in walk(children)})[:40]
    assert len(zones) == 14  # five zones on each sole, four on the side view (the inner edge is on all three)
    for node in zones:
        zx, zy, zw, zh = node["extents"]
        assert zw > 0 and zh > 0 and x <= zx and y <= zy and zx + zw <= x + w and zy + zh <= y + h, node
        assert node["description"], node  # what it corresponds to
