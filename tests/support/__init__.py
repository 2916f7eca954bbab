"""Test support for reflexmap: helpers and fixtures shared by test folders.

``support.real`` runs the app under real conditions (a real X server and window
manager, the cage kiosk compositor, a sound server, the AT-SPI accessibility
bus, speech-dispatcher); ``tests/real/conftest.py`` makes its fixtures
available to the tests in ``tests/real``.
"""
