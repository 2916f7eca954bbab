"""Building the window, and in kiosk mode its shell, from loaded files and window options."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reflexmap.app.files import Loaded, cache_dir, load_files
from reflexmap.app.startup import application
from reflexmap.clock import Clock, monotonic
from reflexmap.i18n import Language, resolve_language, system_language
from reflexmap.options import WindowOptions, parse_window_args
from reflexmap.placement import PREFERRED
from reflexmap.session import Session
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.main_window import MainWindow

if TYPE_CHECKING:  # the kiosk's modules load only for a kiosk: a desktop start never needs them
    from reflexmap.kiosk.run_record import RunRecord
    from reflexmap.kiosk.staff_report import StaffReport
    from reflexmap.ui.kiosk import KioskShell

__all__ = ["Built", "KioskRun", "build", "create_window"]


@dataclass
class KioskRun:
    """What a kiosk keeps for the whole process, whatever a hot reload rebuilds: the run record and staff report."""

    report: StaffReport
    record: RunRecord | None

    @classmethod
    def start(cls, clock: Clock = monotonic) -> KioskRun:
        """This process's run: the record in the user's state folder says it started."""
        from platformdirs import user_state_path

        from reflexmap.kiosk.run_record import RunRecord
        from reflexmap.kiosk.staff_report import StaffReport

        record = RunRecord(user_state_path("reflexmap", appauthor=False) / "last-run.json")
        return cls(StaffReport(clock), record)


@dataclass
class Built:
    """What :func:`build` made: the window, what it shows and speaks, its text size, and the kiosk shell if any."""

    window: MainWindow
    session: Session
    language: Language
    sizes: TextSize
    kiosk: KioskShell | None = None


def build(
    loaded: Loaded, options: WindowOptions, *, clock: Clock = monotonic, kiosk_run: KioskRun | None = None
) -> Built:
    """The window for ``loaded`` (not shown), with a kiosk shell if ``options`` or the config ask for one.

    ``clock`` is the one every timed engine reads (tests and the soak inject
    their own); ``kiosk_run`` is the process's run record and staff report, made
    on the first build and handed to every rebuild.
    """
    application()
    config = loaded.config
    kiosk = options.kiosk or config.kiosk.enabled
    voice_on, on_voice_switched = _voice_preference(kiosk, config.kiosk.voice)
    session = Session(
        voice_on=voice_on,
        on_voice_switched=on_voice_switched,
        art=loaded.art,
        content=loaded.content,
        routines=loaded.routines,
        notices=loaded.notices,
        routine_notices=loaded.routine_notices,
        clock=clock,
        cache_dir=cache_dir(),
    )
    language = Language(resolve_language(options.lang, config.language, system_language()), cache_dir())
    sizes = TextSize(config.kiosk.text_size - 1 if kiosk else 0)
    sizes.apply_to_application()
    window = MainWindow(session, language, sizes, panel_later=kiosk)  # a kiosk's first frame: its attract card
    language.setParent(window)
    sizes.setParent(window)
    window.resize(*(options.size or PREFERRED))
    if options.zone:
        window.map.select_zone(options.zone)
    built = Built(window, session, language, sizes)
    if kiosk:
        from reflexmap.ui.kiosk import KioskShell

        kiosk_run = kiosk_run or KioskRun.start(clock)
        built.kiosk = KioskShell(
            window,
            config,
            language,
            loaded.content,
            sizes,
            kiosk_run.report,
            kiosk_run.record,
            clock=clock,
            cache_dir=cache_dir(),
            logo=loaded.logo,  # drawn from the bytes load_files checked, never read again
            parent=window,
        )
        for notice in loaded.notices + loaded.routine_notices:
            kiosk_run.report.add_notice(notice)
    return built


def _voice_preference(kiosk: bool, kiosk_voice: bool) -> tuple[Callable[[], bool], Callable[[bool], None] | None]:
    """Whether steps are read aloud (asked when the voice is first made), and how a switch is remembered.

    The kiosk follows its config; the desktop keeps the person's last choice,
    read when a routine first needs the voice, not at start-up.
    """
    if kiosk:
        return (lambda: kiosk_voice), None
    from platformdirs import user_state_path

    path = user_state_path("reflexmap", appauthor=False) / "preferences.json"

    def voice_on() -> bool:
        from reflexmap.preferences import load_preferences

        return load_preferences(path).voice

    def remember(on: bool) -> None:
        from reflexmap.preferences import Preferences, save_preferences

        save_preferences(path, Preferences(voice=on))

    return voice_on, remember


def create_window(argv: list[str] | None = None, *, clock: Clock = monotonic) -> Built:
    """Build the window from command-line style options; not shown, no event loop."""
    paths, options = parse_window_args(list(argv or []))
    return build(load_files(paths), options, clock=clock)
