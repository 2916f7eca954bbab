"""The main window: a Map tab (the foot map beside or above the zone panel) and a Routines tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from reflexmap.session import Session
from reflexmap.ui import style
from reflexmap.ui.caption import Caption
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.routine_tab import RoutineTab
from reflexmap.ui.zone_panel import ZonePanel

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """Map and routines, wired together; lays itself out for landscape or portrait."""

    def __init__(self, session: Session, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("reflexmap — foot massage map"))
        art, content = session.art, session.content
        self._content = content
        self._lang = lang

        central = QWidget()
        central.setObjectName("central")
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        header = QWidget()
        header.setObjectName("header")
        style.tint(header, style.HEADER)
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(20, 10, 20, 10)
        title = QLabel(self.tr("reflexmap"))
        title.setObjectName("appTitle")
        style.font(title, 20, bold=True)
        subtitle = QLabel(self.tr("Foot massage and reflex zones"))
        subtitle.setObjectName("appSubtitle")
        style.colour(subtitle, style.MUTED)
        header_row.addWidget(title)
        header_row.addSpacing(12)
        header_row.addWidget(subtitle, 1)
        outer.addWidget(header)

        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.notice.setMargin(8)
        style.tint(self.notice, style.NOTICE, style.NOTICE_TEXT)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        notice_box = QWidget()
        notice_row = QVBoxLayout(notice_box)
        notice_row.setContentsMargins(16, 10, 16, 0)
        notice_row.addWidget(self.notice)
        self._notice_box = notice_box
        outer.addWidget(notice_box)
        self.show_notices(session.notices)

        self.map = FootMap(art, content, lang)
        self.map.set_view_captions(
            {
                "sole-left": self.tr("Left foot, sole"),
                "sole-right": self.tr("Right foot, sole"),
                "side": self.tr("Inner side of the foot"),
            }
        )
        self.hover_caption = Caption(lines=2)
        self.hover_caption.setObjectName("hoverCaption")
        style.font(self.hover_caption, 16)
        self.hover_caption.setFixedHeight(self.hover_caption.sizeHint().height())
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

        self.routines = RoutineTab(
            session.routines, session.player, art, content, session.sounds, session.awake,
            session.routine_notices, lang,
        )
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        style.font(self.tabs.tabBar(), 17, bold=True)
        self.tabs.addTab(map_page, self.tr("Foot map"))
        self.tabs.addTab(self.routines, self.tr("Routines"))
        outer.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.map.zone_selected.connect(self._on_map_zone_selected)
        self.map.zone_hovered.connect(self._on_map_zone_hovered)
        self.panel.zone_requested.connect(self.map.select_zone)
        self.panel.overview_requested.connect(lambda: self.map.select_zone(None))
        self._on_map_zone_hovered("")
        self.resize(1280, 800)

    def show_notices(self, notices: list[str]) -> None:
        """Show problems with user files (bad art...) in a banner; hide it when there are none."""
        self.notice.setText("\n".join(notices))
        self._notice_box.setVisible(bool(notices))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
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
            margins = self._map_box.layout().contentsMargins()
            extra = margins.top() + margins.bottom() + self.hover_caption.sizeHint().height() + 8
            self._map_box.setMaximumHeight(round(size.width() * art.height() / art.width()) + extra)
        else:
            self._map_box.setMaximumHeight(16777215)
        super().resizeEvent(event)

    def _on_map_zone_selected(self, zone: str) -> None:
        self.panel.show_zone(zone or None)

    def _on_map_zone_hovered(self, zone: str) -> None:
        info = self._content.zone(zone) if zone else None
        if info is None:
            self.hover_caption.setText(self.tr("Point at a zone, or tap it to read more."))
        else:
            self.hover_caption.setText(f"{info.name(self._lang)} — {info.corresponds(self._lang)}")
