"""Regenerate chime.wav: a soft two-tone ding-dong (E5 then C5), 0.8 s, 44.1 kHz 16-bit mono.

Run: python app/resources/sounds/make_chime.py  (standard library only)
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
SECONDS = 0.8
PEAK = 0.6  # headroom: waiting-room speakers are often cheap and loud
# (start in seconds, fundamental in Hz): a falling major third, like a doorbell.
TONES = ((0.0, 659.25), (0.32, 523.25))
# Bell-like partials (relative frequency, relative amplitude, decay per second).
PARTIALS = ((1.0, 1.0, 4.5), (2.0, 0.35, 7.0), (3.0, 0.12, 10.0))
ATTACK = 0.006  # seconds of fade-in, so the start does not click
RELEASE = 0.06  # seconds of fade-out at the very end


def sample(t: float) -> float:
    """The chime's amplitude at time t (before scaling to PEAK)."""
    value = 0.0
    for start, freq in TONES:
        local = t - start
        if local < 0:
            continue
        attack = min(1.0, local / ATTACK)
        for ratio, amp, decay in PARTIALS:
            value += (
                attack
                * amp
                * math.exp(-decay * local)
                * math.sin(2 * math.pi * freq * ratio * local)
            )
    release = min(1.0, (SECONDS - t) / RELEASE)
    return value * max(0.0, release)


def render() -> list[float]:
    """All samples, normalised so the loudest one is PEAK."""
    samples = [sample(i / RATE) for i in range(int(RATE * SECONDS))]
    loudest = max(abs(s) for s in samples) or 1.0
    return [s / loudest * PEAK for s in samples]


def write(path: Path) -> None:
    """Write the chime as a 16-bit mono PCM WAV file."""
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in render())
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


if __name__ == "__main__":
    write(Path(__file__).with_name("chime.wav"))
