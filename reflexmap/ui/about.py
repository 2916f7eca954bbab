"""About reflexmap: its version, licence, where its content comes from, the safety note, the font's licence."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from reflexmap import __version__
from reflexmap.content import Content
from reflexmap.i18n import Language
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize

__all__ = ["AboutDialog"]


class AboutDialog(QDialog):
    """A small window with what a person may want to know about the app (the desktop's, not the kiosk's)."""

    def __init__(self, content: Content, language: Language, sizes: TextSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        lang = language.code
        self.setWindowTitle(self.tr("About reflexmap"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        title = parts.label(sizes, "aboutTitle", 22, bold=True, colour=style.ACCENT_TEXT)
        title.setText(self.tr("reflexmap {version}").format(version=__version__))
        body = parts.rich_label(sizes, "aboutBody")
        paragraphs = [
            self.tr("A map of the foot's reflex zones and a guide to self-massage, in Ukrainian and English."),
            self.tr(
                "Its texts retell, in its own words, an article on foot massage and reflex zones; "
                "they claim nothing the article does not."
            ),
            content.general.disclaimer(lang),
            self.tr("reflexmap is free software under the MIT licence."),
            self.tr("Its font is Noto Sans, under the SIL Open Font License 1.1 (assets/fonts/OFL.txt)."),
        ]
        body.setText("".join(f"<p>{escape(p)}</p>" for p in paragraphs))
        body.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for w in (title, body):
            layout.addWidget(w)
        layout.addWidget(buttons)
