"""Spoken guidance for real: Qt's speechd engine, speech-dispatcher with espeak-ng, a PulseAudio null sink.

The Routines tab with the voice on plays a step; what the sink plays is
recorded: the chime first, then the words, in both languages.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import numpy as np
import pytest

from tests.support.real import RealDirs, Speech, need_libraries

#: A window with the voice on, one step of a routine, in the language asked for; prints when the step began.
CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reflexmap.app.build import create_window
built = create_window(["--size", "1280x800", "--lang", sys.argv[1]])
window = built.window
voice = built.session.voice
voice.set_enabled(True)
said = []
voice.said.connect(lambda text, name: said.append(name))
window.show()
window.show_routines()
player = built.session.player
player.lead_in = 0
window.routines.choose("acupressure-tour")
began = []
def go():
    began.append(time.monotonic())
    player.start()
    player.confirm_safety()
QTimer.singleShot(2500, go)  # the engine starts in its thread meanwhile
QTimer.singleShot(2500 + 6000, lambda: (player.pause(), app.quit()))
app.exec()
print(json.dumps({"began": began[0], "voices": said, "can": voice.can_speak(sys.argv[1])}))
"""


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_the_step_is_read_aloud_after_its_chime(speech: Speech, real_dirs: RealDirs, lang: str) -> None:
    need_libraries([("libspeechd.so.2", "libspeechd2"), ("libpulse.so.0", "libpulse0")], "spoken guidance")
    rec = speech.sound.recording()
    env = real_dirs.env({**speech.env, "QT_QPA_PLATFORM": "offscreen"})
    out = subprocess.run(
        [sys.executable, "-c", CHILD, lang], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    time.sleep(0.3)
    rec.stop()
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["can"] is True and result["voices"], result  # a voice of the language was chosen, and spoke
    if lang == "en":
        assert result["voices"][0] == "English (Great Britain)"  # by name: not the first en_US voice listed
    began = result["began"]
    onsets = [t - began for t in rec.onset_times(threshold=300, gap=0.15)]
    assert onsets and onsets[0] < 0.5, onsets  # the chime, at once
    words = [t for t in onsets if t >= 0.5]
    assert words, onsets  # then the words, after the chime
    samples = np.abs(np.frombuffer(rec.data, dtype="<i2").astype(np.int32))
    clipped = np.flatnonzero(samples >= 32767)
    assert not clipped.size  # not clipped (espeak-ng at full volume is)
