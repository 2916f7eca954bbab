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

from platformdirs import user_cache_path, user_data_path

from reflexmap.config import Config, ConfigError, default_config_path, load_config
from reflexmap.content import Content, ContentError, load_content
from reflexmap.geometry import Art, ArtError, load_art
from reflexmap.messages import Message
from reflexmap.options import Paths
from reflexmap.resources import asset_path
from reflexmap.routines import Routine, load_routines
from reflexmap.schema import line_of

__all__ = ["Loaded", "builtin_content", "cache_dir", "load_files", "routine_folders"]

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
    #: Files and folders whose changes reload the kiosk.
    watched: list[Path] = field(default_factory=list)


def cache_dir() -> Path:
    """Where checked files are remembered between runs."""
    return user_cache_path("reflexmap", appauthor=False)


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


def load_files(paths: Paths) -> Loaded:
    """Config, content, art and routines; a bad file falls back to built-in content with a notice."""
    cache = cache_dir()
    problems: list[str] = []
    config_path = paths.config or default_config_path()
    try:
        config = load_config(paths.config, cache)
    except ConfigError as e:
        problems.append(e.args[0])
        config = Config()
    notices: list[str] = [Message("{problem} Using the default settings.", problem=p) for p in problems]

    content_path = config.path(config.content)
    content = builtin_content()
    if content_path is not None:
        try:
            content = load_content(content_path, cache)
        except ContentError as e:
            problems.append(e.args[0])
            notices.append(Message("{problem} Using the built-in content.", problem=e.args[0]))

    art_path = paths.art or config.path(config.art)
    art, art_problems, fell_back = _load_art(art_path, content, cache)
    problems += art_problems
    if fell_back:
        notices += [Message("{problem} Showing the built-in feet instead.", problem=p) for p in art_problems]
    else:
        notices += art_problems

    extra = paths.routines or config.path(config.routines)
    routines, routine_notices = load_routines(routine_folders(extra), cache)
    if extra is not None and not extra.is_dir():
        routine_notices.append(Message("{folder}: --routines names no folder.", folder=str(extra)))
    problems += routine_notices

    logo = config.path(config.branding.logo)
    if logo is not None and not logo.is_file():
        message = Message(
            "{file}: line {line}, field {field}: {problem}.",
            file=config_path.name,
            line=_line_in(config, "branding.logo"),
            field="branding.logo",
            problem=Message("no such file {path}", path=str(logo)),
        )
        problems.append(message)
        notices.append(message)
    for notice in notices + routine_notices:
        logger.warning("%s", notice)
    watched = [p for p in (config_path, content_path, art_path, logo, extra, *routine_folders()) if p is not None]
    return Loaded(config, content, art, routines, notices, routine_notices, problems, watched)


def _line_in(config: Config, dotted: str) -> int | str:
    """The line of the setting ``dotted`` in the config file, or "?"."""
    try:
        return line_of(Path(config.source or "").read_text(encoding="utf-8"), dotted) or "?"
    except OSError:
        return "?"


def _load_art(path: Path | None, content: Content, cache: Path) -> tuple[Art, list[str], bool]:
    """The art to show, what is wrong with the user's, and whether it is the built-in art instead."""
    builtin = asset_path("art/feet.svg")
    if path is None:
        return load_art(builtin, cache), [], False
    try:
        art = load_art(path, cache)
    except ArtError as e:
        return load_art(builtin, cache), [e.args[0]], True
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
