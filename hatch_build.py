"""Wheel build hook: compile the Qt translations (.ts -> .qm) with PySide6's lrelease.

Only the .ts sources are committed; the .qm files exist in built wheels.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        import PySide6

        lrelease = Path(PySide6.__file__).resolve().parent / "lrelease"
        out = Path(tempfile.mkdtemp(prefix="reflexmap-qm-"))
        for ts in sorted(Path(self.root, "assets", "i18n").glob("*.ts")):
            qm = out / ts.with_suffix(".qm").name
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
            build_data["force_include"][str(qm)] = f"reflexmap/assets/i18n/{qm.name}"
