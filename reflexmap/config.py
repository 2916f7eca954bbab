"""The configuration file (TOML): the salon's settings.  No Qt.

    language = "uk"        # the language the app starts in (and returns to): "uk" or "en"

Read from ``--config FILE``, otherwise from the user config folder
(``~/.config/reflexmap/config.toml`` on Linux); a missing default file simply
means the defaults.  Problems are reported like every other file's.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reflexmap.content import LANGUAGES
from reflexmap.messages import Message
from reflexmap.schema import read_toml

__all__ = ["Config", "ConfigError", "default_config_path", "load_config"]


class ConfigError(ValueError):
    """The config file cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Config:
    language: str | None = None

    def __post_init__(self) -> None:
        if self.language is not None and self.language not in LANGUAGES:
            raise ValueError(Message("{value!r} is not one of {choices}", at_field="language",
                                     value=self.language, choices=", ".join(LANGUAGES)))


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("reflexmap", appauthor=False) / "config.toml"


def load_config(path: Path | None = None) -> Config:
    """The config at ``path`` (or the default place); raises :class:`ConfigError`."""
    if path is None:
        path = default_config_path()
        if not path.exists():
            return Config()
    return read_toml(path, Config, ConfigError, max_bytes=64 * 1024)
