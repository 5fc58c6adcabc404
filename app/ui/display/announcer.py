"""The waiting-room sound: a chime, then the call spoken in Swedish and the visitor's language.

Announcements are queued and played one after the other: none is dropped and
none overlaps another (FQM#265). Each step waits for its backend to say it
has finished, with a safety timer so a stuck audio backend never blocks the
queue for good.

QtMultimedia and QtTextToSpeech are loaded only when sound is first needed:
on a PC without a sound system (no libpulse, no audio device, no Swedish
voice in Qt and no espeak-ng) the display works silently and says so once in
the log. Speech is Qt's where it has a voice for the language, else espeak-ng's
(:mod:`app.ui.display.espeak`); a visitor language with neither is said once in
the log and through :attr:`Announcer.voice_missing`. Nothing here needs the internet.
What is said for a call is :func:`app.ui.display.speaking.call_texts`.
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from app.config import RESOURCES_DIR
from app.ui.display.speaking import ALWAYS_SPOKEN, call_texts

log = logging.getLogger(__name__)

CHIME_PATH = RESOURCES_DIR / "sounds" / "chime.wav"
CHIME_VOLUME = 0.8
CHIME_TIMEOUT_MS = 4000
SPEECH_TIMEOUT_MS = 4000  # plus SPEECH_MS_PER_CHAR for each character spoken
SPEECH_MS_PER_CHAR = 150
# Qt ships a silent "mock" engine for its own tests; it must never count as a voice.
IGNORED_ENGINES = frozenset({"mock"})

Done = Callable[[], None]

# Keys of messages already logged: "once per process", so a display that is
# reopened (or a second one) does not repeat that the PC has no sound.
_logged: set[str] = set()


def _log_once(key: str, level: int, message: str, *args: object) -> None:
    if key not in _logged:
        _logged.add(key)
        log.log(level, message, *args)


class SoundUnavailable(RuntimeError):
    """A sound backend cannot work on this PC (the reason is the message)."""


@dataclass(frozen=True)
class Announcement:
    """One call to announce: the ticket code, the service point's number, the visitor's language."""

    code: str
    point_number: int
    recall: bool = False
    language: str | None = None  # the called visitor's language (a catalog code), if chosen

    @property
    def swedish(self) -> str:
        """What is said in Swedish: "Nummer A012, lucka 3"."""
        return f"Nummer {self.code}, lucka {self.point_number}"

    @property
    def english(self) -> str:
        """What is said in English: "Number A012, counter 3"."""
        return f"Number {self.code}, counter {self.point_number}"


@dataclass(frozen=True)
class Saying:
    """Sentences to say without a chime (the "tell me" key): (language, text), in order."""

    texts: tuple[tuple[str, str], ...]


class ChimeBackend(Protocol):
    """Plays the chime and calls done when it has finished (or failed)."""

    def play(self, done: Done) -> None:
        """Start the chime."""
        ...


class SpeechBackend(Protocol):
    """Speaks a text in a language and calls done when it has finished (or failed)."""

    languages: frozenset[str]  # "sv", "en", "ar"…: the languages it has a voice for

    def say(self, text: str, language: str, done: Done) -> None:
        """Start speaking."""
        ...


ChimeFactory = Callable[[QObject], ChimeBackend | None]
SpeechFactory = Callable[[QObject], SpeechBackend | None]


# ---------------------------------------------------------------- Qt backends


class QtChime:
    """The chime through QSoundEffect (loaded lazily, by qt_chime)."""

    def __init__(self, effect: Any) -> None:
        self._effect = effect
        self._done: Done | None = None
        effect.playingChanged.connect(self._on_playing_changed)
        effect.statusChanged.connect(self._on_status_changed)

    def play(self, done: Done) -> None:
        """Start the chime; a WAV still loading starts as soon as it is loaded."""
        self._done = done
        self._effect.play()
        self._on_status_changed()  # a file that failed to load never signals again

    def _on_playing_changed(self) -> None:
        if not self._effect.isPlaying():
            self._finish()

    def _on_status_changed(self) -> None:
        if self._effect.status() == type(self._effect).Status.Error:
            _log_once("chime-error", logging.WARNING, "the chime could not be played")
            self._finish()

    def _finish(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()


def qt_chime(parent: QObject, path: Path = CHIME_PATH) -> ChimeBackend:
    """A chime backend on QtMultimedia; raises when there is no way to play it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    if not path.is_file():
        raise SoundUnavailable(f"chime file missing: {path}")
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        raise SoundUnavailable("no audio output device")
    effect = QSoundEffect(device, parent)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    effect.setVolume(CHIME_VOLUME)
    return QtChime(effect)


def spoken(text: str) -> str:
    """Codes as people say them: "A012" → "A 12" (no voice reads leading zeros well)."""
    return re.sub(r"\b([A-Z])0*(\d+)\b", r"\1 \2", text)


class QtSpeech:
    """Speech through QTextToSpeech on an engine that has a Swedish voice (and maybe others)."""

    def __init__(self, tts: Any, locales: dict[str, Any]) -> None:
        self._tts = tts
        self._locales = locales
        self.languages = frozenset(locales)
        self._done: Done | None = None
        self._started = False
        tts.stateChanged.connect(self._on_state_changed)

    def set_volume(self, volume: float) -> None:
        """How loud, 0 to 1 (a kiosk's visitor sets it with the keypad)."""
        self._tts.setVolume(max(0.0, min(1.0, volume)))

    def say(self, text: str, language: str, done: Done) -> None:
        """Speak text with the voice of the language."""
        self._done, self._started = done, False
        self._tts.setLocale(self._locales[language])
        self._tts.say(spoken(text))
        if self._tts.state() == type(self._tts).State.Error:
            _log_once("speech-error", logging.WARNING, "speech failed: %s", self._tts.errorString())
            self._finish()

    def _on_state_changed(self, state: Any) -> None:
        states = type(self._tts).State
        if state in (states.Speaking, states.Synthesizing):
            self._started = True
        elif state == states.Error or (state == states.Ready and self._started):
            self._finish()

    def _finish(self) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()


def qt_speech(parent: QObject) -> SpeechBackend:
    """A speech backend on the first local engine with a Swedish voice; raises if none.

    It speaks, besides Swedish and English, every visitor language its engine has a voice for.
    """
    from PySide6.QtCore import QLocale
    from PySide6.QtTextToSpeech import QTextToSpeech

    from app.services.office.visitor_texts import available

    others = {QLocale(code).language(): code for code in available() if code not in ("sv", "en")}
    for engine in QTextToSpeech.availableEngines():
        if engine in IGNORED_ENGINES:
            continue
        tts = QTextToSpeech(engine, parent)
        if tts.state() == QTextToSpeech.State.Error:
            tts.deleteLater()
            continue
        locales: dict[str, Any] = {}
        for locale in tts.availableLocales():
            language = locale.language()
            if language == QLocale.Language.Swedish:
                locales.setdefault("sv", locale)
            # English: a British voice if there is one, else the first.
            elif language == QLocale.Language.English and (
                "en" not in locales or locale.territory() == QLocale.Country.UnitedKingdom
            ):
                locales["en"] = locale
            elif language in others:
                locales.setdefault(others[language], locale)
        if "sv" in locales:
            log.info("speaking calls with the %s text-to-speech engine", engine)
            return QtSpeech(tts, locales)
        tts.deleteLater()
    raise SoundUnavailable("no text-to-speech engine with a Swedish voice")


def local_speech(parent: QObject) -> SpeechBackend:
    """Qt's text-to-speech where it has a Swedish voice; else espeak-ng, offline; else raises.

    Beside Qt's voices, espeak-ng speaks the visitor languages Qt has no voice for.
    """
    from app.ui.display.espeak import espeak_speech
    from app.ui.display.voices import SpeechChain

    try:
        qt = qt_speech(parent)
    except Exception as qt_failed:  # ImportError, no engine, no Swedish voice
        try:
            return espeak_speech(parent)
        except SoundUnavailable as exc:
            raise SoundUnavailable(f"{qt_failed}; {exc}") from exc
    try:
        espeak = espeak_speech(parent, swedish_needed=False)
    except SoundUnavailable as exc:
        log.info("no espeak-ng beside Qt's voices: %s", exc)
        return qt
    if espeak.languages <= qt.languages:
        return qt
    return SpeechChain((qt, espeak))


# ---------------------------------------------------------------- the queue


class Announcer(QObject):
    """Plays queued announcements one at a time: chime, Swedish, then the visitor's language."""

    started = Signal(object)  # Announcement or Saying
    finished = Signal(object)  # Announcement or Saying
    voice_missing = Signal(str)  # a visitor language this PC has no voice for (once each)

    def __init__(
        self,
        chime_factory: ChimeFactory = qt_chime,
        speech_factory: SpeechFactory = local_speech,
        *,
        english: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._chime_factory, self._speech_factory = chime_factory, speech_factory
        self._english = english
        self._loaded = False
        self._chime: ChimeBackend | None = None
        self._speech: SpeechBackend | None = None
        self._queue: deque[Announcement | Saying] = deque()
        self._current: Announcement | Saying | None = None
        self._missing: set[str] = set()
        self._steps: deque[tuple[Callable[[Done], None], int]] = deque()
        self._waiting_for: int | None = None  # token of the step that is playing
        self._token = 0
        self._pumping = False
        self._safety = QTimer(self)
        self._safety.setSingleShot(True)
        self._safety.timeout.connect(self._on_safety_timeout)

    @property
    def pending(self) -> int:
        """Announcements not yet finished, the one playing included."""
        return len(self._queue) + (self._current is not None)

    @property
    def has_sound(self) -> bool:
        """Whether anything can be heard (after loading)."""
        self.prepare()
        return self._chime is not None or self._speech is not None

    @property
    def has_voice(self) -> bool:
        """Whether the calls are read out (a Swedish voice), after loading."""
        self.prepare()
        return self._speech is not None

    def prepare(self) -> None:
        """Load the sound backends now (else on the first announcement)."""
        if self._loaded:
            return
        self._loaded = True
        reasons: list[str] = []
        self._chime = self._load(self._chime_factory, "chime", reasons)
        self._speech = self._load(self._speech_factory, "speech", reasons)
        if reasons:
            level = logging.INFO if self._chime or self._speech else logging.WARNING
            heard = "chime only" if self._chime else "speech only" if self._speech else "no sound"
            _log_once("sound", level, "announcements: %s (%s)", heard, "; ".join(reasons))

    def _load(self, factory: Callable[[QObject], Any], what: str, reasons: list[str]) -> Any:
        try:
            backend = factory(self)
        except Exception as exc:  # ImportError, OSError (libpulse), no device, no voice…
            reasons.append(f"{what} unavailable: {exc}")
            return None
        return backend  # None: switched off on purpose, nothing to report

    @property
    def missing_voices(self) -> frozenset[str]:
        """Visitor languages a call or a telling could not be said in (no voice on this PC)."""
        return frozenset(self._missing)

    def announce(
        self, code: str, point_number: int, *, recall: bool = False, language: str | None = None
    ) -> None:
        """Queue an announcement; it plays when those before it have finished."""
        self._queue.append(Announcement(code, point_number, recall, language))
        self._pump()

    def say(self, texts: Sequence[tuple[str, str]]) -> None:
        """Queue sentences, (language, text), without a chime; never over an announcement."""
        self._queue.append(Saying(tuple(texts)))
        self._pump()

    # A loop rather than recursion: a backend may call done at once.
    def _pump(self) -> None:
        if self._pumping:
            return
        self._pumping = True
        try:
            while self._step():
                pass
        finally:
            self._pumping = False

    def _step(self) -> bool:
        """Move the queue on by one step; False when it must wait (or is idle)."""
        if self._waiting_for is not None:
            return False
        if self._steps:
            self._start(*self._steps.popleft())
            return True
        if self._current is not None:
            done, self._current = self._current, None
            self.finished.emit(done)
            return True
        if self._queue:
            self.prepare()
            self._current = self._queue.popleft()
            self._steps.extend(self._plan(self._current))
            self.started.emit(self._current)
            return True
        return False

    def _plan(self, item: Announcement | Saying) -> list[tuple[Callable[[Done], None], int]]:
        steps: list[tuple[Callable[[Done], None], int]] = []
        chime, speech = self._chime, self._speech
        if isinstance(item, Saying):
            texts = list(item.texts)
        else:
            if chime is not None:
                steps.append((chime.play, CHIME_TIMEOUT_MS))
            texts = call_texts(
                item.code,
                item.point_number,
                item.language,
                swedish=item.swedish,
                english=item.english,
                always_english=self._english,
            )
        if speech is None:
            return steps  # nothing speaks at all: the display says so already
        for language, text in texts:
            if language in speech.languages:
                timeout = SPEECH_TIMEOUT_MS + SPEECH_MS_PER_CHAR * len(text)
                steps.append((_say(speech, text, language), timeout))
            elif language not in ALWAYS_SPOKEN:
                self._voice_missing(language)
        return steps

    def _voice_missing(self, language: str) -> None:
        _log_once(
            f"voice-{language}",
            logging.WARNING,
            "no voice for the visitor language %r on this PC (neither Qt's nor espeak-ng's):"
            " calls and answers to its speakers are said in Swedish only",
            language,
        )
        if language not in self._missing:
            self._missing.add(language)
            self.voice_missing.emit(language)

    def _start(self, action: Callable[[Done], None], timeout_ms: int) -> None:
        self._token += 1
        token = self._waiting_for = self._token
        self._safety.start(timeout_ms)
        try:
            action(lambda: self._on_step_done(token))
        except Exception as exc:  # a broken backend must not stop the display
            _log_once("backend-error", logging.WARNING, "sound backend failed: %s", exc)
            self._on_step_done(token)

    def _on_step_done(self, token: int) -> None:
        if token != self._waiting_for:
            return  # a late signal from a step the safety timer already gave up on
        self._safety.stop()
        self._waiting_for = None
        self._pump()

    def _on_safety_timeout(self) -> None:
        if self._waiting_for is None:
            return
        _log_once("stuck", logging.WARNING, "a sound did not finish in time; moving on")
        self._waiting_for = None
        self._pump()


def _say(speech: SpeechBackend, text: str, language: str) -> Callable[[Done], None]:
    return lambda done: speech.say(text, language, done)


def silent_announcer(parent: QObject | None = None) -> Announcer:
    """An announcer that plays nothing (for tests and screenshots)."""
    return Announcer(lambda _p: None, lambda _p: None, parent=parent)
