"""Test support for reflexmap: what the tests and the benchmarks share.

``tests.support.soak`` drives the kiosk through a compressed day (the soak
test and ``python -m benchmarks.soak``); ``tests.support.real`` runs the app
under real conditions (a real X server and window manager, the cage kiosk
compositor, a sound server, the AT-SPI accessibility bus, speech-dispatcher);
``tests/real/conftest.py`` makes its fixtures available to ``tests/real``.
"""
