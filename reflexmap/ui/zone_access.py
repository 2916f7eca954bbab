"""The map's zones as accessible children, for screen readers that explore by touch or by object.

The map paints itself, so to assistive technology it would be one object
with no parts.  Each zone on each view gets a child here: an invisible,
mouse-transparent push button placed over what is drawn for it, named after
the zone, described by what it corresponds to, checked when the zone is
chosen, and pressing it (a screen reader's "activate") chooses the zone.
Nothing of it is painted and it never takes a click or the keyboard focus:
the map keeps both, and tells assistive technology which child has it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from reflexmap.fast_start import set_enum

if TYPE_CHECKING:
    from PySide6.QtCore import Qt  # noqa: TID251 - for the annotation only, never imported at run time

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
        # an attribute by number: Qt::WA_TransparentForMouseEvents (51), the map takes every click itself
        self.setAttribute(_transparent_for_mouse(), True)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Nothing: the map draws the zone."""


def _transparent_for_mouse() -> Qt.WidgetAttribute:
    from reflexmap.fast_start import qt

    return qt().WidgetAttribute.WA_TransparentForMouseEvents


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
