"""Zone content: names, correspondences, techniques, overview and body index.

Typed, validated data loaded from ``content.toml``; every text carries both
languages.  No Qt at all.
"""

from __future__ import annotations

from pathlib import Path

from reflexmap.messages import Message
from reflexmap.record import record
from reflexmap.schema import read_toml

__all__ = ["LANGUAGES", "PROPER_NOUNS", "ZONES", "Content", "ContentError", "Text", "Zone", "inline", "load_content"]

#: Every text the app shows exists in each of these.
LANGUAGES = ("en", "uk")
#: The zones reflexmap knows: art marks them with data-zone, content describes
#: each, routines refer to them.
ZONES = ("toes", "metatarsus", "arch", "heel", "medial-edge", "ankle", "achilles", "top")

MAX_TEXT = 2000
#: Words that keep their capital inside a sentence or a list: names, not sentence starts.
PROPER_NOUNS = ("Achilles",)


def inline(text: str) -> str:
    """``text`` as it reads inside a sentence or a list ("Zones worked: toes, arch"): its capital
    lower-cased, unless it opens an acronym ("EU") or a name ("Achilles tendon")."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    acronym = any(c.isupper() for c in first[1:])  # "EU"; an apostrophe is no capital ("Пʼята")
    if first[:1].isupper() and not acronym and first.rstrip(",.;:") not in PROPER_NOUNS:
        return text[:1].lower() + text[1:]
    return text


class ContentError(ValueError):
    """The content file cannot be used; the message names the file and the field."""


@record
class Text:
    """One piece of text in every language."""

    en: str
    uk: str

    def __post_init__(self) -> None:  # runs for every text a cached start reads back: messages only when needed
        if not self.en.strip():
            raise ValueError(Message("the English text (en) is empty"))
        if len(self.en) > MAX_TEXT:
            raise ValueError(Message("the English text (en) is longer than {limit} characters", limit=MAX_TEXT))
        if not self.uk.strip():
            raise ValueError(Message("the Ukrainian text (uk) is empty"))
        if len(self.uk) > MAX_TEXT:
            raise ValueError(Message("the Ukrainian text (uk) is longer than {limit} characters", limit=MAX_TEXT))

    def __call__(self, lang: str) -> str:
        return self.uk if lang == "uk" else self.en


@record
class Titled:
    """A short bold title and its sentence (a benefit, a kind of massage)."""

    title: Text
    text: Text


def check_zone_id(value: str) -> None:
    """Raise ValueError unless ``value`` looks like a zone id ("medial-edge"): [a-z][a-z0-9-]{0,40}.

    Without a regular expression: a cached start checks every zone again and
    would otherwise compile one.
    """
    if not (
        0 < len(value) <= 41
        and value.isascii()
        and "a" <= value[0] <= "z"
        and value.replace("-", "").isalnum()
        and value == value.lower()
    ):
        raise ValueError(Message("{value!r} is not a zone id (lower-case letters, digits and dashes)", value=value))


@record
class Zone:
    """One reflex zone: where it is, what it corresponds to, how to work it (numbered steps)."""

    id: str
    name: Text
    where: Text
    corresponds: Text
    technique: tuple[Text, ...]

    def __post_init__(self) -> None:
        check_zone_id(self.id)
        if not self.technique:
            raise ValueError(Message("a zone needs at least one technique step"))

    def caption(self, lang: str) -> str:
        """The zone's name and what it corresponds to, as one line: "Arch — abdominal cavity ..."."""
        return f"{self.name(lang)} — {inline(self.corresponds(lang))}"  # it continues the sentence after the dash


@record
class IndexEntry:
    """A body part in the body index and the zone that answers to it."""

    label: Text
    zone: str

    def __post_init__(self) -> None:
        check_zone_id(self.zone)


@record
class General:
    """What holds for every zone: pressure, cautions and the reminder that massage does not replace treatment."""

    pressure: Text
    disclaimer: Text
    cautions: tuple[Text, ...]


@record
class Overview:
    """The zone panel's text while no zone is chosen."""

    title: Text
    intro: Text
    benefits_title: Text
    kinds_title: Text
    index_title: Text
    benefits: tuple[Titled, ...]
    kinds: tuple[Titled, ...]


@record
class Content:
    """Everything the map and the zone panel say, in every language."""

    general: General
    overview: Overview
    zones: tuple[Zone, ...]
    body_index: tuple[IndexEntry, ...]

    def zone(self, zone_id: str) -> Zone | None:
        return next((z for z in self.zones if z.id == zone_id), None)

    @property
    def zone_ids(self) -> tuple[str, ...]:
        return tuple(z.id for z in self.zones)


def load_content(path: Path, cache_dir: Path | None = None) -> Content:
    """Load and check ``path``; raise :class:`ContentError` naming file and field."""
    content = read_toml(path, Content, ContentError, cache_dir=cache_dir, check=_check)
    return content


def _check(content: Content, path: Path) -> None:
    """Checks across fields, which a per-field schema cannot express."""
    ids = [z.id for z in content.zones]
    for i, zone_id in enumerate(ids):
        if zone_id in ids[:i]:
            raise ContentError(
                Message("{file}: field zones[{i}].id: zone {zone!r} appears twice.", file=path.name, i=i, zone=zone_id)
            )
        if zone_id not in ZONES:
            raise ContentError(
                Message(
                    "{file}: field zones[{i}].id: {zone!r} is not one of {choices}.",
                    file=path.name,
                    i=i,
                    zone=zone_id,
                    choices=", ".join(ZONES),
                )
            )
    missing = [z for z in ZONES if z not in ids]
    if missing:
        raise ContentError(
            Message("{file}: field zones: no entry for {zones}.", file=path.name, zones=", ".join(missing))
        )
    for i, entry in enumerate(content.body_index):
        if entry.zone not in ids:
            raise ContentError(
                Message(
                    "{file}: field body_index[{i}].zone: there is no zone {zone!r}.",
                    file=path.name,
                    i=i,
                    zone=entry.zone,
                )
            )
