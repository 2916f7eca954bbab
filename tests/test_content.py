"""The built-in content and the content loader's messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from reflexmap.content import LANGUAGES, ContentError, Text, load_content
from reflexmap.geometry import load_art
from reflexmap.resources import asset_path

BUILTIN = asset_path("content.toml")


def _texts(obj: object) -> list[Text]:
    if isinstance(obj, Text):
        return [obj]
    if isinstance(obj, tuple):
        return [t for item in obj for t in _texts(item)]
    if hasattr(obj, "__dataclass_fields__"):
        return [t for name in obj.__dataclass_fields__ for t in _texts(getattr(obj, name))]
    return []


def test_builtin_content_covers_every_zone_of_the_art() -> None:
    content = load_content(BUILTIN)
    art_zones = {s.zone for s in load_art(asset_path("art/feet.svg")).shapes}
    assert set(content.zone_ids) == art_zones


def test_every_builtin_text_exists_in_both_languages() -> None:
    texts = _texts(load_content(BUILTIN))
    assert len(texts) > 60
    for text in texts:
        for lang in LANGUAGES:
            assert text(lang).strip()
        assert text("uk") != text("en")


def test_cached_content_is_the_same_and_follows_edits(tmp_path: Path) -> None:
    copy = tmp_path / "content.toml"
    copy.write_bytes(BUILTIN.read_bytes())
    cache = tmp_path / "cache"
    first = load_content(copy, cache)
    assert list(cache.iterdir()), "nothing was cached"
    assert load_content(copy, cache) == first
    copy.write_text(copy.read_text(encoding="utf-8").replace('"Toes"', '"Toes!"'), encoding="utf-8")
    assert load_content(copy, cache).zone("toes").name("en") == "Toes!"


def test_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_content(BUILTIN, cache)
    for entry in cache.iterdir():
        entry.write_bytes(b"garbage")
    assert load_content(BUILTIN, cache).zone("heel") is not None


BAD = {
    "missing-uk": ('[[zones]]\nid = "toes"\nname = { en = "Toes" }', "name"),
    "not-toml": ("zones = [", "not valid TOML"),
    "wrong-type": ("general = 5", "field general"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_content_names_the_file_and_field(case: str, tmp_path: Path) -> None:
    text, expected = BAD[case]
    path = tmp_path / f"{case}.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(path)
    message = str(info.value)
    assert message.startswith(f"{case}.toml: ")
    assert expected in message
    assert "\n" not in message


def test_empty_ukrainian_text_is_refused_with_its_field(tmp_path: Path) -> None:
    source = BUILTIN.read_text(encoding="utf-8").replace('uk = "Пальці стопи"', 'uk = " "', 1)
    path = tmp_path / "c.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ContentError, match=r"c.toml: field zones\[0\]\.name: the Ukrainian text \(uk\) is empty"):
        load_content(path)


def test_body_index_must_point_at_a_zone(tmp_path: Path) -> None:
    source = BUILTIN.read_text(encoding="utf-8").replace('zone = "toes"', 'zone = "elbow"', 1)
    path = tmp_path / "c.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(ContentError, match=r"field body_index\[0\]\.zone: there is no zone 'elbow'"):
        load_content(path)


def test_non_utf8_content_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_bytes(b'# ok\n[general]\npressure.en = "\xff\xfe"\n')
    with pytest.raises(ContentError, match=r"c.toml: line 3 is not UTF-8"):
        load_content(path)
