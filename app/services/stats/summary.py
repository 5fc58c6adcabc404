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
import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from app.models import (
    Agency,
    CallEvent,
    DayRevision,
    DaySummary,
    Errand,
    ErrandType,
    InterpreterKind,
    Language,
    Office,
    Outcome,
    Queue,
    ReferralTarget,
    Ticket,
    Visit,
)
from app.models import states as st
from app.models.db import Store
from app.services.stats.histogram import Histogram

SUMMARY_VERSION = 1
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


def _hour(instant: datetime, tz: ZoneInfo) -> str:
    return f"{instant.astimezone(tz).hour:02d}"


def _minute_spans(start: datetime, end: datetime, tz: ZoneInfo) -> Iterable[tuple[str, float]]:
    """The minutes of [start, end) in each local hour."""
    at = start
    while at < end:
        local = at.astimezone(tz)
        next_hour = (
            local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        ).astimezone(at.tzinfo)
        stop = min(end, next_hour)
        yield f"{local.hour:02d}", (stop - at).total_seconds() / 60.0
        at = stop


def compute_days(session: Session, days: list[date]) -> dict[date, dict[str, Any]]:
    """The summaries of these business days, from their rows (a few queries for all of them)."""
    if not days:
        return {}
    office = session.scalar(select(Office))
    assert office is not None
    tz = ZoneInfo(office.time_zone)
    first, last = min(days), max(days)
    wanted = set(days)
    result: dict[date, _Day] = {d: _Day() for d in days}
    in_range = and_(Ticket.business_day >= first, Ticket.business_day <= last)

    origin = aliased(Queue)
    tickets = session.execute(
        select(
            Ticket.id,
            Ticket.business_day,
            origin.letter,
            Ticket.state,
            Ticket.booked,
            Ticket.issued_at,
            Ticket.first_called_at,
            Ticket.closed_at,
            Ticket.served_seconds,
            Ticket.estimate_minutes,
        )
        .join(origin, origin.id == Ticket.origin_queue_id)
        .where(in_range)
    ).all()
    visits = session.execute(
        select(
            Visit.id,
            Visit.business_day,
            Visit.ticket_id,
            Visit.channel,
            Visit.service_point_id,
            Visit.staff_id,
            Visit.started_at,
            Visit.ended_at,
            Visit.timing_unreliable,
        ).where(Visit.business_day >= first, Visit.business_day <= last)
    ).all()
    visit_day = {v.id: v.business_day for v in visits}
    unreliable_tickets = {v.ticket_id for v in visits if v.ticket_id and v.timing_unreliable}
    by_ticket = {t.id: t for t in tickets}

    # -- tickets: counts, waits, estimates, the queue's length through the day
    queue_events: dict[date, list[tuple[datetime, int]]] = defaultdict(list)
    for t in tickets:
        if t.business_day not in wanted:
            continue
        day = result[t.business_day]
        hour = _hour(t.issued_at, tz)
        slices = (day.whole, day.queues[t.letter], day.hours[hour])
        for part in slices:
            part.counts["tickets"] += 1
            part.counts["visitors"] += 1
            part.counts["booked" if t.booked else "walk_in"] += 1
            outcome = {
                st.DONE: "served",
                st.NO_SHOW: "no_shows",
                st.WALKED_OUT: "walked_out",
                st.CANCELLED: "cancelled",
                st.NOT_SERVED: "not_served",
            }.get(t.state)
            if outcome:
                part.counts[outcome] += 1
        left = t.first_called_at or t.closed_at
        queue_events[t.business_day].append((t.issued_at, 1))
        if left is not None:
            queue_events[t.business_day].append((left, -1))
        if t.first_called_at is None:
            continue
        if t.id in unreliable_tickets:
            continue
        waited = (t.first_called_at - t.issued_at).total_seconds()
        for part in slices:
            part.wait.add(waited)
        (day.wait_booked if t.booked else day.wait_walk_in).add(waited)
        if t.estimate_minutes is not None:
            error = abs(waited - t.estimate_minutes * 60)
            for part in (day.estimate, day.estimate_queues[t.letter], day.estimate_hours[hour]):
                part.counts["count"] += 1
                part.counts["within_5_min"] += int(error <= 300)
                part.wait.add(error)  # the error, not a wait: the same histogram form

    for d, events in queue_events.items():
        length = 0
        for at, step in sorted(events, key=lambda e: (e[0], e[1])):
            length += step
            hour = _hour(at, tz)
            result[d].queue_max[hour] = max(result[d].queue_max[hour], length)

    # -- visits: service times, quick visits, staffed minutes, per staff
    busy: dict[tuple[date, int], list[tuple[datetime, datetime]]] = defaultdict(list)
    for v in visits:
        if v.business_day not in wanted:
            continue
        day = result[v.business_day]
        ticket = by_ticket.get(v.ticket_id) if v.ticket_id else None
        hour = _hour(ticket.issued_at if ticket else v.started_at, tz)
        staff_part = day.staff[str(v.staff_id)] if v.staff_id is not None else None
        if ticket is None:  # a quick visit, at the desk or on the phone
            for part in (day.whole, day.hours[hour]):
                part.counts["visitors"] += 1
                part.counts["served"] += 1
                part.counts[f"quick_{v.channel}"] += 1
        if staff_part is not None:
            staff_part.counts["served"] += 1
        if v.timing_unreliable:
            day.whole.counts["unreliable"] += 1
            continue
        if v.ended_at is None or v.ended_at <= v.started_at:
            continue
        served = (v.ended_at - v.started_at).total_seconds() + (
            ticket.served_seconds if ticket else 0
        )
        parts = [day.whole, day.hours[hour]]
        if ticket is not None:
            parts.append(day.queues[ticket.letter])
        if staff_part is not None:
            parts.append(staff_part)
        for part in parts:
            part.service.add(served)
        if v.service_point_id is not None and ticket is not None:
            busy[(v.business_day, v.service_point_id)].append((v.started_at, v.ended_at))

    calls = session.execute(
        select(CallEvent.business_day, CallEvent.service_point_id, CallEvent.at).where(
            CallEvent.business_day >= first, CallEvent.business_day <= last
        )
    ).all()
    for c in calls:
        if c.business_day in wanted:
            busy[(c.business_day, c.service_point_id)].append((c.at, c.at))
    for (d, _point), spans in busy.items():
        spans.sort()
        start, end = spans[0]
        for s, e in spans[1:]:
            if s - end > IDLE_GAP:
                for hour, minutes in _minute_spans(start, end, tz):
                    result[d].staffed[hour] += minutes
                start = s
            end = max(end, e)
        for hour, minutes in _minute_spans(start, end, tz):
            result[d].staffed[hour] += minutes

    # -- errands, in codes
    agency, kind = aliased(Agency), aliased(ErrandType)
    errands = session.execute(
        select(
            Errand.visit_id,
            agency.code,
            kind.code,
            Outcome.code,
            ReferralTarget.code,
            Language.code,
            InterpreterKind.code,
        )
        .join(agency, agency.id == Errand.agency_id)
        .outerjoin(kind, kind.id == Errand.errand_type_id)
        .join(Outcome, Outcome.id == Errand.outcome_id)
        .outerjoin(ReferralTarget, ReferralTarget.id == Errand.referral_target_id)
        .outerjoin(Language, Language.id == Errand.language_id)
        .outerjoin(InterpreterKind, InterpreterKind.id == Errand.interpreter_kind_id)
        .join(Visit, Visit.id == Errand.visit_id)
        .where(Visit.business_day >= first, Visit.business_day <= last)
    ).all()
    for visit_id, agency_code, type_code, outcome, referral, language, interpreter in errands:
        errand_day = visit_day.get(visit_id)
        if errand_day not in wanted:
            continue
        counts = result[errand_day].errands
        counts["agencies"][agency_code] += 1
        if type_code:
            counts["errand_types"][f"{agency_code}/{type_code}"] += 1
        counts["outcomes"][outcome] += 1
        if referral:
            counts["referrals"][referral] += 1
        counts["languages"][language or "sv"] += 1
        counts["interpreters"][interpreter or "none"] += 1
        result[errand_day].whole.counts["errands"] += 1
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


def day_summaries(store: Store, first: date, last: date, now: datetime) -> dict[date, dict]:
    """The stored summary of every business day in [first, last] with records.

    Days whose revision moved since their summary was computed (or that have
    none) are computed now, in one transaction, and stored. Days without any
    record are left out (a closed day: zeros).
    """
    with store.read() as session:
        revisions = dict(
            session.execute(
                select(DayRevision.business_day, DayRevision.revision).where(
                    DayRevision.business_day >= first, DayRevision.business_day <= last
                )
            ).all()
        )
        stored = {
            s.business_day: s
            for s in session.scalars(
                select(DaySummary).where(
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
        out = {d: s.data for d, s in stored.items() if d in revisions and d not in stale}
        fresh: dict[date, dict[str, Any]] = {}
        # A few weeks at a time: each read stays short, so a screen's thread is never held
        # for long by one big fetch (the GUI thread waits for the interpreter meanwhile).
        with _collector_resting():
            for start in range(0, len(stale), BATCH_DAYS):
                fresh.update(compute_days(session, stale[start : start + BATCH_DAYS]))
    if fresh:
        _store(store, fresh, revisions, now)
        out.update(fresh)
    return dict(sorted(out.items()))


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
