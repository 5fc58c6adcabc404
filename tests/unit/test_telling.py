"""The "tell me" answer: where a typed ticket stands, said in its language and in Swedish."""

from __future__ import annotations

import pytest

from app.services.queue import calling as q
from app.services.queue.telling import (
    Kind,
    Telling,
    normalised,
    status_of,
    tell,
    tell_texts,
    told_languages,
)
from app.services.queue.views import ahead_of, estimate_minutes_for


def issue(desk, letter: str, language: str | None = None) -> str:
    return q.issue_ticket(desk, letter, language=language).code


def test_a_waiting_ticket_tells_the_people_ahead_and_the_wait(desk):
    issue(desk, "A")
    issue(desk, "B")  # another queue: not ahead
    issue(desk, "A")
    code = issue(desk, "A", "ar")
    snapshot = q.snapshot(desk)
    telling = status_of(snapshot, code)
    assert telling == Telling(
        Kind.WAITING,
        "A003",
        ahead=2,
        minutes=estimate_minutes_for(snapshot, "A003"),
        language="ar",
    )
    assert ahead_of(snapshot, "A003") == 2
    assert telling.minutes is not None and telling.minutes > 0
    swedish = tell(telling, "sv")
    assert swedish == f"Nummer A003. Före dig i kön: 2. Väntetid ungefär {telling.minutes} minuter."
    assert "2" in tell(telling, "ar") and "A003" in tell(telling, "ar")


def test_a_called_ticket_is_told_where_to_go(desk):
    code = issue(desk, "A", "uk")
    q.call_next(desk, 3)
    telling = status_of(q.snapshot(desk), code)
    assert (telling.kind, telling.point, telling.language) == (Kind.CALLED, 3, "uk")
    assert tell(telling, "sv") == "Nummer A001. Gå till lucka 3."
    assert tell(telling, "en") == "Number A001. Please go to counter 3."


def test_a_served_or_never_issued_number_is_not_in_the_queue_today(desk):
    code = issue(desk, "A")
    q.call_next(desk, 1)
    q.finish(desk, code)
    snapshot = q.snapshot(desk)
    for typed in (code, "Z999"):
        telling = status_of(snapshot, typed)
        assert telling.kind is Kind.UNKNOWN and telling.language is None
    assert tell(status_of(snapshot, code), "sv") == "Nummer A001 finns inte i kön i dag."


def test_a_parked_visitor_is_asked_to_watch_the_screen(desk):
    code = issue(desk, "A", "fa")
    q.call_next(desk, 1)
    q.park(desk, code)
    telling = status_of(q.snapshot(desk), code)
    assert telling.kind is Kind.PARKED
    assert tell(telling, "sv") == (
        "Ditt nummer: A001. Vänta tills ditt nummer visas och ropas upp."
    )


@pytest.mark.parametrize(
    ("typed", "code"),
    [("A012", "A012"), ("a12", "A012"), (" b 7 ", "B007"), ("0012", "12"), ("A1234", "A1234")],
)
def test_a_code_is_read_as_tickets_spell_it(typed, code):
    assert normalised(typed) == code


def test_digits_alone_find_a_ticket_only_when_one_has_them(desk):
    issue(desk, "A")
    issue(desk, "B")
    issue(desk, "B")
    snapshot = q.snapshot(desk)
    assert status_of(snapshot, "2").code == "B002"  # only B has a number 2
    assert status_of(snapshot, "1").kind is Kind.UNKNOWN  # A001 and B001: which one?


@pytest.mark.parametrize(
    ("language", "told"),
    [
        (None, ["sv"]),
        ("sv", ["sv"]),
        ("en", ["en", "sv"]),
        ("ar", ["ar", "sv"]),
        ("ti", ["ti", "sv"]),
        ("pl", ["en", "sv"]),  # no visitor texts in Polish: English, as everywhere
    ],
)
def test_it_is_told_in_the_tickets_language_first_then_in_swedish(language, told):
    telling = Telling(Kind.WAITING, "A001", ahead=1, minutes=6, language=language)
    assert told_languages(telling) == told
    assert [code for code, _text in tell_texts(telling)] == told


def test_every_visitor_language_can_tell_every_kind():
    for kind in Kind:
        telling = Telling(kind, "C004", ahead=3, minutes=12, point=5)
        for language in ("sv", "en", "ar", "fa", "so", "ti", "uk"):
            said = tell(telling, language)
            assert "C004" in said and "{" not in said, (kind, language)


def test_an_unknown_wait_is_said_as_unknown():
    telling = Telling(Kind.WAITING, "A001", ahead=4, minutes=None)
    assert tell(telling, "sv") == (
        "Ditt nummer: A001. Före dig i kön: 4. Vi vet inte väntetiden just nu."
    )
