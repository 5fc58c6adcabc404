"""The queue engine: issue, call, recall, no-show, transfer, park, finish.

Each public function is one unit of work in one write transaction. A ticket
number is allocated by an atomic counter in the same transaction that stores
the ticket, so a number that was shown always exists and is never given twice.
Every change bumps the office revision and the business day's revision.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CallEvent, Office, Queue, ServicePoint, Ticket, TicketCounter, Visit
from app.models import visit as st
from app.models.db import Store
from app.services.clock import Clock, business_day
from app.services.counters import increment
from app.services.errors import (
    InvalidTransitionError,
    NobodyWaitingError,
    PointBusyError,
    QueueFullError,
    RecallTooSoonError,
    TooFewRecallsError,
    UnknownQueueError,
    UnknownServicePointError,
    UnknownTicketError,
)
from app.services.office import point_queue_ids
from app.services.revision import bump

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


def _ref(ticket: Ticket, visit_id: int | None = None) -> TicketRef:
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


def _queue(session: Session, letter: str) -> Queue:
    queue = session.scalar(select(Queue).where(Queue.letter == letter.upper(), Queue.active))
    if queue is None:
        raise UnknownQueueError(letter)
    return queue


def _point(session: Session, number: int) -> ServicePoint:
    point = session.scalar(
        select(ServicePoint).where(ServicePoint.number == number, ServicePoint.active)
    )
    if point is None:
        raise UnknownServicePointError(number)
    return point


def _ticket(session: Session, code: str, day: date) -> Ticket:
    ticket = session.scalar(
        select(Ticket).where(Ticket.business_day == day, Ticket.code == code.upper())
    )
    if ticket is None:
        raise UnknownTicketError(code.upper())
    return ticket


def _require(ticket: Ticket, allowed: tuple[str, ...], action_en: str, action_sv: str) -> None:
    if ticket.state not in allowed:
        raise InvalidTransitionError(ticket.code, ticket.state, action_en, action_sv)


def _office(session: Session) -> Office:
    office = session.scalar(select(Office))
    assert office is not None, "store not seeded"
    return office


# ---------------------------------------------------------------- day rollover


def close_stale_days(session: Session, today: date, now: datetime) -> int:
    """Close what earlier business days left open; returns how many tickets it closed.

    Waiting and parked tickets become not served (they are not carried into
    today). Called or serving ones are finished with their timing flagged
    unreliable: the case worker forgot to finish them.
    """
    stale = list(
        session.scalars(
            select(Ticket).where(Ticket.state.in_(st.ACTIVE_STATES), Ticket.business_day < today)
        )
    )
    if not stale:
        return 0
    for ticket in stale:
        if ticket.state in (st.CALLED, st.SERVING):
            _finish(session, ticket, now, unreliable=True)
        else:
            ticket.state, ticket.closed_at = st.NOT_SERVED, now
    bump(session, now, [t.business_day for t in stale])
    return len(stale)


# ---------------------------------------------------------------- issuing


def issue_ticket(
    store: Store, clock: Clock, letter: str, *, booked: bool = False, demo: bool = False
) -> TicketRef:
    """Issue the next ticket of a queue; durable when this returns."""
    now = clock.now()
    day = business_day(now)
    with store.write() as session:
        queue = _queue(session, letter)
        number = increment(
            session, TicketCounter, {"business_day": day, "letter": queue.letter}, "last_number"
        )
        if number > MAX_NUMBER:
            raise QueueFullError(queue.letter)  # rolls back the counter too
        ticket = Ticket(
            business_day=day,
            code=f"{queue.letter}{number:03d}",
            number=number,
            origin_queue_id=queue.id,
            queue_id=queue.id,
            booked=booked,
            state=st.WAITING,
            issued_at=now,
            place_at=now,
            demo=demo,
        )
        ticket.queue = queue
        session.add(ticket)
        close_stale_days(session, day, now)
        bump(session, now, [day])
        session.flush()
        return _ref(ticket)


def set_print_status(store: Store, clock: Clock, code: str, status: str) -> None:
    """Record how printing a ticket went ("printed", "failed", "pdf:<file>")."""
    with store.write() as session:
        ticket = _ticket(session, code, business_day(clock.now()))
        ticket.print_status = status[:300]
        bump(session, clock.now(), [ticket.business_day])


# ---------------------------------------------------------------- calling


def _current_at(session: Session, point: ServicePoint, day: date) -> Ticket | None:
    return session.scalar(
        select(Ticket).where(
            Ticket.business_day == day,
            Ticket.service_point_id == point.id,
            Ticket.state.in_((st.CALLED, st.SERVING)),
        )
    )


def _priority_allowed(session: Session, office: Office, day: date) -> bool:
    """Whether the next call may be a priority ticket under the office's fairness ratio."""
    if office.priority_ratio <= 0:
        return True
    last = (
        session.execute(
            select(Ticket.booked)
            .join(CallEvent, CallEvent.ticket_id == Ticket.id)
            .where(CallEvent.business_day == day, CallEvent.recall.is_(False))
            .order_by(CallEvent.id.desc())
            .limit(office.priority_ratio)
        )
        .scalars()
        .all()
    )
    return not (len(last) == office.priority_ratio and all(last))


def _next_waiting(
    session: Session, point: ServicePoint, day: date, office: Office
) -> Ticket | None:
    queue_ids = point_queue_ids(session, point)
    if not queue_ids:
        return None
    base = select(Ticket).where(Ticket.business_day == day, Ticket.state == st.WAITING)
    # Oldest first by place in time, then number; issue order settles a full tie.
    order = (Ticket.place_at, Ticket.number, Ticket.id)
    booked_first = _priority_allowed(session, office, day)
    candidates = [queue_ids] if point.call_order != "queue_order" else [[q] for q in queue_ids]
    for ids in candidates:
        stmt = base.where(Ticket.queue_id.in_(ids))
        if booked_first:
            stmt = stmt.order_by(Ticket.booked.desc(), *order)
        else:
            # Walk-ins get their turn; booked ones only if no walk-in waits.
            stmt = stmt.order_by(Ticket.booked.asc(), *order)
        ticket = session.scalars(stmt.limit(1).with_for_update(skip_locked=True)).first()
        if ticket is not None:
            return ticket
    return None


def _call(
    session: Session, ticket: Ticket, point: ServicePoint, now: datetime, staff_id: int | None
) -> None:
    ticket.state = st.CALLED
    ticket.service_point_id = point.id
    ticket.service_point = point
    ticket.staff_id = staff_id
    ticket.called_at = now
    ticket.first_called_at = ticket.first_called_at or now
    ticket.recalls = 0
    session.add(
        CallEvent(
            business_day=ticket.business_day,
            at=now,
            ticket_id=ticket.id,
            service_point_id=point.id,
            recall=False,
        )
    )


def call_next(
    store: Store, clock: Clock, point_number: int, staff_id: int | None = None
) -> TicketRef:
    """Call the next ticket for a service point, by its work profile."""
    now = clock.now()
    day = business_day(now)
    with store.write() as session:
        point = _point(session, point_number)
        close_stale_days(session, day, now)
        busy = _current_at(session, point, day)
        if busy is not None:
            raise PointBusyError(point.number, busy.code)
        ticket = _next_waiting(session, point, day, _office(session))
        if ticket is not None:
            _call(session, ticket, point, now, staff_id)
            bump(session, now, [day])
            return _ref(ticket)
    # Raised after the commit: the first call of a day closes what yesterday left
    # open even when nobody waits yet.
    raise NobodyWaitingError(point_number)


def call_ticket(
    store: Store, clock: Clock, code: str, point_number: int, staff_id: int | None = None
) -> TicketRef:
    """Call a specific waiting (or parked) ticket out of order."""
    now = clock.now()
    day = business_day(now)
    with store.write() as session:
        point = _point(session, point_number)
        ticket = _ticket(session, code, day)
        _require(ticket, (st.WAITING, st.PARKED), "call", "ropa upp")
        busy = _current_at(session, point, day)
        if busy is not None:
            raise PointBusyError(point.number, busy.code)
        _call(session, ticket, point, now, staff_id)
        bump(session, now, [day])
        return _ref(ticket)


def resume(
    store: Store, clock: Clock, code: str, point_number: int, staff_id: int | None = None
) -> TicketRef:
    """Call a parked visitor back, without a new number."""
    return call_ticket(store, clock, code, point_number, staff_id)


def recall(store: Store, clock: Clock, code: str) -> TicketRef:
    """Announce a called ticket again."""
    now = clock.now()
    day = business_day(now)
    with store.write() as session:
        ticket = _ticket(session, code, day)
        _require(ticket, (st.CALLED,), "recall", "ropa upp igen")
        office = _office(session)
        assert ticket.called_at is not None and ticket.service_point_id is not None
        elapsed = (now - ticket.called_at).total_seconds()
        if elapsed < office.recall_min_seconds:
            raise RecallTooSoonError(ticket.code, math.ceil(office.recall_min_seconds - elapsed))
        ticket.recalls += 1
        ticket.called_at = now
        session.add(
            CallEvent(
                business_day=day,
                at=now,
                ticket_id=ticket.id,
                service_point_id=ticket.service_point_id,
                recall=True,
            )
        )
        bump(session, now, [day])
        return _ref(ticket)


# ---------------------------------------------------------------- after the call


def start_serving(store: Store, clock: Clock, code: str) -> TicketRef:
    """The called visitor has arrived at the service point."""
    return _transition(
        store, clock, code, (st.CALLED,), st.SERVING, "start serving", "börja betjäna"
    )


def no_show(store: Store, clock: Clock, code: str) -> TicketRef:
    """The called visitor did not come, after the office's number of recalls."""
    now = clock.now()
    with store.write() as session:
        ticket = _ticket(session, code, business_day(now))
        _require(ticket, (st.CALLED,), "mark as no-show", "markera som utebliven")
        needed = _office(session).recalls_before_no_show - ticket.recalls
        if needed > 0:
            raise TooFewRecallsError(ticket.code, needed)
        ticket.state, ticket.closed_at = st.NO_SHOW, now
        bump(session, now, [ticket.business_day])
        return _ref(ticket)


def return_to_queue(store: Store, clock: Clock, code: str) -> TicketRef:
    """Put a called ticket back in its queue, in its old place."""
    return _transition(
        store,
        clock,
        code,
        (st.CALLED, st.SERVING),
        st.WAITING,
        "return to the queue",
        "lägga tillbaka i kön",
        unassign=True,
    )


def park(store: Store, clock: Clock, code: str) -> TicketRef:
    """Set a visitor aside (filling in a form); call them back later with :func:`resume`."""
    return _transition(
        store, clock, code, (st.CALLED, st.SERVING), st.PARKED, "park", "parkera", unassign=True
    )


def cancel(store: Store, clock: Clock, code: str) -> TicketRef:
    """Cancel a ticket that is not being served (issued by mistake)."""
    return _transition(
        store, clock, code, (st.WAITING, st.PARKED), st.CANCELLED, "cancel", "makulera", close=True
    )


def walked_out(store: Store, clock: Clock, code: str) -> TicketRef:
    """The visitor left before being called (not the same as a no-show)."""
    return _transition(
        store,
        clock,
        code,
        (st.WAITING, st.PARKED),
        st.WALKED_OUT,
        "mark as walked out",
        "markera som gått",
        close=True,
    )


def _transition(
    store: Store,
    clock: Clock,
    code: str,
    allowed: tuple[str, ...],
    target: str,
    action_en: str,
    action_sv: str,
    *,
    unassign: bool = False,
    close: bool = False,
) -> TicketRef:
    now = clock.now()
    with store.write() as session:
        ticket = _ticket(session, code, business_day(now))
        _require(ticket, allowed, action_en, action_sv)
        ticket.state = target
        if unassign:
            ticket.service_point_id = None
            ticket.service_point = None
        if close:
            ticket.closed_at = now
        bump(session, now, [ticket.business_day])
        return _ref(ticket)


def transfer(store: Store, clock: Clock, code: str, letter: str) -> TicketRef:
    """Move a ticket to another queue, keeping its place in time and its number."""
    now = clock.now()
    with store.write() as session:
        ticket = _ticket(session, code, business_day(now))
        _require(ticket, (st.WAITING, st.CALLED, st.SERVING, st.PARKED), "transfer", "flytta")
        queue = _queue(session, letter)
        ticket.queue_id, ticket.queue = queue.id, queue
        ticket.state = st.WAITING
        ticket.service_point_id, ticket.service_point = None, None
        bump(session, now, [ticket.business_day])
        return _ref(ticket)


def _finish(session: Session, ticket: Ticket, now: datetime, *, unreliable: bool = False) -> Visit:
    assert ticket.called_at is not None
    visit = Visit(
        business_day=ticket.business_day,
        ticket_id=ticket.id,
        channel="ticket",
        service_point_id=ticket.service_point_id,
        staff_id=ticket.staff_id,
        started_at=ticket.called_at,
        ended_at=now,
        timing_unreliable=unreliable,
        demo=ticket.demo,
    )
    session.add(visit)
    ticket.state, ticket.closed_at = st.DONE, now
    session.flush()
    return visit


def finish_in(session: Session, now: datetime, code: str, *, unreliable: bool = False) -> Visit:
    """Finish today's ticket within the caller's transaction; returns the new visit."""
    ticket = _ticket(session, code, business_day(now))
    _require(ticket, (st.CALLED, st.SERVING), "finish", "avsluta")
    visit = _finish(session, ticket, now, unreliable=unreliable)
    bump(session, now, [ticket.business_day])
    return visit


def finish(store: Store, clock: Clock, code: str, *, unreliable: bool = False) -> TicketRef:
    """Finish serving a ticket; the visit is stored and its errands can be logged."""
    now = clock.now()
    with store.write() as session:
        visit = finish_in(session, now, code, unreliable=unreliable)
        ticket = session.get(Ticket, visit.ticket_id)
        assert ticket is not None
        return _ref(ticket, visit.id)
