"""Generate the soft cue sounds in assets/sounds/ (standard library only).

chime.wav: a two-tone bell for a step change; count.wav: a short, quiet
blip for the 3-2-1 before a timed step ends.  Run: python tools/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"
RATE = 22050


def tone(partials: list[tuple[float, float]], seconds: float, decay: float, volume: float) -> bytes:
    frames = []
    attack = int(0.008 * RATE)
    for i in range(int(seconds * RATE)):
        t = i / RATE
        env = math.exp(-t * decay) * min(1.0, i / attack)
        sample = sum(a * math.sin(2 * math.pi * f * t) for f, a in partials)
        frames.append(struct.pack("<h", int(32767 * volume * env * sample)))
    return b"".join(frames)


def write(name: str, data: bytes) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)
    print(f"wrote {OUT / name}")


if __name__ == "__main__":
    # E5 and B5 with a soft octave: a gentle bell
    write("chime.wav", tone([(659.3, 0.6), (987.8, 0.3), (1318.5, 0.1)], 0.9, 4.5, 0.35))
    write("count.wav", tone([(880.0, 0.8), (1760.0, 0.2)], 0.12, 30.0, 0.25))
