"""Whether a widget's focus should be shown: a ring for the keyboard, none for a click or a tap.

Browsers call it ``:focus-visible``.  A widget asks :func:`keyboard_focus`
in its ``focusInEvent`` and keeps the answer until the next one; a window
regaining focus keeps what the person last did.  Widgets whose style draws
no focus of their own (flat buttons, a scroll area) get a :class:`FocusRing`;
focus the app moves after an action (a page that changed under the focused
button) goes on with :func:`move_focus`, shown if it was shown before.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF
from PySide6.QtGui import QColor, QFocusEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reflexmap.fast_start import qt
from reflexmap.ui import style

__all__ = ["FocusRing", "focus_shown", "keyboard_focus", "move_focus"]


def keyboard_focus(event: QFocusEvent, shown: bool) -> bool:
    """Whether focus that arrived by ``event`` is shown, given it was ``shown`` before."""
    Qt = qt()  # a focus event comes from a person or the window system, never while the first frame is drawn
    reason = event.reason()
    if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason):
        return True
    if reason == Qt.FocusReason.MouseFocusReason:
        return False
    return shown  # the window activated, a popup closed, focus set by the program: as the person last did


class FocusRing(QWidget):
    """A ring drawn over ``target`` while it has the keyboard's focus (Fusion draws none on flat buttons).

    It also shows where Fusion's own focus frame would not: Qt shows that one
    only right after Tab, not on a control the app gave focus to after a key.
    """

    def __init__(self, target: QWidget, radius: float = 6.0) -> None:
        super().__init__(target)
        self.setObjectName("focusRing")
        self._target = target
        self._radius = radius
        self._shown = False
        self.hide()
        target.installEventFilter(self)

    @property
    def shown(self) -> bool:
        """Whether the ring is drawn now."""
        return self._target.hasFocus() and self._shown

    def show_next(self, shown: bool) -> None:
        """Whether focus the program gives next is shown (as on the control the person was on)."""
        self._shown = shown

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
            self._shown = keyboard_focus(event, self._shown)
            self._sync()
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self._shown = False  # a click on the focused control: the person is on the mouse now
            self._sync()
        elif kind in (QEvent.Type.FocusOut, QEvent.Type.Resize):
            self._sync()
        return False

    def _sync(self) -> None:
        self.setGeometry(self._target.rect())
        if self.shown and not self.isVisible():
            # clicks go through to the control (set here, not at start: naming Qt's enums costs start-up time)
            self.setAttribute(qt().WidgetAttribute.WA_TransparentForMouseEvents)
            self.raise_()  # above a scroll area's viewport
        self.setVisible(self.shown)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(style.FOCUS), 2.0))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), self._radius, self._radius)
        painter.end()


def focus_shown(widget: QWidget | None) -> bool:
    """Whether ``widget`` shows the keyboard's focus now (by its ring, or Qt's own after Tab)."""
    if widget is None or not widget.hasFocus():
        return False
    ring = _ring(widget)
    if ring is not None:
        return ring.shown
    shown = getattr(widget, "focus_shown", None)
    if isinstance(shown, bool):
        return shown
    return widget.window().testAttribute(qt().WidgetAttribute.WA_KeyboardFocusChange)


def move_focus(target: QWidget, shown: bool) -> None:
    """Give ``target`` focus the app moves after an action, its ring ``shown`` as the person's focus was."""
    ring = _ring(target)
    if ring is not None:
        ring.show_next(shown)
    target.setFocus(qt().FocusReason.OtherFocusReason)


def _ring(widget: QWidget) -> FocusRing | None:
    return widget.findChild(FocusRing, "focusRing", qt().FindChildOption.FindDirectChildrenOnly)
