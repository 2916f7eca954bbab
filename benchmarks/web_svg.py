"""For the record: the usual web-kiosk way, a QtWebEngine page showing the same SVG, grabbed to PNG.

Usage: python web_svg.py ART.svg OUT.png [WxH]
"""

import sys

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
view = QWebEngineView()
width, height = (int(v) for v in (sys.argv[3] if len(sys.argv) > 3 else "1280x800").split("x"))
view.resize(width, height)


def loaded(ok: bool) -> None:
    # the first frame after loading is painted on the next turn of the event loop
    QTimer.singleShot(0, lambda: app.exit(0 if ok and view.grab().save(sys.argv[2], "PNG") else 1))


view.loadFinished.connect(loaded)
view.load(QUrl.fromLocalFile(sys.argv[1]))
view.show()
QTimer.singleShot(30_000, lambda: app.exit(3))
sys.exit(app.exec())
