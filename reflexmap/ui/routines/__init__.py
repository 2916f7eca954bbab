"""The Routines tab: a page to choose, a safety check, the player and the completion screen."""

from reflexmap.ui.routines.tab import RoutineTab

__all__ = ["RoutineTab"]
