"""Booked visits in the figures: booked against walk-in visitors, missed bookings, punctuality.

A day's part (:func:`day_bookings`, kept in its summary under ``bookings``) is
counted from the day's booking rows beside its tickets and visits, by
:func:`app.services.stats.counting.compute_days`; a period's figures
(:func:`booking_figures`) are added up from the parts, like the rest.
Definitions (docs/statistics.md):

- booked visitors: tickets of a checked-in booking that were served; walk-in
  visitors: every other served ticket (a priority ticket without a booking,
  *förtur*, is a walk-in with priority);
- missed: a booking still booked (never checked in) whose time plus the
  office's tolerance has passed. It is never stored: the part keeps the times
  of the bookings still open, and the figures tell missed from still to come
  at the time they are read;
- punctuality: booked time → first call, in seconds, negative when called
  early; kept as two histograms (early, and on time or late) since a
  histogram holds no negative durations;
- walk-ins' wait while bookings are served: the wait of each walk-in called
  while at least one booked visitor was being served (from the booked
  visitor's call to the end of the visit), against the walk-ins called at
  any other time of the same days.

No identity: counts, histograms and the starting times of open bookings only.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app.models import Booking, Office
from app.models import states as st
from app.services.office.clock import office_zone
from app.services.stats.histogram import Histogram
from app.store.engine import Store

if TYPE_CHECKING:
    from app.services.stats.counting import _LocalHours

CHECKED_IN, CANCELLED = "checked_in", "cancelled"
_OPEN_CALL = (st.CALLED, st.SERVING)  # being served now: no visit row until the finish

# The figures of :func:`booking_figures`, in the order the exports show them.
COLUMNS = (
    "bookings",
    "checked_in",
    "booked_visitors",
    "walk_in_visitors",
    "missed_bookings",
    "missed_share",
    "pending_bookings",
    "cancelled_bookings",
    "punctuality_count",
    "punctuality_median_s",
    "punctuality_p90_s",
    "wait_during_booked_count",
    "wait_during_booked_median_s",
    "wait_outside_booked_count",
    "wait_outside_booked_median_s",
)


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


class _Spans:
    """The instants a day's booked visitors were being served, joined: is an instant inside?"""

    def __init__(self, spans: Iterable[tuple[float, float]]) -> None:
        joined: list[list[float]] = []
        for start, end in sorted(spans):
            if joined and start <= joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        self._starts = [s for s, _e in joined]
        self._ends = [e for _s, e in joined]

    def __contains__(self, at: float) -> bool:
        i = bisect_right(self._starts, at) - 1
        return i >= 0 and at < self._ends[i]


@dataclass
class _Part:
    """One day's booking rows and the tickets they gave, gathered before counting."""

    checked_in: int = 0
    cancelled: int = 0
    open_starts: list[int] = field(default_factory=list)
    visitors: int = 0
    walk_in_visitors: int = 0
    arrivals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    punctuality: list[int] = field(default_factory=list)
    during: list[int] = field(default_factory=list)
    outside: list[int] = field(default_factory=list)
    serving: list[tuple[float, float]] = field(default_factory=list)  # booked visits' spans
    joined: _Spans = field(default_factory=lambda: _Spans(()))

    def to_json(self) -> dict[str, Any]:
        """What the day's summary keeps under ``bookings``."""
        return {
            "checked_in": self.checked_in,
            "cancelled": self.cancelled,
            "open_starts": sorted(self.open_starts),
            "visitors": self.visitors,
            "walk_in_visitors": self.walk_in_visitors,
            "arrivals": dict(sorted(self.arrivals.items())),
            **_signed(self.punctuality),
            "wait_during_booked": Histogram.of_seconds(self.during).to_json(),
            "wait_outside_booked": Histogram.of_seconds(self.outside).to_json(),
        }


def _signed(seconds: list[int]) -> dict[str, Any]:
    """Signed durations as two histograms: the early ones (as positive seconds) and the rest."""
    return {
        "punctuality_early": Histogram.of_seconds([-s for s in seconds if s < 0]).to_json(),
        "punctuality_late": Histogram.of_seconds([s for s in seconds if s >= 0]).to_json(),
    }


def day_bookings(
    booking_rows: Sequence[Any],
    tickets: Sequence[Any],
    visits: Sequence[Any],
    hours: _LocalHours,
) -> dict[date, dict[str, Any]]:
    """The ``bookings`` part of each day that has booking rows (any state), from the rows
    :func:`~app.services.stats.counting.compute_days` read (instants as epoch seconds)."""
    parts: dict[date, _Part] = {}
    starts_of: dict[int, float] = {}  # a checked-in booking's ticket → its booked time
    for b_day, state, starts, ticket_id in booking_rows:
        part = parts.setdefault(_as_date(b_day), _Part())
        if state == CANCELLED:
            part.cancelled += 1
        elif state == CHECKED_IN:
            part.checked_in += 1
            if ticket_id is not None:
                starts_of[ticket_id] = starts
        else:
            part.open_starts.append(math.floor(starts))
    if not parts:
        return {}
    # A day as the rows give it (a date, or its ISO text on SQLite) → its part.
    by_key: dict[Any, _Part] = {**parts, **{d.isoformat(): p for d, p in parts.items()}}
    unreliable = {v[2] for v in visits if v[2] and v[8]}
    for _v_id, v_day, ticket_id, _ch, _pt, _staff, started, ended, flagged in visits:
        if ticket_id in starts_of and not flagged and v_day in by_key:
            by_key[v_day].serving.append((started, math.inf if ended is None else ended))
    day_tickets = []
    for ticket in tickets:
        t_id, t_day, _queue, state, _booked, issued, first_called = ticket[:7]
        of_day = by_key.get(t_day)
        if of_day is None:
            continue
        day_tickets.append((of_day, t_id, state, issued, first_called))
        if t_id in starts_of and state in _OPEN_CALL and first_called is not None:
            of_day.serving.append((first_called, math.inf))
    for part in parts.values():
        part.joined = _Spans(part.serving)
    for part, t_id, state, issued, first_called in day_tickets:
        timed = first_called is not None and t_id not in unreliable
        if t_id in starts_of:
            part.arrivals[hours[int(issued // 900)]] += 1
            part.visitors += state == st.DONE
            if timed:
                part.punctuality.append(round(first_called - starts_of[t_id]))
            continue
        part.walk_in_visitors += state == st.DONE
        if timed:
            kept = part.during if first_called in part.joined else part.outside
            kept.append(round(first_called - issued))
    return {d: part.to_json() for d, part in parts.items()}


def signed_quantile(early: Histogram, late: Histogram, q: float) -> float | None:
    """The q-quantile of signed durations kept as an early (negated) and a late histogram."""
    total = early.count + late.count
    if not total:
        return None
    rank = q * total
    if early.count and rank <= early.count:  # among the early ones, counted from the earliest
        found = early.quantile_s(1 - rank / early.count)
        return None if found is None else -found
    return late.quantile_s((rank - early.count) / late.count)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _tolerance_s(store: Store) -> int:
    with store.read() as session:
        value = session.scalar(select(Office.booking_tolerance_minutes).limit(1))
    return 60 * int(value if value is not None else 10)


def _served_tickets(summary: Mapping[str, Any]) -> int:
    """A day without bookings: every ticket served is a walk-in's."""
    quick = int(summary.get("quick_desk", 0)) + int(summary.get("quick_phone", 0))
    return int(summary.get("served", 0)) - quick


def _figures(summaries: Sequence[Mapping[str, Any]], missed_before: float) -> dict[str, Any]:
    """The booking figures of some days' summaries added up (missed: open before the cut)."""
    parts = [s["bookings"] for s in summaries if s.get("bookings")]
    open_starts = [t for p in parts for t in p.get("open_starts", ())]
    missed = sum(1 for t in open_starts if t < missed_before)
    checked_in = sum(int(p.get("checked_in", 0)) for p in parts)
    bookings = checked_in + len(open_starts)
    walk_ins = sum(
        int(s["bookings"]["walk_in_visitors"]) if s.get("bookings") else _served_tickets(s)
        for s in summaries
    )
    early = Histogram.added(p.get("punctuality_early") for p in parts)
    late = Histogram.added(p.get("punctuality_late") for p in parts)
    during = Histogram.added(p.get("wait_during_booked") for p in parts)
    outside = Histogram.added(p.get("wait_outside_booked") for p in parts)
    return {
        "bookings": bookings,
        "checked_in": checked_in,
        "booked_visitors": sum(int(p.get("visitors", 0)) for p in parts),
        "walk_in_visitors": walk_ins,
        "missed_bookings": missed,
        "missed_share": round(missed / bookings * 100, 1) if bookings else None,
        "pending_bookings": len(open_starts) - missed,
        "cancelled_bookings": sum(int(p.get("cancelled", 0)) for p in parts),
        "punctuality_count": early.count + late.count,
        "punctuality_median_s": _round(signed_quantile(early, late, 0.5)),
        "punctuality_p90_s": _round(signed_quantile(early, late, 0.9)),
        "wait_during_booked_count": during.count,
        "wait_during_booked_median_s": _round(during.quantile_s(0.5)),
        "wait_outside_booked_count": outside.count,
        "wait_outside_booked_median_s": _round(outside.quantile_s(0.5)),
    }


def booking_figures(
    store: Store, summaries: Mapping[date, Mapping[str, Any]], days: Sequence[date], now: datetime
) -> dict[str, Any]:
    """The period's booking figures (``bookings``) and one row per day (``booking_days``);
    a booking still open is missed once its time plus the office's tolerance is before now."""
    cut = now.timestamp() - _tolerance_s(store)
    none = _figures([], cut)  # a day without bookings: only its walk-ins to count

    def day(d: date) -> dict[str, Any]:
        s = summaries.get(d)
        if s is not None and s.get("bookings"):
            return {"day": d.isoformat(), **_figures([s], cut)}
        walk_ins = _served_tickets(s) if s is not None else 0
        return {"day": d.isoformat(), **none, "walk_in_visitors": walk_ins}

    return {
        "bookings": _figures(list(summaries.values()), cut),
        "booking_days": [day(d) for d in days],
    }


def has_bookings(figures: Mapping[str, Any]) -> bool:
    """Whether a period's figures hold any booking (the exports add their tables then)."""
    b = figures.get("bookings") or {}
    return bool(b.get("bookings") or b.get("cancelled_bookings"))


def central_bookings(part: Mapping[str, Any], threshold: int) -> dict[str, Any]:
    """A day's part as it may leave the office: counts, and the punctuality in whole seconds
    (None when fewer booked visitors than the small-count threshold were called).

    The document for a revision holds what the records said at it, whatever the time:
    a booking neither checked in nor cancelled counts as missed, which it is once the
    day is over (a check-in moves the revision; the day's last revision is exact).
    """
    early = Histogram.from_json(part.get("punctuality_early"))
    late = Histogram.from_json(part.get("punctuality_late"))
    shown = early.count + late.count >= max(1, threshold)

    def seconds(q: float) -> int | None:
        value = signed_quantile(early, late, q) if shown else None
        return None if value is None else round(value)

    missed = len(part.get("open_starts", ()))
    checked_in = int(part.get("checked_in", 0))
    return {
        "bookings": checked_in + missed,
        "checked_in": checked_in,
        "booked_visitors": int(part.get("visitors", 0)),
        "walk_in_visitors": int(part.get("walk_in_visitors", 0)),
        "missed_bookings": missed,
        "cancelled_bookings": int(part.get("cancelled", 0)),
        "punctuality_median_s": seconds(0.5),
        "punctuality_p90_s": seconds(0.9),
    }


def booked_minutes(store: Store, first: date, last: date) -> dict[date, dict[str, float]]:
    """Minutes of booked time per local hour ("10") of each day, from the bookings not
    cancelled (checked in, still to come or missed): the time already taken."""
    tz = office_zone(store)
    with store.read() as session:
        rows = session.execute(
            select(Booking.business_day, Booking.starts_at, Booking.minutes).where(
                Booking.business_day >= first,
                Booking.business_day <= last,
                Booking.state != CANCELLED,
            )
        ).all()
    out: dict[date, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for day, starts, minutes in rows:
        at, end = starts, starts + timedelta(minutes=minutes)
        while at < end:
            local = at.astimezone(tz)
            boundary = at + timedelta(minutes=60 - local.minute, seconds=-local.second)
            stop = min(end, boundary.replace(microsecond=0))
            out[day][f"{local.hour:02d}"] += (stop - at).total_seconds() / 60
            at = stop
    return {d: dict(h) for d, h in out.items()}
