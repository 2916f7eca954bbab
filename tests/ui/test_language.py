"""Ukrainian and English: the default, the live switch, and nothing left untranslated."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built
from reflexmap.content import LANGUAGES, Text
from reflexmap.i18n import resolve_language
from reflexmap.player import RoutinePlayer, State
from reflexmap.resources import asset_path
from reflexmap.routines import load_routines
from reflexmap.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock

ROOT = Path(__file__).resolve().parents[2]
TS = asset_path("i18n/reflexmap_uk.ts")
MakeWindow = Callable[..., MainWindow]


def _messages() -> list[tuple[str, str, ET.Element | None]]:
    root = ET.parse(TS).getroot()
    return [
        (c.findtext("name") or "", m.findtext("source") or "", m.find("translation"))
        for c in root.iter("context")
        for m in c.iter("message")
    ]


def test_every_ui_string_and_message_has_a_finished_ukrainian_translation() -> None:
    messages = _messages()
    assert len(messages) > 100
    for context, source, translation in messages:
        assert translation is not None, (context, source)
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:  # a plural entry: each of its forms
            assert text.strip(), (context, source)
            # placeholders survive translation
            for name in ("{n}", "{m}", "{time}", "{file}", "{problem}", "{field}", "{step}", "{name}", "%n"):
                assert (name in source) == (name in text), (source, text, name)


def test_the_ts_file_lists_every_string_the_sources_use(tmp_path: Path) -> None:
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    fresh = {
        (c, s)
        for c, s, _ in (
            (c.findtext("name"), m.findtext("source"), None)
            for c in ET.parse(copy).getroot().iter("context")
            for m in c.iter("message")
        )
    }
    committed = {(c, s) for c, s, _ in _messages()}
    assert fresh == committed, f"run tools/update_translations.py: new {fresh - committed}, gone {committed - fresh}"


def _texts(obj: object) -> list[Text]:
    if isinstance(obj, Text):
        return [obj]
    if isinstance(obj, (tuple, list)):
        return [t for item in obj for t in _texts(item)]
    if hasattr(obj, "__dataclass_fields__"):
        return [t for name in obj.__dataclass_fields__ for t in _texts(getattr(obj, name))]
    return []


def test_every_routine_text_exists_in_both_languages() -> None:
    routines, _ = load_routines([asset_path("routines")])
    texts = _texts(routines)
    assert len(texts) > 30
    for text in texts:
        for lang in LANGUAGES:
            assert text(lang).strip()


def test_default_language_order_command_line_config_system_english() -> None:
    assert resolve_language("en", "uk", "uk") == "en"
    assert resolve_language(None, "uk", "en") == "uk"
    assert resolve_language(None, None, "uk") == "uk"
    assert resolve_language(None, None, "de") == "en"
    assert resolve_language("fr", None, None) == "en"


def test_lang_option_and_config_file_choose_the_start_language(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reflexmap.app.build.system_language", lambda: "en")
    window = make_window("--lang", "uk")
    assert window.tabs.tabText(1) == "Програми"
    assert "Ваші стопи" in window.panel.text()
    config = tmp_path / "config.toml"
    config.write_text('language = "uk"\n', encoding="utf-8")
    window = make_window("--config", str(config))
    assert window.tabs.tabText(0) == "Карта стопи"
    window = make_window("--config", str(config), "--lang", "en")
    assert window.tabs.tabText(0) == "Foot map"


def test_system_locale_is_the_fallback(make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reflexmap.app.build.system_language", lambda: "uk")
    assert make_window().tabs.tabText(0) == "Карта стопи"


def test_a_bad_setting_keeps_its_default_and_says_why_in_both_languages(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reflexmap.app.build.system_language", lambda: "en")
    config = tmp_path / "salon.toml"
    config.write_text('language = "de"\n', encoding="utf-8")
    window = make_window("--config", str(config))
    assert window.notice.isVisible()
    assert (
        "salon.toml: line 1, field language: 'de' is not one of en, uk. That setting is left at its default."
        in window.notice.text()
    )
    window.header.findChild(QPushButton, "lang_uk").click()
    assert (
        "salon.toml: рядок 1, поле language: 'de' — має бути одне з: en, uk. Це налаштування лишається типовим."
        in window.notice.text()
    )


def test_switch_is_always_visible_and_live_keeping_zone_tab_and_routine(
    make_built: Callable[..., Built], qtbot: QtBot, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reflexmap.app.build.system_language", lambda: "en")
    built = make_built(clock=clock)
    window = built.window
    uk = window.findChild(QPushButton, "lang_uk")
    en = window.findChild(QPushButton, "lang_en")
    assert uk.isVisible() and en.isVisible() and uk.text() == "УКР" and en.text() == "ENG"

    window.map.select_zone("heel")
    assert "Heel" in window.panel.text()
    qtbot.mouseClick(uk, Qt.MouseButton.LeftButton)
    assert window.map.selected_zone == "heel"
    assert "Пʼята" in window.panel.text() and "Heel" not in window.panel.text()
    assert window.tabs.tabText(0) == "Карта стопи"

    player = built.session.player
    window.tabs.setCurrentWidget(window.routines)
    window.routines.choose("finger-self-massage")
    player.start()
    player.confirm_safety()
    clock.now += 5 + 20
    player.update()
    index, remaining = player.index, player.step_remaining()
    step_label = window.routines.findChild(QLabel, "stepLabel")
    instruction = window.routines.findChild(QLabel, "instruction")
    assert step_label.text() == "Крок 2 з 16"
    assert "Поставте великі пальці в центр склепіння" in instruction.text()
    qtbot.mouseClick(en, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.routines
    assert (player.index, player.step_remaining()) == (index, remaining)
    assert step_label.text() == "Step 2 of 16"
    assert instruction.text().startswith("Thumbs in the centre of the arch")
    assert window.map.selected_zone == "heel"


def test_bundled_font_with_latin_and_cyrillic_is_registered(make_window: MakeWindow) -> None:
    make_window()
    assert "Noto Sans" in QFontDatabase.families()
    assert QApplication.font().family() == "Noto Sans"
    assert QFontDatabase.writingSystems("Noto Sans").count(QFontDatabase.WritingSystem.Cyrillic) == 1
    assert (asset_path("fonts") / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1


def test_text_size_control_has_three_steps_and_acts_live(make_window: MakeWindow, qtbot: QtBot) -> None:
    window = make_window()
    window.map.select_zone("toes")
    title = window.panel.findChild(QLabel, "panelTitle")
    sizes = []
    for i in range(3):
        button = window.findChild(QPushButton, f"textSize{i}")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        sizes.append(title.font().pixelSize())
    assert sizes[0] < sizes[1] < sizes[2]
    assert QApplication.font().pixelSize() == round(15 * 1.4)
    assert window.map.selected_zone == "toes"


def test_screenshot_in_ukrainian(tmp_path: Path) -> None:
    out = tmp_path / "uk.png"
    result = subprocess.run(
        [sys.executable, "-m", "reflexmap", "--screenshot", str(out), "--lang", "uk"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 10_000


def test_text_renders_with_the_bundled_font_on_a_machine_without_fonts(tmp_path: Path) -> None:
    """fontconfig told to know no fonts at all: the app still draws its words, with Noto Sans."""
    import os

    conf = tmp_path / "fonts.conf"
    conf.write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        f"<cachedir>{tmp_path / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(conf), XDG_CACHE_HOME=str(tmp_path / "cache"))
    code = (
        "import sys; from reflexmap.app.build import create_window; from PySide6.QtGui import QFontDatabase;"
        "from PySide6.QtWidgets import QLabel;"
        "w = create_window(['--lang', 'uk']).window; title = w.header.findChild(QLabel, 'appTitle');"
        "print(QFontDatabase.families());"
        "img = title.grab().toImage();"
        "dark = sum(1 for y in range(img.height()) for x in range(img.width())"
        " if img.pixelColor(x, y).lightness() < 100);"
        "print('dark', dark, title.fontInfo().family())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    families, last = result.stdout.strip().splitlines()[-2:]
    assert "Noto Sans" in families
    assert last.endswith("Noto Sans") and int(last.split()[1]) > 50  # the title's letters are drawn


#: What a keyboard types where Ukrainian wants ʼ (U+02BC) or « ».
_NOT_UKRAINIAN_TYPOGRAPHY = {
    "'": "ASCII apostrophe (ʼ U+02BC inside words)",
    "\u2019": "right single quotation mark (ʼ U+02BC inside words)",
    '"': "straight double quote (« » for quotes)",
    "`": "backtick (« » for quotes)",
}


def _ukrainian_typography(text: str) -> list[str]:
    return [name for char, name in _NOT_UKRAINIAN_TYPOGRAPHY.items() if char in text]


def test_ukrainian_ui_strings_use_the_typographic_apostrophe_and_quotes() -> None:
    """ʼ (U+02BC) inside words, « » for quotes, in every translation and every plural form of one."""
    assert _ukrainian_typography("памʼяті, «{view}»") == []
    assert len(_ukrainian_typography("пам’яті 'x' \"{view}\" `y`")) == 4
    bad = []
    for context, source, translation in _messages():
        assert translation is not None, (context, source)  # an element with no children is still there
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for text in forms:
            if _ukrainian_typography(text):
                bad.append((context, source, text, _ukrainian_typography(text)))
    assert not bad, bad


def test_counted_words_take_the_ukrainian_plural_forms() -> None:
    root = ET.parse(TS).getroot()
    counted = {m.findtext("source"): m for m in root.iter("message") if m.get("numerus") == "yes"}
    assert {"%n step", "%n steps", "%n skipped."} <= set(counted)
    forms = [f.text for f in counted["%n steps"].iter("numerusform")]
    assert forms == ["%n крок", "%n кроки", "%n кроків"]


#: Placeholders that hold a number (any with a number format, "{limit:,}", holds one too).
_NUMBERS = {"count", "n", "m", "value", "limit", "low", "high", "size", "rounds", "width", "height", "share"}
_NUMBERS |= {"h", "mib", "line", "lines", "i", "column", "percent"}
#: Words a number may stand before without agreeing with it: unit symbols and prepositions.
_UNAGREEING = {"хв", "год", "с", "мс", "Б", "КіБ", "МіБ", "пкс", "з", "до", "і", "й", "та", "а", "або", "не", "x"}


def _number_before_a_word(text: str) -> list[str]:
    """Each number placeholder followed by a word that would have to agree with the number ("{count} кроків")."""
    found = []
    for match in re.finditer(r"\{(\w+)(![rsa])?(:[^}]*)?\}\s+([^\W\d_]+)", text):
        name, spec, word = match.group(1), match.group(3) or "", match.group(4)
        holds_number = name in _NUMBERS or spec[-1:] in (",", "g", "d")
        if holds_number and re.match(r"[а-щьюяіїєґ]", word, re.IGNORECASE) and word not in _UNAGREEING:
            found.append(match.group(0))
    return found


def test_a_number_filled_into_a_ukrainian_sentence_never_has_to_agree_with_a_noun() -> None:
    """Ukrainian nouns take three forms after a number (1 крок, 2 кроки, 5 кроків): a template cannot
    choose one, so a number goes after a colon, in brackets or at the end; counted words are Qt plurals."""
    assert _number_before_a_word("{count} кроків — забагато") == ["{count} кроків"]
    assert _number_before_a_word("понад {limit:,} елементів") == ["{limit:,} елементів"]
    assert not _number_before_a_word("Забагато кроків: {count}; щонайбільше {limit}")
    assert not _number_before_a_word("крок {n} з {m}, {h} год {m} хв, файл {file} саме")
    bad = []
    for context, source, translation in _messages():
        if translation is None or translation.find("numerusform") is not None:
            continue  # a Qt plural entry has a form for each count
        if _number_before_a_word(translation.text or ""):
            bad.append((context, source, translation.text, _number_before_a_word(translation.text or "")))
    assert not bad, "\n".join(map(str, bad))


def _playing_in_ukrainian(make_built: Callable[..., Built], clock: FakeClock) -> tuple[MainWindow, RoutinePlayer]:
    """A Ukrainian window playing the whole-foot self-massage, its lead-in over."""
    built = make_built("--lang", "uk", clock=clock)
    window = built.window
    window.show_routines()
    player = built.session.player
    window.routines.choose("finger-self-massage")
    player.start()
    player.confirm_safety()
    clock.now += 5.01  # the lead-in
    player.update()
    return window, player


@pytest.mark.parametrize("done", [1, 3, 16])
def test_the_completion_screen_counts_steps_in_good_ukrainian(
    make_built: Callable[..., Built], clock: FakeClock, done: int
) -> None:
    window, player = _playing_in_ukrainian(make_built, clock)
    for _ in range(done):
        clock.now += (player.step_remaining() or 0) + 0.01  # each step runs its time
        player.update()
    while player.state != State.FINISHED:
        player.next()  # the rest skipped
    summary = window.routines.findChild(QLabel, "summary").text()
    word = {1: "1 крок", 3: "3 кроки", 16: "16 кроків"}[done]
    assert word in summary, summary


def test_the_completion_screen_reads_well_in_ukrainian_whatever_the_routine_is_called(
    make_built: Callable[..., Built], clock: FakeClock
) -> None:
    window, player = _playing_in_ukrainian(make_built, clock)
    while player.state != State.FINISHED:
        clock.now += (player.step_remaining() or 0) + 0.01  # each step runs its time
        player.update()
    name, done, zones = window.routines.findChild(QLabel, "summary").text().splitlines()
    assert name == "Самомасаж руками: уся стопа"  # its own colon, and no second one after it
    assert done.startswith("16 кроків на правій стопі, потім на лівій за "), done
    label, names = zones.split(": ")
    assert label == "Опрацьовані зони" and "ахіллове сухожилля" in names and "пʼята" in names, zones
    assert not [name for name in names.split(", ") if name[0].isupper()], zones  # no capital mid-list
