"""Loading everything a salon can customise into the typed model, for one start or one reload.

A bad file never stops the start: it falls back to the built-in content and
says why, in one sentence naming the file (for the window's banner, the staff
panel, ``reflexmap check`` and the log).
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_cache_path, user_data_path, user_state_path

from reflexmap.cache import remembered
from reflexmap.config import MAX_CONFIG_BYTES, Config, ConfigError, default_config_path, load_config
from reflexmap.content import Content, ContentError, load_content
from reflexmap.files import LogoError, read_file, read_logo
from reflexmap.geometry import Art, ArtError, art_bytes, load_art
from reflexmap.messages import Message
from reflexmap.options import Paths
from reflexmap.resources import asset_path
from reflexmap.routines import Routine, load_routines
from reflexmap.schema import line_of
from reflexmap.start_marker import StartMarker

__all__ = ["Loaded", "builtin_content", "cache_dir", "load_files", "routine_folders", "start_marker"]

logger = logging.getLogger(__name__)


@dataclass
class Loaded:
    """Every file read for one start (or one reload), and what was wrong with them."""

    config: Config
    content: Content
    art: Art
    routines: list[Routine]
    #: Problems to show in the window's banner (desktop) or the staff panel (kiosk); Message objects.
    notices: list[str]
    #: Routine files that were skipped.
    routine_notices: list[str]
    #: Everything wrong, for `check` and the hot reload.
    problems: list[str] = field(default_factory=list)
    #: Files whose changes reload the kiosk (config, content, art, logo).
    watched: list[Path] = field(default_factory=list)
    #: Folders whose routine files' changes reload the kiosk.
    watched_folders: list[Path] = field(default_factory=list)
    #: The salon's logo, checked: its bytes and kind ("svg" or "png"), or None.
    logo: tuple[bytes, str] | None = None
    #: The salon's art file, when it is what the map draws (None: the built-in feet).
    art_file: Path | None = None
    #: The file the logo came from (None: no logo).
    logo_file: Path | None = None


def cache_dir() -> Path:
    """Where checked files are remembered between runs."""
    return user_cache_path("reflexmap", appauthor=False)


def start_marker() -> StartMarker:
    """This user's start marker (which salon file a start is reading or drawing; see :mod:`reflexmap.start_marker`)."""
    return StartMarker(user_state_path("reflexmap", appauthor=False) / "loading.json")


@functools.cache
def builtin_content() -> Content:
    """The packaged content (read-only, so read once per process)."""
    return load_content(asset_path("content.toml"), cache_dir())


def routine_folders(extra: Path | None = None) -> list[Path]:
    """Where routines come from, in order: built-in, the user's data folder, ``--routines``."""
    folders = [asset_path("routines"), user_data_path("reflexmap", appauthor=False) / "routines"]
    if extra is not None:
        folders.append(extra)
    return folders


def load_files(paths: Paths, marker: StartMarker | None = None) -> Loaded:
    """Config, content, art and routines; a bad file falls back to built-in content with a notice.

    With ``marker`` (a start, or a kiosk's reload) each of the salon's files is
    named in it before it is read, and a file a previous start stopped on is
    skipped until it changes: it falls back like a bad one, with a notice that
    says so, but is no problem (``check``, which passes no marker, still checks
    it; a reload is not refused for it).
    """
    cache = cache_dir()
    problems: list[str] = []
    notices: list[str] = []

    def skipped(path: Path) -> Message | None:
        return None if marker is None else marker.before_loading(path)

    config_path = paths.config or default_config_path()
    config = Config()
    if paths.config is not None or config_path.exists():
        if said := skipped(config_path):
            notices.append(Message("{problem} Using the default settings.", problem=said))
        else:
            try:
                config = load_config(paths.config, cache)
            except ConfigError as e:
                if e.salvaged is None:
                    problems.append(e.args[0])
                    notices.append(Message("{problem} Using the default settings.", problem=e.args[0]))
                else:  # the file's other settings stand
                    config, bad = e.salvaged
                    problems += bad
                    notices += [Message("{problem} That setting is left at its default.", problem=p) for p in bad]

    content_path = config.path(config.content)
    content = builtin_content()
    if content_path is not None:
        if said := skipped(content_path):
            notices.append(Message("{problem} Using the built-in content.", problem=said))
        else:
            try:
                content = load_content(content_path, cache)
            except ContentError as e:
                problems.append(e.args[0])
                notices.append(Message("{problem} Using the built-in content.", problem=e.args[0]))

    art_path = paths.art or config.path(config.art)
    art_problems: list[str] = []
    if art_path is not None and (said := skipped(art_path)):
        notices.append(Message("{problem} Showing the built-in feet instead.", problem=said))
        art, fell_back = load_art(asset_path("art/feet.svg"), cache), True
    else:
        art, art_problems, fell_back = _load_art(art_path, content, cache)
    problems += art_problems
    if fell_back:
        notices += [Message("{problem} Showing the built-in feet instead.", problem=p) for p in art_problems]
    else:
        notices += art_problems

    extra = paths.routines or config.path(config.routines)
    builtin_routines = asset_path("routines")

    def skip_routine(path: Path) -> bool:
        said = None if path.parent == builtin_routines else skipped(path)
        if said:
            notices.append(said)
        return said is not None

    routines, routine_notices = load_routines(routine_folders(extra), cache, skip=skip_routine)
    if extra is not None and not extra.is_dir():
        routine_notices.append(Message("{folder}: --routines names no folder.", folder=str(extra)))
    problems += routine_notices

    logo_path = config.path(config.branding.logo)
    logo: tuple[bytes, str] | None = None
    if logo_path is not None:
        said = skipped(logo_path)
        problem: str | None = said
        if not said:
            try:
                logo = read_logo(logo_path)  # checked like art; drawn from exactly these bytes
            except LogoError as e:
                problem = e.args[0]
        if problem is not None:
            message = Message(
                "{file}: line {line}, field {field}: {problem}",
                file=config_path.name,
                line=_line_in(config, "branding.logo"),
                field="branding.logo",
                problem=problem,
            )
            notices.append(message)
            if not said:
                problems.append(message)
    for notice in notices + routine_notices:
        logger.warning("%s", notice)
    watched = [p for p in (config_path, content_path, art_path, logo_path) if p is not None]
    folders = list(dict.fromkeys(routine_folders(extra)))
    return Loaded(
        config,
        content,
        art,
        routines,
        notices,
        routine_notices,
        problems,
        watched,
        folders,
        logo,
        art_file=None if fell_back else art_path,
        logo_file=logo_path if logo is not None else None,
    )


def _line_in(config: Config, dotted: str) -> int | str:
    """The line of the setting ``dotted`` in the config file, or "?"."""
    if not config.source:
        return "?"
    try:
        text = read_file(Path(config.source), ConfigError, MAX_CONFIG_BYTES).decode("utf-8", "replace")
    except ConfigError:
        return "?"
    return line_of(text, dotted) or "?"


def _load_art(path: Path | None, content: Content, cache: Path) -> tuple[Art, list[str], bool]:
    """The art to show, what is wrong with the user's, and whether it is the built-in art instead.

    The user's art is also checked for what the picture engine will draw
    differently from the SVG standard, and for zones nobody can touch
    (:mod:`reflexmap.art_check`); the built-in art is made to have none.
    """
    builtin = asset_path("art/feet.svg")
    if path is None:
        return load_art(builtin, cache), [], False
    try:
        art = load_art(path, cache)
    except ArtError as e:
        return load_art(builtin, cache), [e.args[0]], True
    from reflexmap import art_check  # custom art only: the built-in feet need no second reading

    refused = art_check.unusable(art)
    if refused is not None:
        return load_art(builtin, cache), [refused], True
    art, problems, fell_back = _art_zones(art, path, content, cache)
    return art, problems if fell_back else problems + _findings(art, content, cache), fell_back


def _findings(art: Art, content: Content, cache: Path) -> list[str]:
    """What check says about the art (remembered with the file's bytes: it renders the drawing)."""
    from reflexmap import art_check

    known = tuple(content.zone_ids)

    def find() -> art_check.ArtFindings:
        return art_check.ArtFindings(known, tuple(art_check.warnings(art, known)))

    data = art_bytes(art)
    found = remembered(cache, data, art_check.ArtFindings, find)
    if found.known != known:
        found = find()
    return list(found.messages)


def _art_zones(art: Art, path: Path, content: Content, cache: Path) -> tuple[Art, list[str], bool]:
    builtin = asset_path("art/feet.svg")
    known = set(content.zone_ids)
    found = {s.zone for s in art.shapes}
    if not found & known:
        message = Message(
            "{file}: none of its data-zone names ({names}) is a zone reflexmap knows.",
            file=path.name,
            names=", ".join(sorted(found)),
        )
        return load_art(builtin, cache), [message], True
    if found - known:
        return (
            art,
            [
                Message(
                    "{file}: data-zone names not known to reflexmap are ignored: {names}.",
                    file=path.name,
                    names=", ".join(sorted(found - known)),
                )
            ],
            False,
        )
    return art, [], False
