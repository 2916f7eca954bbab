""" "Still there?": asked before a reset while a routine waits for the visitor; any touch answers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from reflexmap.i18n import Language
from reflexmap.kiosk.idle import IdleState, IdleWatch
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.overlay import Overlay

__all__ = ["StillThereOverlay"]


class StillThereOverlay(Overlay):
    """Counts down the idle watch's question; shows itself while the watch asks."""

    card_width = 560

    def __init__(self, host: QWidget, idle: IdleWatch, language: Language, sizes: TextSize) -> None:
        super().__init__(host, "stillThere", veil=150)
        self._idle = idle
        _, inner = self.card("stillThereCard", 36)
        self._title = parts.label(sizes, "stillTitle", 40, bold=True, colour=style.ACCENT_TEXT, centred=True)
        self._count = parts.label(sizes, "stillCount", 96, bold=True, centred=True)
        self._hint = parts.label(sizes, "stillHint", 22, centred=True)
        for w in (self._title, self._count, self._hint):
            inner.addWidget(w)
        self.pressed.connect(idle.touch)
        idle.state_changed.connect(self._on_idle_state_changed)
        idle.tick.connect(self._refresh)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)
        self._on_idle_state_changed(idle.state)

    def _on_idle_state_changed(self, state: IdleState) -> None:
        if state == IdleState.STILL_THERE:
            self._refresh()
            self.cover()
        else:
            self.hide()

    def _refresh(self) -> None:
        self._count.setText(str(max(0, int(self._idle.remaining() + 0.999))))

    def _on_language_changed(self, lang: str) -> None:
        self._title.setText(self.tr("Still there?"))
        self._hint.setText(self.tr("Touch anywhere to keep going."))
