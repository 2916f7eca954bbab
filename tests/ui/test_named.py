"""Qt settings by name (reflexmap.ui.named): right values, loud mistakes, and a start that needs neither."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.ui import named


def test_text_flag_constants_are_qts_own_values() -> None:
    assert named.ALIGN_HCENTER == Qt.AlignmentFlag.AlignHCenter.value
    assert named.ALIGN_TOP == Qt.AlignmentFlag.AlignTop.value
    assert named.ALIGN_VCENTER == Qt.AlignmentFlag.AlignVCenter.value
    assert named.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert named.TEXT_WORD_WRAP == Qt.TextFlag.TextWordWrap.value


def test_set_enum_sets_enums_and_flags_by_their_qt_names(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    named.set_enum(label, "textFormat", "PlainText")
    named.set_enum(label, "textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
    named.set_enum(label, "focusPolicy", "StrongFocus")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == (Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_set_enum_refuses_unknown_names_instead_of_making_a_dynamic_property(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(ValueError, match="focusPolicy has no value 'StrongFocuss'"):
        named.set_enum(widget, "focusPolicy", "StrongFocuss")
    with pytest.raises(AttributeError, match="no enum property 'focusPolcy'"):
        named.set_enum(widget, "focusPolcy", "StrongFocus")
    with pytest.raises(AttributeError, match="no enum property 'objectName'"):
        named.set_enum(widget, "objectName", "x")
    assert widget.dynamicPropertyNames() == []
    assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_first_frame_is_drawn_without_pyside6_building_the_qt_namespace(tmp_path: Path) -> None:
    """Building Qt's 93 enums cost 12 ms of start-up; the first frame needs none of them."""
    script = (
        "import sys, PySide6.QtCore as core\n"
        "from reflexmap.app import main\n"
        "status = main(sys.argv[1:])\n"
        "print('Qt built' if 'Qt' in vars(core) else 'Qt not built')\n"
        "sys.exit(status)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(tmp_path / "cache"))
    out = tmp_path / "shot.png"
    runs = [  # the first run parses the art (svgelements, fill rules); the second starts from the cache
        subprocess.run([sys.executable, "-c", script, "--screenshot", str(out)], capture_output=True,
                       text=True, timeout=120, env=env, check=False)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[-1].stderr
    assert runs[1].stdout.strip() == "Qt not built"
    assert out.stat().st_size > 10_000
