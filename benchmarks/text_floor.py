"""For scale: the bare QSvgWidget program plus one label of text in the bundled font.

It touches the ``Qt`` namespace (as any real window's code does), paints text
(font database, glyphs) and ends the process once the PNG is written, as
``reflexmap --screenshot`` does.  What reflexmap costs beyond this is the rest
of its window and the Python that builds it.

Usage: python text_floor.py ART.svg OUT.png WxH FONT.ttf TEXT
"""

import os
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

app = QApplication(sys.argv[:1])
QFontDatabase.addApplicationFont(sys.argv[4])
font = QFont("Noto Sans")
font.setPixelSize(15)
app.setFont(font)
window = QWidget()
row = QHBoxLayout(window)
row.addWidget(QSvgWidget(sys.argv[1]), 13)
label = QLabel(sys.argv[5])
label.setWordWrap(True)
label.setAlignment(Qt.AlignmentFlag.AlignTop)
row.addWidget(label, 7)
width, height = (int(v) for v in sys.argv[3].split("x"))
window.resize(width, height)
window.show()
app.processEvents()
ok = window.grab().save(sys.argv[2], "PNG")
sys.stdout.flush()
os._exit(0 if ok else 1)
