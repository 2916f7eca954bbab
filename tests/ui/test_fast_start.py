"""Start-up workarounds (reflexmap.fast_start): right values, loud mistakes, the collector back on."""

from __future__ import annotations

import gc
import inspect
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from reflexmap import fast_start


def test_text_flag_constants_are_qts_own_values() -> None:
    assert fast_start.ALIGN_HCENTER == Qt.AlignmentFlag.AlignHCenter.value
    assert fast_start.ALIGN_TOP == Qt.AlignmentFlag.AlignTop.value
    assert fast_start.ALIGN_VCENTER == Qt.AlignmentFlag.AlignVCenter.value
    assert fast_start.ALIGN_CENTER == Qt.AlignmentFlag.AlignCenter.value
    assert fast_start.TEXT_WORD_WRAP == Qt.TextFlag.TextWordWrap.value


def test_set_enum_sets_enums_and_flags_by_their_qt_names(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    fast_start.set_enum(label, "textFormat", "PlainText")
    fast_start.set_enum(label, "textInteractionFlags", "TextSelectableByMouse|TextSelectableByKeyboard")
    fast_start.set_enum(label, "focusPolicy", "StrongFocus")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == (
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_set_enum_refuses_unknown_names_instead_of_making_a_dynamic_property(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    with pytest.raises(ValueError, match="focusPolicy has no value 'StrongFocuss'"):
        fast_start.set_enum(widget, "focusPolicy", "StrongFocuss")
    with pytest.raises(AttributeError, match="no enum property 'focusPolcy'"):
        fast_start.set_enum(widget, "focusPolcy", "StrongFocus")
    with pytest.raises(AttributeError, match="no enum property 'objectName'"):
        fast_start.set_enum(widget, "objectName", "x")
    assert widget.dynamicPropertyNames() == []
    assert widget.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_the_collector_is_paused_only_inside_the_block_and_back_on_after_an_error() -> None:
    assert gc.isenabled()
    with fast_start.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), fast_start.collector_paused():
        raise RuntimeError("building the window failed")
    assert gc.isenabled()


def test_pyside_reads_no_module_source_while_starting_and_does_again_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read: list[str] = []
    real = inspect.getsource

    def counting(obj: object) -> str:
        read.append(getattr(obj, "__name__", "?"))
        return real(obj)  # type: ignore[arg-type]

    monkeypatch.setattr(inspect, "getsource", counting)
    for name in ("scan_probe_during", "scan_probe_after"):
        (tmp_path / f"{name}.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with fast_start.source_scan_skipped():
        __import__("scan_probe_during")  # as an import statement does: through PySide6's hook
    assert read == []
    feature = sys.modules["PySide6.support.feature"]
    assert feature.pyside_feature_dict["scan_probe_during"] == 0  # taken to use PySide6, as the scan would say
    __import__("scan_probe_after")
    assert read == ["scan_probe_after"]  # the scan is PySide6's own again
    assert feature.pyside_feature_dict["scan_probe_after"] == 0
    for name in ("scan_probe_during", "scan_probe_after"):
        monkeypatch.delitem(sys.modules, name)


def test_qt_gives_the_namespace_for_code_that_runs_when_a_person_acts() -> None:
    assert fast_start.qt() is Qt
