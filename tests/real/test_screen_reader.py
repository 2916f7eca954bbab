"""The map to a real screen reader's client: AT-SPI read with pyatspi (at-spi2-core, Xvfb, openbox).

The accessibility bus is started before the app, with Qt's bridge always on
(the harness does both); the client explores the map's children the way a
screen reader lets a person explore by touch, and listens to what the app
says while a person uses the keyboard (real key presses, xdotool).
"""

from __future__ import annotations

import time
from typing import Any

from tests.support.real import A11yBus, A11yEvents, XSession, wait_until

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


#: What a screen reader hears: focus moving (Qt sends "focus:" with each of these), a name or a state changing.
HEARD = (
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:state-changed:checked",
    "object:state-changed:selected",
)


def _announcements(events: list[dict[str, Any]], focus: dict[str, Any] | None) -> list[tuple[str, str]]:
    """What a screen reader (Orca, say) speaks of ``events``, given where its focus was: (what, name) each.

    It speaks an object that gains the focus, and a change of name, checked
    or selected of the object its focus is on; anything else it keeps quiet.
    """
    spoken = []
    for event in events:
        kind = event["type"]
        if kind == "object:state-changed:focused":
            if event["detail1"]:
                focus = event
                spoken.append(("focus", event["name"]))
        elif focus is not None and event["path"] == focus["path"]:
            if kind == "object:property-change:accessible-name":
                spoken.append(("name", event["name"]))
            elif event["detail1"]:
                spoken.append((kind.rsplit(":", 1)[-1], event["name"]))
    return spoken


def _press(x_session: XSession, heard: A11yEvents, key: str) -> list[dict[str, Any]]:
    """Press ``key`` (real input to the focused window) and return what the bus said about it."""
    before = time.monotonic()
    x_session.xdotool("key", key)
    wait_until(lambda: heard.since(before), 10, f"something on the bus after {key}")
    time.sleep(0.5)  # whatever else the key causes comes within this
    return heard.since(before)


def _focused(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    gained = [e for e in events if e["type"] == "object:state-changed:focused" and e["detail1"]]
    return gained[-1] if gained else None


def test_arrows_and_enter_on_the_map_are_announced_once_each_naming_the_zone(
    x_session: XSession, a11y_bus: A11yBus
) -> None:
    _, window = x_session.launch_app("--lang", "en", env=a11y_bus.env)
    a11y_bus.wait_for_application("reflexmap")
    wait_until(lambda: len(a11y_bus.query("find", "reflexmap", None, "Toes")) == 2, 30, "the zones on the bus")
    heard = a11y_bus.listen(*HEARD)
    x_session.xdotool("windowactivate", "--sync", str(window))

    focus = None
    for _ in range(30):  # Tab until the keyboard is on a zone, as a person does
        focus = _focused(_press(x_session, heard, "Tab")) or focus
        if focus is not None and focus["name"] in ZONES_EN:
            break
    assert focus is not None and focus["name"] in ZONES_EN, focus

    for key in ("Right", "Down", "Left", "Up", "Down"):  # round the front of both feet, then down
        events = _press(x_session, heard, key)
        spoken = _announcements(events, focus)
        assert len(spoken) == 1 and spoken[0][0] == "focus" and spoken[0][1] in ZONES_EN, (key, spoken, events)
        moved = _focused(events)
        assert moved is not None and moved["path"] != focus["path"], (key, events)  # to another zone or view
        focus = moved

    events = _press(x_session, heard, "Return")
    spoken = _announcements(events, focus)
    assert spoken == [("checked", focus["name"])], (spoken, events)  # chosen, said once; the focus stays there


def test_every_control_tab_reaches_has_a_name(x_session: XSession, a11y_bus: A11yBus) -> None:
    _, window = x_session.launch_app("--lang", "en", env=a11y_bus.env)
    a11y_bus.wait_for_application("reflexmap")
    heard = a11y_bus.listen("object:state-changed:focused")
    x_session.xdotool("windowactivate", "--sync", str(window))
    reached: list[dict[str, Any]] = []
    for _ in range(30):  # round the whole window (16 stops), and on
        gained = _focused(_press(x_session, heard, "Tab"))
        if gained is not None:
            reached.append(gained)
    assert len({e["path"] for e in reached}) >= 10, reached
    unnamed = [e for e in reached if not e["name"].strip()]
    assert not unnamed, unnamed  # a screen reader would say only "filler", or nothing
