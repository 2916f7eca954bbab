"""Tests under real conditions: the fixtures of ``tests.support.real`` (each skips, in one line, without its parts)."""

from tests.support.real import a11y_bus, cage_session, real_dirs, sound_server, speech, x_session

__all__ = ["a11y_bus", "cage_session", "real_dirs", "sound_server", "speech", "x_session"]
