"""The main window: a Map tab (the foot map beside or above the zone panel) and a Routines tab.

The header always shows the language switch ("УКР | ENG") and the text-size
control; both act live, keeping the chosen zone, the open tab and a playing
routine as they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflexmap.config import Branding
from reflexmap.i18n import Language
from reflexmap.session import Session
from reflexmap.ui import named, style
from reflexmap.ui.caption import Caption
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.messages import localize
from reflexmap.ui.zone_panel import ZonePanel

if TYPE_CHECKING:
    from reflexmap.ui.routine_tab import RoutineTab

__all__ = ["MainWindow"]

class TouchTabBar(QTabBar):
    """A tab bar whose tabs are at least ``min_tab_height`` tall (48 px and up on touch screens)."""

    min_tab_height = 0

    def tabSizeHint(self, index: int) -> QSize:
        hint = super().tabSizeHint(index)
        return QSize(hint.width(), max(hint.height(), self.min_tab_height))


#: The language switch: code and label (the labels are the same in both languages).
LANGUAGE_BUTTONS = (("uk", "УКР"), ("en", "ENG"))


class MainWindow(QMainWindow):
    """Map and routines, wired together; lays itself out for landscape or portrait."""

    def __init__(self, session: Session, language: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        art, content = session.art, session.content
        self._session = session
        self._kiosk = False
        self._branding: Branding | None = None
        self._content = content
        self._language = language
        lang = language.code

        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_header())

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(8)
        named.set_enum(self.notice, "textInteractionFlags", "TextSelectableByMouse")
        style.tint(self.notice, style.NOTICE, style.NOTICE_TEXT)
        notice_box = QWidget()
        notice_row = QVBoxLayout(notice_box)
        notice_row.setContentsMargins(16, 10, 16, 0)
        notice_row.addWidget(self.notice)
        self._notice_box = notice_box
        outer.addWidget(notice_box)
        self._notices = list(session.notices)

        self.map = FootMap(art, content, lang)
        self.hover_caption = Caption(lines=2)
        self.hover_caption.setObjectName("hoverCaption")
        style.font(self.hover_caption, 16)
        style.colour(self.hover_caption, style.MUTED)
        map_box = QWidget()
        self._map_box = map_box
        map_col = QVBoxLayout(map_box)
        map_col.setContentsMargins(8, 8, 8, 8)
        map_col.addWidget(self.map, 1)
        map_col.addWidget(self.hover_caption)

        self.panel = ZonePanel(content, lang)
        map_page = QWidget()
        map_page.setObjectName("mapPage")
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight, map_page)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(0)
        self._body.addWidget(map_box, 13)
        self._body.addWidget(self.panel, 7)

        self._routines: RoutineTab | None = None
        # stands in for the Routines tab until it is first opened or asked for (see routines)
        self._routines_page = QWidget()
        self._swapping = False
        self.tabs = QTabWidget()
        self.tabs.setTabBar(TouchTabBar())
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        style.font(self.tabs.tabBar(), 17, bold=True)
        self.tabs.addTab(map_page, "")
        self.tabs.addTab(self._routines_page, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.map.zone_selected.connect(self._on_map_zone_selected)
        self.map.zone_hovered.connect(self._on_map_zone_hovered)
        self.panel.zone_requested.connect(self.map.select_zone)
        self.panel.overview_requested.connect(lambda: self.map.select_zone(None))
        language.changed.connect(self._on_language_changed)
        self._retranslate()
        self.resize(1280, 800)

    def _build_header(self) -> QWidget:
        header = QWidget()
        header.setObjectName("header")
        style.tint(header, style.HEADER)
        row = QHBoxLayout(header)
        row.setContentsMargins(20, 6, 12, 6)
        self._title = QLabel()
        self._title.setObjectName("appTitle")
        style.font(self._title, 20, bold=True)
        self._subtitle = QLabel()
        self._subtitle.setObjectName("appSubtitle")
        # decorative: shown only where it fits on its line (see _fit_header); hidden, it keeps
        # its room, so the controls never stretch into it
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setRetainSizeWhenHidden(True)
        self._subtitle.setSizePolicy(policy)
        style.colour(self._subtitle, style.MUTED)
        row.addWidget(self._title)
        row.addSpacing(12)
        row.addWidget(self._subtitle, 1)

        self._sizes = QButtonGroup(self)
        self._sizes.setExclusive(True)
        for i, scale in enumerate(style.TEXT_SCALES):
            button = QPushButton("A")
            button.setObjectName(f"textSize{i}")
            button.setCheckable(True)
            button.setFlat(True)
            button.setMinimumSize(44, 44)
            style.font(button, round(14 + 4 * i), bold=True, scaled=False)
            self._sizes.addButton(button, i)
            row.addWidget(button)
        self._sizes.button(style.TEXT_SCALES.index(style.text_scale())).setChecked(True)
        self._sizes.idClicked.connect(self._on_text_size_clicked)
        row.addSpacing(16)

        self._languages = QButtonGroup(self)
        self._languages.setExclusive(True)
        for i, (code, label) in enumerate(LANGUAGE_BUTTONS):
            if i:
                bar = QLabel("|")
                style.colour(bar, style.MUTED)
                style.font(bar, 16, scaled=False)
                bar.setFixedWidth(bar.sizeHint().width())
                row.addWidget(bar)
            button = QPushButton(label)
            button.setObjectName(f"lang_{code}")
            button.setCheckable(True)
            button.setFlat(True)
            button.setMinimumSize(56, 44)
            button.setProperty("lang", code)
            style.font(button, 16, bold=True, scaled=False)
            self._languages.addButton(button, i)
            row.addWidget(button)
        self._languages.idClicked.connect(self._on_language_clicked)
        header.installEventFilter(self)  # fit the subtitle when the header itself has its new width
        self._header = header
        return header

    # --- public -------------------------------------------------------------------

    @property
    def routines(self) -> RoutineTab:
        """The Routines tab, built the first time it is opened or asked for.

        The first frame shows only the map; the routine tab, its player, sound
        and screen-saver helpers cost 7 ms of a start that does not need them.
        """
        if self._routines is None:
            self._routines = self._build_routines()
        return self._routines

    def _build_routines(self) -> RoutineTab:
        from reflexmap.ui.routine_tab import RoutineTab

        session = self._session
        session.player.setParent(self)
        session.sounds.setParent(self)
        tab = RoutineTab(
            session.routines, session.player, session.art, self._content, session.sounds, session.awake,
            session.routine_notices, self._language.code,
        )
        if self._branding is not None and self._branding.accent:
            tab.set_accent(QColor(self._branding.accent))
        tab.set_touch(self._kiosk)
        index = self.tabs.indexOf(self._routines_page)
        current = self.tabs.currentIndex()
        self._swapping = True
        try:
            text = self.tabs.tabText(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, text)
            if current == index:
                self.tabs.setCurrentIndex(index)
        finally:
            self._swapping = False
        self._routines_page.deleteLater()
        return tab

    def _on_tab_changed(self, index: int) -> None:
        # opened by a click, a tap or the keyboard: build it before anything is painted
        if not self._swapping and self._routines is None and self.tabs.widget(index) is self._routines_page:
            self._routines = self._build_routines()

    def set_language(self, lang: str) -> None:
        """Switch every word on screen to ``lang``, keeping all state."""
        self._language.set(lang)

    def set_kiosk(self, kiosk: bool, branding: Branding | None = None) -> None:
        """Kiosk look: the salon's name and colour, bigger touch targets, no banner for visitors."""
        self._kiosk = kiosk
        self._branding = branding
        if branding is not None and branding.accent:
            self.map.set_accent(QColor(branding.accent))
            if self._routines is not None:  # else it takes the accent when built
                self._routines.set_accent(QColor(branding.accent))
        for button in self._sizes.buttons() + self._languages.buttons():
            button.setMinimumSize(max(button.minimumWidth(), 56), 56)
        self.panel.set_touch(kiosk)
        if self._routines is not None:
            self._routines.set_touch(kiosk)
        bar = self.tabs.tabBar()
        assert isinstance(bar, TouchTabBar)
        bar.min_tab_height = 56 if kiosk else 0
        bar.updateGeometry()
        bar.adjustSize()
        self._retranslate()

    def sync_text_size(self) -> None:
        """Check the text-size button that matches the current scale (after a reset)."""
        self._sizes.button(style.TEXT_SCALES.index(style.text_scale())).setChecked(True)
        self._fit_header()

    def show_notices(self, notices: list[str]) -> None:
        """Show problems with user files (bad art...) in a banner; hide it when there are none."""
        self._notices = list(notices)
        self._show_notices()

    # --- slots ----------------------------------------------------------------------

    def _on_language_clicked(self, button_id: int) -> None:
        self.set_language(LANGUAGE_BUTTONS[button_id][0])

    def _on_text_size_clicked(self, button_id: int) -> None:
        style.set_text_scale(style.TEXT_SCALES[button_id])
        self.map.update()
        self._fit_header()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._header and event.type() == QEvent.Type.Resize:
            self._fit_header()
        return super().eventFilter(watched, event)

    def _fit_header(self) -> None:
        """Show the subtitle only when it fits beside the controls, so nothing is ever cut."""
        header = self._header
        layout = header.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        used = margins.left() + margins.right()
        count = 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None or item.widget() is self._subtitle:
                continue
            used += item.sizeHint().width()
            count += 1
        available = header.width() - used - layout.spacing() * count
        self._subtitle.setVisible(self._subtitle.sizeHint().width() <= available)

    def _on_language_changed(self, lang: str) -> None:
        self.map.set_language(lang)
        self.panel.set_language(lang)
        if self._routines is not None:
            self._routines.set_language(lang)
        self._retranslate()

    def _on_map_zone_selected(self, zone: str) -> None:
        self.panel.show_zone(zone or None)

    def _on_map_zone_hovered(self, zone: str) -> None:
        lang = self._language.code
        info = self._content.zone(zone) if zone else None
        if info is None:
            self.hover_caption.setText(self.tr("Point at a zone, or tap it to read more."))
        else:
            self.hover_caption.setText(f"{info.name(lang)} — {info.corresponds(lang)}")

    # --- drawing ----------------------------------------------------------------------

    def _retranslate(self) -> None:
        lang = self._language.code
        self.setWindowTitle(self.tr("reflexmap — foot massage map"))
        salon = self._branding.salon_name if self._kiosk and self._branding else ""
        self._title.setText(salon or self.tr("reflexmap"))
        self._subtitle.setText(self.tr("Foot massage and reflex zones"))
        for i, button in enumerate(self._sizes.buttons()):
            button.setAccessibleName(self.tr("Text size {n} of 3").format(n=i + 1))
            button.setToolTip(self.tr("Text size"))
        for button in self._languages.buttons():
            code = button.property("lang")
            button.setChecked(code == lang)
            button.setAccessibleName(self.tr("Ukrainian") if code == "uk" else self.tr("English"))
            style.colour(button, style.ACCENT_TEXT if code == lang else style.MUTED)
        self.tabs.setTabText(0, self.tr("Foot map"))
        self.tabs.setTabText(1, self.tr("Routines"))
        self._on_map_zone_hovered(self.map.hovered_zone or "")
        self._show_notices()
        self._fit_header()

    def _show_notices(self) -> None:
        self.notice.setText("\n".join(localize(n) for n in self._notices))
        # in kiosk mode problems go to the staff panel, never to visitors
        self._notice_box.setVisible(bool(self._notices) and not self._kiosk)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        portrait = size.height() > size.width()
        self._body.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._body.setStretch(0, 1 if portrait else 13)
        self._body.setStretch(1, 1 if portrait else 7)
        if portrait:
            # as tall as the art needs at full width, and the panel gets the rest
            art = self.map.art_size()
            box_layout = self._map_box.layout()
            margins = box_layout.contentsMargins() if box_layout is not None else None
            extra = (margins.top() + margins.bottom() if margins is not None else 0) + self.hover_caption.sizeHint().height() + 8
            self._map_box.setMaximumHeight(round(size.width() * art.height() / art.width()) + extra)
        else:
            self._map_box.setMaximumHeight(16777215)
        super().resizeEvent(event)  # the header fits itself on its own resize (eventFilter)
