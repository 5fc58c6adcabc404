"""Several speech backends as one: each language said by the first that has a voice for it.

Qt's text-to-speech speaks with the system's voices (often good ones for Swedish
and English); espeak-ng speaks many more languages, plainly. Chained, a call is
said in Swedish by the better voice and in Arabic, Persian or Ukrainian by
whichever has one.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.ui.display.announcer import Done, SpeechBackend


class SpeechChain:
    """Speech backends in order of preference, speaking as one."""

    def __init__(self, backends: Sequence[SpeechBackend]) -> None:
        self._backends = tuple(backends)
        self.languages: frozenset[str] = frozenset().union(*(b.languages for b in backends))

    def set_volume(self, volume: float) -> None:
        """How loud, 0 to 1, for every backend that can be told."""
        for backend in self._backends:
            setter = getattr(backend, "set_volume", None)
            if setter is not None:
                setter(volume)

    def say(self, text: str, language: str, done: Done) -> None:
        """Speak with the first backend that has a voice for the language."""
        backend = next(b for b in self._backends if language in b.languages)
        backend.say(text, language, done)
