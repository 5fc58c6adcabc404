"""The kiosk's voice: what is on screen, read aloud in the visitor's language.

One utterance at a time through the display's speech backends (Qt's text-to-
speech where it has a voice, else espeak-ng, offline). Saying something new
drops what was still waiting to be said (a visitor who moves on does not want
the last page read to the end). A language without a voice is said once in
the log; the kiosk asks :meth:`KioskVoice.has` first and reads the English text
instead, so a visitor who cannot see the screen still hears something.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

SAFETY_MS = 20_000  # a backend that never says it is done: go on after this
SpeechFactory = Callable[[QObject], Any]


class KioskVoice(QObject):
    """Reads texts aloud, one at a time; ``spoken`` tells what was said (tests, the log)."""

    spoken = Signal(str, str)  # text, language

    def __init__(self, factory: SpeechFactory | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._backend: Any = None
        self._loaded = False
        self._queue: deque[tuple[str, str]] = deque()
        self._busy = False
        self._token = 0
        self._missing: set[str] = set()
        self._safety = QTimer(self)
        self._safety.setSingleShot(True)
        self._safety.setInterval(SAFETY_MS)
        self._safety.timeout.connect(self._next)

    @property
    def available(self) -> bool:
        """Whether anything can be heard at all."""
        return self._load() is not None

    def languages(self) -> frozenset[str]:
        """The languages it has a voice for."""
        backend = self._load()
        return frozenset(getattr(backend, "languages", frozenset())) if backend else frozenset()

    def has(self, language: str) -> bool:
        """Whether it can say something in that language (said once in the log when not)."""
        if language in self.languages():
            return True
        if language not in self._missing:
            self._missing.add(language)
            log.warning("no voice for %r on this kiosk: its texts are read in English", language)
        return False

    def say(self, parts: list[tuple[str, str]], *, interrupt: bool = True) -> None:
        """Say each (text, language) in turn; by default instead of what still waits."""
        if interrupt:
            self._queue.clear()
        self._queue.extend((text, language) for text, language in parts if text.strip())
        if not self._busy:
            self._next()

    volume = 0.5  # 0 to 1: the engine's own middle, until the visitor changes it

    def louder(self, step: float) -> float:
        """Change the volume by ``step`` (the keypad's + and -); the volume now."""
        self.volume = max(0.1, min(1.0, self.volume + step))
        setter = getattr(self._load(), "set_volume", None)
        if setter is not None:
            setter(self.volume)
        return self.volume

    def stop(self) -> None:
        """Say nothing more of what waits."""
        self._queue.clear()

    def _load(self) -> Any:
        if not self._loaded:
            self._loaded = True
            factory = self._factory
            if factory is None:
                from app.ui.display.announcer import local_speech

                factory = local_speech
            try:
                self._backend = factory(self)
            except Exception as exc:  # no engine, no voice, no sound system
                log.warning("the kiosk cannot speak: %s", exc)
                self._backend = None
        return self._backend

    def _next(self) -> None:
        self._safety.stop()
        self._busy = False
        backend = self._load()
        while self._queue:
            text, language = self._queue.popleft()
            self.spoken.emit(text, language)
            if backend is None or language not in backend.languages:
                continue
            self._busy = True
            self._token += 1
            token = self._token
            self._safety.start()
            backend.say(text, language, lambda token=token: self._done(token))
            return

    def _done(self, token: int) -> None:
        if token == self._token:
            QTimer.singleShot(0, self._next)
