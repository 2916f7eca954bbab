"""The composition root: reads the salon's files, builds the window (and the kiosk), runs them.

``files`` loads what a salon can customise into the typed model, ``build``
makes the window from it (``build.create_window`` from command-line style
options), ``startup`` sets up Qt, ``logs`` the log file, ``reloader`` the
kiosk's hot reload and ``runner`` the event loop.  The command line
(:mod:`reflexmap.cli`) drives them.
"""
