"""The queue engine: issue, call, recall, no-show, transfer, park, finish.

Each public function is one unit of work in one write transaction. A ticket
number is allocated by an atomic counter in the same transaction that stores
the ticket, so a number that was shown always exists and is never given twice.
Every change bumps the office revision and the business day's revision.

This module holds issuing and calling; the shared ticket reference and lookups
live in :mod:`app.services.queue.base` and what happens after a call in
:mod:`app.services.queue.after`. Both are re-exported here, so callers keep
using ``app.services.queue.calling`` for the whole engine.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Table, bindparam, case, func, insert, literal, select, update
from sqlalchemy.orm import Session

from app.models import (
    CallEvent,
    Office,
    Queue,
    ServicePoint,
    ServicePointQueue,
    Ticket,
    TicketCounter,
    UTCDateTime,
)
from app.models import states as st
from app.services.access.actor import ANYONE, Desk, allowed
from app.services.office.clock import office_day
from app.services.office.revision import bump, bump_screens
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
from app.services.queue.counters import increment
from app.services.queue.errors import (
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
from app.services.queue.views import QueueSnapshot, queue_snapshot
from app.store.engine import Store
from app.store.server import CALL_TURN_KEY, FAIRNESS_TURN_KEY, take_turn

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

# ---------------------------------------------------------------- issuing


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
        ).where(Queue.letter == bindparam("letter"), Queue.active),
    )
    .returning(_TICKET.c.id)
)


@allowed("issue")
def issue_ticket(desk: Desk, letter: str, *, booked: bool = False, demo: bool = False) -> TicketRef:
    """Issue the next ticket of a queue; durable when this returns."""
    now = desk.clock.now()
    day = office_day(desk.store, now)
    letter = letter.strip().upper()
    if len(letter) != 1:
        raise UnknownQueueError(letter)
    _close_stale_once(desk.store, day, now)
    with desk.store.write_connection(desk=True) as conn:
        number = increment(
            conn, TicketCounter, {"business_day": day, "letter": letter}, "last_number"
        )
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
    )


@allowed("issue")
def set_print_status(
    desk: Desk, code: str, status: str, *, estimate_minutes: int | None = None
) -> None:
    """Record how printing a ticket went ("printed", "failed", "pdf:<file>").

    ``estimate_minutes`` is the wait printed on it, kept (the first one only) so the
    statistics can set the estimates against the waits that followed.
    """
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


def _next_waiting_stmt(*, booked_first: bool) -> Any:
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
        select(Ticket.id, Ticket.code, Ticket.booked, Ticket.issued_at, Queue.letter)
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
            case((strict, func.coalesce(profile.c.position, Queue.sort_order)), else_=0),
            case((strict, Queue.letter), else_=""),
            Ticket.booked.desc() if booked_first else Ticket.booked.asc(),
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
        params = {"day": day, "point_id": point.id, "strict": point.call_order == "queue_order"}
        ticket = conn.execute(_NEXT_BOOKED_FIRST, params).first()
        if ticket is None and conn.dialect.name == "postgresql":
            # The statement read the queue as it began; if another call held the last
            # ticket it saw, one issued meanwhile is read now.
            ticket = conn.execute(_NEXT_BOOKED_FIRST, params).first()
        if ticket is None:
            raise NobodyWaitingError(point_number)
        ratio = point.ratio or 0
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
    )


@allowed("serve")
def call_ticket(desk: Desk, code: str, point_number: int) -> TicketRef:
    """Call a specific waiting (or parked) ticket out of order."""
    now = desk.clock.now()
    day = office_day(desk.store, now)
    with desk.store.write(desk=True) as session:
        lock_point(session, point_number, turn="whole")  # a waiting ticket leaves the queue
        point = active_point(session, point_number)
        ticket = todays_ticket(session, code, day)
        require_state(ticket, (st.WAITING, st.PARKED), "call", "ropa upp")
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
        require_state(ticket, (st.CALLED,), "recall", "ropa upp igen")
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
