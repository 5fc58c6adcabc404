"""Shared ground of the queue engine: the ticket reference and the lookups.

:class:`TicketRef` is what every queue action returns; the lookups find an
active queue, service point or today's ticket (raising the service's own
errors when there is none) and check that a ticket may make a transition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import Office, Queue, ServicePoint, Ticket
from app.models import states as st
from app.services.queue.errors import (
    InvalidTransitionError,
    PointBusyError,
    UnknownQueueError,
    UnknownServicePointError,
    UnknownTicketError,
)
from app.store.server import CALL_TURN_KEY

MAX_NUMBER = 999


@dataclass(frozen=True)
class TicketRef:
    """A ticket just acted on: enough to show, print or announce it."""

    id: int
    code: str
    queue_letter: str
    state: str
    booked: bool
    business_day: date
    issued_at: datetime
    service_point_number: int | None = None
    service_point_name: str | None = None
    recalls: int = 0
    visit_id: int | None = None
    language: str | None = None


def ticket_ref(ticket: Ticket, visit_id: int | None = None) -> TicketRef:
    """The reference a queue action returns for this ticket."""
    point = ticket.service_point
    return TicketRef(
        id=ticket.id,
        code=ticket.code,
        queue_letter=ticket.queue.letter,
        state=ticket.state,
        booked=ticket.booked,
        business_day=ticket.business_day,
        issued_at=ticket.issued_at,
        service_point_number=point.number if point else None,
        service_point_name=point.name if point else None,
        recalls=ticket.recalls,
        visit_id=visit_id,
        language=ticket.language,
    )


# ---------------------------------------------------------------- lookups


def active_queue(session: Session, letter: str) -> Queue:
    """The active queue with this letter, or UnknownQueueError."""
    queue = session.scalar(select(Queue).where(Queue.letter == letter.upper(), Queue.active))
    if queue is None:
        raise UnknownQueueError(letter)
    return queue


# A queue use case locks what it will change as it reads it (on a server; SQLite's
# writers run one at a time anyway): the service point (and the call turn) first, then
# the ticket, always in that order, so two presses never wait for each other in a
# circle. What depends on a lock (the point's current ticket) is read by a later
# statement: at READ COMMITTED only that one sees what the press before committed.
POINT_LOCK_SPACE = 0x5D_50_4E_54  # "]PNT": a point's lock is (this, its number)
_LOCK_POINT = "SELECT pg_advisory_xact_lock(CAST(:space AS int), CAST(:number AS int))"
# The point and the call turn in one statement (app/store/server.py): every press that
# needs both takes them so, in the same order.
_WITH_TURN = {
    None: text(_LOCK_POINT),
    "shared": text(_LOCK_POINT + ", pg_advisory_xact_lock_shared(CAST(:turn AS bigint))"),
    "whole": text(_LOCK_POINT + ", pg_advisory_xact_lock(CAST(:turn AS bigint))"),
}


def lock_point(
    conn: Connection | Session, number: int, *, turn: Literal["shared", "whole"] | None = None
) -> None:
    """Take a service point's lock for this transaction (a point takes one call at a time),
    and the call turn (app/store/server.py) shared or whole; on a server, before any
    ticket. On SQLite the transaction runs alone already."""
    bind = conn.get_bind() if isinstance(conn, Session) else conn
    if bind.dialect.name != "postgresql":
        return
    keys = {"space": POINT_LOCK_SPACE, "number": number, "turn": CALL_TURN_KEY}
    conn.execute(_WITH_TURN[turn], keys)


def active_point(session: Session, number: int) -> ServicePoint:
    """The active service point with this number, or UnknownServicePointError."""
    point = session.scalar(
        select(ServicePoint).where(ServicePoint.number == number, ServicePoint.active)
    )
    if point is None:
        raise UnknownServicePointError(number)
    return point


def todays_ticket(session: Session, code: str, day: date) -> Ticket:
    """The ticket with this code on this business day, locked for this transaction; or
    UnknownTicketError."""
    ticket = session.scalar(
        select(Ticket)
        .where(Ticket.business_day == day, Ticket.code == code.upper())
        .with_for_update(key_share=True, of=Ticket)
    )
    if ticket is None:
        raise UnknownTicketError(code.upper())
    return ticket


def require_state(ticket: Ticket, allowed: tuple[str, ...], action: str) -> None:
    """Refuse (InvalidTransitionError) unless the ticket is in one of the allowed states."""
    if ticket.state not in allowed:
        raise InvalidTransitionError(ticket.code, ticket.state, action)


def office_row(session: Session) -> Office:
    """The office (the store is seeded before any queue action)."""
    office = session.scalar(select(Office))
    assert office is not None, "store not seeded"
    return office


def require_free(session: Session, point: ServicePoint, day: date) -> None:
    """PointBusyError when the point has a visitor called or served already that day."""
    busy = current_at(session, point, day)
    if busy is not None:
        raise PointBusyError(point.number, busy.code)


def current_at(session: Session, point: ServicePoint, day: date) -> Ticket | None:
    """The ticket a service point has called or is serving that day, if any."""
    return session.scalar(
        select(Ticket).where(
            Ticket.business_day == day,
            Ticket.service_point_id == point.id,
            Ticket.state.in_((st.CALLED, st.SERVING)),
        )
    )
