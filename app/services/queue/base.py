"""Shared ground of the queue engine: the ticket reference and the lookups.

:class:`TicketRef` is what every queue action returns; the lookups find an
active queue, service point or today's ticket (raising the service's own
errors when there is none) and check that a ticket may make a transition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import Office, Queue, ServicePoint, Ticket
from app.models import states as st
from app.services.queue.errors import (
    InvalidTransitionError,
    UnknownQueueError,
    UnknownServicePointError,
    UnknownTicketError,
)

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
    )


# ---------------------------------------------------------------- lookups


def active_queue(session: Session, letter: str) -> Queue:
    """The active queue with this letter, or UnknownQueueError."""
    queue = session.scalar(select(Queue).where(Queue.letter == letter.upper(), Queue.active))
    if queue is None:
        raise UnknownQueueError(letter)
    return queue


# A queue use case locks the rows it will change as it reads them (on a server; SQLite's
# writers run one at a time anyway): the service point, then the ticket, always in that
# order, so two presses never wait for each other in a circle. FOR NO KEY UPDATE leaves
# the rows free to be referred to (a call event, a visit) by other transactions.
# What depends on the locked row (the point's current ticket) is read by a later
# statement: at READ COMMITTED only that one sees what the press before committed.
_LOCK_POINT_ROW = (
    select(ServicePoint.id)
    .where(ServicePoint.number == bindparam("number"), ServicePoint.active)
    .with_for_update(key_share=True, of=ServicePoint)
)


def lock_point(conn: Connection, number: int) -> None:
    """Lock a service point's row for this transaction, on a server (a point takes one
    call at a time); on SQLite the transaction runs alone already. Before any ticket."""
    if conn.dialect.name == "postgresql":
        conn.execute(_LOCK_POINT_ROW, {"number": number})


def active_point(session: Session, number: int) -> ServicePoint:
    """The active service point with this number, locked for this transaction; or
    UnknownServicePointError. Take it before any ticket."""
    point = session.scalar(
        select(ServicePoint)
        .where(ServicePoint.number == number, ServicePoint.active)
        .with_for_update(key_share=True, of=ServicePoint)
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


def require_state(ticket: Ticket, allowed: tuple[str, ...], action_en: str, action_sv: str) -> None:
    """Refuse (InvalidTransitionError) unless the ticket is in one of the allowed states."""
    if ticket.state not in allowed:
        raise InvalidTransitionError(ticket.code, ticket.state, action_en, action_sv)


def office_row(session: Session) -> Office:
    """The office (the store is seeded before any queue action)."""
    office = session.scalar(select(Office))
    assert office is not None, "store not seeded"
    return office


def current_at(session: Session, point: ServicePoint, day: date) -> Ticket | None:
    """The ticket a service point has called or is serving that day, if any."""
    return session.scalar(
        select(Ticket).where(
            Ticket.business_day == day,
            Ticket.service_point_id == point.id,
            Ticket.state.in_((st.CALLED, st.SERVING)),
        )
    )
