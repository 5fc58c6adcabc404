"""Issuing tickets: the next number of a queue, stored with its ticket in one transaction.

A ticket number is allocated by an atomic counter in the same transaction that
stores the ticket, so a number that was shown always exists and is never given
twice. Re-exported by :mod:`app.services.queue.calling`.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime

from sqlalchemy import Connection, Table, bindparam, insert, literal, select

from app.models import Language, Queue, Ticket, TicketCounter
from app.models import states as st
from app.services.access.actor import ANYONE, Desk, allowed
from app.services.office.clock import office_day
from app.services.office.revision import bump, bump_screens
from app.services.queue.after import close_stale_days
from app.services.queue.base import MAX_NUMBER, TicketRef, todays_ticket
from app.services.queue.counters import increment
from app.services.queue.errors import QueueFullError, UnknownLanguageError, UnknownQueueError
from app.services.queue.views import QueueSnapshot, queue_snapshot
from app.store.engine import Store
from app.store.server import CALL_TURN_KEY, take_turn


def _close_stale_once(store: Store, today: date, now: datetime) -> None:
    """Close earlier days' leftovers, once per process and business day.

    After the first pass of a day nothing older can become active again, so the
    hot paths (issuing, calling) skip the check until the day changes.
    """
    if store.memo.get("closed_through") == today:
        return
    with store.write() as session:
        close_stale_days(session, today, now)
    store.memo["closed_through"] = today


_TICKET: Table = Ticket.__table__  # type: ignore[assignment]
# One statement inserts the ticket and checks its queue: no row means no such queue.
_INSERT_TICKET = (
    insert(_TICKET)
    .from_select(
        [
            "business_day",
            "code",
            "number",
            "origin_queue_id",
            "queue_id",
            "booked",
            "state",
            "issued_at",
            "place_at",
            "recalls",
            "demo",
            "language",
            "source",
            "follow_key",
            "due_at",
            "appointment_at",
        ],
        select(
            bindparam("business_day", type_=_TICKET.c.business_day.type),
            bindparam("code", type_=_TICKET.c.code.type),
            bindparam("number", type_=_TICKET.c.number.type),
            Queue.id,
            Queue.id,
            bindparam("booked", type_=_TICKET.c.booked.type),
            literal(st.WAITING),
            bindparam("issued_at", type_=_TICKET.c.issued_at.type),
            bindparam("issued_at", type_=_TICKET.c.place_at.type),
            literal(0),
            bindparam("demo", type_=_TICKET.c.demo.type),
            bindparam("language", type_=_TICKET.c.language.type),
            bindparam("source", type_=_TICKET.c.source.type),
            bindparam("follow_key", type_=_TICKET.c.follow_key.type),
            bindparam("due_at", type_=_TICKET.c.due_at.type),
            bindparam("appointment_at", type_=_TICKET.c.appointment_at.type),
        ).where(Queue.letter == bindparam("letter"), Queue.active),
    )
    .returning(_TICKET.c.id)
)


@allowed("issue")
def issue_ticket(
    desk: Desk,
    letter: str,
    *,
    booked: bool = False,
    demo: bool = False,
    language: str | None = None,
    source: str | None = None,
) -> TicketRef:
    """Issue the next ticket of a queue; durable when this returns.

    ``language`` is the visitor's language (a code of the catalog's languages), kept
    with the ticket for its printout, the display and the errand form; ``source``
    where it was taken ("reception", "kiosk", "cli").
    """
    now = desk.clock.now()
    day = office_day(desk.store, now)
    letter = _letter(letter)
    language = checked_language(desk.store, language)
    _close_stale_once(desk.store, day, now)
    with desk.store.write_connection(desk=True) as conn:
        ref = insert_ticket(conn, day, now, letter, booked, demo, language, source)
    return ref


def _letter(letter: str) -> str:
    letter = letter.strip().upper()
    if len(letter) != 1:
        raise UnknownQueueError(letter)
    return letter


def checked_language(store: Store, language: str | None) -> str | None:
    """``language`` if it is one of the catalog's active languages (None stays None)."""
    if language is None:
        return None
    code = language.strip().lower()
    with store.read() as session:
        known = session.scalar(select(Language.id).where(Language.code == code, Language.active))
    if known is None:
        raise UnknownLanguageError(language)
    return code


def insert_ticket(
    conn: Connection,
    day: date,
    now: datetime,
    letter: str,
    booked: bool,
    demo: bool,
    language: str | None,
    source: str | None,
    *,
    due_at: datetime | None = None,
    appointment_at: datetime | None = None,
) -> TicketRef:
    """Number and store a ticket in the caller's write transaction (which bumps the day);
    a checked-in booking's with its booked time and the time it is called from."""
    number = increment(conn, TicketCounter, {"business_day": day, "letter": letter}, "last_number")
    code = f"{letter}{number:03d}"
    ticket_id = conn.execute(
        _INSERT_TICKET,
        {
            "business_day": day,
            "code": code,
            "number": number,
            "booked": booked,
            "issued_at": now,
            "demo": demo,
            "letter": letter,
            "language": language,
            "source": source,
            "follow_key": None if demo else secrets.token_urlsafe(12),
            "due_at": due_at,
            "appointment_at": appointment_at,
        },
    ).scalar()
    # Raising rolls the whole transaction back, the counter included.
    if ticket_id is None:
        raise UnknownQueueError(letter)
    if number > MAX_NUMBER:
        raise QueueFullError(letter)
    bump(conn, now, [day])
    return TicketRef(
        id=ticket_id,
        code=code,
        queue_letter=letter,
        state=st.WAITING,
        booked=booked,
        business_day=day,
        issued_at=now,
        language=language,
    )


@allowed("issue")
def set_print_status(
    desk: Desk, code: str, status: str, *, estimate_minutes: int | None = None
) -> None:
    """Record how printing a ticket went ("printed", "failed", "pdf:<file>").

    ``estimate_minutes`` is the wait printed on it, kept (the first one only) so the
    statistics can set the estimates against the waits that followed.
    """
    keep_print_status(desk, code, status, estimate_minutes)


def keep_print_status(desk: Desk, code: str, status: str, estimate_minutes: int | None) -> None:
    """:func:`set_print_status`'s work, for the use cases that print (reception, kiosk)."""
    with desk.store.write(desk=True) as session:
        take_turn(session, CALL_TURN_KEY)  # it locks a waiting ticket: calls wait, not skip it
        ticket = todays_ticket(session, code, office_day(desk.store, desk.clock.now()))
        ticket.print_status = status[:300]
        _keep_estimate(ticket, estimate_minutes)
        bump_screens(session)


@allowed("issue")
def record_estimate(desk: Desk, code: str, minutes: int) -> None:
    """Keep the wait a visitor was told at issue (shown, not printed: the command line)."""
    with desk.store.write(desk=True) as session:
        take_turn(session, CALL_TURN_KEY)  # as set_print_status
        _keep_estimate(
            todays_ticket(session, code, office_day(desk.store, desk.clock.now())), minutes
        )


def _keep_estimate(ticket: Ticket, minutes: int | None) -> None:
    # Not a change of the day's visits (the issue just bumped the day): no revision moves.
    if minutes is not None and ticket.estimate_minutes is None:
        ticket.estimate_minutes = max(0, int(minutes))


@allowed(ANYONE)
def snapshot(desk: Desk) -> QueueSnapshot:
    """The live queue, as every screen shows it."""
    return queue_snapshot(desk.store, desk.clock)
