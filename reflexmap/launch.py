"""The ``reflexmap`` command and ``python -m reflexmap``.

Kept free of heavy imports so that the start-up phase is set before PySide6
and the app are imported: Python's cycle collector is paused while they load
and the window is built (it ran about 50 times there, collecting next to
nothing, for about 5 ms of a 170 ms start) and is back on before the event
loop starts (:func:`reflexmap.app.started`).
"""

from __future__ import annotations

import gc


def run() -> int:
    gc.disable()
    from reflexmap.app import run as run_app

    return run_app()
