"""Speech through espeak-ng: offline, on any PC, where Qt's text-to-speech has no voice.

Qt's engines depend on what the operating system offers (speech-dispatcher on
Linux, SAPI or WinRT voices on Windows), and many PCs have no Swedish voice at
all, and fewer an Arabic or Ukrainian one. espeak-ng (Debian's ``espeak-ng``; an
installer on Windows) speaks Swedish, English, Arabic, Persian and Ukrainian from
its own data, without the internet (not Somali or Tigrinya). Its voice is plainer
than a commercial one, but a call that is heard beats one that is not. Each text is
one ``espeak-ng`` process, run by QProcess, so the window never waits for it.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess

from app.ui.display.announcer import Done, SoundUnavailable, spoken

log = logging.getLogger(__name__)

PROGRAMS = ("espeak-ng", "espeak")
# Our language codes → the espeak-ng voices to try, best first. A visitor language's
# own file names its voice too (its "speech" field): that one comes after these.
VOICES = {"sv": ("sv",), "en": ("en-gb", "en"), "ar": ("ar",), "fa": ("fa",), "uk": ("uk",)}
WORDS_PER_MINUTE = 150  # a little slower than espeak-ng's 175: a waiting room is no studio


def installed_voices(program: str) -> set[str]:
    """The language codes of the voices an espeak program has (``--voices``, second column)."""
    listed = subprocess.run(
        [program, "--voices"], capture_output=True, text=True, timeout=10, check=True
    ).stdout
    return {line.split()[1] for line in listed.splitlines()[1:] if len(line.split()) > 1}


class EspeakSpeech:
    """A speech backend that runs espeak-ng once per text; done when the process ends."""

    def __init__(
        self, program: str, voices: dict[str, str], parent: QObject, output: Path | None = None
    ) -> None:
        self._program, self._voices, self._output = program, voices, output
        self.languages = frozenset(voices)
        self._done: Done | None = None
        self._process = QProcess(parent)
        self._process.finished.connect(self._finish)
        self._process.errorOccurred.connect(self._on_error)

    amplitude = 100  # espeak-ng's own scale, 0 to 200; 100 is its default

    def set_volume(self, volume: float) -> None:
        """How loud, 0 to 1 (espeak-ng's amplitude 0 to 200, 0.5 its default)."""
        self.amplitude = round(max(0.0, min(1.0, volume)) * 200)

    def say(self, text: str, language: str, done: Done, *, voice: str | None = None) -> None:
        """Speak the text with the language's voice, or ``voice`` (an espeak-ng voice code).

        Each text is a process of its own, so each may have its own voice. With
        ``output`` the speech is written to that WAV file instead (for tests).
        """
        self._done = done
        arguments = ["-v", voice or self._voices[language], "-s", str(WORDS_PER_MINUTE)]
        arguments += ["-a", str(self.amplitude)]
        if self._output is not None:
            arguments += ["-w", str(self._output)]
        self._process.start(self._program, [*arguments, "--", spoken(text)])

    def _on_error(self, error: Any) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            log.warning("espeak-ng could not start: %s", self._process.errorString())
            self._finish()

    def _finish(self, *_args: object) -> None:
        done, self._done = self._done, None
        if done is not None:
            done()


def no_loudspeaker() -> bool:
    """Whether Qt sees no audio output at all (not known without QtMultimedia: then False)."""
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # no libpulse: espeak-ng may still reach ALSA itself
        return False
    return bool(QMediaDevices.defaultAudioOutput().isNull())


def voice_choices() -> dict[str, tuple[str, ...]]:
    """Per language code, the espeak-ng voices to try: ours, then each visitor file's own."""
    from app.services.office.visitor_texts import available, load

    choices = dict(VOICES)
    for code in available():
        voice = load(code).speech
        if voice:
            choices[code] = (*choices.get(code, ()), voice)
    return choices


def espeak_speech(
    parent: QObject, output: Path | None = None, *, swedish_needed: bool = True
) -> EspeakSpeech:
    """A speech backend on espeak-ng with a Swedish voice; raises when there is none, or
    nothing to hear it through (``output``: a WAV file instead, for tests).

    ``swedish_needed`` False: a backend for the other languages, beside Qt's Swedish voice.
    """
    program = next((found for p in PROGRAMS if (found := shutil.which(p))), None)
    if program is None:
        raise SoundUnavailable("no espeak-ng for offline speech")
    if output is None and no_loudspeaker():
        raise SoundUnavailable("no audio output device for espeak-ng")
    try:
        have = installed_voices(program)
    except (OSError, subprocess.SubprocessError) as exc:
        raise SoundUnavailable(f"espeak-ng did not list its voices: {exc}") from exc
    voices = {
        language: voice
        for language, choices in voice_choices().items()
        if (voice := next((v for v in choices if v in have), None))
    }
    if swedish_needed and "sv" not in voices:
        raise SoundUnavailable("espeak-ng has no Swedish voice")
    if not voices:
        raise SoundUnavailable("espeak-ng has no voice for any visitor language")
    log.info("speaking calls with espeak-ng (%s)", ", ".join(sorted(voices)))
    return EspeakSpeech(program, voices, parent, output)
