"""Offline speech through espeak-ng, where Qt's text-to-speech has no voice for a language."""

from __future__ import annotations

import os
import shutil
import wave

import pytest
from PySide6.QtCore import QObject

from app.services.office import visitor_texts
from app.ui.display import announcer as announcer_module
from app.ui.display import espeak as espeak_module
from app.ui.display.announcer import Announcer, SoundUnavailable, local_speech
from app.ui.display.espeak import EspeakSpeech, espeak_speech
from app.ui.display.voices import SpeechChain


def needs_espeak() -> None:
    if shutil.which("espeak-ng") is None:
        if os.environ.get("SERVICEDISK_CI"):
            pytest.fail("espeak-ng is missing (.ci/run installs Debian's espeak-ng)")
        pytest.skip("espeak-ng is not installed (Debian: apt-get install espeak-ng)")


def test_a_call_is_spoken_in_swedish_and_english_by_espeak(qtbot, tmp_path):
    """Each text becomes speech (written to a WAV here: CI has no loudspeaker)."""
    needs_espeak()
    parent = QObject()
    speech = espeak_speech(parent, output=tmp_path / "call.wav")
    assert {"sv", "en"} <= speech.languages
    for language, text in (("sv", "Nummer A012, lucka 3"), ("en", "Number A012, counter 3")):
        finished: list[bool] = []
        speech.say(text, language, lambda finished=finished: finished.append(True))
        qtbot.waitUntil(lambda finished=finished: finished == [True], timeout=10_000)
        with wave.open(str(tmp_path / "call.wav")) as sound:
            seconds = sound.getnframes() / sound.getframerate()
        assert 1.0 < seconds < 8.0, (language, seconds)  # a short sentence, said


def test_espeak_speaks_when_qt_has_no_swedish_voice(qtbot, monkeypatch):
    needs_espeak()

    def no_voice(_parent):
        raise SoundUnavailable("no text-to-speech engine with a Swedish voice")

    monkeypatch.setattr(announcer_module, "qt_speech", no_voice)
    monkeypatch.setattr(espeak_module, "no_loudspeaker", lambda: False)  # a PC that has one
    announcer = Announcer(lambda _p: None, local_speech)
    assert announcer.has_voice and isinstance(announcer._speech, EspeakSpeech)


def test_without_a_loudspeaker_espeak_does_not_claim_a_voice(qtbot, monkeypatch):
    needs_espeak()
    monkeypatch.setattr(espeak_module, "no_loudspeaker", lambda: True)
    with pytest.raises(SoundUnavailable, match="no audio output"):
        espeak_speech(QObject())


def test_neither_voice_leaves_the_display_silent_with_both_reasons(qtbot, monkeypatch, caplog):
    def no_voice(_parent):
        raise SoundUnavailable("no text-to-speech engine with a Swedish voice")

    monkeypatch.setattr(announcer_module, "qt_speech", no_voice)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setattr(announcer_module, "_logged", set())
    announcer = Announcer(lambda _p: None, local_speech)
    assert not announcer.has_voice
    said = " ".join(r.getMessage() for r in caplog.records)
    assert "no text-to-speech engine with a Swedish voice" in said and "no espeak-ng" in said


def test_a_missing_program_still_finishes_the_step(qtbot, tmp_path):
    """espeak-ng removed after start: the call moves on instead of waiting for ever."""
    parent = QObject()
    speech = EspeakSpeech(str(tmp_path / "gone"), {"sv": "sv"}, parent)
    finished: list[bool] = []
    speech.say("Nummer A 1, lucka 1", "sv", lambda: finished.append(True))
    qtbot.waitUntil(lambda: finished == [True], timeout=5000)


def wav_seconds(path) -> float:
    with wave.open(str(path)) as sound:
        return sound.getnframes() / sound.getframerate()


@pytest.mark.parametrize("language", ["ar", "fa", "uk"])
def test_espeak_says_a_call_in_arabic_persian_and_ukrainian(qtbot, tmp_path, language):
    """The visitor texts' own call sentence, said by the voice their file names."""
    needs_espeak()
    parent = QObject()  # the process lives as long as its parent
    speech = espeak_speech(parent, output=tmp_path / "call.wav")
    assert language in speech.languages
    texts = visitor_texts.load(language)
    sentence = texts.text("call_spoken", code="A012", point=texts.text("point", number=3))
    finished: list[bool] = []
    speech.say(sentence, language, lambda: finished.append(True))
    qtbot.waitUntil(lambda: finished == [True], timeout=10_000)
    assert 1.0 < wav_seconds(tmp_path / "call.wav") < 10.0


def test_each_utterance_may_have_a_voice_of_its_own(qtbot, tmp_path):
    needs_espeak()
    parent = QObject()
    speech = EspeakSpeech("espeak-ng", {"sv": "sv"}, parent, output=tmp_path / "x.wav")
    finished: list[bool] = []
    speech.say("Номер A 12", "sv", lambda: finished.append(True), voice="uk")
    assert speech._process.arguments()[:2] == ["-v", "uk"]
    qtbot.waitUntil(lambda: finished == [True], timeout=10_000)
    speech.say("Nummer A 12", "sv", lambda: finished.append(True))
    assert speech._process.arguments()[:2] == ["-v", "sv"]
    qtbot.waitUntil(lambda: finished == [True, True], timeout=10_000)


def test_the_visitor_files_name_the_voices_and_somali_and_tigrinya_have_none():
    choices = espeak_module.voice_choices()
    assert choices["sv"][0] == "sv" and choices["en"][0] == "en-gb"
    for language in ("ar", "fa", "uk"):
        assert visitor_texts.load(language).speech in choices[language]
    assert "so" not in choices and "ti" not in choices


class QtVoices:
    """Stands in for Qt's text-to-speech with a Swedish and an English voice."""

    languages = frozenset({"sv", "en"})

    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text, language, done) -> None:
        self.said.append(language)
        done()


def test_beside_qts_swedish_voice_espeak_speaks_the_other_languages(qtbot, monkeypatch):
    needs_espeak()
    qt = QtVoices()
    monkeypatch.setattr(announcer_module, "qt_speech", lambda _parent: qt)
    monkeypatch.setattr(espeak_module, "no_loudspeaker", lambda: False)
    parent = QObject()
    speech = local_speech(parent)
    assert isinstance(speech, SpeechChain)
    assert {"sv", "en", "ar", "fa", "uk"} <= speech.languages
    assert not {"so", "ti"} & speech.languages
    speech.say("Nummer A 1, lucka 1", "sv", lambda: None)
    assert qt.said == ["sv"]  # Qt's voice first, where it has one


def test_without_espeak_qts_voices_are_all_there_is(qtbot, monkeypatch):
    qt = QtVoices()
    monkeypatch.setattr(announcer_module, "qt_speech", lambda _parent: qt)
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    assert local_speech(QObject()) is qt
