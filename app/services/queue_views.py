"""Read models of the queue for screens and the command line.

One :func:`queue_snapshot` reads everything a reception, service-point or
display screen shows, on one consistent snapshot; screens call it when the
office revision moves.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, case, func, select
from sqlalchemy.orm import Session

from app.models import CallEvent, Office, Queue, ServicePoint, Ticket
from app.models import visit as st
from app.models.db import Store
from app.services.clock import Clock, business_day
from app.services.office import point_queue_map
from app.services.revision import revision_expression

DEFAULT_SERVICE_SECONDS = 6 * 60
ESTIMATE_SAMPLE = 30  # finished tickets that shape an estimate
ESTIMATE_MIN_SAMPLE = 5  # fewer than this in a queue: use the whole office's times
ESTIMATE_LOOKBACK_DAYS = 14
RECENT_CALLS = 8


@dataclass(frozen=True)
class TicketView:
    """A ticket as a list shows it, with its wait so far."""

    id: int
    code: str
    queue_letter: str
    origin_letter: str
    state: str
    booked: bool
    issued_at: datetime
    called_at: datetime | None
    wait_seconds: int
    service_point_number: int | None
    service_point_name: str | None
    recalls: int
    print_status: str | None


@dataclass(frozen=True)
class QueueStatus:
    """One queue: how many wait, booked among them, the estimated wait for a new ticket."""

    letter: str
    label: str
    label_en: str | None
    waiting: int
    booked_waiting: int
    estimated_wait_minutes: int
    served_today: int
    service_seconds: float
    staffed_points: int

    def wait_for(self, ahead: int) -> int:
        """Estimated minutes for someone with `ahead` people before them in this queue."""
        return estimate_minutes(ahead, self.service_seconds, self.staffed_points)


@dataclass(frozen=True)
class PointStatus:
    """A service point and whom it serves now."""

    number: int
    name: str
    queue_letters: tuple[str, ...]
    current: TicketView | None


@dataclass(frozen=True)
class CallView:
    """A call or recall, as the display announces it."""

    event_id: int
    code: str
    point_number: int
    point_name: str
    at: datetime
    recall: bool


@dataclass(frozen=True)
class QueueSnapshot:
    """Everything the front-desk screens show, read at one instant."""

    revision: int
    office_name: str
    business_day: date
    now: datetime
    queues: tuple[QueueStatus, ...]
    waiting: tuple[TicketView, ...]
    parked: tuple[TicketView, ...]
    points: tuple[PointStatus, ...]
    recent_calls: tuple[CallView, ...]

    def queue(self, letter: str) -> QueueStatus | None:
        """The status of one queue by letter."""
        return next((q for q in self.queues if q.letter == letter), None)

    def ticket(self, code: str) -> TicketView | None:
        """A waiting, parked or called ticket by code."""
        found = [t for t in self.waiting + self.parked if t.code == code]
        found += [p.current for p in self.points if p.current and p.current.code == code]
        return found[0] if found else None


def call_order() -> tuple[Any, ...]:
    """The order in which a queue's waiting tickets are called (booked first)."""
    return (case((Ticket.booked, 0), else_=1), Ticket.place_at, Ticket.number, Ticket.id)


def _view(
    t: Ticket, letters: dict[int, str], points: dict[int, ServicePoint], now: datetime
) -> TicketView:
    # Still waiting (also after a return or a transfer): the wait goes on until now.
    end = now if t.state == st.WAITING or t.first_called_at is None else t.first_called_at
    point = points.get(t.service_point_id) if t.service_point_id else None
    return TicketView(
        id=t.id,
        code=t.code,
        queue_letter=letters[t.queue_id],
        origin_letter=letters[t.origin_queue_id],
        state=t.state,
        booked=t.booked,
        issued_at=t.issued_at,
        called_at=t.called_at,
        wait_seconds=max(0, int((end - t.issued_at).total_seconds())),
        service_point_number=point.number if point else None,
        service_point_name=point.name if point else None,
        recalls=t.recalls,
        print_status=t.print_status,
    )


# One business day's finished tickets, latest first: a short range of the
# (business_day, state) index, however long the history is.
_DONE_ON_DAY = (
    select(Ticket.queue_id, Ticket.called_at, Ticket.closed_at)
    .where(Ticket.business_day == bindparam("day"), Ticket.state == st.DONE)
    .order_by(Ticket.closed_at.desc())
    .limit(bindparam("limit"))
)


def _service_seconds(session: Session, day: date) -> dict[int | None, float]:
    """Median recent service time per queue id (None: the whole office).

    Walks back from today one business day at a time until it has its sample: one
    query over ``business_day >= since`` made the database sort every finished
    ticket of the lookback (or of the whole year, by the state index) first.
    A ticket is finished on its own business day, so this is the same latest-first order.
    """
    wanted = ESTIMATE_SAMPLE * 10
    rows: list[Any] = []
    for back in range(ESTIMATE_LOOKBACK_DAYS + 1):
        limit = wanted - len(rows)
        params = {"day": day - timedelta(days=back), "limit": limit}
        rows += session.execute(_DONE_ON_DAY, params).all()
        if len(rows) >= wanted:
            break
    per_queue: dict[int | None, list[float]] = {}
    for queue_id, called, closed in rows:
        if called is None or closed is None:
            continue
        seconds = (closed - called).total_seconds()
        if 0 < seconds < 3 * 3600:
            per_queue.setdefault(queue_id, []).append(seconds)
            per_queue.setdefault(None, []).append(seconds)
    return {
        key: statistics.median(values[:ESTIMATE_SAMPLE])
        for key, values in per_queue.items()
        if len(values) >= ESTIMATE_MIN_SAMPLE
    }


def estimate_minutes(ahead: int, service_seconds: float, open_points: int) -> int:
    """Minutes until someone with `ahead` people before them is called."""
    if ahead <= 0:
        return 0
    return max(1, round(ahead * service_seconds / max(1, open_points) / 60))


def queue_snapshot(store: Store, clock: Clock, *, recent: int = RECENT_CALLS) -> QueueSnapshot:
    """Read the whole front-desk picture of today."""
    now = clock.now()
    day = business_day(now)
    with store.read() as session:
        # The same revision the watcher polls, so that it sees this snapshot as current.
        office = session.execute(select(Office.name, revision_expression())).one()
        queues = list(session.scalars(select(Queue).order_by(Queue.sort_order, Queue.letter)))
        letters = {q.id: q.letter for q in queues}
        points = {
            p.id: p
            for p in session.scalars(
                select(ServicePoint).where(ServicePoint.active).order_by(ServicePoint.number)
            )
        }
        tickets = list(
            session.scalars(
                select(Ticket)
                .where(Ticket.business_day == day, Ticket.state.in_(st.ACTIVE_STATES))
                .order_by(*call_order())
            )
        )
        views = [_view(t, letters, points, now) for t in tickets]
        waiting = tuple(v for v in views if v.state == st.WAITING)
        current = {v.service_point_number: v for v in views if v.state in (st.CALLED, st.SERVING)}
        profiles = point_queue_map(session, points)
        point_status = tuple(
            PointStatus(
                p.number, p.name, tuple(letters[q] for q in profiles[p.id]), current.get(p.number)
            )
            for p in points.values()
        )
        served_count = dict(
            session.execute(
                select(Ticket.queue_id, func.count())
                .where(Ticket.business_day == day, Ticket.state == st.DONE)
                .group_by(Ticket.queue_id)
            ).all()
        )
        times = _service_seconds(session, day)
        # Points that are staffed now: serving someone, or called within the last half hour.
        staffed_ids = set(
            session.scalars(
                select(CallEvent.service_point_id).where(
                    CallEvent.business_day == day, CallEvent.at >= now - timedelta(minutes=30)
                )
            )
        )
        staffed_ids |= {p_id for p_id, p in points.items() if p.number in current}
        statuses = []
        for q in queues:
            if not q.active:
                continue
            in_queue = [v for v in waiting if v.queue_letter == q.letter]
            staffed = sum(1 for p_id in staffed_ids if q.id in profiles.get(p_id, []))
            seconds = times.get(q.id, times.get(None, DEFAULT_SERVICE_SECONDS))
            statuses.append(
                QueueStatus(
                    letter=q.letter,
                    label=q.label,
                    label_en=q.label_en,
                    waiting=len(in_queue),
                    booked_waiting=sum(1 for v in in_queue if v.booked),
                    estimated_wait_minutes=estimate_minutes(len(in_queue), seconds, staffed),
                    served_today=served_count.get(q.id, 0),
                    service_seconds=seconds,
                    staffed_points=staffed,
                )
            )
        calls = session.execute(
            select(CallEvent, Ticket.code)
            .join(Ticket, Ticket.id == CallEvent.ticket_id)
            .where(CallEvent.business_day == day)
            .order_by(CallEvent.id.desc())
            .limit(recent)
        ).all()
        recent_calls = tuple(
            CallView(
                e.id,
                code,
                points[e.service_point_id].number,
                points[e.service_point_id].name,
                e.at,
                e.recall,
            )
            for e, code in calls
            if e.service_point_id in points
        )
        return QueueSnapshot(
            revision=int(office.revision),
            office_name=office.name,
            business_day=day,
            now=now,
            queues=tuple(statuses),
            waiting=waiting,
            parked=tuple(v for v in views if v.state == st.PARKED),
            points=point_status,
            recent_calls=recent_calls,
        )


def ahead_of(snapshot: QueueSnapshot, code: str) -> int:
    """How many wait before this ticket in its queue."""
    ticket = snapshot.ticket(code)
    if ticket is None or ticket.state != st.WAITING:
        return 0
    same = [t for t in snapshot.waiting if t.queue_letter == ticket.queue_letter]
    return next(i for i, t in enumerate(same) if t.code == code)


def estimate_detail(snapshot: QueueSnapshot, code: str) -> str:
    """The second line for a new ticket: "3 ahead, about 12 minutes"."""
    ticket = snapshot.ticket(code)
    status = snapshot.queue(ticket.queue_letter) if ticket else None
    if ticket is None or status is None:
        return ""
    ahead = ahead_of(snapshot, code)
    if ahead == 0:
        return "nobody ahead"
    minutes = status.wait_for(ahead)
    return f"{ahead} ahead, about {minutes} minute{'' if minutes == 1 else 's'}"
