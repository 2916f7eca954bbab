"""The yardstick: a bare PySide6 program that shows an SVG and grabs it to PNG.

Usage: python bare_svg.py ART.svg OUT.png [WxH]
"""

import sys

from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
widget = QSvgWidget(sys.argv[1])
width, height = (int(v) for v in (sys.argv[3] if len(sys.argv) > 3 else "1280x800").split("x"))
widget.resize(width, height)
widget.show()
app.processEvents()
sys.exit(0 if widget.grab().save(sys.argv[2], "PNG") else 1)
