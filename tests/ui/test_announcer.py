"""The announcer: chime then speech, queued, never dropped, never overlapping, silent if it must."""

from __future__ import annotations

import enum
import logging
import runpy
import wave

import pytest
from PySide6.QtCore import QObject, Signal

from app.ui.display import announcer as announcer_module
from app.ui.display.announcer import CHIME_PATH, Announcer, QtChime, QtSpeech, spoken
from tests.conftest import import_or_skip


class FakeSound:
    """A chime and a voice in one: records what plays; finish() ends what is playing."""

    def __init__(self, languages: frozenset[str] = frozenset({"sv", "en"})) -> None:
        self.languages = languages
        self.played: list[str] = []
        self._playing = None

    def play(self, done) -> None:
        self._start("chime", done)

    def say(self, text: str, language: str, done) -> None:
        self._start(f"{language}: {text}", done)

    def _start(self, what: str, done) -> None:
        assert self._playing is None, f"{what} started while another sound was playing"
        self.played.append(what)
        self._playing = done

    @property
    def playing(self) -> bool:
        return self._playing is not None

    def finish(self) -> None:
        done, self._playing = self._playing, None
        assert done is not None, "nothing is playing"
        done()

    def finish_all(self) -> None:
        while self.playing:
            self.finish()


@pytest.fixture(autouse=True)
def fresh_log_once(monkeypatch):
    """'Once per process' starts afresh in every test."""
    monkeypatch.setattr(announcer_module, "_logged", set())


@pytest.fixture
def sound() -> FakeSound:
    return FakeSound()


@pytest.fixture
def announcer(qapp, sound) -> Announcer:
    return Announcer(lambda _parent: sound, lambda _parent: sound)


def test_chime_then_swedish_then_english_each_after_the_last_has_finished(announcer, sound):
    announcer.announce("A012", 3)
    assert sound.played == ["chime"]
    sound.finish()
    assert sound.played == ["chime", "sv: Nummer A012, lucka 3"]
    sound.finish()
    assert sound.played[-1] == "en: Number A012, counter 3"
    sound.finish()
    assert not sound.playing
    assert announcer.pending == 0


def test_calls_in_quick_succession_are_all_announced_in_order_without_overlap(announcer, sound):
    finished = []
    announcer.finished.connect(lambda item: finished.append(item.code))
    announcer.announce("A001", 1)
    announcer.announce("B001", 2)
    announcer.announce("C001", 3)
    assert announcer.pending == 3
    assert sound.played == ["chime"]  # the others wait their turn
    sound.finish_all()
    swedish = [p for p in sound.played if p.startswith("sv:")]
    assert swedish == [
        "sv: Nummer A001, lucka 1",
        "sv: Nummer B001, lucka 2",
        "sv: Nummer C001, lucka 3",
    ]
    assert sound.played.count("chime") == 3
    assert finished == ["A001", "B001", "C001"]


def test_a_call_arriving_while_one_is_spoken_waits_its_turn(announcer, sound):
    announcer.announce("A001", 1)
    sound.finish()  # chime done, Swedish playing
    announcer.announce("A002", 2)
    assert sound.played == ["chime", "sv: Nummer A001, lucka 1"]
    sound.finish_all()
    assert sound.played[3:] == ["chime", "sv: Nummer A002, lucka 2", "en: Number A002, counter 2"]


def test_english_can_be_left_out(qapp, sound):
    announcer = Announcer(lambda _p: sound, lambda _p: sound, english=False)
    announcer.announce("B004", 5)
    sound.finish_all()
    assert sound.played == ["chime", "sv: Nummer B004, lucka 5"]


def test_without_an_english_voice_only_swedish_is_spoken(qapp):
    sound = FakeSound(languages=frozenset({"sv"}))
    announcer = Announcer(lambda _p: sound, lambda _p: sound)
    announcer.announce("B004", 5)
    sound.finish_all()
    assert sound.played == ["chime", "sv: Nummer B004, lucka 5"]


def test_a_stuck_backend_does_not_block_the_queue(qtbot, monkeypatch, announcer, sound):
    monkeypatch.setattr(announcer_module, "CHIME_TIMEOUT_MS", 20)
    announcer.announce("A001", 1)
    stuck_done = sound._playing
    sound._playing = None  # the backend never reports that the chime ended
    qtbot.waitUntil(lambda: sound.played[-1] == "sv: Nummer A001, lucka 1")
    stuck_done()  # a late signal from the abandoned chime changes nothing
    assert sound.played[-1] == "sv: Nummer A001, lucka 1"
    assert sound.playing
    sound.finish_all()


def test_a_backend_that_raises_is_skipped(qapp, caplog):
    class Broken:
        languages = frozenset({"sv"})

        def play(self, done):
            raise RuntimeError("device vanished")

        def say(self, text, language, done):
            raise RuntimeError("device vanished")

    announcer = Announcer(lambda _p: Broken(), lambda _p: Broken())
    with caplog.at_level(logging.WARNING, logger="app.ui.display.announcer"):
        announcer.announce("A001", 1)
        announcer.announce("A002", 1)
    assert announcer.pending == 0
    assert len(caplog.records) == 1


def test_when_sound_cannot_load_it_says_so_once_and_announcing_still_works(qapp, caplog):
    def cannot_load(_parent):
        raise ImportError("libpulse.so.0: cannot open shared object file")

    finished = []
    with caplog.at_level(logging.INFO, logger="app.ui.display.announcer"):
        first = Announcer(cannot_load, cannot_load)
        first.finished.connect(lambda item: finished.append(item.code))
        first.announce("A001", 1)
        first.announce("A002", 2)
        second = Announcer(cannot_load, cannot_load)  # a display opened again
        second.announce("A003", 3)
    assert finished == ["A001", "A002"]
    assert second.pending == 0
    assert len(caplog.records) == 1
    assert "libpulse" in caplog.records[0].getMessage()
    assert not first.has_sound


def test_chime_only_when_there_is_no_swedish_voice(qapp, sound, caplog):
    def no_voice(_parent):
        raise announcer_module.SoundUnavailable("no text-to-speech engine with a Swedish voice")

    with caplog.at_level(logging.INFO, logger="app.ui.display.announcer"):
        announcer = Announcer(lambda _p: sound, no_voice)
        announcer.announce("C002", 4)
    sound.finish_all()
    assert sound.played == ["chime"]
    assert "chime only" in caplog.records[0].getMessage()


def test_codes_are_spoken_the_way_people_say_them():
    assert spoken("Nummer A012, lucka 3") == "Nummer A 12, lucka 3"
    assert spoken("Number D100, counter 12") == "Number D 100, counter 12"


def test_the_chime_is_a_short_cd_quality_wav_that_the_script_rebuilds(tmp_path):
    with wave.open(str(CHIME_PATH)) as chime:
        assert chime.getframerate() == 44_100
        assert chime.getsampwidth() == 2
        assert 0.6 <= chime.getnframes() / chime.getframerate() <= 1.0
    script = runpy.run_path(str(CHIME_PATH.with_name("make_chime.py")))
    rebuilt = tmp_path / "chime.wav"
    script["write"](rebuilt)
    assert rebuilt.read_bytes() == CHIME_PATH.read_bytes()


class FakeEffect(QObject):
    """Stands in for QSoundEffect: the same signals, a status and a playing flag."""

    class Status(enum.Enum):
        Ready = 1
        Error = 3

    playingChanged = Signal()
    statusChanged = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.playing, self.state, self.plays = False, self.Status.Ready, 0

    def play(self) -> None:
        self.plays += 1
        self.playing = True
        self.playingChanged.emit()

    def isPlaying(self) -> bool:
        return self.playing

    def status(self):
        return self.state

    def end(self) -> None:
        self.playing = False
        self.playingChanged.emit()


class FakeTts(QObject):
    """Stands in for QTextToSpeech: records locale and text, reports its state."""

    class State(enum.Enum):
        Ready = 0
        Speaking = 1
        Paused = 2
        Error = 3
        Synthesizing = 4

    stateChanged = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.said: list[tuple[str, str]] = []
        self.locale = ""
        self._state = self.State.Ready

    def setLocale(self, locale: str) -> None:
        self.locale = locale

    def say(self, text: str) -> None:
        self.said.append((self.locale, text))

    def state(self):
        return self._state

    def move(self, state) -> None:
        self._state = state
        self.stateChanged.emit(state)


def test_the_qt_chime_reports_done_when_playing_stops_or_fails(qapp):
    effect, done = FakeEffect(), []
    chime = QtChime(effect)
    chime.play(lambda: done.append("chime"))
    assert effect.plays == 1 and done == []
    effect.end()
    assert done == ["chime"]
    chime.play(lambda: done.append("again"))
    effect.state = effect.Status.Error
    effect.statusChanged.emit()
    effect.end()  # the end after the error does not report twice
    assert done == ["chime", "again"]


def test_the_qt_voice_speaks_codes_readably_and_reports_done_after_speaking(qapp):
    tts, done = FakeTts(), []
    speech = QtSpeech(tts, {"sv": "sv_SE", "en": "en_GB"})
    assert speech.languages == {"sv", "en"}
    speech.say("Nummer A012, lucka 3", "sv", lambda: done.append("sv"))
    assert tts.said == [("sv_SE", "Nummer A 12, lucka 3")]
    tts.move(tts.State.Ready)  # not started yet: not done either
    assert done == []
    tts.move(tts.State.Speaking)
    tts.move(tts.State.Ready)
    assert done == ["sv"]
    speech.say("Number A012, counter 3", "en", lambda: done.append("en"))
    tts.move(tts.State.Error)
    assert done == ["sv", "en"]
    assert tts.said[-1] == ("en_GB", "Number A 12, counter 3")


def test_qts_silent_mock_engine_never_counts_as_a_voice(qapp, monkeypatch):
    speech_module = import_or_skip("PySide6.QtTextToSpeech")
    monkeypatch.setattr(
        speech_module.QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"])
    )
    with pytest.raises(announcer_module.SoundUnavailable):
        announcer_module.qt_speech(QObject())
