"""Kiosk engines, QtCore only: the staff PIN, idleness and timeouts, the run record, the staff report.

Everything timed takes a :data:`~reflexmap.clock.Clock` in its constructor,
like the routine player: a stalled event loop delays what is shown, never
what is decided.
"""
