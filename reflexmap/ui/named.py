"""Qt settings by name, for code that runs before the first frame.

The first time any Python code says ``Qt.``, PySide6 builds every enum of Qt's
namespace (93 of them, Qt.Key alone has about 450 members) with Python's enum
module: 12 ms, about a fifth of what reflexmap adds to a bare PySide6 start.
So what the first frame needs is set without it: enum properties through
Qt's own property system, named as in Qt's documentation (``"StrongFocus"``),
and the text flags ``QPainter.drawText`` takes as a plain ``int`` from the
constants below.  ``tests/ui/test_named.py`` checks each constant against
PySide6's enums.  Code that runs only when a person acts (keys, mouse buttons,
focus reasons, cursor shapes) imports ``Qt`` when it runs.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

#: Qt::AlignmentFlag and Qt::TextFlag values, for QPainter.drawText's ``flags``.
ALIGN_HCENTER = 0x0004
ALIGN_TOP = 0x0020
ALIGN_VCENTER = 0x0080
ALIGN_CENTER = ALIGN_HCENTER | ALIGN_VCENTER
TEXT_WORD_WRAP = 0x1000


def set_enum(obj: QObject, prop: str, value: str) -> None:
    """Set the enum (or flags) property ``prop`` of ``obj`` to the key(s) ``value``.

    ``value`` is a key of the property's enum as Qt names it (``"PlainText"``),
    or keys joined by ``|`` for flags.  A name Qt does not know is an error, not
    a silently ignored dynamic property.
    """
    meta = obj.metaObject()
    index = meta.indexOfProperty(prop)
    if index < 0 or not meta.property(index).isEnumType():
        raise AttributeError(f"{type(obj).__name__} has no enum property {prop!r}")
    if not obj.setProperty(prop, value):
        raise ValueError(f"{type(obj).__name__}.{prop} has no value {value!r}")
