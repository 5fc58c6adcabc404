"""Daily summaries: one business day's figures, computed from its visit-level rows.

A summary is stored with the day's revision (``day_summary``) and computed
again when the revision has moved. Everything a period report needs is in it,
in a form that adds up across days: counts, and one-minute histograms of the
durations (see :mod:`app.services.stats.histogram`). Times are read in the
office's time zone, so hours are the office's hours on 23- and 25-hour days too.

The summary holds no visitor identity. It holds per-staff figures under
``staff``, for the manager's own view; :func:`central_part` is what may leave
the office.

Definitions (docs/statistics.md):

- visitors: every ticket issued plus every quick visit without a ticket;
- wait: issued → first called; service: called → finished, plus the time
  served before a park;
- visits whose timing is flagged unreliable (the case worker forgot to
  finish) are left out of the time figures and counted under ``unreliable``;
- staffed minutes: per service point, the span from its first call to the end
  of its last visit, without gaps of more than 30 minutes with no visitor.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.models import (
    DayRevision,
    DaySummary,
    Office,
)
from app.models import states as st
from app.models.db import Store
from app.services.clock import office_day
from app.services.stats.histogram import Histogram

log = logging.getLogger(__name__)

SUMMARY_VERSION = 2  # 2: histogram bins as a list by minute
IDLE_GAP = timedelta(minutes=30)  # longer without a visitor: the point was not staffed
BATCH_DAYS = 7  # days computed per read when many summaries are due


@dataclass
class _Part:
    """Counts and durations of one slice of a day (the whole day, a queue, an hour)."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    wait: Histogram = field(default_factory=Histogram)
    service: Histogram = field(default_factory=Histogram)

    def to_json(self) -> dict[str, Any]:
        return {
            **dict(sorted(self.counts.items())),
            "wait": self.wait.to_json(),
            "service": self.service.to_json(),
        }


@dataclass
class _Day:
    whole: _Part = field(default_factory=_Part)
    wait_booked: Histogram = field(default_factory=Histogram)
    wait_walk_in: Histogram = field(default_factory=Histogram)
    queues: dict[str, _Part] = field(default_factory=lambda: defaultdict(_Part))
    hours: dict[str, _Part] = field(default_factory=lambda: defaultdict(_Part))
    staffed: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    queue_max: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errands: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )
    estimate: _Part = field(default_factory=_Part)
    estimate_queues: dict[str, _Part] = field(default_factory=lambda: defaultdict(_Part))
    estimate_hours: dict[str, _Part] = field(default_factory=lambda: defaultdict(_Part))
    staff: dict[str, _Part] = field(default_factory=lambda: defaultdict(_Part))

    def to_json(self) -> dict[str, Any]:
        return {
            "version": SUMMARY_VERSION,
            **self.whole.to_json(),
            "wait_booked": self.wait_booked.to_json(),
            "wait_walk_in": self.wait_walk_in.to_json(),
            "queues": {k: v.to_json() for k, v in sorted(self.queues.items())},
            "hours": {
                h: {
                    **part.to_json(),
                    "staffed_minutes": round(self.staffed.get(h, 0.0), 1),
                    "queue_max": self.queue_max.get(h, 0),
                }
                for h, part in sorted(self.hours.items())
            },
            "staffed_minutes": round(sum(self.staffed.values()), 1),
            "breakdowns": {k: dict(sorted(v.items())) for k, v in sorted(self.errands.items())},
            "estimate": {
                **self.estimate.to_json(),
                "queues": {k: v.to_json() for k, v in sorted(self.estimate_queues.items())},
                "hours": {k: v.to_json() for k, v in sorted(self.estimate_hours.items())},
            },
            "staff": {k: v.to_json() for k, v in sorted(self.staff.items())},
        }


class _LocalHours:
    """Local hours of epoch instants, with the zone's offset looked up once per UTC hour."""

    def __init__(self, tz: ZoneInfo) -> None:
        self._tz = tz
        self._offsets: dict[int, int] = {}

    def offset(self, epoch: float) -> int:
        bucket = int(epoch // 3600)
        found = self._offsets.get(bucket)
        if found is None:
            delta = datetime.fromtimestamp(bucket * 3600, self._tz).utcoffset()
            found = self._offsets[bucket] = int(delta.total_seconds()) if delta else 0
        return found

    def hour(self, epoch: float) -> str:
        return _HOURS[int((epoch + self.offset(epoch)) // 3600) % 24]

    def spans(self, start: float, end: float) -> Iterable[tuple[str, float]]:
        """The minutes of [start, end) in each local hour."""
        at = start
        while at < end:
            offset = self.offset(at)
            boundary = (int((at + offset) // 3600) + 1) * 3600 - offset
            stop = min(end, float(boundary))
            yield self.hour(at), (stop - at) / 60.0
            at = stop


_HOURS = tuple(f"{h:02d}" for h in range(24))
_OUTCOME_OF_STATE = {
    st.DONE: "served",
    st.NO_SHOW: "no_shows",
    st.WALKED_OUT: "walked_out",
    st.CANCELLED: "cancelled",
    st.NOT_SERVED: "not_served",
}


def _epoch(dialect: str, column: str) -> str:
    """SQL for an instant column as epoch seconds (UTC), in the store's dialect."""
    if dialect == "sqlite":  # to the millisecond: a Julian day's float is off by microseconds
        return f"round((julianday({column}) - 2440587.5) * 86400.0, 3)"
    return f"EXTRACT(EPOCH FROM {column})"


def _queries(dialect: str) -> dict[str, str]:
    e = functools.partial(_epoch, dialect)
    return {
        "office": "SELECT time_zone FROM office ORDER BY id LIMIT 1",
        "tickets": (
            f"SELECT t.id, t.business_day, q.letter, t.state, t.booked, {e('t.issued_at')},"
            f" {e('t.first_called_at')}, {e('t.closed_at')}, t.served_seconds, t.estimate_minutes"
            " FROM ticket t JOIN queue q ON q.id = t.origin_queue_id"
            " WHERE t.business_day >= :first AND t.business_day <= :last"
        ),
        "visits": (
            "SELECT id, business_day, ticket_id, channel, service_point_id, staff_id,"
            f" {e('started_at')}, {e('ended_at')}, timing_unreliable FROM visit"
            " WHERE business_day >= :first AND business_day <= :last"
        ),
        "calls": (
            f"SELECT business_day, service_point_id, {e('at')} FROM call_event"
            " WHERE business_day >= :first AND business_day <= :last"
        ),
        "errands": (
            "SELECT v.business_day, a.code, k.code, o.code, r.code, l.code, i.code"
            " FROM errand e JOIN visit v ON v.id = e.visit_id"
            " JOIN agency a ON a.id = e.agency_id"
            " LEFT JOIN errand_type k ON k.id = e.errand_type_id"
            " JOIN outcome o ON o.id = e.outcome_id"
            " LEFT JOIN referral_target r ON r.id = e.referral_target_id"
            " LEFT JOIN language l ON l.id = e.language_id"
            " LEFT JOIN interpreter_kind i ON i.id = e.interpreter_kind_id"
            " WHERE v.business_day >= :first AND v.business_day <= :last"
        ),
    }


def _day(value: Any) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def compute_days(source: Store, days: list[date]) -> dict[date, dict[str, Any]]:
    """The summaries of these business days, from their rows (a few queries for all of them).

    The rows are read as plain SQL with instants as epoch seconds: a year of a
    big office is a million values, and parsing each into a datetime would
    cost more than all the counting.
    """
    if not days:
        return {}
    sql = _queries(source.dialect)
    first, last = min(days), max(days)
    span = {"first": first, "last": last}
    with source.reading() as fetch:
        (zone_name,) = fetch(sql["office"], {})[0]
        tickets = fetch(sql["tickets"], span)
        visits = fetch(sql["visits"], span)
        calls = fetch(sql["calls"], span)
        errand_rows = fetch(sql["errands"], span)
    return _count(days, ZoneInfo(zone_name), tickets, visits, calls, errand_rows)


def _count(
    days: list[date],
    tz: ZoneInfo,
    tickets: list[Any],
    visits: list[Any],
    calls: list[Any],
    errand_rows: list[Any],
) -> dict[date, dict[str, Any]]:
    local = _LocalHours(tz)
    wanted = set(days)
    result: dict[date, _Day] = {d: _Day() for d in days}
    unreliable_tickets = {v[2] for v in visits if v[2] and v[8]}
    by_ticket: dict[int, tuple[str, float, int]] = {}

    # -- tickets: counts, waits, estimates, the queue's length through the day
    queue_events: dict[date, list[tuple[float, int]]] = defaultdict(list)
    for t_id, t_day, letter, state, booked, issued, first_called, closed, served, told in tickets:
        t_day = _day(t_day)
        by_ticket[t_id] = (letter, issued, served or 0)
        if t_day not in wanted:
            continue
        day = result[t_day]
        hour = local.hour(issued)
        slices = (day.whole, day.queues[letter], day.hours[hour])
        kind = "booked" if booked else "walk_in"
        outcome = _OUTCOME_OF_STATE.get(state)
        for part in slices:
            counts = part.counts
            counts["tickets"] += 1
            counts["visitors"] += 1
            counts[kind] += 1
            if outcome:
                counts[outcome] += 1
        left = first_called if first_called is not None else closed
        events = queue_events[t_day]
        events.append((issued, 1))
        if left is not None:
            events.append((left, -1))
        if first_called is None or t_id in unreliable_tickets:
            continue
        waited = first_called - issued
        for part in slices:
            part.wait.add(waited)
        (day.wait_booked if booked else day.wait_walk_in).add(waited)
        if told is not None:
            error = abs(waited - told * 60)
            for part in (day.estimate, day.estimate_queues[letter], day.estimate_hours[hour]):
                part.counts["count"] += 1
                part.counts["within_5_min"] += int(error <= 300)
                part.wait.add(error)  # the error, not a wait: the same histogram form

    for d, events in queue_events.items():
        length, peaks = 0, result[d].queue_max
        for at, step in sorted(events):
            length += step
            hour = local.hour(at)
            if length > peaks[hour]:
                peaks[hour] = length

    # -- visits: service times, quick visits, staffed minutes, per staff
    busy: dict[tuple[date, int], list[tuple[float, float]]] = defaultdict(list)
    for _v_id, v_day, ticket_id, channel, point_id, staff_id, started, ended, unreliable in visits:
        v_day = _day(v_day)
        if v_day not in wanted:
            continue
        day = result[v_day]
        ticket = by_ticket.get(ticket_id) if ticket_id else None
        hour = local.hour(ticket[1] if ticket else started)
        staff_part = day.staff[str(staff_id)] if staff_id is not None else None
        if ticket is None:  # a quick visit, at the desk or on the phone
            for part in (day.whole, day.hours[hour]):
                part.counts["visitors"] += 1
                part.counts["served"] += 1
                part.counts[f"quick_{channel}"] += 1
        if staff_part is not None:
            staff_part.counts["served"] += 1
        if unreliable:
            day.whole.counts["unreliable"] += 1
            continue
        if ended is None or ended <= started:
            continue
        served = ended - started + (ticket[2] if ticket else 0)
        parts = [day.whole, day.hours[hour]]
        if ticket is not None:
            parts.append(day.queues[ticket[0]])
        if staff_part is not None:
            parts.append(staff_part)
        for part in parts:
            part.service.add(served)
        if point_id is not None and ticket is not None:
            busy[(v_day, point_id)].append((started, ended))
    for c_day, point_id, at in calls:
        c_day = _day(c_day)
        if c_day in wanted:
            busy[(c_day, point_id)].append((at, at))
    gap = IDLE_GAP.total_seconds()
    for (d, _point), spans in busy.items():
        spans.sort()
        staffed = result[d].staffed
        start, end = spans[0]
        for s_at, e_at in spans[1:]:
            if s_at - end > gap:
                for hour, minutes in local.spans(start, end):
                    staffed[hour] += minutes
                start = s_at
            end = max(end, e_at)
        for hour, minutes in local.spans(start, end):
            staffed[hour] += minutes

    # -- errands, in codes
    for e_day, agency_code, type_code, outcome, referral, language, interpreter in errand_rows:
        e_day = _day(e_day)
        if e_day not in wanted:
            continue
        lists = result[e_day].errands
        lists["agencies"][agency_code] += 1
        if type_code:
            lists["errand_types"][f"{agency_code}/{type_code}"] += 1
        lists["outcomes"][outcome] += 1
        if referral:
            lists["referrals"][referral] += 1
        lists["languages"][language or "sv"] += 1
        lists["interpreters"][interpreter or "none"] += 1
        result[e_day].whole.counts["errands"] += 1
    return {d: day.to_json() for d, day in result.items()}


@contextlib.contextmanager
def _collector_resting() -> Iterator[None]:
    """Hold Python's cycle collector while the rows are counted.

    The rows make many short-lived objects and no cycles; a full collection in
    the middle would stop every thread of the process (the GUI's too) for a
    tenth of a second. Their memory is freed as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def central_part(summary: dict[str, Any]) -> dict[str, Any]:
    """What of a summary may leave the office: everything but the per-staff figures."""
    return {k: v for k, v in summary.items() if k != "staff"}


def day_summaries(
    store: Store, first: date, last: date, now: datetime, *, only_stale: bool = False
) -> dict[date, dict]:
    """The stored summary of every business day in [first, last] with records.

    Days whose revision moved since their summary was computed (or that have
    none) are computed now, in one transaction, and stored. Days without any
    record are left out (a closed day: zeros). With ``only_stale``, just the
    days computed now are returned.
    """
    with store.read() as session:
        revisions = dict(
            session.execute(
                select(DayRevision.business_day, DayRevision.revision).where(
                    DayRevision.business_day >= first, DayRevision.business_day <= last
                )
            ).all()
        )
        stored = {  # plain rows, not ORM objects: a year is 365 of them to read, not to track
            row.business_day: row
            for row in session.execute(
                select(DaySummary.business_day, DaySummary.revision, DaySummary.data).where(
                    DaySummary.business_day >= first, DaySummary.business_day <= last
                )
            )
        }
        stale = sorted(
            d
            for d, rev in revisions.items()
            if d not in stored
            or stored[d].revision != rev
            or stored[d].data.get("version") != SUMMARY_VERSION
        )
        purged_before = session.scalar(select(Office.purged_before))
        if purged_before is not None:  # their rows are gone: what is stored is what there is
            stale = [d for d in stale if d >= purged_before or d not in stored]
        out = {d: s.data for d, s in stored.items() if d in revisions and d not in stale}
        fresh: dict[date, dict[str, Any]] = {}
        # A few weeks at a time: each read stays short, so a screen's thread is never held
        # for long by one big fetch (the GUI thread waits for the interpreter meanwhile).
        with _collector_resting():
            for start in range(0, len(stale), BATCH_DAYS):
                fresh.update(compute_days(store, stale[start : start + BATCH_DAYS]))
    if fresh:
        _store(store, fresh, revisions, now)
    if only_stale:
        return fresh
    out.update(fresh)
    return dict(sorted(out.items()))


def compute_past_days(store: Store, now: datetime) -> int:
    """Bring every past day's stored summary up to date; the number of days computed.

    The programs of an office call this once an hour in the background (the
    daily upkeep), so a manager who opens the statistics after an upgrade, a
    restore or a late correction finds the days computed already. Today is
    left to the statistics themselves: its revision moves with every call.
    """
    today = office_day(store, now)
    with store.read() as session:
        first = session.scalar(select(func.min(DayRevision.business_day)))
        if first is None or first >= today:
            return 0
        fresh = session.scalar(
            select(func.count())
            .select_from(DayRevision)
            .join(DaySummary, DaySummary.business_day == DayRevision.business_day)
            .where(DayRevision.business_day < today, DaySummary.revision == DayRevision.revision)
        )
        past = session.scalar(
            select(func.count()).select_from(DayRevision).where(DayRevision.business_day < today)
        )
    if fresh == past and store.memo.get("summaries_checked"):
        return 0  # the hourly check costs two counts when no revision moved
    # The first pass of a process reads every summary: one of an older version is due too.
    before = time.perf_counter()
    computed = len(day_summaries(store, first, today - timedelta(days=1), now, only_stale=True))
    store.memo["summaries_checked"] = True
    log.info(
        "daily summaries brought up to date: %d days in %.1f s",
        computed,
        time.perf_counter() - before,
    )
    return computed


def _store(
    store: Store, fresh: dict[date, dict], revisions: dict[date, int], now: datetime
) -> None:
    """Keep the computed summaries, each with the revision it was computed from."""
    with store.write() as session:
        for d, data in fresh.items():
            row = session.get(DaySummary, d)
            if row is None:
                session.add(
                    DaySummary(business_day=d, revision=revisions[d], computed_at=now, data=data)
                )
            else:
                row.revision, row.computed_at, row.data = revisions[d], now, data
