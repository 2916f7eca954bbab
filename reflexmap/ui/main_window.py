"""The main window: a Foot map tab (the map beside or above the zone panel) and a Routines tab.

The header always shows the language switch and the text-size control; both
act live, keeping the chosen zone, the open tab and a playing routine as
they are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QMainWindow,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reflexmap.config import Branding
from reflexmap.fast_start import qt, set_enum
from reflexmap.i18n import Language
from reflexmap.session import Session
from reflexmap.ui import parts, style
from reflexmap.ui.caption import Caption
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.header import Header
from reflexmap.ui.localize import localize

if TYPE_CHECKING:
    from reflexmap.ui.routines import RoutineTab
    from reflexmap.ui.zone_panel import ZonePanel

__all__ = ["MainWindow"]

#: Qt's own limit for a widget's size: no maximum.
NO_MAXIMUM = 16777215


class TouchTabBar(QTabBar):
    """A tab bar whose tabs are at least ``min_tab_height`` tall (48 px and up on touch screens)."""

    min_tab_height = 0

    def tabSizeHint(self, index: int) -> QSize:
        hint = super().tabSizeHint(index)
        return QSize(hint.width(), max(hint.height(), self.min_tab_height))


class MainWindow(QMainWindow):
    """Map and routines, wired together; lays itself out for landscape or portrait.

    The Routines tab (with the player's sound and screen-saver helpers) is
    built the first time it is opened or asked for: the first frame shows
    only the map.  With ``panel_later`` (a kiosk, whose first frame is its
    attract card lying where the zone panel goes) the zone panel is built
    when it is first shown or asked for, too (see :meth:`cover_panel`).
    """

    def __init__(
        self,
        session: Session,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
        *,
        panel_later: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._session = session
        self._language = language
        self._sizes = sizes
        self._kiosk = False
        self._accent: QColor | None = None

        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.header = Header(language, sizes)
        outer.addWidget(self.header)

        self.notice = parts.label(sizes, "notice")
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(8)
        set_enum(self.notice, "textInteractionFlags", "TextSelectableByMouse")
        style.tint(self.notice, style.NOTICE, style.NOTICE_TEXT)
        self._notice_box = QWidget()
        notice_row = QVBoxLayout(self._notice_box)
        notice_row.setContentsMargins(16, 10, 16, 0)
        notice_row.addWidget(self.notice)
        outer.addWidget(self._notice_box)

        self.map = FootMap(
            session.art, session.content, language, sizes, clock=session.clock, cache_dir=session.cache_dir
        )
        self.hover_caption = Caption(lines=2)
        self.hover_caption.setObjectName("hoverCaption")
        sizes.font(self.hover_caption, 16)
        style.colour(self.hover_caption, style.MUTED)
        self._map_box = QWidget()
        map_col = QVBoxLayout(self._map_box)
        map_col.setContentsMargins(8, 8, 8, 8)
        map_col.addWidget(self.map, 1)
        map_col.addWidget(self.hover_caption)

        # the zone panel, or what stands in for it, its place kept, until it is built (see panel_later)
        self._panel: ZonePanel | None = None
        self._panel_place: QWidget | None = None
        self._panel_shows: str | None = None  # the zone it is to show when built
        map_page = QWidget()
        map_page.setObjectName("mapPage")
        self._map_page = QVBoxLayout(map_page)  # a playing routine's bar goes above (see _build_routines)
        self._map_page.setContentsMargins(0, 0, 0, 0)
        self._map_page.setSpacing(0)
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._map_page.addLayout(self._body, 1)
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(0)
        self._body.addWidget(self._map_box, 13)
        if panel_later:
            self._panel_place = QWidget()
            self._panel_place.setObjectName("zonePanelPlace")
            held = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # a scroll area's
            held.setRetainSizeWhenHidden(True)
            self._panel_place.setSizePolicy(held)
            self._body.addWidget(self._panel_place, 7)
        else:
            self._body.addWidget(self._build_panel(), 7)

        self._routines: RoutineTab | None = None
        # stands in for the Routines tab until it is first opened or asked for (see routines)
        self._routines_page = QWidget()
        self._swapping = False
        self.tabs = QTabWidget()
        self.tabs.setTabBar(TouchTabBar())
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        sizes.font(self.tabs.tabBar(), 17, bold=True)
        self.tabs.addTab(map_page, "")
        self.tabs.addTab(self._routines_page, "")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.map.zone_selected.connect(self._on_map_zone_selected)
        self.map.zone_hovered.connect(self._on_map_zone_hovered)
        self.header.about_requested.connect(self.show_about)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)
        self.resize(1280, 800)

    # --- public -------------------------------------------------------------------

    @property
    def panel(self) -> ZonePanel:
        """The zone panel (built now if it was to come later)."""
        if self._panel is None:
            self._build_panel()
            assert self._panel is not None
        return self._panel

    def cover_panel(self, covered: bool) -> None:
        """The kiosk's attract card lies where the zone panel is (``True``), or has gone (``False``).

        Covered, the panel is hidden, its place kept, so it is not drawn for
        nothing; uncovered, it shows (built now if it was to come later).
        """
        if not covered:
            self.panel.show()
        elif self._panel is not None:
            self._panel.hide()
        elif self._panel_place is not None:
            self._panel_place.hide()

    @property
    def routines(self) -> RoutineTab:
        """The Routines tab, built the first time it is opened or asked for."""
        if self._routines is None:
            self._routines = self._build_routines()
        return self._routines

    def show_about(self) -> None:
        """What reflexmap is: version, licence, the content's source, the safety note, the font's licence."""
        from reflexmap.ui.about import AboutDialog  # only when asked for

        dialog = AboutDialog(self._session.content, self._language, self._sizes, self)
        dialog.setAttribute(qt().WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_map(self) -> None:
        """Bring the Foot map tab to the front."""
        self.tabs.setCurrentIndex(0)

    def show_routines(self) -> None:
        """Bring the Routines tab to the front (building it if need be)."""
        self.tabs.setCurrentWidget(self.routines)

    def set_kiosk(self, kiosk: bool, branding: Branding | None = None) -> None:
        """Kiosk look: the salon's name and colour, bigger touch targets, no banner for visitors."""
        self._kiosk = kiosk
        if branding is not None and branding.accent:
            self._accent = QColor(branding.accent)
            self.map.set_accent(self._accent)
            if self._routines is not None:  # else it takes the accent when built
                self._routines.set_accent(self._accent)
        self.header.set_salon(branding.salon_name if kiosk and branding else "")
        self.header.set_touch(kiosk)
        if self._panel is not None:  # else it is built for the kiosk
            self._panel.set_touch(kiosk)
        if self._routines is not None:
            self._routines.set_touch(kiosk)
        bar = self.tabs.tabBar()
        assert isinstance(bar, TouchTabBar)
        bar.min_tab_height = 56 if kiosk else 0
        bar.updateGeometry()
        bar.adjustSize()
        self._show_notices()

    # --- the zone panel and the Routines tab, on demand ----------------------------------------

    def _build_panel(self) -> ZonePanel:
        """The zone panel, in the place kept for it if it comes later."""
        from reflexmap.ui.zone_panel import ZonePanel  # a kiosk's first frame shows its card there instead

        panel = ZonePanel(self._session.content, self._language, self._sizes)
        policy = panel.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # under the kiosk's card
        panel.setSizePolicy(policy)
        panel.set_touch(self._kiosk)
        if self._panel_shows is not None:
            panel.show_zone(self._panel_shows)
        panel.zone_requested.connect(self.map.select_zone)
        panel.overview_requested.connect(self._on_panel_overview_requested)
        place = self._panel_place
        if place is not None:
            self._body.replaceWidget(place, panel)
            panel.setVisible(not place.isHidden())
            place.hide()
            place.deleteLater()
            self._panel_place = None
        self._panel = panel
        return panel

    def _build_routines(self) -> RoutineTab:
        from reflexmap.ui.routines import RoutineTab  # its modules load only when it is first needed

        session = self._session
        session.player.setParent(self)
        session.sounds.setParent(self)
        # problems with routine files are for the owner at their desk, never for salon visitors
        notices = [] if self._kiosk else session.routine_notices
        session.voice.setParent(self)
        tab = RoutineTab(
            session.routines,
            session.player,
            session.art,
            session.content,
            session.sounds,
            session.voice,
            session.awake,
            self._language,
            self._sizes,
            notices,
            clock=session.clock,
        )
        if self._accent is not None:
            tab.set_accent(self._accent)
        tab.set_touch(self._kiosk)
        tab.set_portrait(self.height() > self.width())  # before it is laid out: never wider than it needs
        from reflexmap.ui.routines.bar import RoutineBar

        bar = RoutineBar(session.player, self._language, self._sizes)
        bar.back_requested.connect(self.show_routines)
        self._map_page.insertWidget(0, bar)
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

    # --- slots ----------------------------------------------------------------------

    def _on_map_zone_selected(self, zone: str) -> None:
        if self._panel is None:  # shown when the panel is built
            self._panel_shows = zone or None
        else:
            self._panel.show_zone(zone or None)

    def _on_panel_overview_requested(self) -> None:
        self.map.select_zone(None)

    def _on_map_zone_hovered(self, zone: str) -> None:
        lang = self._language.code
        info = self._session.content.zone(zone) if zone else None
        if info is None:
            self.hover_caption.setText(self.tr("Point at a zone, or tap it to read more."))
        else:
            self.hover_caption.setText(info.caption(lang))

    def _on_language_changed(self, lang: str) -> None:
        self.setWindowTitle(self.tr("reflexmap — foot massage map"))
        self.tabs.setTabText(0, self.tr("Foot map"))
        self.tabs.setTabText(1, self.tr("Routines"))
        self._on_map_zone_hovered(self.map.hovered_zone or "")
        self._show_notices()

    def _show_notices(self) -> None:
        notices = self._session.notices
        self.notice.setText("\n".join(localize(n) for n in notices))
        # in kiosk mode problems go to the staff panel, never to visitors
        self._notice_box.setVisible(bool(notices) and not self._kiosk)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Space and Esc for a routine that is on, from the Foot map tab too (when nothing there takes them)."""
        from reflexmap.player import PLAYING, State  # a key pressed: no longer start-up

        Qt = qt()
        player = self._session.player if self._routines is not None else None
        on = player is not None and (player.state in PLAYING or player.state == State.PAUSED)
        if on and self.tabs.currentIndex() == 0 and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Escape):
            assert player is not None and self._routines is not None
            if event.key() == Qt.Key.Key_Space:
                player.toggle_pause()
            else:
                self.show_routines()
                self._routines.play_page.ask_stop(by_key=True)
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        portrait = size.height() > size.width()
        if self._routines is not None:
            self._routines.set_portrait(portrait)
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self._body.setStretch(0, 1 if portrait else 13)
        self._body.setStretch(1, 1 if portrait else 7)
        if portrait:
            # as tall as the art needs at full width, and the panel gets the rest
            art = self.map.art_size()
            margins = self._map_box.contentsMargins()
            box_layout = self._map_box.layout()
            if box_layout is not None:
                margins = box_layout.contentsMargins()
            extra = margins.top() + margins.bottom() + self.hover_caption.sizeHint().height() + 8
            self._map_box.setMaximumHeight(round(size.width() * art.height() / art.width()) + extra)
        else:
            self._map_box.setMaximumHeight(NO_MAXIMUM)
        super().resizeEvent(event)  # the header fits itself on its own resize
