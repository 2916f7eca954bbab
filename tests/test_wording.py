"""The wording of the built-in texts: our own words, one term per zone, clean Ukrainian.

Everything is computed from the files themselves (the TOML content, the
window's strings and their translations in the .ts, the packaging texts) and
the seed article, so an edit that copies the article, brings back an old
synonym or an ASCII apostrophe fails here.  Each checker is also run once on a known-bad example, so a
checker that stopped finding anything would fail too.
"""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from reflexmap.content import LANGUAGES, ZONES, inline, load_content
from reflexmap.routines import load_routines

REPO = Path(__file__).resolve().parents[1]
ARTICLE = REPO.parent / "shared" / "seed" / "foot-massage-article.txt"
# the files in this checkout (asset_path may point at an installed copy)
ASSETS = REPO / "assets"
CONTENT = ASSETS / "content.toml"
ROUTINES_DIR = ASSETS / "routines"
ROUTINES = sorted(ROUTINES_DIR.glob("*.toml"))
KIOSK_EXAMPLE = REPO / "docs" / "kiosk-example" / "config.toml"
TEXT_FILES = [CONTENT, *ROUTINES, KIOSK_EXAMPLE]
#: The window's strings: English sources, Ukrainian translations.
TS = ASSETS / "i18n" / "reflexmap_uk.ts"
PACKAGING = REPO / "packaging"
METAINFO = PACKAGING / "reflexmap.metainfo.xml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: The longest run of words any English text may share with the article.
MAX_SHARED = 7

# --- reading the files --------------------------------------------------------------


def _walk(node: object, where: str) -> Iterator[tuple[str, dict]]:
    """Every table that holds a text ({en, uk}, or half of one), with its TOML path."""
    if isinstance(node, dict):
        if set(node) & set(LANGUAGES) and all(isinstance(node.get(k), str) for k in set(node) & set(LANGUAGES)):
            yield where, node
            return
        for key, value in node.items():
            yield from _walk(value, f"{where}.{key}" if where else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{where}[{i}]")


def _texts(paths: list[Path] = TEXT_FILES) -> list[tuple[str, dict]]:
    found = []
    for path in paths:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [(f"{path.name}: {where}", table) for where, table in _walk(data, "")]
    return found


def _lang(lang: str, paths: list[Path] = TEXT_FILES) -> list[tuple[str, str]]:
    return [(where, t[lang]) for where, t in _texts(paths) if isinstance(t.get(lang), str)]


def _ui_texts(lang: str) -> list[tuple[str, str]]:
    """The window's strings: the .ts sources (en), or each translation and each of its plural forms (uk)."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            where = f"{TS.name}: {context.findtext('name')}: {source[:50]!r}"
            translation = message.find("translation")
            if lang == "en":
                found.append((where, source))
            elif translation is not None:
                forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
                found += [(where, form) for form in forms]
    return found


def _packaging_texts(lang: str) -> list[tuple[str, str]]:
    """What software centres and menus show: the metainfo's names, summaries and paragraphs, the .desktop names."""
    found = []
    for element in ET.parse(METAINFO).getroot().iter():
        if element.tag in ("name", "summary", "p") and element.get(XML_LANG, "en") == lang and element.text:
            found.append((f"{METAINFO.name}: <{element.tag}>", " ".join(element.text.split())))
    keys = ("Name", "GenericName", "Comment")
    for path in sorted(PACKAGING.glob("*.desktop")):
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            if key in (keys if lang == "en" else tuple(f"{k}[{lang}]" for k in keys)):
                found.append((f"{path.name}: {key}", value))
    return found


def _everywhere(lang: str) -> list[tuple[str, str]]:
    """Every text a visitor or a salon owner reads in ``lang``: content, routines, the window, the packaging."""
    return _lang(lang) + _ui_texts(lang) + _packaging_texts(lang)


def _article() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"the seed article is missing: {ARTICLE}")
    return ARTICLE.read_text(encoding="utf-8")


# --- (2) every text in both languages ------------------------------------------------


def test_the_text_files_have_texts() -> None:
    counts = {path.name: len(_texts([path])) for path in TEXT_FILES}
    assert all(counts.values()), counts
    assert sum(counts.values()) > 100, counts


def test_the_readers_of_each_text_kind_find_texts() -> None:
    """The window's strings and the packaging texts are read, in both languages (or the checks above read nothing)."""
    for lang in LANGUAGES:
        assert len(_ui_texts(lang)) > 200, lang
        kinds = {where.split(":")[0] for where, _ in _packaging_texts(lang)}
        assert {METAINFO.name, "reflexmap-kiosk.desktop"} <= kinds, (lang, kinds)


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: p.name)
def test_every_text_exists_in_both_languages_and_none_is_empty(path: Path) -> None:
    problems = []
    for where, table in _texts([path]):
        for lang in LANGUAGES:
            value = table.get(lang)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{where}: no {lang} text")
        if table.get("en") == table.get("uk"):
            problems.append(f"{where}: the same text in both languages")
    assert not problems, "\n".join(problems)


def test_the_loaders_accept_every_builtin_file() -> None:
    load_content(CONTENT)
    routines, notices = load_routines([ROUTINES_DIR])
    assert notices == [] and len(routines) == len(ROUTINES)


# --- (1) our own words -----------------------------------------------------------------

#: Spelling variants count as the same word (the article is American, we are British).
SAME_WORD = {
    "centre": "center",
    "towards": "toward",
    "anticlockwise": "counterclockwise",
    "colour": "color",
    "normalise": "normalize",
    "fibre": "fiber",
    "tumour": "tumor",
}


def _words(text: str) -> list[str]:
    text = re.sub(r"['’ʼ]", "", text.lower())
    return [SAME_WORD.get(w, w) for w in re.findall(r"[a-z0-9]+", text)]


def _longest_shared(text: str, source: list[str]) -> tuple[int, str]:
    """The longest run of consecutive words ``text`` shares with ``source`` (length, words)."""
    words = _words(text)
    best, best_at = 0, 0
    # classic longest common substring over words
    previous = [0] * (len(source) + 1)
    for i in range(1, len(words) + 1):
        current = [0] * (len(source) + 1)
        for j in range(1, len(source) + 1):
            if words[i - 1] == source[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, best_at = current[j], i
        previous = current
    return best, " ".join(words[best_at - best : best_at])


def test_the_copy_check_finds_a_copied_sentence() -> None:
    source = _words(_article())
    copied = "For extra stimulation, gently tap the massage points on the foot with the back of your hand."
    length, run = _longest_shared(copied, source)
    assert length >= 8, run
    assert _longest_shared("Tap lightly with the back of the hand.", source)[0] < 8


def test_no_english_text_shares_eight_words_in_a_row_with_the_article() -> None:
    source = _words(_article())
    problems = []
    for where, text in _everywhere("en"):
        length, run = _longest_shared(text, source)
        if length > MAX_SHARED:
            problems.append(f"{where}: {length} words from the article: “{run}”")
    assert not problems, "\n".join(problems)


# --- (3) Ukrainian typography ------------------------------------------------------------

APOSTROPHE = "\u02bc"  # ʼ MODIFIER LETTER APOSTROPHE
#: Characters that are not the apostrophe but get typed as one.
LOOKALIKES = {
    "'": "ASCII apostrophe",
    "\u2019": "right single quotation mark",
    "\u2018": "left single quotation mark",
    "`": "grave accent",
    "\u00b4": "acute accent",
    "\u02b9": "modifier prime",
    "\u2032": "prime",
}


def _typography_problems(where: str, text: str) -> list[str]:
    problems = []
    for char, name in LOOKALIKES.items():
        if char in text:
            problems.append(f"{where}: {name} (U+{ord(char):04X}) in {text!r}; use ʼ (U+02BC)")
    for match in re.finditer(APOSTROPHE, text):
        before, after = text[match.start() - 1 : match.start()], text[match.end() : match.end() + 1]
        if not (re.fullmatch(r"[а-щьюяіїєґА-ЩЬЮЯІЇЄҐ]", before) and re.fullmatch(r"[яюєїЯЮЄЇ]", after)):
            problems.append(f"{where}: ʼ not between a consonant and я, ю, є or ї in {text!r}")
    for char in '"“”„':
        if char in text:
            problems.append(f"{where}: {char!r} in {text!r}; Ukrainian quotes are « »")
    if re.search(r"\s-\s|\d-\d", text):
        problems.append(f"{where}: a hyphen used as a dash in {text!r}; use – or —")
    return problems


def test_the_typography_check_finds_each_mistake() -> None:
    for bad in ("м'яч", "м’яч", 'натисніть "Готово"', "2-3 секунди", "стопа - це"):
        assert _typography_problems("x", bad), bad
    assert not _typography_problems("x", "мʼяч, «Готово», 2–3 секунди — так")


def test_ukrainian_texts_use_the_typographic_apostrophe_quotes_and_dashes() -> None:
    texts = _everywhere("uk")  # the TOML content, every translation in the .ts, the packaging texts
    problems = [p for where, text in texts for p in _typography_problems(where, text)]
    assert not problems, "\n".join(problems)
    assert any(APOSTROPHE in text for _, text in texts), "no ʼ at all: is this still Ukrainian?"


def test_english_texts_use_proper_dashes() -> None:
    problems = [f"{w}: {t!r}" for w, t in _everywhere("en") if re.search(r"\s-\s|\d-\d", t)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("font", ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"])
def test_the_bundled_fonts_draw_the_apostrophe_quotes_and_dashes(qapp: object, font: str) -> None:
    from PySide6.QtGui import QRawFont

    raw = QRawFont(str(ASSETS / "fonts" / font), 16)
    assert raw.isValid(), font
    for char in (APOSTROPHE, "«", "»", "–", "—", "“", "”"):
        # the glyph index also: 0 is the font's "missing" box
        assert raw.supportsCharacter(ord(char)) and raw.glyphIndexesForString(char) != [0], (
            f"{font} has no glyph for U+{ord(char):04X}"
        )
    assert not raw.supportsCharacter(0x1F600) and raw.glyphIndexesForString("\U0001f600") == [0], (
        "the check cannot fail"
    )


# --- (4) one term per zone, one spelling ------------------------------------------------------

#: Old or competing names of zones; the zone's own name (content.toml) is the only one.
SYNONYMS_EN = [
    "metatarsus",
    "metatarsal",
    "ball of the foot",
    "front of the sole",
    "front part",
    "medial",
    "inner side",
    "inside of the foot",
    "inner (medial)",
    "middle of the foot",
    "middle of the sole",
    "the middle",
    "centre of the sole",
    "centre of your foot",
    "instep",
    "ankle bone",
]
SYNONYMS_UK = [
    "плесн",
    "подушечк",
    "кісточк",
    "внутрішній бік",
    "середин",
    "верх стопи",
    "тильний бік стопи",
    "тильна частина",
    "самомасаж пальцями",
]
#: American spellings (the app's code writes British: "colour", "centred").
AMERICAN = ["center", "toward", "counterclockwise", "color", "favor", "normalize", "gray", "practicing"]


def _found(terms: list[str], text: str, whole: bool = False) -> list[str]:
    """The terms that occur in ``text``: as word beginnings (stems), or ``whole`` words only."""
    end = r"(?!\w)" if whole else ""
    return [t for t in terms if re.search(rf"(?<!\w){re.escape(t)}{end}", text, re.IGNORECASE)]


def test_no_zone_is_called_by_another_name() -> None:
    content = load_content(CONTENT)
    for zone in content.zones:  # the one names themselves are allowed, or the check means nothing
        assert not _found(SYNONYMS_EN, zone.name("en")) and not _found(SYNONYMS_UK, zone.name("uk")), zone.id
    assert _found(SYNONYMS_EN, "Ball of the foot (chest)") and _found(SYNONYMS_UK, "під кісточкою")
    problems = [f"{w}: {_found(SYNONYMS_EN, t)} in {t!r}" for w, t in _everywhere("en") if _found(SYNONYMS_EN, t)]
    problems += [f"{w}: {_found(SYNONYMS_UK, t)} in {t!r}" for w, t in _everywhere("uk") if _found(SYNONYMS_UK, t)]
    assert not problems, "\n".join(problems)


def test_english_spelling_is_british_throughout() -> None:
    problems = [
        f"{w}: {_found(AMERICAN, t, whole=True)} in {t!r}"
        for w, t in _everywhere("en")
        if _found(AMERICAN, t, whole=True)
    ]
    assert not problems, "\n".join(problems)
    assert _found(AMERICAN, "move toward the center", whole=True) == ["center", "toward"]
    assert not _found(AMERICAN, "move towards the centre", whole=True)


def _stems(text: str) -> list[str]:
    return re.findall(r"[\wʼ]+", text.lower())


def _mentions(text: str, name: str, lang: str) -> bool:
    """Whether ``text`` names the zone ``name`` (in Ukrainian in any case ending)."""
    if lang == "en":
        return re.search(rf"\b{re.escape(name.lower())}\b", text.lower()) is not None
    want = [w[: max(3, min(5, len(w) - 1))] for w in _stems(name)]
    words = _stems(text)
    return any(all(words[i + j].startswith(s) for j, s in enumerate(want)) for i in range(len(words) - len(want) + 1))


def test_every_single_zone_step_names_its_zone_by_its_one_name() -> None:
    content = load_content(CONTENT)
    routines, _ = load_routines([ROUTINES_DIR])
    assert _mentions("Розітріть пʼяту", "Пʼята", "uk") and not _mentions(
        "Розітріть плесно", "Передня частина стопи", "uk"
    )
    problems = []
    for routine in routines:
        for n, step in enumerate(routine.steps, 1):
            if len(step.zones) != 1:
                continue
            zone = content.zone(step.zones[0])
            for lang in LANGUAGES:
                if not _mentions(step.instruction(lang), zone.name(lang), lang):
                    problems.append(
                        f"{routine.id} step {n} ({lang}) does not say “{zone.name(lang)}”: {step.instruction(lang)!r}"
                    )
    assert not problems, "\n".join(problems)


def test_ukrainian_fingers_and_toes_are_told_apart() -> None:
    """ "пальці" alone could be either: say "пальці стопи", "пальці рук", or name the finger."""
    finger = r"(велик|вказівн)\w*"

    def bare(text: str) -> list[str]:
        words = _stems(text)
        found = []
        for i, word in enumerate(words):
            if re.fullmatch(r"пал[ьe]ц\w*|палець", word):
                before = words[i - 1] if i else ""
                before2 = words[i - 3] if i >= 3 else ""  # "великим і вказівним пальцями"
                after = words[i + 1] if i + 1 < len(words) else ""
                if not (
                    after in ("стопи", "рук", "руки")
                    or re.fullmatch(finger, before)
                    or (before in ("і", "й", "та") and re.fullmatch(finger, words[i - 2] if i >= 2 else ""))
                    or re.fullmatch(finger, before2)
                ):
                    found.append(" ".join(words[max(0, i - 2) : i + 2]))
        return found

    assert bare("Покладіть пальці з обох боків") and not bare("великим і вказівним пальцями між пальцями стопи")
    problems = [f"{w}: {bare(t)} in {t!r}" for w, t in _everywhere("uk") if bare(t)]
    assert not problems, "\n".join(problems)


def test_inline_lists_have_no_capitals_in_the_middle() -> None:
    """needs and indications are shown joined on one line ("You need: a, b")."""
    problems = []
    for path in ROUTINES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for field in ("needs", "indications"):
            for item in data.get(field, []):
                for lang in LANGUAGES:
                    if inline(item[lang]) != item[lang]:  # what the done page does to zone names
                        problems.append(f"{path.name}: {field}: {item[lang]!r}")
    assert not problems, "\n".join(problems)


# --- (5) nothing beyond the article ----------------------------------------------------------

#: How the article's acupressure list names each zone it maps.
ARTICLE_ZONE_WORD = {
    "toes": "toes",
    "metatarsus": "metatarsus",
    "arch": "arch",
    "heel": "heel",
    "medial-edge": "medial",
}


def _mapping_lines(article: str) -> dict[str, str]:
    """zone id -> the article's line that says what the zone corresponds to."""
    lines = [line.strip().lower() for line in article.splitlines() if line.strip().startswith("- The ")]
    found = {}
    for zone, word in ARTICLE_ZONE_WORD.items():
        hits = [line for line in lines if re.search(rf"\b{word}\b", line)]
        assert len(hits) == 1, (zone, hits)
        found[zone] = hits[0]
    return found


def _unnamed(label: str, zone: str, mapping: dict[str, str]) -> bool:
    line = mapping.get(zone)
    return line is None or re.search(rf"\b{re.escape(label.lower())}\b", line.split(" is ", 1)[-1]) is None


def test_the_body_index_check_refuses_what_the_article_does_not_map() -> None:
    mapping = _mapping_lines(_article())
    assert _unnamed("Liver", "arch", mapping) and _unnamed("Stomach", "arch", mapping)
    assert _unnamed("Eyes", "toes", mapping) and _unnamed("Heart", "heel", mapping)
    assert not _unnamed("Heart", "metatarsus", mapping)


def test_the_body_index_lists_only_what_the_article_names_for_that_zone() -> None:
    mapping = _mapping_lines(_article())
    content = load_content(CONTENT)
    labels = [e.label("en") for e in content.body_index]
    problems = [
        f"{e.label('en')!r} -> {e.zone}" for e in content.body_index if _unnamed(e.label("en"), e.zone, mapping)
    ]
    assert not problems, "the article does not map these: " + ", ".join(problems)
    assert not {"liver", "stomach", "eyes", "ears"} & {w for label in labels for w in _words(label)}
    assert {e.zone for e in content.body_index} == set(ARTICLE_ZONE_WORD)


def test_zones_the_article_does_not_map_make_no_claim_about_organs() -> None:
    content = load_content(CONTENT)
    for zone in set(ZONES) - set(ARTICLE_ZONE_WORD):
        corresponds = content.zone(zone).corresponds
        assert "organ" not in corresponds("en").lower(), zone
        assert "орган" not in corresponds("uk").lower(), zone


def test_the_balls_cautions_stay_with_the_ball() -> None:
    """The article gives its contraindications for the massage ball, and only for it."""
    content = load_content(CONTENT)
    ball_words = ("wound", "allerg", "deformit", "hypersensitiv")
    general = " ".join(c("en").lower() for c in content.general.cautions)
    assert not [w for w in ball_words if w in general], general
    routines, _ = load_routines([ROUTINES_DIR])
    for routine in routines:
        uses_ball = any("ball" in n("en") for n in routine.needs)
        assert bool(routine.contraindications) == uses_ball, routine.id
        for indication in routine.indications:
            text = indication("en").lower()
            assert "deformit" not in text or "corrected" in text, "recommended for what it must not be used with"


# --- (6) the safety note where the app is described ---------------------------------------


def test_the_metainfo_says_the_apps_own_safety_sentence_in_each_language() -> None:
    """Software centres show the metainfo: its safety note is the one the app shows, word for word."""
    disclaimer = load_content(CONTENT).general.disclaimer
    for lang in LANGUAGES:
        paragraphs = [text for where, text in _packaging_texts(lang) if where.endswith("<p>")]
        assert disclaimer(lang) in paragraphs, (lang, paragraphs)
