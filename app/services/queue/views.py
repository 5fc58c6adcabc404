"""Read models of the queue for screens and the command line.

One :func:`read_snapshot` reads everything a reception, service-point or display
screen shows, on one consistent snapshot; screens read it again when the office
revision moves. It is plain, portable SQL on a :data:`~app.store.rows.Fetch`,
with no SQLAlchemy: the same code reads through an open store and, at start-up,
through a bare ``sqlite3`` connection, so the first window shows before
SQLAlchemy has loaded.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.models import states as st
from app.services.office.calendar import OpeningHours
from app.services.office.clock import OFFICE_TZ, Clock, business_day, zone
from app.store.rows import Fetch, Readable, Row, document, flag, instant, optional_instant

DEFAULT_SERVICE_SECONDS = 6 * 60
ESTIMATE_SAMPLE = 30  # finished tickets that shape an estimate
ESTIMATE_MIN_SAMPLE = 5  # fewer than this in a queue: use the whole office's times
ESTIMATE_LOOKBACK_DAYS = 14
RECENT_CALLS = 16  # calls and recalls: the display lists those that still matter
RECENT_TICKETS = 12  # reception's list of the latest tickets


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
    staff_id: int | None = None  # who called it (None: not called, or by the command line)
    language: str | None = None  # the visitor's language (a catalog code), if they chose one
    due_at: datetime | None = None  # a checked-in booking: first in line from then
    appointment_at: datetime | None = None  # a checked-in booking: its booked time


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
    reserve_minutes: int | None = None  # reserved for booked visits (calling.py)


@dataclass(frozen=True)
class CallView:
    """A call or recall, as the display announces it."""

    event_id: int
    code: str
    point_number: int
    point_name: str
    at: datetime
    recall: bool
    # The ticket now: a call stops standing once its ticket is finished, a no-show,
    # back in a queue (returned, parked, transferred) or called at another point.
    ticket_state: str = st.CALLED
    at_point: bool = True  # the ticket is still with this call's service point
    language: str | None = None  # the called visitor's language, if they chose one
    appointment_at: datetime | None = None  # a checked-in booking's booked time

    @property
    def stands(self) -> bool:
        """The visitor is still called to, or served at, this call's service point."""
        return self.at_point and self.ticket_state in (st.CALLED, st.SERVING)

    @property
    def served(self) -> bool:
        """The visitor was served at this call's service point and is done."""
        return self.at_point and self.ticket_state == st.DONE


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
    opening_hours: OpeningHours = field(default_factory=dict)
    # The day's latest tickets, newest first, in any state (served, no-show … too).
    recent_tickets: tuple[TicketView, ...] = ()
    time_zone: ZoneInfo = OFFICE_TZ  # the office's time zone: its clock times and business day

    def queue(self, letter: str) -> QueueStatus | None:
        """The status of one queue by letter."""
        return next((q for q in self.queues if q.letter == letter), None)

    def ticket(self, code: str) -> TicketView | None:
        """A waiting, parked or called ticket by code."""
        found = [t for t in self.waiting + self.parked if t.code == code]
        found += [p.current for p in self.points if p.current and p.current.code == code]
        return found[0] if found else None


def _in(values: Iterable[str]) -> str:
    return "(" + ", ".join(f"'{value}'" for value in values) + ")"


# The office revision: the set-up counter plus every day's counter (see services.revision).
REVISION_SQL = (
    "SELECT (SELECT revision FROM office ORDER BY id LIMIT 1)"
    " + (SELECT COALESCE(SUM(revision), 0) FROM day_revision)"
)
_OFFICE = f"SELECT name, opening_hours, ({REVISION_SQL}), time_zone FROM office ORDER BY id LIMIT 1"
_QUEUES = "SELECT id, letter, label, label_en, active FROM queue ORDER BY sort_order, letter"
_POINTS = (
    "SELECT id, number, name, booking_reserve_minutes FROM service_point"
    " WHERE active ORDER BY number"
)
_PROFILES = (
    "SELECT service_point_id, queue_id FROM service_point_queue ORDER BY service_point_id, position"
)
# Today's active tickets in the order they are called: booked first, then by place.
_ACTIVE_TICKETS = (
    "SELECT id, code, queue_id, origin_queue_id, state, booked, issued_at, called_at,"
    " first_called_at, service_point_id, recalls, print_status, staff_id, language, due_at,"
    " appointment_at"
    " FROM ticket"
    f" WHERE business_day = :day AND state IN {_in(st.ACTIVE_STATES)}"
    # As call-next takes them: a due priority ticket, the walk-ins, a booking checked in
    # early (its turn comes at its time: app.services.queue.calling._booked_rank).
    " ORDER BY CASE WHEN booked AND (due_at IS NULL OR due_at <= :now) THEN 0"
    " WHEN booked THEN 2 ELSE 1 END, place_at, number, id"
)
# Today's latest tickets whatever became of them (reception's "Senaste kölappar").
_RECENT_TICKETS = (
    "SELECT id, code, queue_id, origin_queue_id, state, booked, issued_at, called_at,"
    " first_called_at, service_point_id, recalls, print_status, staff_id, language, due_at,"
    " appointment_at"
    " FROM ticket"
    " WHERE business_day = :day ORDER BY id DESC LIMIT :limit"
)
_SERVED = (
    "SELECT queue_id, COUNT(*) FROM ticket"
    f" WHERE business_day = :day AND state = '{st.DONE}' GROUP BY queue_id"
)
# One business day's finished tickets, latest first: a short range of the
# (business_day, state) index, however long the history is.
_DONE_ON_DAY = (
    "SELECT queue_id, called_at, closed_at FROM ticket"
    f" WHERE business_day = :day AND state = '{st.DONE}'"
    " ORDER BY closed_at DESC LIMIT :limit"
)
_CALLING_POINTS = (
    "SELECT service_point_id FROM call_event WHERE business_day = :day AND at >= :since"
)
_RECENT_CALLS = (
    "SELECT e.id, t.code, e.service_point_id, e.at, e.recall, t.state, t.service_point_id,"
    " t.language, t.appointment_at FROM call_event e JOIN ticket t ON t.id = e.ticket_id"
    " WHERE e.business_day = :day ORDER BY e.id DESC LIMIT :limit"
)


def fill_profiles(
    pairs: Iterable[Row], point_ids: Iterable[int], every_active: list[int]
) -> dict[int, list[int]]:
    """The queues each point serves, from (point, queue) rows in profile order.

    A point with no queues of its own serves every active queue.
    """
    profiles: dict[int, list[int]] = {point_id: [] for point_id in point_ids}
    for point_id, queue_id in pairs:
        if point_id in profiles:
            profiles[point_id].append(queue_id)
    for queue_ids in profiles.values():
        if not queue_ids:
            queue_ids.extend(every_active)
    return profiles


def _view(row: Row, letters: dict[int, str], points: dict[int, Row], now: datetime) -> TicketView:
    (id_, code, queue_id, origin_id, state, booked, issued, called, first_called, point_id,
     recalls, print_status, staff_id, language, due_at, appointment_at) = row  # fmt: skip
    issued_at, first_called_at = instant(issued), optional_instant(first_called)
    # Still waiting (also after a return or a transfer): the wait goes on until now.
    end = now if state == st.WAITING or first_called_at is None else first_called_at
    point = points.get(point_id) if point_id else None
    return TicketView(
        id=id_,
        code=code,
        queue_letter=letters[queue_id],
        origin_letter=letters[origin_id],
        state=state,
        booked=flag(booked),
        issued_at=issued_at,
        called_at=optional_instant(called),
        wait_seconds=max(0, int((end - issued_at).total_seconds())),
        service_point_number=point[1] if point else None,
        service_point_name=point[2] if point else None,
        recalls=recalls,
        print_status=print_status,
        staff_id=staff_id,
        language=language,
        due_at=optional_instant(due_at),
        appointment_at=optional_instant(appointment_at),
    )


def _service_seconds(fetch: Fetch, on: date) -> dict[int | None, float]:
    """Median recent service time per queue id (None: the whole office).

    Walks back from today one business day at a time until it has its sample: one
    query over ``business_day >= since`` made the database sort every finished
    ticket of the lookback (or of the whole year, by the state index) first.
    A ticket is finished on its own business day, so this is the same latest-first order.
    """
    wanted = ESTIMATE_SAMPLE * 10
    rows: list[Row] = []
    for back in range(ESTIMATE_LOOKBACK_DAYS + 1):
        rows += fetch(_DONE_ON_DAY, {"day": on - timedelta(days=back), "limit": wanted - len(rows)})
        if len(rows) >= wanted:
            break
    per_queue: dict[int | None, list[float]] = {}
    for queue_id, called, closed in rows:
        if called is None or closed is None:
            continue
        seconds = (instant(closed) - instant(called)).total_seconds()
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


def read_revision(fetch: Fetch) -> int:
    """The office's current revision: moves whenever anything shown changes."""
    rows = fetch(REVISION_SQL, {})
    return int(rows[0][0] or 0) if rows else 0


def office_revision(source: Readable) -> int:
    """The office's current revision, read on its own: what screens poll."""
    with source.reading() as fetch:
        return read_revision(fetch)


def read_snapshot(fetch: Fetch, now: datetime, *, recent: int = RECENT_CALLS) -> QueueSnapshot:
    """The whole front-desk picture of today, in one read transaction's `fetch`."""
    office_name, hours, revision, time_zone = fetch(_OFFICE, {})[0]
    office_tz = zone(time_zone)
    today = business_day(now, office_tz)
    on_day = {"day": today}
    queues = fetch(_QUEUES, {})
    letters = {row[0]: row[1] for row in queues}
    points = {row[0]: row for row in fetch(_POINTS, {})}
    active = fetch(_ACTIVE_TICKETS, {**on_day, "now": now})
    views = [_view(row, letters, points, now) for row in active]
    waiting = tuple(v for v in views if v.state == st.WAITING)
    current = {v.service_point_number: v for v in views if v.state in (st.CALLED, st.SERVING)}
    every_active = [row[0] for row in queues if flag(row[4])]
    profiles = fill_profiles(fetch(_PROFILES, {}), points, every_active)
    point_status = tuple(
        PointStatus(
            number, name, tuple(letters[q] for q in profiles[id_]), current.get(number), reserve
        )
        for id_, number, name, reserve in points.values()
    )
    served_count = {queue_id: count for queue_id, count in fetch(_SERVED, on_day)}
    times = _service_seconds(fetch, today)
    # Points that are staffed now: serving someone, or called within the last half hour.
    since = now - timedelta(minutes=30)
    staffed_ids = {row[0] for row in fetch(_CALLING_POINTS, {"day": today, "since": since})}
    staffed_ids |= {row[0] for row in points.values() if row[1] in current}
    statuses = []
    for id_, letter, label, label_en, active in queues:
        if not flag(active):
            continue
        in_queue = [v for v in waiting if v.queue_letter == letter]
        staffed = sum(1 for p_id in staffed_ids if id_ in profiles.get(p_id, []))
        seconds = times.get(id_, times.get(None, DEFAULT_SERVICE_SECONDS))
        statuses.append(
            QueueStatus(
                letter=letter,
                label=label,
                label_en=label_en,
                waiting=len(in_queue),
                booked_waiting=sum(1 for v in in_queue if v.booked),
                estimated_wait_minutes=estimate_minutes(len(in_queue), seconds, staffed),
                served_today=served_count.get(id_, 0),
                service_seconds=seconds,
                staffed_points=staffed,
            )
        )
    latest = fetch(_RECENT_TICKETS, {"day": today, "limit": RECENT_TICKETS})
    recent_tickets = tuple(_view(row, letters, points, now) for row in latest)
    calls = fetch(_RECENT_CALLS, {"day": today, "limit": recent})
    recent_calls = tuple(
        CallView(
            id_,
            code,
            points[p_id][1],
            points[p_id][2],
            instant(at),
            flag(recall),
            ticket_state=state,
            at_point=ticket_point == p_id,
            language=language,
            appointment_at=optional_instant(appointment),
        )
        for id_, code, p_id, at, recall, state, ticket_point, language, appointment in calls
        if p_id in points
    )
    return QueueSnapshot(
        revision=int(revision or 0),
        office_name=office_name,
        business_day=today,
        now=now,
        queues=tuple(statuses),
        waiting=waiting,
        parked=tuple(v for v in views if v.state == st.PARKED),
        points=point_status,
        recent_calls=recent_calls,
        opening_hours=document(hours) or {},
        recent_tickets=recent_tickets,
        time_zone=office_tz,
    )


def queue_snapshot(source: Readable, clock: Clock, *, recent: int = RECENT_CALLS) -> QueueSnapshot:
    """Read the whole front-desk picture of today, from a store or start-up's quick reader."""
    with source.reading() as fetch:
        return read_snapshot(fetch, clock.now(), recent=recent)


def ahead_of(snapshot: QueueSnapshot, code: str) -> int:
    """How many wait before this ticket in its queue."""
    ticket = snapshot.ticket(code)
    if ticket is None or ticket.state != st.WAITING:
        return 0
    same = [t for t in snapshot.waiting if t.queue_letter == ticket.queue_letter]
    return next(i for i, t in enumerate(same) if t.code == code)


def estimate_minutes_for(snapshot: QueueSnapshot, code: str) -> int | None:
    """The wait to tell the holder of a new ticket (0: nobody ahead), or None if unknown."""
    ticket = snapshot.ticket(code)
    status = snapshot.queue(ticket.queue_letter) if ticket else None
    if ticket is None or status is None:
        return None
    ahead = ahead_of(snapshot, code)
    return status.wait_for(ahead) if ahead else 0


def estimate_detail(snapshot: QueueSnapshot, code: str) -> str:
    """The second line for a new ticket: "3 ahead, about 12 minutes"."""
    minutes = estimate_minutes_for(snapshot, code)
    if minutes is None:
        return ""
    ahead = ahead_of(snapshot, code)
    if ahead == 0:
        return "nobody ahead"
    return f"{ahead} ahead, about {minutes} minute{'' if minutes == 1 else 's'}"
