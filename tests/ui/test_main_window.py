"""The window as a whole: panel overview, body index, layouts, bad art."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built
from reflexmap.app.files import builtin_content
from reflexmap.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock

MakeWindow = Callable[..., MainWindow]


def test_overview_explains_benefits_kinds_and_offers_the_body_index(window: MainWindow) -> None:
    text = window.panel.text()
    for words in (
        "circulation",
        "Relaxed muscles",
        "varicose veins",
        "does not replace treatment",
        "well-being",
        "Classic",
        "Lymphatic drainage",
        "Acupressure",
        "Find a zone by body part",
    ):
        assert words in text, words
    labels = [b.text() for b in window.panel.findChildren(QPushButton, "indexButton")]
    for part in (
        "Head",
        "Neck",
        "Sensory organs",
        "Chest organs",
        "Heart",
        "Lungs",
        "Abdominal cavity",
        "Digestive organs",
        "Pelvic region",
        "Spinal column",
    ):
        assert part in labels, part
    assert "Liver" not in labels


def test_choosing_a_body_part_selects_and_highlights_its_zone(window: MainWindow, qtbot: QtBot) -> None:
    expected = {
        "Heart": "metatarsus",
        "Spinal column": "medial-edge",
        "Head": "toes",
        "Pelvic region": "heel",
        "Digestive organs": "arch",
    }
    for label, zone in expected.items():
        window.map.select_zone(None)
        button = next(b for b in window.panel.findChildren(QPushButton, "indexButton") if b.text() == label)
        with qtbot.waitSignal(window.map.zone_selected, timeout=1000) as signal:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert signal.args == [zone]
        assert window.map.selected_zone == zone
        assert window.panel.zone == zone
        assert builtin_content().zone(zone).name("en") in window.panel.text()


def test_back_button_returns_to_the_overview(window: MainWindow, qtbot: QtBot) -> None:
    window.map.select_zone("ankle")
    assert "2–3 seconds" in window.panel.text()
    back = window.panel.findChild(QPushButton, "backButton")
    assert back.isVisible()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert window.map.selected_zone is None
    assert "Find a zone by body part" in window.panel.text()


def test_ankle_achilles_and_top_say_what_the_article_says_without_inventing_organs(window: MainWindow) -> None:
    checks = {
        "ankle": ["2–3 seconds", "circle around the ankle"],
        "achilles": ["up and down", "oil or cream"],
        "top": ["thumbs", "up and then down"],
    }
    for zone, words in checks.items():
        window.map.select_zone(zone)
        text = window.panel.text()
        corresponds = builtin_content().zone(zone).corresponds("en")
        assert corresponds in text and "organ" not in corresponds.lower()  # no claim either way
        for word in words:
            assert word in text, (zone, word)


def _art_on_screen(window: MainWindow) -> QRectF:
    size = window.map.art_size()
    return QRectF(window.map.map_from_art(QPointF(0, 0)), window.map.map_from_art(QPointF(size.width(), size.height())))


def test_landscape_puts_the_panel_beside_the_map_and_keeps_the_art_aspect(make_window: MakeWindow) -> None:
    window = make_window("--size", "1280x800")
    window.grab()
    map_box = window.map.parentWidget().geometry()
    assert map_box.right() < window.panel.geometry().left()
    art = _art_on_screen(window)
    assert abs(art.width() / art.height() - 1000 / 600) < 0.01


def test_portrait_puts_the_panel_below_the_map_and_keeps_the_art_aspect(make_window: MakeWindow) -> None:
    window = make_window("--size", "800x1280")
    window.grab()
    map_box = window.map.parentWidget().geometry()
    assert map_box.bottom() < window.panel.geometry().top()
    art = _art_on_screen(window)
    assert abs(art.width() / art.height() - 1000 / 600) < 0.01
    # the art fills the width instead of floating in empty space
    assert art.width() > 700


def test_zone_option_preselects(make_window: MakeWindow) -> None:
    window = make_window("--zone", "achilles")
    assert window.map.selected_zone == "achilles"
    assert "Achilles tendon" in window.panel.text()


def test_bad_art_falls_back_to_the_builtin_feet_with_a_visible_notice(make_window: MakeWindow, tmp_path: Path) -> None:
    bad = tmp_path / "salon-feet.svg"
    bad.write_text("<svg xmlns='http://www.w3.org/2000/svg'><path data-zone='heel' d='M0 0 L 5'", encoding="utf-8")
    window = make_window("--art", str(bad))
    assert window.notice.isVisible()
    assert "salon-feet.svg" in window.notice.text()
    assert "not well-formed XML" in window.notice.text()
    assert "built-in feet" in window.notice.text()
    assert set(window.map.zone_ids()) >= {"toes", "heel", "achilles"}


def test_art_with_no_known_zone_falls_back_too(make_window: MakeWindow, tmp_path: Path) -> None:
    odd = tmp_path / "odd.svg"
    odd.write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'>"
        "<rect data-zone='elbow' width='5' height='5'/></svg>",
        encoding="utf-8",
    )
    window = make_window("--art", str(odd))
    assert "odd.svg" in window.notice.text() and "elbow" in window.notice.text()
    assert "heel" in window.map.zone_ids()


def test_custom_art_is_used_and_unknown_zones_are_reported(make_window: MakeWindow, tmp_path: Path) -> None:
    art = tmp_path / "simple.svg"
    art.write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'>"
        "<rect data-zone='heel' x='10' y='10' width='80' height='80'/>"
        "<circle data-zone='knee' cx='150' cy='50' r='30'/></svg>",
        encoding="utf-8",
    )
    window = make_window("--art", str(art))
    assert window.map.zone_ids() == ["heel"]
    assert "knee" in window.notice.text()
    assert window.map.art_size().width() == 200


def test_good_run_shows_no_notice(window: MainWindow) -> None:
    assert not window.notice.isVisible()


def test_header_shows_its_subtitle_where_it_fits_and_keeps_the_buttons_compact(
    make_window: MakeWindow, qtbot: QtBot
) -> None:
    window = make_window("--size", "1280x800")
    subtitle = window.findChild(QLabel, "appSubtitle")
    sizes = [window.findChild(QPushButton, f"textSize{i}") for i in range(3)]

    def compact() -> bool:  # the controls keep their own size; the subtitle or a gap takes the room
        return all(b.width() <= b.sizeHint().width() + 4 for b in sizes)

    qtbot.waitUntil(lambda: subtitle.isVisible() and compact(), timeout=2000)
    window.resize(560, 700)  # no room beside the controls: the subtitle gives way, nothing is cut
    qtbot.waitUntil(lambda: not subtitle.isVisible() and compact(), timeout=2000)
    window.resize(1280, 800)  # a window manager may give a window its size only after showing it
    qtbot.waitUntil(lambda: subtitle.isVisible() and compact(), timeout=2000)


def test_the_overview_says_massage_does_not_replace_treatment_right_after_the_benefits(window: MainWindow) -> None:
    text = window.panel.text()
    benefits = text.index("What foot massage does")
    note = text.index("does not replace")
    kinds = text.index("kinds of foot massage")
    assert benefits < note < kinds, text


def test_every_header_button_says_what_it_does_and_shows_the_keyboard_focus(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QPushButton

    from reflexmap.ui import style

    buttons = window.header.findChildren(QPushButton)
    tips = [b.toolTip() for b in buttons]
    assert all(tips) and len(set(tips)) == len(tips), tips  # no two say the same
    assert window.header.findChild(QPushButton, "textSize2").toolTip() == "Text size 140 %"
    focus = QColor(style.FOCUS)
    for name in ("lang_uk", "textSize1", "aboutButton"):  # flat, unchecked: Fusion would draw no focus
        button = window.header.findChild(QPushButton, name)
        button.setFocus(Qt.FocusReason.TabFocusReason)
        image = button.grab().toImage()
        ring = sum(
            1
            for y in range(image.height())
            for x in range(image.width())
            if abs(image.pixelColor(x, y).red() - focus.red()) < 30
            and abs(image.pixelColor(x, y).blue() - focus.blue()) < 30
            and image.pixelColor(x, y).blue() > 100
        )
        assert ring > 40, name


def test_about_says_the_version_licence_content_source_safety_and_font(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog, QLabel, QPushButton

    from reflexmap import __version__

    qtbot.mouseClick(window.header.findChild(QPushButton, "aboutButton"), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QLabel, "aboutTitle").text() + dialog.findChild(QLabel, "aboutBody").text()
    for words in (__version__, "MIT", "article", "does not replace", "Noto Sans", "Open Font License"):
        assert words in text, words
    dialog.close()


def test_the_keyboard_stays_in_the_panel_when_its_page_changes(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QPushButton

    index = window.panel.findChildren(QPushButton, "indexButton")[0]
    index.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(index, Qt.Key.Key_Space)  # a body-index entry, by keyboard: its zone opens
    assert window.map.selected_zone is not None
    back = window.panel.findChild(QPushButton, "backButton")
    assert QApplication.focusWidget() is back  # not the header
    qtbot.keyClick(back, Qt.Key.Key_Space)  # "All zones", by keyboard
    assert window.map.selected_zone is None
    focused = QApplication.focusWidget()
    assert focused is not None and window.panel.isAncestorOf(focused) and focused.objectName() == "indexButton"


def _draws_its_focus(widget: QWidget) -> bool:
    """Whether ``widget`` looks different with the focus it has now than without it."""
    focused = widget.grab().toImage()
    widget.clearFocus()
    unfocused = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)  # as the person left it
    return focused != unfocused


def _tab_through(window: MainWindow, qtbot: QtBot) -> list[str]:
    """Every control Tab reaches on the screen now, with the ones that do not show their focus."""
    seen: list[QWidget] = []
    unseen: list[str] = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None, f"Tab after {[w.objectName() for w in seen]} left nothing focused"
        if focused in seen:
            break
        seen.append(focused)
        if not _draws_its_focus(focused):
            unseen.append(f"{type(focused).__name__} {focused.objectName()} {getattr(focused, 'text', str)()[:30]!r}")
    assert len(seen) > 3
    return unseen


def test_every_control_tab_reaches_shows_its_focus(
    make_built: Callable[..., Built], clock: FakeClock, qtbot: QtBot
) -> None:
    built = make_built("--size", "1280x800", "--lang", "en", clock=clock)
    window = built.window
    qtbot.waitUntil(window.isActiveWindow)
    player = built.session.player

    def finish() -> None:
        window.routines.play_page.cancel_stop()
        player.jump(len(player.plan()) - 1)
        player.done()

    screens: list[tuple[str, Callable[[], object]]] = [
        ("map overview", lambda: window.map.select_zone(None)),
        ("zone chosen", lambda: window.map.select_zone("ankle")),
        ("routine list", lambda: window.tabs.setCurrentWidget(window.routines)),
        ("safety check", player.start),
        ("playing", player.confirm_safety),
        ("asking to stop", window.routines.play_page.ask_stop),
        ("finished", finish),
    ]
    problems = []
    for screen, show in screens:
        if screen == "routine list":
            window.routines.choose("massage-ball", 10)
        show()
        problems += [f"{screen}: {control}" for control in _tab_through(window, qtbot)]
    assert not problems, "\n".join(problems)


def test_focus_moved_after_a_key_shows_and_after_a_click_does_not(window: MainWindow, qtbot: QtBot) -> None:
    """Opening a zone from the body index moves focus to "All zones", and back: the ring goes with it."""
    index = window.panel.findChildren(QPushButton, "indexButton")[0]
    qtbot.waitUntil(window.isActiveWindow)
    index.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(index, Qt.Key.Key_Space)
    back = window.panel.findChild(QPushButton, "backButton")
    assert back is not None
    assert QApplication.focusWidget() is back and _draws_its_focus(back)
    qtbot.keyClick(back, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is index and _draws_its_focus(index)
    qtbot.mouseClick(index, Qt.MouseButton.LeftButton)  # by mouse: no ring, here or on "All zones"
    assert QApplication.focusWidget() is back and not _draws_its_focus(back)
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is index and not _draws_its_focus(index)


def test_esc_during_a_routine_shows_where_the_keyboard_is_now(
    make_built: Callable[..., Built], clock: FakeClock, qtbot: QtBot
) -> None:
    """Esc asks "Stop the routine?" with "Keep going" focused: a keyboard user sees it is."""
    built = make_built("--size", "1280x800", "--lang", "en", clock=clock)
    window = built.window
    qtbot.waitUntil(window.isActiveWindow)
    window.routines.choose("massage-ball", 10)
    window.show_routines()
    built.session.player.start()
    built.session.player.confirm_safety()
    pause = window.routines.findChild(QPushButton, "pauseButton")
    pause.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(pause, Qt.Key.Key_Escape)
    keep_going = window.routines.findChild(QPushButton, "keepGoingButton")
    assert keep_going is not None
    assert QApplication.focusWidget() is keep_going and _draws_its_focus(keep_going)


def test_only_the_keyboard_shows_a_focus_ring_not_a_click_or_the_first_focus(window: MainWindow, qtbot: QtBot) -> None:
    """A ring beside the chosen text size after a tap looked like a second choice (the kiosk's header too)."""
    from PySide6.QtWidgets import QApplication

    from reflexmap.ui.header import HeaderButton

    buttons = window.header.findChildren(HeaderButton)
    assert not any(b.focus_shown for b in buttons)  # whatever the window gave its first focus to
    size = window.header.findChild(HeaderButton, "textSize0")
    qtbot.mouseClick(size, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is size and not size.focus_shown
    qtbot.keyClick(size, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert isinstance(focused, HeaderButton) and focused is not size and focused.focus_shown
