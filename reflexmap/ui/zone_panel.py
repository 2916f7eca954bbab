"""The zone panel: what the chosen zone corresponds to and how to work it.

With nothing chosen it shows the overview: what foot massage does, the three
kinds, and a body index whose entries choose their zone (reverse look-up).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reflexmap.content import Content, Titled
from reflexmap.fast_start import set_enum
from reflexmap.i18n import Language
from reflexmap.ui import parts, style
from reflexmap.ui.focus import FocusRing, focus_shown, move_focus
from reflexmap.ui.fonts import BASE_PX, TextSize

__all__ = ["ZonePanel"]


class ZonePanel(QScrollArea):
    """Shows one zone's content, or the overview when no zone is chosen."""

    zone_requested = Signal(str)
    overview_requested = Signal()

    def __init__(self, content: Content, language: Language, sizes: TextSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit_when_shown = False  # sized or given new text while hidden (under the kiosk's attract card)
        self.setObjectName("zonePanel")
        self._content = content
        self._language = language
        self._zone: str | None = None

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        set_enum(self, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        inner = QWidget()
        inner.setObjectName("zonePanelBody")
        #: Kept for its width: asking Qt for viewport(), a widget Python has not
        #: seen yet, makes PySide6 load every QtWidgets class (see fast_start).
        self._inner = inner
        style.tint(inner, style.SURFACE)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)

        self._back = QPushButton()
        self._back.setObjectName("backButton")
        self._back.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self._back.setFlat(True)
        sizes.font(self._back, BASE_PX, bold=True)
        style.colour(self._back, style.ACCENT_TEXT)
        self._back.clicked.connect(self._on_back_clicked)
        FocusRing(self._back)  # flat: Fusion draws no focus for it
        self._title = parts.label(sizes, "panelTitle", 24, bold=True, colour=style.ACCENT_TEXT, keep_height=True)
        self._subtitle = parts.label(sizes, "panelSubtitle", colour=style.MUTED, keep_height=True)
        self._body = parts.rich_label(sizes, "panelBody", keep_height=True)
        self._index_title = parts.label(sizes, "sectionTitle", 18, bold=True, keep_height=True)
        self._index = QWidget()
        self._index_grid = QGridLayout(self._index)
        self._index_grid.setContentsMargins(0, 0, 0, 0)
        self._index_grid.setSpacing(8)
        self._index_buttons: list[QPushButton] = []
        for entry in content.body_index:
            button = QPushButton()
            button.setObjectName("indexButton")
            button.setProperty("zone", entry.zone)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(44)
            button.clicked.connect(lambda _=False, z=entry.zone: self.zone_requested.emit(z))
            FocusRing(button)  # also when the panel gives it focus after a key (Qt's own frame only after Tab)
            self._index_buttons.append(button)
        self._columns = 0
        self._sized = False
        self._disclaimer = parts.label(sizes, "disclaimer", italic=True, colour=style.MUTED, keep_height=True)

        layout.addWidget(self._back)
        layout.addWidget(self._title)
        layout.addWidget(self._subtitle)
        # the body index comes first: it is what a visitor can touch
        layout.addWidget(self._index_title)
        layout.addWidget(self._index)
        layout.addWidget(self._body)
        layout.addWidget(self._disclaimer)
        layout.addStretch(1)
        self.setWidget(inner)
        FocusRing(self, radius=0)  # the panel itself takes focus, for the arrow keys to scroll it
        language.changed.connect(self._on_language_changed)
        self._refresh()

    # --- public API ----------------------------------------------------------

    @property
    def zone(self) -> str | None:
        return self._zone

    def show_zone(self, zone_id: str | None) -> None:
        """Show ``zone_id`` (``None`` or ``""`` for the overview)."""
        zone_id = zone_id or None
        if zone_id is not None and self._content.zone(zone_id) is None:
            raise KeyError(f"no content for zone {zone_id!r}")
        focused = self.focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        shown = had_focus and focus_shown(focused)
        self._zone = zone_id
        self._refresh()
        self.verticalScrollBar().setValue(0)
        if had_focus and (focused is None or not focused.isVisibleTo(self)):
            # the control a keyboard user was on went away with the page: stay in the panel, on the
            # way back ("All zones") or at the top of the body index, never thrown back to the header
            target = self._back if zone_id is not None else (self._index_buttons or [self._back])[0]
            move_focus(target, shown)  # with its ring if the person got here by keyboard

    def set_touch(self, touch: bool) -> None:
        """Touch screens: every button at least 48 px tall."""
        height = 56 if touch else 44
        for button in self._index_buttons:
            button.setMinimumHeight(height)
        self._back.setMinimumHeight(56 if touch else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._sized = True
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit()

    def event(self, event: QEvent) -> bool:
        if self._fit_when_shown and event.type() == QEvent.Type.ShowToParent:  # shown again, window seen or not
            self._fit()
        return super().event(event)

    def _fit(self) -> None:
        """Regrid the body index and give wrapped text all the height it needs (then scroll).

        Hidden (the kiosk's attract card lies where the panel is), it only
        remembers to: laying out text nobody sees would slow the kiosk's start.
        """
        self._fit_when_shown = self.isHidden()
        if self._fit_when_shown:
            return
        self._regrid()
        layout = self._inner.layout()
        if layout is not None and layout.hasHeightForWidth():
            # the scroll area has just sized the (resizable) body to its viewport
            self._inner.setMinimumHeight(layout.totalHeightForWidth(self._inner.width()))

    def _regrid(self) -> None:
        """Two columns of body-index buttons when their text fits, otherwise one."""
        layout = self._inner.layout()
        margins = layout.contentsMargins() if layout is not None else None
        width = self._inner.width() - (margins.left() + margins.right() if margins else 0)
        widest = max((b.fontMetrics().horizontalAdvance(b.text()) + 28 for b in self._index_buttons), default=0)
        columns = 2 if widest * 2 + self._index_grid.spacing() <= width else 1
        if columns == self._columns:
            return
        self._columns = columns
        for button in self._index_buttons:
            self._index_grid.removeWidget(button)
        for i, button in enumerate(self._index_buttons):
            self._index_grid.addWidget(button, i // columns, i % columns)

    def text(self) -> str:
        """All text a person can currently see in the panel, top to bottom."""
        parts: list[str] = []
        for widget in (self._back, self._title, self._subtitle, self._index_title):
            if widget.isVisibleTo(self):
                parts.append(_plain(widget))
        if self._index.isVisibleTo(self):
            parts.extend(b.text() for b in self._index_buttons)
        parts.append(_plain(self._body, rich=True))
        if self._disclaimer.isVisibleTo(self):
            parts.append(_plain(self._disclaimer))
        return "\n".join(p for p in parts if p)

    # --- building the text ----------------------------------------------------

    def _on_language_changed(self, lang: str) -> None:
        self._refresh()

    def _refresh(self) -> None:
        self._fill()
        # the scroll area takes the keyboard focus (its text can be scrolled so): named after its page
        self.setAccessibleName(self._title.text())
        self._columns = 0  # texts changed: check the grid again
        if self._sized:  # laid out already; else resizeEvent will
            self._fit()

    def _fill(self) -> None:
        lang = self._language.code
        c = self._content
        self._back.setText(self.tr("‹ All zones"))
        self._disclaimer.setText(c.general.disclaimer(lang))
        zone = c.zone(self._zone) if self._zone else None
        overview = zone is None
        self._back.setVisible(not overview)
        self._disclaimer.setVisible(not overview)  # the overview says it beside the benefits
        self._index_title.setVisible(overview)
        self._index.setVisible(overview)
        if zone is None:
            ov = c.overview
            self._title.setText(ov.title(lang))
            self._subtitle.setText(ov.intro(lang))
            self._body.setText(
                _section(ov.benefits_title(lang), _titled_list(ov.benefits, lang))
                # said right beside what massage does, not only at the very bottom
                + f"<p><i>{escape(c.general.disclaimer(lang))}</i></p>"
                + _section(ov.kinds_title(lang), _titled_list(ov.kinds, lang))
            )
            self._index_title.setText(ov.index_title(lang))
            for button, entry in zip(self._index_buttons, c.body_index, strict=True):
                button.setText(entry.label(lang))
                button.setAccessibleDescription(self.tr("Shows the zone for {part}").format(part=entry.label(lang)))
            return
        self._title.setText(zone.name(lang))
        self._subtitle.setText(zone.where(lang))
        steps = "".join(f"<li>{escape(step(lang))}</li>" for step in zone.technique)
        cautions = "".join(f"<li>{escape(item(lang))}</li>" for item in c.general.cautions)
        self._body.setText(
            _section(self.tr("About this zone"), f"<p>{escape(zone.corresponds(lang))}</p>")
            + _section(self.tr("Technique"), f"<ol>{steps}</ol>")
            + _section(self.tr("Pressure"), f"<p>{escape(c.general.pressure(lang))}</p>")
            + _section(self.tr("Take care"), f"<ul>{cautions}</ul>")
        )

    def _on_back_clicked(self) -> None:
        self.overview_requested.emit()


def _section(title: str, body: str) -> str:
    return f"<h3>{escape(title)}</h3>{body}"


def _titled_list(items: tuple[Titled, ...], lang: str) -> str:
    rows = "".join(f"<li><b>{escape(i.title(lang))}.</b> {escape(i.text(lang))}</li>" for i in items)
    return f"<ul>{rows}</ul>"


def _plain(widget: QLabel | QPushButton, rich: bool = False) -> str:
    if rich:
        from PySide6.QtGui import QTextDocument  # not at start-up: nothing on screen needs it

        doc = QTextDocument()
        doc.setHtml(widget.text())
        return doc.toPlainText()
    return widget.text()
