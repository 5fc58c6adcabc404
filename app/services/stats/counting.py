"""One business day's figures, counted from its visit-level rows: what a summary holds.

:func:`compute_days` reads the rows of some days in a few plain queries and
counts them; :mod:`app.services.stats.summary` stores the result per day with
the day's revision. Everything a period report needs is in a summary, in a form
that adds up across days: counts, and one-minute histograms of the durations
(see :mod:`app.services.stats.histogram`). Times are read in the office's time
zone, so hours are the office's hours on 23- and 25-hour days too.

Definitions (docs/statistics.md):

- visitors: every ticket issued plus every quick visit without a ticket;
- wait: issued → first called; service: called → finished, plus the time
  served before a park;
- visits whose timing is flagged unreliable (the case worker forgot to
  finish) are left out of the time figures and counted under ``unreliable``;
- staffed minutes: per service point, the span from its first call to the end
  of its last visit, without gaps of more than 30 minutes with no visitor;
- a day with bookings gets their part too (:mod:`app.services.stats.bookings`).
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import chain, repeat
from typing import Any
from zoneinfo import ZoneInfo

from app.models import states as st
from app.services.stats.bookings import day_bookings
from app.services.stats.histogram import Histogram
from app.store.engine import Store

SUMMARY_VERSION = 3  # 2: histogram bins as a list by minute; 3: the day's bookings
IDLE_GAP = timedelta(minutes=30)  # longer without a visitor: the point was not staffed


class _LocalHours(dict[int, str]):
    """The office's local hour ("09") of each quarter hour since the epoch, looked up once.

    Every zone's offset is a whole number of quarter hours and changes on a
    quarter hour, so all instants of one quarter share a local hour: a row's
    hour is one dict lookup, ``hours[int(epoch // 900)]``.
    """

    def __init__(self, tz: ZoneInfo) -> None:
        super().__init__()
        self._tz = tz
        self._offsets: dict[int, int] = {}

    def __missing__(self, quarter: int) -> str:
        hour = _HOURS[datetime.fromtimestamp(quarter * 900, self._tz).hour]
        self[quarter] = hour
        return hour

    def offset(self, epoch: float) -> int:
        """The zone's offset from UTC at this instant, in seconds."""
        quarter = int(epoch // 900)
        found = self._offsets.get(quarter)
        if found is None:
            delta = datetime.fromtimestamp(quarter * 900, self._tz).utcoffset()
            found = self._offsets[quarter] = int(delta.total_seconds()) if delta else 0
        return found

    def spans(self, start: float, end: float) -> Iterable[tuple[str, int]]:
        """The milliseconds of [start, end) in each local hour (the ends to the millisecond)."""
        at, end = math.floor(start * 1000) / 1000, math.floor(end * 1000) / 1000
        while at < end:
            offset = self.offset(at)
            boundary = (int((at + offset) // 3600) + 1) * 3600 - offset
            stop = min(end, float(boundary))
            yield self[int(at // 900)], round((stop - at) * 1000)
            at = stop


_HOURS = tuple(f"{h:02d}" for h in range(24))
_OUTCOME_OF_STATE = {
    st.DONE: "served",
    st.NO_SHOW: "no_shows",
    st.WALKED_OUT: "walked_out",
    st.CANCELLED: "cancelled",
    st.NOT_SERVED: "not_served",
}
_CODE_TABLES = (
    "agency",
    "errand_type",
    "outcome",
    "referral_target",
    "language",
    "interpreter_kind",
)


@dataclass
class _Day:
    """One day's rows, gathered by the slices they fall in; :meth:`to_json` adds them up.

    Each row costs an append or two here. The counting itself happens once per
    slice at the end, in C (:class:`collections.Counter`, :meth:`Histogram.of_seconds`):
    a year of a big office is over a million durations.
    """

    # letter, hour, booked and state of each ticket
    tickets: list[tuple[str, str, Any, str]] = field(default_factory=list)
    waits: dict[tuple[str, str, Any], list[int]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[tuple[str, str], list[int]] = field(default_factory=lambda: defaultdict(list))
    quick: list[tuple[str, str]] = field(default_factory=list)  # hour, channel
    service: dict[tuple[str, str | None, int | None], list[int]] = field(
        default_factory=lambda: defaultdict(list)
    )
    staff_served: list[int] = field(default_factory=list)
    unreliable: int = 0
    arrivals: list[float] = field(default_factory=list)
    departures: list[float] = field(default_factory=list)
    busy: dict[int, list[tuple[float, float]]] = field(default_factory=lambda: defaultdict(list))
    errands: list[tuple[Any, ...]] = field(default_factory=list)

    def to_json(self, hours: _LocalHours, codes: dict[str, dict[int, str]]) -> dict[str, Any]:
        """The day's summary: what :func:`compute_days` returns and ``day_summary`` keeps."""
        whole: dict[str, int] = defaultdict(int)
        queue_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        hour_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for (letter, hour, booked, state), n in Counter(self.tickets).items():
            kind = "booked" if booked else "walk_in"
            outcome = _OUTCOME_OF_STATE.get(state)
            for counted in (whole, queue_counts[letter], hour_counts[hour]):
                counted["tickets"] += n
                counted["visitors"] += n
                counted[kind] += n
                if outcome:
                    counted[outcome] += n
        for (hour, channel), n in Counter(self.quick).items():
            for counted in (whole, hour_counts[hour]):
                counted["visitors"] += n
                counted["served"] += n
                counted[f"quick_{channel}"] += n
        if self.unreliable:
            whole["unreliable"] = self.unreliable
        if self.errands:
            whole["errands"] = len(self.errands)

        wait = _Lists()
        for (letter, hour, booked), values in self.waits.items():
            wait.add(values, letter, hour, "booked" if booked else "walk_in")
        error = _Lists()
        for (letter, hour), values in self.errors.items():
            error.add(values, letter, hour)
        service = _Lists()
        for (hour, served_letter, staff_id), values in self.service.items():
            service.add(values, served_letter, hour, None if staff_id is None else str(staff_id))
        staff_counts = Counter(map(str, self.staff_served))
        staffed = self._staffed(hours)
        peaks = self._queue_peaks(hours)
        hours_seen = sorted(hour_counts.keys() | service.hours.keys())
        return {
            "version": SUMMARY_VERSION,
            **_part(whole, wait.whole, service.whole),
            "wait_booked": Histogram.of_seconds(wait.other.get("booked", [])).to_json(),
            "wait_walk_in": Histogram.of_seconds(wait.other.get("walk_in", [])).to_json(),
            "queues": {
                q: _part(queue_counts.get(q, {}), wait.queues.get(q, []), service.queues.get(q, []))
                for q in sorted(queue_counts.keys() | service.queues.keys())
            },
            "hours": {
                h: {
                    **_part(
                        hour_counts.get(h, {}), wait.hours.get(h, []), service.hours.get(h, [])
                    ),
                    "staffed_minutes": round(staffed.get(h, 0.0), 1),
                    "queue_max": peaks.get(h, 0),
                }
                for h in hours_seen
            },
            "staffed_minutes": round(sum(staffed.values()), 1),
            "breakdowns": self._breakdowns(codes),
            "estimate": {
                **_estimate(error.whole),
                "queues": {q: _estimate(v) for q, v in sorted(error.queues.items())},
                "hours": {h: _estimate(v) for h, v in sorted(error.hours.items())},
            },
            "staff": {
                s: _part({"served": n}, [], service.other.get(s, []))
                for s, n in sorted(staff_counts.items())
            },
        }

    def _queue_peaks(self, hours: _LocalHours) -> dict[str, int]:
        """The longest queue in each local hour: arrivals in, the called or closed out."""
        events = sorted(chain(zip(self.arrivals, repeat(1)), zip(self.departures, repeat(-1))))
        peaks: dict[str, int] = {}
        length, quarter_end, hour, peak = 0, float("-inf"), "", 0
        for at, step in events:
            length += step
            if at >= quarter_end:
                if hour:
                    peaks[hour] = max(peaks.get(hour, 0), peak)
                quarter = int(at // 900)
                hour, quarter_end, peak = hours[quarter], (quarter + 1) * 900.0, 0
            if length > peak:
                peak = length
        if hour:
            peaks[hour] = max(peaks.get(hour, 0), peak)
        return {h: n for h, n in peaks.items() if n > 0}

    def _staffed(self, hours: _LocalHours) -> dict[str, float]:
        """Staffed minutes per local hour, each point's busy spans joined across short gaps."""
        gap = IDLE_GAP.total_seconds()
        staffed: dict[str, int] = defaultdict(int)  # milliseconds: exact sums
        for spans in self.busy.values():
            spans.sort()
            start, end = spans[0]
            for s_at, e_at in spans[1:]:
                if s_at - end > gap:
                    for hour, ms in hours.spans(start, end):
                        staffed[hour] += ms
                    start = s_at
                end = max(end, e_at)
            for hour, ms in hours.spans(start, end):
                staffed[hour] += ms
        return {hour: ms / 60000 for hour, ms in staffed.items()}

    def _breakdowns(self, codes: dict[str, dict[int, str]]) -> dict[str, dict[str, int]]:
        """Errands per agency, errand type, outcome, referral, language and interpreter."""
        if not self.errands:
            return {}
        agency, outcome, referral = codes["agency"], codes["outcome"], codes["referral_target"]
        language, interpreter = codes["language"], codes["interpreter_kind"]
        _visits, a_ids, k_ids, o_ids, r_ids, l_ids, i_ids = zip(*self.errands, strict=True)
        lists: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))

        def count(name: str, ids: Iterable[Any], code: Callable[[Any], str | None]) -> None:
            for id_, n in Counter(ids).items():
                label = code(id_)
                if label is not None:
                    lists[name][label] += n

        count("agencies", a_ids, agency.__getitem__)
        count("errand_types", zip(a_ids, k_ids, strict=True), lambda ak: _errand_type(ak, codes))
        count("outcomes", o_ids, outcome.__getitem__)
        count("referrals", r_ids, lambda r: None if r is None else referral[r])
        count("languages", l_ids, lambda lang: "sv" if lang is None else language[lang])
        count("interpreters", i_ids, lambda i: "none" if i is None else interpreter[i])
        return {k: dict(sorted(v.items())) for k, v in sorted(lists.items())}


def _errand_type(
    agency_and_type: tuple[int, int | None], codes: dict[str, dict[int, str]]
) -> str | None:
    """``FK/BOSTADSBIDRAG``: an errand type's code under its agency's; None without a type."""
    agency_id, type_id = agency_and_type
    if type_id is None:
        return None
    return f"{codes['agency'][agency_id]}/{codes['errand_type'][type_id]}"


def _part(counted: dict[str, int], waits: list[int], served: list[int]) -> dict[str, Any]:
    """One slice of a day (the whole day, a queue, an hour): its counts and histograms."""
    return {
        **dict(sorted(counted.items())),
        "wait": Histogram.of_seconds(waits).to_json(),
        "service": Histogram.of_seconds(served).to_json(),
    }


def _estimate(errors: list[int]) -> dict[str, Any]:
    """The errors of the waits told at issue: a count, the share within ±5 minutes, a histogram."""
    within = sum(1 for e in errors if e <= 300)  # whole seconds, like the histogram
    counted = {"count": len(errors), "within_5_min": within} if errors else {}
    return _part(counted, errors, [])


class _Lists:
    """Durations gathered for the whole day, per queue, per hour and per one more key."""

    def __init__(self) -> None:
        self.whole: list[int] = []
        self.queues: dict[str, list[int]] = defaultdict(list)
        self.hours: dict[str, list[int]] = defaultdict(list)
        self.other: dict[str, list[int]] = defaultdict(list)

    def add(
        self, values: list[int], letter: str | None, hour: str, other: str | None = None
    ) -> None:
        """Count these durations in the whole day, their queue, their hour and ``other``."""
        self.whole += values
        if letter is not None:
            self.queues[letter] += values
        self.hours[hour] += values
        if other is not None:
            self.other[other] += values


def _epoch(dialect: str, column: str) -> str:
    """SQL for an instant column as epoch seconds (UTC), the same on both stores.

    SQLite keeps an instant to the nearest millisecond and hands it out as a Julian
    day's float, off by some microseconds; a server has it exactly, and rounds it to
    the millisecond here the same way. Both then come half a millisecond late, so an
    instant on the hour stays in that hour and :meth:`_LocalHours.spans` recovers
    the exact millisecond by cutting off the rest: the same figures on either store.
    """
    if dialect == "sqlite":
        return f"(julianday({column}) - 2440587.5) * 86400.0 + 0.0005"
    return f"CAST(round(EXTRACT(EPOCH FROM {column}) * 1000) AS DOUBLE PRECISION) / 1000 + 0.0005"


# When a ticket left the queue without being called (walked out, cancelled): the rest
# left it when called, and their closing time is not needed.
_UNCALLED_CLOSED = "CASE WHEN first_called_at IS NULL THEN closed_at END"


def _queries(dialect: str) -> dict[str, str]:
    e = functools.partial(_epoch, dialect)
    return {
        "office": "SELECT time_zone FROM office ORDER BY id LIMIT 1",
        "letters": "SELECT id, letter FROM queue",
        **{table: f"SELECT id, code FROM {table}" for table in _CODE_TABLES},
        "tickets": (
            f"SELECT id, business_day, origin_queue_id, state, booked, {e('issued_at')},"
            f" {e('first_called_at')}, {e(_UNCALLED_CLOSED)}, served_seconds, estimate_minutes"
            " FROM ticket WHERE business_day >= :first AND business_day <= :last"
        ),
        "visits": (
            "SELECT id, business_day, ticket_id, channel, service_point_id, staff_id,"
            f" {e('started_at')}, {e('ended_at')}, timing_unreliable FROM visit"
            " WHERE business_day >= :first AND business_day <= :last"
        ),
        # A call marks its point as staffed at that instant; most calls are also the start
        # of a visit at that point, whose span holds the instant already: those are left out.
        "calls": (
            f"SELECT c.business_day, c.service_point_id, {e('c.at')} FROM call_event c"
            " LEFT JOIN visit v ON v.ticket_id = c.ticket_id"
            " WHERE c.business_day >= :first AND c.business_day <= :last"
            " AND (v.id IS NULL OR v.started_at <> c.at OR v.business_day <> c.business_day"
            " OR v.service_point_id IS NULL OR v.service_point_id <> c.service_point_id"
            " OR v.timing_unreliable OR v.ended_at IS NULL OR v.ended_at <= v.started_at)"
        ),
        "bookings": (
            f"SELECT business_day, state, {e('starts_at')}, ticket_id FROM booking"
            " WHERE business_day >= :first AND business_day <= :last"
        ),
        # By the ids of the visits read already: a join to each errand's visit costs more
        # than reading the errands themselves.
        "errands": (
            "SELECT visit_id, agency_id, errand_type_id, outcome_id, referral_target_id,"
            " language_id, interpreter_kind_id FROM errand"
            " WHERE visit_id >= :low AND visit_id <= :high"
        ),
    }


def compute_days(source: Store, days: list[date]) -> dict[date, dict[str, Any]]:
    """The summaries of these business days, from their rows (a few queries for all of them).

    The rows are read as plain SQL with instants as epoch seconds and catalog
    entries as ids: a year of a big office is a million values, and parsing
    each into a datetime, or joining each errand to six catalog tables, would
    cost more than all the counting.
    """
    if not days:
        return {}
    sql = _queries(source.dialect)
    first, last = min(days), max(days)
    span = {"first": first, "last": last}
    with source.reading() as fetch:
        (zone_name,) = fetch(sql["office"], {})[0]
        letters: dict[int, str] = {id_: letter for id_, letter in fetch(sql["letters"], {})}
        codes = {
            table: {id_: code for id_, code in fetch(sql[table], {})} for table in _CODE_TABLES
        }
        tickets = fetch(sql["tickets"], span)
        visits = fetch(sql["visits"], span)
        calls = fetch(sql["calls"], span)
        booking_rows = fetch(sql["bookings"], span)
        ids = [visit[0] for visit in visits]
        errand_rows = fetch(sql["errands"], {"low": min(ids), "high": max(ids)}) if ids else []
    tz = ZoneInfo(zone_name)
    counted = _count(days, tz, letters, codes, tickets, visits, calls, errand_rows)
    # The day's booked visits, for the days with bookings (docs/statistics.md).
    for d, part in day_bookings(booking_rows, tickets, visits, _LocalHours(tz)).items():
        if d in counted:
            counted[d]["bookings"] = part
    return counted


def _count(
    days: list[date],
    tz: ZoneInfo,
    letters: dict[int, str],
    codes: dict[str, dict[int, str]],
    tickets: list[Any],
    visits: list[Any],
    calls: list[Any],
    errand_rows: list[Any],
) -> dict[date, dict[str, Any]]:
    hours = _LocalHours(tz)
    result: dict[date, _Day] = {d: _Day() for d in days}
    by_key: dict[Any, _Day] = {**result, **{d.isoformat(): day for d, day in result.items()}}
    unreliable_tickets = {v[2] for v in visits if v[2] and v[8]}
    day_of_visit: dict[int, _Day] = {}
    by_ticket: dict[int, tuple[str, str, int]] = {}

    # -- tickets: counts, waits, estimates, arrivals and departures for the queue's length
    for t_id, t_day, queue_id, state, booked, issued, first_called, closed, served, told in tickets:
        letter = letters[queue_id]
        hour = hours[int(issued // 900)]
        by_ticket[t_id] = (letter, hour, served or 0)
        day = by_key.get(t_day)
        if day is None:
            continue
        day.tickets.append((letter, hour, booked, state))
        day.arrivals.append(issued)
        left = first_called if first_called is not None else closed
        if left is not None:
            day.departures.append(left)
        if first_called is None or t_id in unreliable_tickets:
            continue
        waited = round(first_called - issued)  # whole seconds, as the histograms count
        day.waits[(letter, hour, booked)].append(waited)
        if told is not None:  # the error, not a wait: the same histogram form
            day.errors[(letter, hour)].append(abs(waited - told * 60))

    # -- visits: service times, quick visits, busy spans, per staff
    for v_id, v_day, ticket_id, channel, point_id, staff_id, started, ended, unreliable in visits:
        day = by_key.get(v_day)
        if day is None:
            continue
        day_of_visit[v_id] = day
        ticket = by_ticket.get(ticket_id) if ticket_id else None
        if ticket is None:  # a quick visit, at the desk or on the phone
            served_letter, hour, before = None, hours[int(started // 900)], 0
            day.quick.append((hour, channel))
        else:
            served_letter, hour, before = ticket
        if staff_id is not None:
            day.staff_served.append(staff_id)
        if unreliable:
            day.unreliable += 1
            continue
        if ended is None or ended <= started:
            continue
        day.service[(hour, served_letter, staff_id)].append(round(ended - started) + before)
        if point_id is not None and ticket is not None:
            day.busy[point_id].append((started, ended))
    for c_day, point_id, at in calls:
        day = by_key.get(c_day)
        if day is not None:
            day.busy[point_id].append((at, at))

    for errand in errand_rows:
        day = day_of_visit.get(errand[0])  # None: a visit of a day outside these
        if day is not None:
            day.errands.append(errand)
    return {d: day.to_json(hours, codes) for d, day in result.items()}
