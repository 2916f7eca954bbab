"""Whether a widget's focus should be shown: a ring for the keyboard, none for a click or a tap.

Browsers call it ``:focus-visible``.  A widget asks :func:`keyboard_focus`
in its ``focusInEvent`` and keeps the answer until the next one; a window
regaining focus keeps what the person last did.
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent

from reflexmap.fast_start import qt

__all__ = ["keyboard_focus"]


def keyboard_focus(event: QFocusEvent, shown: bool) -> bool:
    """Whether focus that arrived by ``event`` is shown, given it was ``shown`` before."""
    Qt = qt()  # a focus event comes from a person or the window system, never while the first frame is drawn
    reason = event.reason()
    if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason):
        return True
    if reason == Qt.FocusReason.MouseFocusReason:
        return False
    return shown  # the window activated, a popup closed, focus set by the program: as the person last did
