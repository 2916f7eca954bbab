"""The staff panel: how the kiosk is doing, problems with the salon's files, reload and exit."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from reflexmap.i18n import Language
from reflexmap.kiosk import RunRecord, StaffReport
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.overlay import Overlay
from reflexmap.ui.localize import localize

__all__ = ["StaffPanel"]


def _memory_mib() -> float | None:
    try:
        import psutil

        return psutil.Process().memory_info().rss / (1024 * 1024)
    except Exception:  # noqa: BLE001 - a missing number is fine on a staff screen
        return None


class StaffPanel(Overlay):
    """Behind the PIN; ``back``, ``reload_requested`` and ``exit_requested`` say what staff chose."""

    back = Signal()
    reload_requested = Signal()
    exit_requested = Signal()

    def __init__(
        self, host: QWidget, report: StaffReport, record: RunRecord | None, language: Language, sizes: TextSize
    ) -> None:
        super().__init__(host, "staffPanel", veil=170)
        self._report = report
        self._record = record
        card, inner = self.centred_card("staffCard")
        card.setMinimumWidth(560)
        self._title = parts.label(sizes, "staffTitle", 26, bold=True, colour=style.ACCENT_TEXT, centred=True)
        self._facts = parts.label(sizes, "staffFacts", 18)
        self._notes = parts.label(sizes, "staffNotices", 16, colour=style.NOTICE_TEXT)
        for w in (self._facts, self._notes):
            w.setAlignment(Qt.AlignmentFlag.AlignLeft)
        for w in (self._title, self._facts, self._notes):
            inner.addWidget(w)
        row = QHBoxLayout()
        self._reload = parts.button(sizes, "reloadButton", px=22, bold=True, height=64, focus=False)
        self._reload.clicked.connect(self.reload_requested)
        self._back = parts.button(sizes, "staffBack", px=22, bold=True, height=64, focus=False)
        self._back.clicked.connect(self.back)
        self._exit = parts.button(sizes, "exitButton", primary=True, px=22, height=64, focus=False)
        self._exit.clicked.connect(self.exit_requested)
        for b in (self._reload, self._back, self._exit):
            row.addWidget(b)
        inner.addLayout(row)
        report.changed.connect(self.refresh)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)

    def open(self) -> None:
        self.refresh()
        self.cover()

    def refresh(self) -> None:
        report = self._report
        hours, rest = divmod(int(report.uptime()), 3600)
        memory = _memory_mib()
        facts = [
            self.tr("Running for {h} h {m} min").format(h=hours, m=rest // 60),
            self.tr("Memory in use: {mib} MiB").format(mib=f"{memory:.0f}" if memory else "?"),
        ]
        if self._record is not None:
            when, why = self._record.last_restart()
            stamp = datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M") if when else "—"
            facts.append(self.tr("Last start: {when}; it ended with: {why}").format(when=stamp, why=localize(why)))
        errors = report.errors
        facts.append(self.tr("Errors since start: {n}").format(n=len(errors)))
        facts += [f"  {e}" for e in errors[-3:]]
        self._facts.setText("\n".join(facts))
        notices = report.notices
        self._notes.setText("\n".join(localize(n) for n in notices))
        self._notes.setVisible(bool(notices))

    def _on_language_changed(self, lang: str) -> None:
        self._title.setText(self.tr("Staff panel"))
        self._reload.setText(self.tr("Reload content"))
        self._back.setText(self.tr("Back to visitors"))
        self._exit.setText(self.tr("Exit reflexmap"))
        self.refresh()
