"""Kiosk mode: the main window locked full screen, with its attract loop and staff exit."""

from reflexmap.ui.kiosk.shell import KioskShell

__all__ = ["KioskShell"]
