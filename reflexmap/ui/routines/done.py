"""The completion screen: what was done, on which feet, in how long."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from reflexmap.content import Content, inline
from reflexmap.i18n import Language
from reflexmap.player import RoutinePlayer, State
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import BASE_PX, TextSize
from reflexmap.ui.routines.format import format_duration

__all__ = ["DonePage"]


class DonePage(QWidget):
    """Shown when a routine finishes; Again plays it from the top, or choose another."""

    def __init__(
        self,
        player: RoutinePlayer,
        content: Content,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("donePage")
        self._player = player
        self._content = content
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        self._title = parts.label(sizes, "doneTitle", 28, bold=True, colour=style.ACCENT_TEXT)
        self._summary = parts.label(sizes, "summary", BASE_PX + 3)
        self._note = parts.label(sizes, "summaryNote", colour=style.MUTED)
        row = QHBoxLayout()
        self._again = parts.button(sizes, "againButton", primary=True)
        self._again.clicked.connect(player.restart)
        self._choose = parts.button(sizes, "chooseButton")
        self._choose.clicked.connect(player.stop)
        row.addWidget(self._choose)
        row.addStretch(1)
        row.addWidget(self._again)
        for w in (self._title, self._summary, self._note):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(row)
        language.changed.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._title.setText(self.tr("Well done!"))
        self._again.setText(self.tr("Again"))
        self._choose.setText(self.tr("Choose another routine"))
        player = self._player
        if player.state != State.FINISHED or player.routine is None:
            return
        lang = self._language.code
        summary = player.summary()
        feet = {
            ("right", "left"): self.tr("on the right foot, then the left"),
            ("left", "right"): self.tr("on the left foot, then the right"),
            ("right",): self.tr("on the right foot"),
            ("left",): self.tr("on the left foot"),
        }.get(summary.feet, "")
        done = summary.steps_done
        # a counted word takes its plural form (Ukrainian has three: 1 крок, 2 кроки, 5 кроків)
        steps = self.tr("%n step", "", done) if done == 1 else self.tr("%n steps", "", done)
        # the name on a line of its own: it may hold a colon or a dash of its own ("Самомасаж руками: уся стопа")
        text = self.tr("{steps} {feet} in {time}.").format(
            steps=steps,
            feet=feet,
            time=format_duration(summary.active_seconds, lang),
        )
        skipped = summary.steps_skipped
        if skipped:
            text += " " + (self.tr("%n step skipped.", "", 1) if skipped == 1 else self.tr("%n skipped.", "", skipped))
        zones = ", ".join(self._zone_name(z, lang) for z in summary.zones)
        name = player.routine.name(lang)
        self._summary.setText("\n".join((name, text, self.tr("Zones worked: {zones}").format(zones=zones))))
        self._note.setText(self._content.general.disclaimer(lang))

    def _zone_name(self, zone: str, lang: str) -> str:
        info = self._content.zone(zone)
        return inline(info.name(lang)) if info else zone  # in a list: "toes, arch, Achilles tendon"
