"""The configuration file (TOML): the salon's settings.  No Qt.

    language = "uk"                 # start language, and the one the kiosk returns to: "uk" or "en"
    art = "salon-feet.svg"          # optional: custom art, content, routine folder
    content = "content.toml"        #   (paths are relative to this file)
    routines = "routines"

    [kiosk]
    enabled = true                  # same as --kiosk
    idle_seconds = 60               # no touch for this long: reset to the attract loop
    still_there_seconds = 10        # the "Still there?" countdown while a routine plays
    attract_seconds = 6             # how long the attract loop shows each zone
    hide_cursor = true              # for touch screens
    screen = 0                      # which screen to fill
    text_size = 2                   # 1, 2 or 3: the text size visitors start with
    pin_hash = "pbkdf2_sha256$..."  # from `reflexmap hash-pin`; no hash: the staff exit stays shut
    staff_corner = "bottom-right"   # the corner staff hold for 3 s: top-left, top-right, bottom-left, bottom-right
    staff_panel_seconds = 120       # the staff panel closes after this long without a touch

    [branding]
    salon_name = "Seizó"
    logo = "logo.svg"               # SVG or PNG
    accent = "#c8553d"              # the highlight colour
    welcome = { en = "Welcome!", uk = "Ласкаво просимо!" }
    hours = { en = "Mon–Sat 10:00–20:00", uk = "Пн–Сб 10:00–20:00" }
    booking_url = "https://example.com/book"   # shown as a QR code

Read from ``--config FILE``, otherwise from the user config folder
(``~/.config/reflexmap/config.toml`` on Linux); a missing default file simply
means the defaults.  Every problem names the file, the line and the field.
"""

from __future__ import annotations

import math
import re
from dataclasses import field, replace
from pathlib import Path

from reflexmap.content import LANGUAGES, Text
from reflexmap.messages import Message
from reflexmap.record import record
from reflexmap.schema import read_toml

__all__ = [
    "MAX_PIN_ITERATIONS",
    "STAFF_CORNERS",
    "Branding",
    "Config",
    "ConfigError",
    "KioskSettings",
    "default_config_path",
    "load_config",
]

# patterns, compiled by re (and cached) when first used: a start with the default settings needs neither
_COLOUR = r"#[0-9a-fA-F]{6}"
#: The corners the staff gesture can use (GNOME's and KDE's hot corner is the top-left one, so not the default).
STAFF_CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
_PIN_HASH = r"pbkdf2_sha256\$\d{4,7}\$[A-Za-z0-9+/=]{16,64}\$[A-Za-z0-9+/=]{40,64}"
#: PBKDF2 rounds a pin_hash may ask for: each PIN check then takes under 100 ms here (benchmarks/hostile.py).
MAX_PIN_ITERATIONS = 500_000
#: A settings file is a few hundred bytes; larger ones are refused before parsing.
MAX_CONFIG_BYTES = 64 * 1024


class ConfigError(ValueError):
    """The config file cannot be used as it is; the message names the file, the line and the field.

    ``salvaged`` is, when the file parses, the config read with each bad
    setting left at its default, and the messages naming them (the first is
    this error's): one typo must not cost a kiosk its PIN and its branding.
    """

    salvaged: tuple[Config, list[str]] | None = None


@record
class KioskSettings:
    """The ``[kiosk]`` table: the unattended mode and its timings."""

    enabled: bool = False
    idle_seconds: float = 60.0
    still_there_seconds: float = 10.0
    attract_seconds: float = 6.0
    hide_cursor: bool = True
    screen: int = 0
    text_size: int = 2
    pin_hash: str | None = None
    #: Read each step aloud (the salon's speakers and voices permitting); off unless the salon asks.
    voice: bool = False
    staff_corner: str = "bottom-right"
    staff_panel_seconds: float = 120.0

    def __post_init__(self) -> None:
        for name, low, high in (
            ("idle_seconds", 10, 86400),
            ("still_there_seconds", 3, 120),
            ("attract_seconds", 2, 120),
            ("staff_panel_seconds", 30, 3600),
        ):
            value = getattr(self, name)
            if not math.isfinite(value) or not low <= value <= high:
                raise ValueError(
                    Message(
                        "must be between {low} and {high} seconds (it is {value:g})",
                        at_field=name,
                        low=low,
                        high=high,
                        value=value,
                    )
                )
        if not 0 <= self.screen <= 16:
            raise ValueError(
                Message("{value} is not a screen number (0 is the first)", at_field="screen", value=self.screen)
            )
        if self.text_size not in (1, 2, 3):
            raise ValueError(Message("must be 1, 2 or 3 (it is {value})", at_field="text_size", value=self.text_size))
        if self.staff_corner not in STAFF_CORNERS:
            raise ValueError(
                Message(
                    "{value!r} is not one of {choices}",
                    at_field="staff_corner",
                    value=self.staff_corner,
                    choices=", ".join(STAFF_CORNERS),
                )
            )
        if self.pin_hash is not None:
            if not re.fullmatch(_PIN_HASH, self.pin_hash):
                raise ValueError(Message("is not a PIN hash made by `reflexmap hash-pin`", at_field="pin_hash"))
            rounds = int(self.pin_hash.split("$")[1])
            if rounds > MAX_PIN_ITERATIONS:
                raise ValueError(
                    Message(
                        "asks for {rounds:,} rounds, more than {limit:,} (each PIN check would "
                        "freeze the kiosk); make a new one with `reflexmap hash-pin`",
                        at_field="pin_hash",
                        rounds=rounds,
                        limit=MAX_PIN_ITERATIONS,
                    )
                )


@record
class Branding:
    """The ``[branding]`` table: the salon's name, logo, colour and texts."""

    salon_name: str = ""
    logo: str | None = None
    accent: str | None = None
    welcome: Text | None = None
    hours: Text | None = None
    booking_url: str | None = None

    def __post_init__(self) -> None:
        if len(self.salon_name) > 60:
            raise ValueError(Message("is longer than {limit} characters", at_field="salon_name", limit=60))
        if self.accent is not None and not re.fullmatch(_COLOUR, self.accent):
            raise ValueError(Message('{value!r} is not a colour like "#c8553d"', at_field="accent", value=self.accent))
        url = self.booking_url
        if url is not None and (not re.fullmatch(r"https?://[^\s]{3,300}", url)):
            raise ValueError(
                Message("must be a web address starting with https:// (at most 300 characters)", at_field="booking_url")
            )


@record
class Config:
    """The salon's settings file; every field has a default, so no file is needed."""

    language: str | None = None
    art: str | None = None
    content: str | None = None
    routines: str | None = None
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    branding: Branding = field(default_factory=Branding)
    #: The file this came from (set by the loader): relative paths are relative to its folder.
    source: str | None = None

    def __post_init__(self) -> None:
        if self.language is not None and self.language not in LANGUAGES:
            raise ValueError(
                Message(
                    "{value!r} is not one of {choices}",
                    at_field="language",
                    value=self.language,
                    choices=", ".join(LANGUAGES),
                )
            )

    def path(self, value: str | None) -> Path | None:
        """``value`` (a path from this file) resolved against the file's folder."""
        if value is None:
            return None
        path = Path(value).expanduser()
        if not path.is_absolute() and self.source:
            path = Path(self.source).parent / path
        return path


def default_config_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path("reflexmap", appauthor=False) / "config.toml"


def load_config(path: Path | None = None, cache_dir: Path | None = None) -> Config:
    """The config at ``path`` (or the default place); raises :class:`ConfigError`.

    With ``cache_dir`` a checked file is remembered (see :mod:`reflexmap.cache`).
    """
    if path is None:
        path = default_config_path()
        if not path.exists():
            return Config()
    try:
        config = read_toml(
            path, Config, ConfigError, max_bytes=MAX_CONFIG_BYTES, strict=True, cache_dir=cache_dir, salvage=True
        )
    except ConfigError as e:
        if e.salvaged is not None:
            kept, problems = e.salvaged
            e.salvaged = (replace(kept, source=str(path)), problems)
        raise
    return replace(config, source=str(path))
