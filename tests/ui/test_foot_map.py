"""The foot map as a person uses it: click, tap, hover, keyboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QColor, QPaintEvent, QRegion
from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton
from pytestqt.qtbot import QtBot

from reflexmap.app.files import builtin_content
from reflexmap.geometry import load_art
from reflexmap.resources import asset_path
from reflexmap.ui import style
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.main_window import MainWindow

SOLE = ("toes", "metatarsus", "arch", "heel", "medial-edge")
SIDE = ("medial-edge", "ankle", "achilles", "top")


def _views(zone: str) -> list[str]:
    views = []
    if zone in SOLE:
        views += ["sole-left", "sole-right"]
    if zone in SIDE:
        views.append("side")
    return views


def test_map_and_panel_have_the_documented_object_names(window: MainWindow) -> None:
    assert isinstance(window.findChild(FootMap, "footMap"), FootMap)
    assert window.findChild(QObject, "zonePanel") is window.panel


def test_real_click_inside_every_zone_on_every_view_selects_it(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    content = builtin_content()
    assert set(fmap.zone_ids()) == set(SOLE) | set(SIDE)
    for zone in fmap.zone_ids():
        for view in _views(zone):
            fmap.select_zone(None)
            pos = fmap.zone_centre(zone, view).toPoint()
            with qtbot.waitSignal(fmap.zone_selected, timeout=1000) as signal:
                qtbot.mouseClick(fmap, Qt.MouseButton.LeftButton, pos=pos)
            assert signal.args == [zone], f"click on {zone} ({view}) at {pos}"
            assert fmap.selected_zone == zone
            info = content.zone(zone)
            text = window.panel.text()
            assert info.name("en") in text
            assert info.corresponds("en") in text
            assert info.technique[0]("en") in text


def test_zone_panel_shows_correspondences_from_the_article(window: MainWindow) -> None:
    expected = {
        "toes": ["head", "neck", "sensory organs"],
        "metatarsus": ["chest", "heart", "lungs"],
        "arch": ["abdominal", "digestive"],
        "heel": ["pelvic", "lesser pelvis"],
        "medial-edge": ["spinal column"],
    }
    for zone, words in expected.items():
        window.map.select_zone(zone)
        text = window.panel.text().lower()
        for word in words:
            assert word in text, (zone, word)
        assert "does not replace treatment" in text
        # the ball's contraindications belong to the ball routine, which the panel points to
        assert "massage-ball routine" in text and "open wounds" not in text
        assert "never press hard" in text


def test_medial_edge_wins_over_the_arch_beneath_it(window: MainWindow) -> None:
    art = load_art(asset_path("art/feet.svg"))
    arch = next(s.path for s in art.shapes if s.zone == "arch" and s.view == "sole-left")
    edge = next(s.path for s in art.shapes if s.zone == "medial-edge" and s.view == "sole-left")
    box = arch.boundingRect().intersected(edge.boundingRect())
    grid = [
        QPointF(box.left() + box.width() * i / 20, box.top() + box.height() * j / 20)
        for i in range(21)
        for j in range(21)
    ]
    both = [p for p in grid if arch.contains(p) and edge.contains(p)]
    assert both, "the art should draw the medial edge over the arch"
    point = both[len(both) // 2]
    assert window.map.zone_at(window.map.map_from_art(point)) == "medial-edge"


def test_outside_the_feet_is_no_zone_and_a_click_there_keeps_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    fmap.select_zone("heel")
    corner = QPointF(3, 3)
    assert fmap.zone_at(corner) is None
    qtbot.mouseClick(fmap, Qt.MouseButton.LeftButton, pos=corner.toPoint())
    assert fmap.selected_zone == "heel"


def test_selection_highlights_the_zone_on_both_soles(window: MainWindow) -> None:
    fmap = window.map
    before = fmap.grab().toImage()
    fmap.select_zone("heel")
    after = fmap.grab().toImage()
    for view in ("sole-left", "sole-right"):
        p = fmap.zone_centre("heel", view).toPoint()
        assert before.pixelColor(p) != after.pixelColor(p), view
    toe = fmap.zone_centre("toes", "sole-left").toPoint()
    assert before.pixelColor(toe) == after.pixelColor(toe)


def test_the_highlight_stays_on_what_is_drawn_for_the_zone(window: MainWindow) -> None:
    """Tint and ring cover the zone where it is on top (and a ring's width round it), nothing else."""
    fmap = window.map
    before = fmap.grab().toImage()
    fmap.select_zone("heel")
    after = fmap.grab().toImage()
    box = fmap.zone_rect("heel").toAlignedRect().adjusted(-6, -6, 6, 6)
    changed_off_zone = []
    for y in range(box.top(), box.bottom(), 2):
        for x in range(box.left(), box.right(), 2):
            near = [fmap.zone_at(QPointF(x + dx, y + dy)) for dx in (-3, 0, 3) for dy in (-3, 0, 3)]
            if "heel" not in near and before.pixelColor(x, y) != after.pixelColor(x, y):
                changed_off_zone.append((x, y))
    assert not changed_off_zone, changed_off_zone[:10]


def test_hover_highlights_and_names_the_zone(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    pos = fmap.zone_centre("arch", "sole-right").toPoint()
    before = fmap.grab().toImage().pixelColor(pos)
    with qtbot.waitSignal(fmap.zone_hovered, timeout=1000) as signal:
        qtbot.mouseMove(fmap, pos)
    assert signal.args == ["arch"]
    assert fmap.hovered_zone == "arch"
    assert "Arch" in window.hover_caption.text()
    assert "abdominal" in window.hover_caption.text()
    assert fmap.grab().toImage().pixelColor(pos) != before
    assert fmap.selected_zone is None  # hovering chooses nothing


class _PaintSpy(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRegion] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.regions.append(QRegion(event.region()))
        return False


def test_hover_repaints_only_the_zones_whose_state_changed(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    heel = fmap.zone_centre("heel", "sole-left").toPoint()
    ankle = fmap.zone_centre("ankle", "side").toPoint()
    qtbot.mouseMove(fmap, heel)
    qtbot.waitUntil(lambda: fmap.hovered_zone == "heel")
    QApplication.processEvents()
    spy = _PaintSpy()
    fmap.installEventFilter(spy)
    qtbot.mouseMove(fmap, ankle)
    qtbot.waitUntil(lambda: fmap.hovered_zone == "ankle")
    qtbot.waitUntil(lambda: bool(spy.regions))
    fmap.removeEventFilter(spy)
    painted = QRegion()
    for region in spy.regions:
        painted = painted.united(region)
    # the heels (both soles) and the ankle, never the whole map
    assert painted.contains(heel) and painted.contains(ankle)
    area = sum(r.width() * r.height() for r in painted)  # type: ignore[attr-defined]
    assert area < 0.4 * fmap.width() * fmap.height()
    for zone, view in (("toes", "sole-left"), ("top", "side"), ("arch", "sole-right")):
        assert not painted.contains(fmap.zone_centre(zone, view).toPoint()), zone


def test_hover_and_paint_never_reparse_the_svg(make_window, qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The art is read and parsed once, when the map is built; hover, resize and paint only draw.

    The picture's renderer and one renderer per zone layer (the masks that say
    where each zone is drawn) are each made and loaded once; a new size only
    renders them again.
    """
    import svgelements

    from reflexmap import drawn, geometry
    from reflexmap.drawn import raster

    calls: dict[str, int] = {"svgelements": 0, "load_art": 0, "renderers": 0, "renderer loads": 0}

    def counting(name: str, real):  # type: ignore[no-untyped-def]
        def wrapper(*args: object, **kwargs: object) -> object:
            calls[name] += 1
            return real(*args, **kwargs)

        return wrapper

    class CountingRenderer(raster.QSvgRenderer):
        def __init__(self, *args: Any) -> None:
            calls["renderers"] += 1
            super().__init__(*args)

        def load(self, *args: Any) -> bool:
            calls["renderer loads"] += 1
            return super().load(*args)

    monkeypatch.setattr(svgelements.SVG, "parse", counting("svgelements", svgelements.SVG.parse))
    monkeypatch.setattr(geometry, "load_art", counting("load_art", geometry.load_art))
    monkeypatch.setattr(raster, "QSvgRenderer", CountingRenderer)
    window = make_window("--size", "1280x800")
    fmap = window.map
    qtbot.waitUntil(lambda: calls["renderers"] > 1)  # the masks follow the first frame
    built = dict(calls)
    layers = len(drawn.Drawing(asset_path("art/feet.svg").read_bytes(), "feet.svg").layers)  # parses, no renderer
    assert built["renderers"] == 1 + layers  # the picture's, and one for each zone layer
    assert built["renderer loads"] == built["renderers"]
    for zone, view in (("toes", "sole-left"), ("heel", "sole-right"), ("achilles", "side")):
        qtbot.mouseMove(fmap, fmap.zone_centre(zone, view).toPoint())
        qtbot.waitUntil(lambda z=zone: fmap.hovered_zone == z)  # type: ignore[misc]
    window.resize(900, 1200)
    window.grab()
    fmap.select_zone("top")
    fmap.repaint()
    window.resize(1280, 800)
    window.grab()
    assert calls == built, f"after the map was built: {calls} (at build: {built})"


def test_the_zone_masks_are_made_with_the_picture_never_on_hover_or_paint(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reflexmap import drawn

    made: list[tuple[float, float, float]] = []
    real = drawn.Drawing.masks

    def counting(self, width, height, dpr=1.0, zones=None):  # type: ignore[no-untyped-def]
        made.append((width, height, dpr))
        return real(self, width, height, dpr, zones)

    monkeypatch.setattr(drawn.Drawing, "masks", counting)
    fmap = window.map
    window.resize(1200, 760)  # a new size: a new picture, and new masks with it
    qtbot.waitUntil(lambda: len(made) == 1)
    for zone, view in (("toes", "sole-left"), ("heel", "sole-right"), ("ankle", "side")):
        qtbot.mouseMove(fmap, fmap.zone_centre(zone, view).toPoint())
        qtbot.waitUntil(lambda z=zone: fmap.hovered_zone == z)  # type: ignore[misc]
    fmap.select_zone("arch")
    fmap.set_guide(("heel",), "left")
    fmap.repaint()
    window.grab()
    assert len(made) == 1, made
    window.resize(900, 1200)
    window.grab()
    qtbot.waitUntil(lambda: len(made) == 2)


def test_a_zones_accessible_rectangle_holds_what_is_drawn_for_it(window: MainWindow) -> None:
    fmap = window.map
    for zone in fmap.zone_ids():
        rect = fmap.zone_rect(zone)
        assert not rect.isEmpty(), zone
        assert rect.contains(fmap.zone_centre(zone))
        assert fmap.zone_at(fmap.zone_centre(zone)) == zone
    left, right = fmap.zone_rect("heel", "sole-left"), fmap.zone_rect("heel", "sole-right")
    assert left.right() < right.left()  # one foot, then the other
    assert fmap.zone_rect("heel").contains(left) and fmap.zone_rect("heel").contains(right)


def test_keyboard_arrows_move_a_visible_focus_ring_and_enter_selects(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    _tab_into_map(window, qtbot)
    first = fmap.focused_zone
    assert first is not None
    assert _has_colour(fmap, QColor(style.FOCUS)), "no focus ring drawn for a keyboard user"
    seen: set[str | None] = {first}
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Right, Qt.Key.Key_Up):
        qtbot.keyClick(fmap, key)
        seen.add(fmap.focused_zone)
    assert len(seen) >= 3, seen
    target = fmap.focused_zone
    assert target is not None
    with qtbot.waitSignal(fmap.zone_selected, timeout=1000) as signal:
        qtbot.keyClick(fmap, Qt.Key.Key_Return)
    assert signal.args == [target]
    assert fmap.selected_zone == target
    name, _ = fmap.accessible_text(target)
    assert name in window.panel.text()
    qtbot.keyClick(fmap, Qt.Key.Key_Down)
    qtbot.keyClick(fmap, Qt.Key.Key_Space)
    assert fmap.selected_zone == fmap.focused_zone


def test_mouse_focus_shows_no_ring(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    qtbot.mouseClick(fmap, Qt.MouseButton.LeftButton, pos=fmap.zone_centre("arch", "sole-left").toPoint())
    fmap.setFocus(Qt.FocusReason.MouseFocusReason)
    assert not _has_colour(fmap, QColor(style.FOCUS))


def test_tab_moves_focus_into_and_out_of_the_map(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    _tab_into_map(window, qtbot)
    qtbot.keyClick(fmap, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not fmap.hasFocus())
    assert QApplication.focusWidget() is not None
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.waitUntil(fmap.hasFocus)


def test_every_zone_has_an_accessible_name_and_description(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    for zone in fmap.zone_ids():
        name, description = fmap.accessible_text(zone)
        assert name and description and name != zone
    _tab_into_map(window, qtbot)
    assert fmap.focused_zone is not None
    qtbot.keyClick(fmap, Qt.Key.Key_Right)
    # the zone's own child is announced (tests/real/test_screen_reader.py): the map keeps its name, or each
    # arrow would be heard twice
    assert fmap.accessibleName() == "Foot map"


def test_escape_clears_the_selection_back_to_the_overview(window: MainWindow, qtbot: QtBot) -> None:
    fmap = window.map
    fmap.select_zone("toes")
    fmap.setFocus()
    qtbot.keyClick(fmap, Qt.Key.Key_Escape)
    assert fmap.selected_zone is None
    assert window.panel.zone is None


def _tab_into_map(window: MainWindow, qtbot: QtBot) -> None:
    """Reach the map the way a keyboard user does: Shift+Tab from the widget after it."""
    after = window.map.nextInFocusChain()
    while not (after.focusPolicy() & Qt.FocusPolicy.TabFocus) or not after.isVisible():
        after = after.nextInFocusChain()
    after.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(after.hasFocus)
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.waitUntil(window.map.hasFocus)


def _has_colour(widget: FootMap, colour: QColor) -> bool:
    image = widget.grab().toImage()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) < 30:
                return True
    return False


def test_each_zone_on_each_view_is_an_accessible_child_of_the_map(window: MainWindow, qtbot: QtBot) -> None:
    """Named, described, where it is drawn, checked when chosen; activating it (a screen reader's press) chooses it."""
    from PySide6.QtGui import QAccessible

    fmap = window.map
    qtbot.waitUntil(lambda: bool(fmap.zone_targets()), timeout=5000)  # made with the masks, after the first frame
    targets = fmap.zone_targets()
    content = builtin_content()
    assert {(t.zone, t.view) for t in targets} == {
        (z, v) for z in fmap.zone_ids() for v in _views(z)
    }  # every zone on every view
    for target in targets:
        info = content.zone(target.zone)
        assert target.accessibleName() == info.name("en")
        assert info.corresponds("en") in target.accessibleDescription()
        assert target.geometry().contains(fmap.zone_centre(target.zone, target.view).toPoint())
        iface = QAccessible.queryAccessibleInterface(target)
        assert iface is not None and iface.parent().object() is fmap  # a child of the map, to assistive technology
        assert iface.text(QAccessible.Text.Name) == info.name("en")
    heel = next(t for t in targets if t.zone == "heel")
    heel.click()  # what a screen reader's "press" does
    assert fmap.selected_zone == "heel"
    assert all(t.isChecked() == (t.zone == "heel") for t in targets)
    window.header.findChild(QPushButton, "lang_uk").click()
    assert heel.accessibleName() == content.zone("heel").name("uk")


def test_the_zones_children_never_take_a_click_or_a_hover_from_the_map(window: MainWindow, qtbot: QtBot) -> None:
    """A press lands on the invisible child under the pointer (as a real one does): it goes on to the map."""
    fmap = window.map
    qtbot.waitUntil(lambda: bool(fmap.zone_targets()), timeout=5000)
    point = fmap.zone_centre("arch", "sole-left").toPoint()
    child = fmap.childAt(point)
    assert isinstance(child, QAbstractButton) and child.objectName().startswith("zone_arch")
    local = child.mapFrom(fmap, point)
    qtbot.mouseMove(child, local)
    assert fmap.hovered_zone == "arch"
    with qtbot.waitSignal(fmap.zone_selected, timeout=1000) as signal:
        qtbot.mouseClick(child, Qt.MouseButton.LeftButton, pos=local)
    assert signal.args == ["arch"] and fmap.selected_zone == "arch"
    assert not child.isDown()  # the child never took the press


def test_arrow_keys_move_to_the_nearest_zone_in_their_direction(window: MainWindow, qtbot: QtBot) -> None:
    """Right from the left toes to the right toes, Left from the right heel to the left heel, nothing below the
    side view: the nearest zone within 45 degrees of the arrow (the README says so)."""
    fmap = window.map
    qtbot.waitUntil(lambda: bool(fmap.zone_targets()), timeout=5000)
    _tab_into_map(window, qtbot)

    def go_to(zone: str, view: str) -> None:
        qtbot.mouseClick(fmap, Qt.MouseButton.LeftButton, pos=fmap.zone_centre(zone, view).toPoint())

    def after(key: Qt.Key) -> tuple[str | None, str | None]:
        qtbot.keyClick(fmap, key)
        return fmap.focused_zone, fmap.focused_view

    go_to("toes", "sole-left")
    assert after(Qt.Key.Key_Right) == ("toes", "sole-right")
    go_to("heel", "sole-right")
    assert after(Qt.Key.Key_Left) == ("heel", "sole-left")
    go_to("heel", "sole-left")
    assert after(Qt.Key.Key_Up)[0] in ("arch", "medial-edge")  # straight up the same sole
    go_to("achilles", "side")
    assert after(Qt.Key.Key_Down) == ("achilles", "side")  # nothing below the side view: it stays


@pytest.mark.parametrize(("guided", "selected"), [(("toes",), None), (("heel", "achilles"), "metatarsus")])
def test_a_first_frame_that_highlights_zones_looks_as_the_frames_after_all_the_masks_are_made(
    qtbot: QtBot, guided: tuple[str, ...], selected: str | None
) -> None:
    """The kiosk's first frame highlights a zone with just that zone's masks; it looks the same once all are made."""
    from reflexmap.i18n import Language
    from reflexmap.ui.fonts import TextSize

    fmap = FootMap(load_art(asset_path("art/feet.svg")), builtin_content(), Language("en"), TextSize())
    qtbot.addWidget(fmap)
    fmap.resize(900, 560)
    fmap.set_guide(guided, None, pulsing=False)
    fmap.select_zone(selected)
    first = fmap.grab().toImage()
    assert not fmap.zone_targets()  # all the masks (which place the zones' accessible children) come after it
    qtbot.waitUntil(lambda: bool(fmap.zone_targets()), timeout=5000)
    after = fmap.grab().toImage()
    assert first == after
    plain = FootMap(load_art(asset_path("art/feet.svg")), builtin_content(), Language("en"), TextSize())
    qtbot.addWidget(plain)
    plain.resize(900, 560)
    assert plain.grab().toImage() != first  # the highlights are in it


def test_a_map_at_the_size_of_the_last_start_gets_the_masks_it_kept_without_rendering_a_layer(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The kiosk starts at one size every day: the masks its first start made are read back, not made again."""
    from reflexmap.i18n import Language
    from reflexmap.ui.fonts import TextSize
    from tests.support.renderers import renderer_loads

    def started() -> FootMap:
        fmap = FootMap(
            load_art(asset_path("art/feet.svg")), builtin_content(), Language("en"), TextSize(), cache_dir=tmp_path
        )
        qtbot.addWidget(fmap)
        fmap.resize(900, 560)
        fmap.set_guide(("toes",), None, pulsing=False)
        return fmap

    first = started()
    shown = first.grab().toImage()
    qtbot.waitUntil(lambda: bool(first.zone_targets()), timeout=5000)  # all the masks, made after the first frame
    assert list(tmp_path.glob("keptmasks-*.json"))
    loads = renderer_loads(monkeypatch)
    second = started()
    assert second.grab().toImage() == shown
    points = [QPointF(x, y) for x in range(0, 900, 7) for y in range(0, 560, 7)]
    assert [second.zone_at(p) for p in points] == [first.zone_at(p) for p in points]
    assert len(loads) == 1  # the picture's renderer; no zone layer was loaded, let alone rendered
