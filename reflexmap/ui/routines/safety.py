"""The safety check: what the routine is not for, confirmed before anything starts."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from reflexmap.content import Content, Text
from reflexmap.i18n import Language
from reflexmap.player import RoutinePlayer
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import BASE_PX, TextSize

__all__ = ["SafetyPage"]


def _bullets(items: tuple[Text, ...], lang: str) -> str:
    return "<ul>" + "".join(f"<li>{escape(t(lang))}</li>" for t in items) + "</ul>"


class SafetyPage(QWidget):
    """Lists the routine's contraindications (and what it suits); Confirm starts, Back returns."""

    def __init__(
        self,
        player: RoutinePlayer,
        content: Content,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("safetyPage")
        self._player = player
        self._content = content
        self._language = language
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        self._title = parts.label(sizes, "safetyTitle", 22, bold=True, colour=style.ACCENT_TEXT)
        self._good = parts.rich_label(sizes, "safetyIndications")
        self._list = parts.rich_label(sizes, "safetyList", BASE_PX + 2)
        self._note = parts.label(sizes, "safetyNote", colour=style.MUTED)
        row = QHBoxLayout()
        self._confirm = parts.button(sizes, "confirmSafety", primary=True)
        self._confirm.clicked.connect(player.confirm_safety)
        self._cancel = parts.button(sizes, "cancelSafety")
        self._cancel.clicked.connect(player.cancel_safety)
        row.addWidget(self._cancel)
        row.addStretch(1)
        row.addWidget(self._confirm)
        for w in (self._title, self._good, self._list, self._note):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(row)
        language.changed.connect(self.refresh)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        routine = self._player.routine
        lang = self._language.code
        self._confirm.setText(self.tr("None of these apply to me — start"))
        self._cancel.setText(self.tr("Back"))
        if routine is None:
            return
        self._title.setText(self.tr("Before you start: {name}").format(name=routine.name(lang)))
        self._good.setText(
            "<b>"
            + escape(self.tr("Recommended for:"))
            + "</b> "
            + escape(", ".join(t(lang) for t in routine.indications))
        )
        self._good.setVisible(bool(routine.indications))
        self._list.setText(
            "<b>"
            + escape(self.tr("Please do not do this routine if you have:"))
            + "</b>"
            + _bullets(routine.contraindications, lang)
        )
        self._note.setText(self._content.general.disclaimer(lang))
