"""The queue engine: issue, call, recall, no-show, transfer, park, finish.

Each public function is one unit of work in one write transaction. A ticket
number is allocated by an atomic counter in the same transaction that stores
the ticket, so a number that was shown always exists and is never given twice.
Every change bumps the office revision and the business day's revision.

This module holds calling; issuing is in :mod:`app.services.queue.issuing`, the
shared ticket reference and lookups in :mod:`app.services.queue.base` and what
happens after a call in :mod:`app.services.queue.after`. They are re-exported
here, so callers keep using ``app.services.queue.calling`` for the whole engine.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, bindparam, case, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import (
    Booking,
    CallEvent,
    Office,
    Queue,
    QueueAgency,
    ServicePoint,
    ServicePointQueue,
    Ticket,
    UTCDateTime,
)
from app.models import states as st
from app.services.access.actor import Desk, allowed
from app.services.office.clock import office_day, zone
from app.services.office.revision import bump
from app.services.queue.after import (
    cancel,
    close_stale_days,
    finish,
    finish_in,
    no_show,
    park,
    return_to_queue,
    start_serving,
    take_over,
    transfer,
    undo_no_show,
    undo_return,
    undo_walked_out,
    walked_out,
)
from app.services.queue.base import (
    MAX_NUMBER,
    TicketRef,
    active_point,
    lock_point,
    office_row,
    require_free,
    require_state,
    ticket_ref,
    todays_ticket,
)
from app.services.queue.errors import (
    InvalidTransitionError,
    KeptForBookingError,
    NobodyWaitingError,
    PointBusyError,
    RecallTooSoonError,
    TooFewRecallsError,
    UnknownServicePointError,
    UnknownTicketError,
)
from app.services.queue.issuing import (
    _close_stale_once,
    issue_ticket,
    record_estimate,
    set_print_status,
    snapshot,
)
from app.store.server import FAIRNESS_TURN_KEY, take_turn

__all__ = [
    "MAX_NUMBER",
    "InvalidTransitionError",
    "TicketRef",
    "TooFewRecallsError",
    "UnknownTicketError",
    "call_next",
    "call_ticket",
    "cancel",
    "close_stale_days",
    "finish",
    "finish_in",
    "issue_ticket",
    "no_show",
    "park",
    "recall",
    "record_estimate",
    "resume",
    "return_to_queue",
    "set_print_status",
    "snapshot",
    "start_serving",
    "take_over",
    "transfer",
    "undo_no_show",
    "undo_return",
    "undo_walked_out",
    "walked_out",
]

# ---------------------------------------------------------------- calling


def _call(
    session: Session,
    ticket: Ticket,
    point: ServicePoint,
    now: datetime,
    staff_id: int | None,
    kind: str,
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
            kind=kind,
        )
    )


_ACTIVE_CALL = (st.CALLED, st.SERVING)
# The point, its current ticket (if any) and the office's fairness ratio, in one read.
_POINT_STATE = select(
    ServicePoint.id,
    ServicePoint.name,
    ServicePoint.call_order,
    ServicePoint.booking_reserve_minutes.label("reserve"),
    select(Office.priority_ratio).limit(1).scalar_subquery().label("ratio"),
    select(Ticket.code)
    .where(
        Ticket.business_day == bindparam("day"),
        Ticket.service_point_id == ServicePoint.id,
        Ticket.state.in_(_ACTIVE_CALL),
    )
    .limit(1)
    .scalar_subquery()
    .label("busy"),
).where(ServicePoint.number == bindparam("number"), ServicePoint.active)


def _booked_rank(booked_first: bool) -> Any:
    """Where a ticket's priority puts it: a priority ticket that is due (a checked-in
    booking from its time less the tolerance, any other at once) before walk-ins, and a
    booking checked in early after them (walk-ins fill the gap until its time); with
    ``booked_first`` off (a walk-in's turn by the fairness ratio) walk-ins first."""
    if not booked_first:
        return Ticket.booked.asc()
    due = Ticket.due_at.is_(None) | (Ticket.due_at <= bindparam("now", type_=UTCDateTime()))
    return case((Ticket.booked & due, 0), (Ticket.booked, 2), else_=1)


def _reserved_rank() -> Any:
    """At a point reserved for bookings: every checked-in booking first (one checked in
    early too, since the point is kept for them), by its booked time."""
    return (
        case((Ticket.booked & Ticket.appointment_at.is_not(None), 0), else_=1),
        Ticket.appointment_at,
    )


def _next_waiting_stmt(*, booked_first: bool, reserved: bool = False) -> Any:
    """The next waiting ticket for a point, by its work profile, in one statement.

    A point with no profile rows serves every active queue. "queue_order" takes
    its queues strictly in profile order; otherwise the longest waiting across
    them goes first. Booked tickets first unless the fairness ratio says a
    walk-in's turn has come.
    """
    profile = ServicePointQueue.__table__.alias("profile")
    any_profile = (
        select(ServicePointQueue.queue_id)
        .where(ServicePointQueue.service_point_id == bindparam("point_id"))
        .exists()
    )
    strict = bindparam("strict", type_=Boolean())
    return (
        select(
            Ticket.id,
            Ticket.code,
            Ticket.booked,
            Ticket.issued_at,
            Ticket.language,
            Ticket.appointment_at,
            Queue.letter,
        )
        .join(Queue, Queue.id == Ticket.queue_id)
        .outerjoin(
            profile,
            (profile.c.queue_id == Ticket.queue_id)
            & (profile.c.service_point_id == bindparam("point_id")),
        )
        .where(
            Ticket.business_day == bindparam("day"),
            Ticket.state == st.WAITING,
            Queue.active,
            profile.c.queue_id.is_not(None) | ~any_profile,
        )
        .order_by(
            *(_reserved_rank() if reserved else ()),
            case((strict, func.coalesce(profile.c.position, Queue.sort_order)), else_=0),
            case((strict, Queue.letter), else_=""),
            _booked_rank(booked_first),
            # Oldest first by place in time, then number; issue order settles a full tie.
            Ticket.place_at,
            Ticket.number,
            Ticket.id,
        )
        .limit(1)
        # Locked as it is read. Every press that changes who waits, or where, or locks a
        # waiting ticket, takes the call turn whole (CALL_TURN_KEY), so this reads it
        # committed. A ticket locked now is another call-next's: passed over, never waited
        # for, so a call never waits for a ticket row (and two calls never deadlock).
        .with_for_update(key_share=True, skip_locked=True, of=Ticket)
    )


_NEXT_BOOKED_FIRST = _next_waiting_stmt(booked_first=True)
_NEXT_WALK_IN_FIRST = _next_waiting_stmt(booked_first=False)
_NEXT_RESERVED = _next_waiting_stmt(booked_first=True, reserved=True)
# The earliest booking of a point's queues not checked in yet that is due within its
# reserve (or late, but within the office's tolerance): the point keeps itself free for it.
_POINT_QUEUES = select(ServicePointQueue.queue_id).where(
    ServicePointQueue.service_point_id == bindparam("point_id")
)
_BOOKING_SOON = select(func.min(Booking.starts_at)).where(
    Booking.business_day == bindparam("day"),
    Booking.state == "booked",
    Booking.starts_at <= bindparam("soon", type_=UTCDateTime()),
    Booking.starts_at >= bindparam("late", type_=UTCDateTime()),
    Booking.agency_id.in_(
        select(QueueAgency.agency_id)
        .join(Queue, Queue.id == QueueAgency.queue_id)
        .where(Queue.active, QueueAgency.queue_id.in_(_POINT_QUEUES) | ~_POINT_QUEUES.exists())
    ),
)
_LAST_CALLS_BOOKED = (
    select(Ticket.booked)
    .join(CallEvent, CallEvent.ticket_id == Ticket.id)
    .where(
        CallEvent.business_day == bindparam("day"),
        CallEvent.recall.is_(False),
        CallEvent.kind == "next",  # an out-of-turn call or a resume is not the point's turn
    )
    .order_by(CallEvent.id.desc())
    .limit(bindparam("ratio"))
)
_MARK_CALLED = (
    update(Ticket)
    .where(Ticket.id == bindparam("ticket_id"))
    .values(
        state=st.CALLED,
        service_point_id=bindparam("point_id"),
        staff_id=bindparam("staff_id"),
        called_at=bindparam("now", type_=UTCDateTime()),
        first_called_at=func.coalesce(
            Ticket.first_called_at, bindparam("now", type_=UTCDateTime())
        ),
        recalls=0,
    )
)
_INSERT_CALL = insert(CallEvent).values(
    business_day=bindparam("day"),
    at=bindparam("now", type_=UTCDateTime()),
    ticket_id=bindparam("ticket_id"),
    service_point_id=bindparam("point_id"),
    recall=False,
)


@allowed("serve")
def call_next(desk: Desk, point_number: int) -> TicketRef:
    """Call the next ticket for a service point, by its work profile; atomic across workstations."""
    now = desk.clock.now()
    day = office_day(desk.store, now)
    _close_stale_once(desk.store, day, now)
    with desk.store.write_connection(desk=True) as conn:
        # One call at a point at a time, and the call turn shared: calls at other points
        # go on beside this one, presses that change who waits do not. Before any read.
        lock_point(conn, point_number, turn="shared")
        point = conn.execute(_POINT_STATE, {"day": day, "number": point_number}).first()
        if point is None:
            raise UnknownServicePointError(point_number)
        if point.busy is not None:
            raise PointBusyError(point_number, point.busy)
        params = {
            "day": day,
            "point_id": point.id,
            "strict": point.call_order == "queue_order",
            "now": now,
        }
        reserved = point.reserve is not None
        stmt = _NEXT_RESERVED if reserved else _NEXT_BOOKED_FIRST
        ticket = conn.execute(stmt, params).first()
        if ticket is None and conn.dialect.name == "postgresql":
            # The statement read the queue as it began; if another call held the last
            # ticket it saw, one issued meanwhile is read now.
            ticket = conn.execute(stmt, params).first()
        if reserved and (ticket is None or ticket.appointment_at is None):
            _keep_free(conn, point_number, point.reserve, {**params, "now": now})
        if ticket is None:
            raise NobodyWaitingError(point_number)
        ratio = 0 if reserved else point.ratio or 0
        if ticket.booked and ratio > 0:
            take_turn(conn, FAIRNESS_TURN_KEY)  # the last calls, read one call at a time
            last = conn.execute(_LAST_CALLS_BOOKED, {"day": day, "ratio": ratio}).scalars().all()
            if len(last) == ratio and all(last):
                ticket = conn.execute(_NEXT_WALK_IN_FIRST, params).first()
        assert ticket is not None
        ids = {"ticket_id": ticket.id, "point_id": point.id, "now": now, "day": day}
        conn.execute(_MARK_CALLED, {**ids, "staff_id": desk.actor.staff_id})
        conn.execute(_INSERT_CALL, ids)
        bump(conn, now, [day])
    return TicketRef(
        id=ticket.id,
        code=ticket.code,
        queue_letter=ticket.letter,
        state=st.CALLED,
        booked=ticket.booked,
        business_day=day,
        issued_at=ticket.issued_at,
        service_point_number=point_number,
        service_point_name=point.name,
        language=ticket.language,
    )


def _keep_free(conn: Connection, point_number: int, reserve: int, params: dict[str, Any]) -> None:
    """A reserved point about to take a walk-in (or nobody): refused while a booking of
    its queues, not checked in yet, is due within the point's reserve."""
    now: datetime = params["now"]
    tolerance = conn.scalar(select(Office.booking_tolerance_minutes).limit(1)) or 0
    soon = conn.scalar(
        _BOOKING_SOON,
        {
            **params,
            "soon": now + timedelta(minutes=reserve),
            "late": now - timedelta(minutes=tolerance),
        },
    )
    if soon is not None:
        office_tz = zone(conn.scalar(select(Office.time_zone).limit(1)))
        raise KeptForBookingError(point_number, soon, f"{soon.astimezone(office_tz):%H:%M}")


@allowed("serve")
def call_ticket(desk: Desk, code: str, point_number: int) -> TicketRef:
    """Call a specific waiting (or parked) ticket out of order."""
    now = desk.clock.now()
    day = office_day(desk.store, now)
    with desk.store.write(desk=True) as session:
        lock_point(session, point_number, turn="whole")  # a waiting ticket leaves the queue
        point = active_point(session, point_number)
        ticket = todays_ticket(session, code, day)
        require_state(ticket, (st.WAITING, st.PARKED), "call")
        require_free(session, point, day)
        _call(
            session,
            ticket,
            point,
            now,
            desk.actor.staff_id,
            "resume" if ticket.state == st.PARKED else "chosen",
        )
        bump(session, now, [day])
        return ticket_ref(ticket)


@allowed("serve")
def resume(desk: Desk, code: str, point_number: int) -> TicketRef:
    """Call a parked visitor back, without a new number."""
    return call_ticket(desk, code, point_number)


@allowed("serve")
def recall(desk: Desk, code: str) -> TicketRef:
    """Announce a called ticket again."""
    now = desk.clock.now()
    day = office_day(desk.store, now)
    with desk.store.write(desk=True) as session:
        ticket = todays_ticket(session, code, day)
        require_state(ticket, (st.CALLED,), "recall")
        office = office_row(session)
        assert ticket.service_point_id is not None
        # The spacing counts from the last announcement. ``called_at`` stays the
        # call to this point: the case worker's timer does not restart.
        last = session.scalar(
            select(func.max(CallEvent.at)).where(CallEvent.ticket_id == ticket.id)
        )
        elapsed = (now - (last or now)).total_seconds()
        if last is not None and elapsed < office.recall_min_seconds:
            raise RecallTooSoonError(ticket.code, math.ceil(office.recall_min_seconds - elapsed))
        ticket.recalls += 1
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
        return ticket_ref(ticket)
