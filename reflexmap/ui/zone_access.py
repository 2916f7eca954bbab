"""The map's zones as accessible children, for screen readers that explore by touch or by object.

The map paints itself, so to assistive technology it would be one object
with no parts.  Each zone on each view gets a child here: an invisible,
push button that passes every mouse event on to the map placed over what is drawn for it, named after
the zone, described by what it corresponds to, checked when the zone is
chosen, and pressing it (a screen reader's "activate") chooses the zone.
Nothing of it is painted and it never takes a click or the keyboard focus:
the map keeps both, and tells assistive technology which child has it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from reflexmap.fast_start import set_enum

__all__ = ["ZoneTarget", "ZoneTargets"]


class ZoneTarget(QAbstractButton):
    """One zone on one view, to assistive technology; invisible on screen."""

    def __init__(self, zone: str, view: str | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.zone = zone
        self.view = view
        self.setObjectName(f"zone_{zone}_{view or 'all'}")
        self.setCheckable(True)
        set_enum(self, "focusPolicy", "NoFocus")
        self.setMouseTracking(True)  # else Qt drops a hover here rather than passing it on to the map

    def hitButton(self, pos: QPoint) -> bool:
        """Never: a press, a release or a move is ignored here and so goes on to the map, which takes them all.

        (Not Qt::WA_TransparentForMouseEvents: naming any Qt enum on the
        start path builds them all, see fast_start.)
        """
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing: the map draws the zone."""


class ZoneTargets:
    """The accessible children of a map, kept on its zones' rectangles, names and selection."""

    def __init__(self, map_: QWidget, stops: list[tuple[str, str | None]], choose: Callable[[str], None]) -> None:
        self._targets = [ZoneTarget(zone, view, map_) for zone, view in stops]
        for target in self._targets:
            target.clicked.connect(lambda _=False, z=target.zone: choose(z))

    @property
    def targets(self) -> list[ZoneTarget]:
        return list(self._targets)

    def place(self, rect_of: Callable[[int], QRect]) -> None:
        """Put each child on its zone's rectangle (after the map was laid out or its masks made)."""
        for i, target in enumerate(self._targets):
            target.setGeometry(rect_of(i))
            target.show()

    def name(self, describe: Callable[[str], tuple[str, str]]) -> None:
        """Give each child its zone's name and description (in the current language)."""
        for target in self._targets:
            name, description = describe(target.zone)
            target.setAccessibleName(name)  # no text of its own: nothing is drawn
            target.setAccessibleDescription(description)

    def select(self, zone: str | None) -> None:
        """Check the children of the chosen zone (on every view), uncheck the rest."""
        for target in self._targets:
            if target.isChecked() != (target.zone == zone):
                target.setChecked(target.zone == zone)

    def announce_focus(self, index: int | None) -> None:
        """Tell assistive technology that the keyboard is now on child ``index``."""
        if index is None or not 0 <= index < len(self._targets):
            return
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # a person uses the keyboard: not start-up

        QAccessible.updateAccessibility(QAccessibleEvent(self._targets[index], QAccessible.Event.Focus))
