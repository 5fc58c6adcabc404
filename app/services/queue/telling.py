"""The "tell me" answer: where a ticket stands, as sentences in the visitor's language.

A visitor who cannot read the screen types their ticket code (at the display,
the kiosk or reception) and hears their place: the people ahead and the wait,
the service point they are called to, or that the number is not in today's
queue. :func:`status_of` reads that from a :class:`QueueSnapshot`; :func:`tell`
puts it into words from the visitor texts; :func:`tell_texts` gives what to say,
the ticket's language first and Swedish after it. No Qt: every screen can use it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import StrEnum

from app.models import states as st
from app.services.office.visitor_texts import (
    FALLBACK,
    REFERENCE,
    VisitorLanguage,
    VisitorTextError,
    load,
)
from app.services.queue.views import QueueSnapshot, TicketView, ahead_of, estimate_minutes_for

log = logging.getLogger(__name__)

# What a visitor may type: a queue letter (or none, on a keypad with digits only) and digits.
_TYPED = re.compile(r"^([A-Z]?)0*(\d{1,4})$")


class Kind(StrEnum):
    """Where a ticket stands, for the visitor."""

    WAITING = "waiting"  # in its queue: people ahead and a wait
    CALLED = "called"  # called to (or served at) a service point
    PARKED = "parked"  # set aside (a form to fill in), to be called again
    UNKNOWN = "unknown"  # not in today's queue: never issued, served, a no-show, mistyped


@dataclass(frozen=True)
class Telling:
    """A ticket's place as the "tell me" key says it."""

    kind: Kind
    code: str  # as found (A012), or as typed when not found
    ahead: int = 0
    minutes: int | None = None  # None: the wait is not known
    point: int | None = None  # the service point's number, when called
    language: str | None = None  # the ticket's language, if the visitor chose one


def texts_for(code: str | None) -> VisitorLanguage | None:
    """A language's visitor texts, or None when there are none (no file, a bad file, no code)."""
    if not code:
        return None
    try:
        return load(code)
    except VisitorTextError as exc:
        log.debug("no visitor texts for %r: %s", code, exc)
        return None


def normalised(typed: str) -> str:
    """A typed code as tickets spell it: " a12 " → "A012"; digits alone stay digits ("12")."""
    compact = re.sub(r"\s+", "", typed).upper()
    match = _TYPED.match(compact)
    if match is None:
        return compact
    letter, digits = match.groups()
    return f"{letter}{int(digits):03d}" if letter else str(int(digits))


def _find(snapshot: QueueSnapshot, code: str) -> TicketView | None:
    """The active ticket with this code; digits alone find it if only one ticket has them."""
    tickets = snapshot.waiting + snapshot.parked
    tickets += tuple(p.current for p in snapshot.points if p.current is not None)
    if code.isdigit():
        found = [t for t in tickets if t.code[1:].lstrip("0") == code.lstrip("0")]
        return found[0] if len({t.code for t in found}) == 1 else None
    return next((t for t in tickets if t.code == code), None)


def status_of(snapshot: QueueSnapshot, typed: str) -> Telling:
    """Where the ticket with this (typed) code stands in the snapshot."""
    code = normalised(typed)
    ticket = _find(snapshot, code)
    if ticket is None:
        return Telling(Kind.UNKNOWN, code)
    language = ticket.language
    if ticket.state in (st.CALLED, st.SERVING) and ticket.service_point_number is not None:
        return Telling(
            Kind.CALLED, ticket.code, point=ticket.service_point_number, language=language
        )
    if ticket.state == st.WAITING:
        ahead = ahead_of(snapshot, ticket.code)
        minutes = estimate_minutes_for(snapshot, ticket.code)
        return Telling(Kind.WAITING, ticket.code, ahead, minutes, language=language)
    return Telling(Kind.PARKED, ticket.code, language=language)


def tell(telling: Telling, language_code: str) -> str:
    """The sentence that tells it, in this language (English when it has no visitor texts)."""
    texts = texts_for(language_code) or load(FALLBACK)
    code = telling.code
    if telling.kind is Kind.CALLED and telling.point is not None:
        point = texts.text("point", number=telling.point)
        return texts.text("status_called", code=code, point=point)
    yours = f"{texts.text('your_number')}: {code}."
    if telling.kind is Kind.WAITING:
        if telling.minutes is None:
            ahead = texts.text("people_ahead", ahead=telling.ahead)
            return f"{yours} {ahead}. {texts.text('wait_unknown')}."
        return texts.text("status_spoken", code=code, ahead=telling.ahead, minutes=telling.minutes)
    if telling.kind is Kind.PARKED:
        return f"{yours} {texts.text('watch_screen')}"
    return texts.text("status_unknown", code=code)


def told_languages(telling: Telling) -> list[str]:
    """The languages to tell it in: the ticket's own (English if it has no texts), then Swedish."""
    language = telling.language
    if language is None or language == REFERENCE:
        return [REFERENCE]
    own = language if texts_for(language) is not None else FALLBACK
    return [own, REFERENCE]


def tell_texts(telling: Telling) -> list[tuple[str, str]]:
    """(language, sentence) pairs to say and show, the visitor's language first."""
    return [(code, tell(telling, code)) for code in told_languages(telling)]
