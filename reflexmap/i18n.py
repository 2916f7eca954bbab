"""Languages: which one to start in, and Qt's translations of the UI strings.

Content and routines carry both languages in their TOML files.  Everything
else the app says goes through Qt's ``tr()``: the Ukrainian lives in
``assets/i18n/reflexmap_uk.ts`` (the only committed form), which the wheel
build compiles to ``.qm`` with PySide6's ``lrelease``; in a source checkout
the ``.qm`` is compiled on first use into the user cache folder instead.
QtCore only.
"""

from __future__ import annotations

import logging
import zlib
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from reflexmap.content import LANGUAGES
from reflexmap.resources import assets_dir

__all__ = ["Language", "resolve_language", "system_language"]

logger = logging.getLogger(__name__)


def system_language() -> str:
    """The system locale's language if reflexmap speaks it, else English."""
    name = QLocale.system().name()
    return "uk" if name.startswith("uk") else "en"


def resolve_language(*preferences: str | None) -> str:
    """The first preference reflexmap speaks (command line, config, system...), else English."""
    for preference in preferences:
        if preference in LANGUAGES:
            return preference
    return "en"


def qm_file(lang: str, cache_dir: Path | None) -> Path | None:
    """The compiled translation for ``lang`` (None for English, the source language)."""
    if lang == "en":
        return None
    folder = assets_dir() / "i18n"
    packaged = folder / f"reflexmap_{lang}.qm"
    if packaged.exists():
        return packaged
    source = folder / f"reflexmap_{lang}.ts"
    if cache_dir is None or not source.exists():
        return None
    data = source.read_bytes()
    target = cache_dir / f"reflexmap_{lang}-{zlib.crc32(data):08x}.qm"
    if not target.exists():
        import subprocess  # only when running from a source tree, where no .qm is packaged

        import PySide6

        lrelease = Path(PySide6.__file__).resolve().parent / "lrelease"
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(
                [str(lrelease), "-silent", str(source), "-qm", str(target)], check=True, timeout=60, capture_output=True
            )
        except (OSError, subprocess.SubprocessError) as e:
            logger.warning("cannot compile the %s translation (%s); the interface stays in English", lang, e)
            return None
    return target


#: One translator per language for the whole process (there is one application).
_translators: dict[str, QTranslator] = {}


def install_translation(lang: str, cache_dir: Path | None) -> bool:
    """Make Qt's ``tr()`` speak ``lang``: remove every reflexmap translator, install the right one."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    for installed in _translators.values():
        app.removeTranslator(installed)
    if lang == "en":
        return True
    translator = _translators.get(lang)
    if translator is None:
        path = qm_file(lang, cache_dir)
        if path is None:
            return False
        translator = QTranslator(app)
        if not translator.load(str(path)):
            logger.warning("cannot load the %s translation from %s", lang, path)
            return False
        _translators[lang] = translator
    return app.installTranslator(translator)


class Language(QObject):
    """The language the app speaks now; switching installs Qt's translator and says so."""

    changed = Signal(str)

    def __init__(self, lang: str = "en", cache_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._lang = lang
        self.set(lang, announce=False)

    @property
    def code(self) -> str:
        return self._lang

    def set(self, lang: str, announce: bool = True) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"reflexmap speaks {', '.join(LANGUAGES)}, not {lang!r}")
        if lang == self._lang and announce:
            return
        install_translation(lang, self._cache_dir)
        self._lang = lang
        if announce:
            self.changed.emit(lang)
