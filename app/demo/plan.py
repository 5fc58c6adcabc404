"""One demo day, planned: who comes when and for what, and how many points are staffed.

The plan draws every visitor of an open day (walk-ins shaped by the hour,
booked ID-card times, quick errands at the desk or on the phone) and the
staffing the office would plan on the expected load, before anything happens.
:mod:`app.demo.sim` then runs the day.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from app.demo.rhythm import (
    BOOKED_SHARE,
    CANCEL_SHARE,
    IMPATIENT_SHARE,
    MAX_PATIENCE_MINUTES,
    MONTH_FACTOR,
    NO_SHOW_SHARE,
    OPENING_QUEUE_SHARE,
    PATIENCE_MINUTES,
    PLAN_SERVICE_MINUTES,
    PLAN_UTILISATION,
    QUICK_SHARE,
    SEEN_LEAVING_SHARE,
    SICK_DAY_SHARE,
    TAX_SEASON,
    TRAINING_FROM_HOUR,
    TRAINING_SHARE,
    TRANSFER_SHARE,
    WEEKDAY_FACTOR,
)
from app.demo.world import Pick, World, hour_segments
from app.models import states as st
from app.services.office import calendar
from app.services.office.clock import OFFICE_TZ
from app.services.queue.calling import MAX_NUMBER

_INF = float("inf")


class PlannedTicket:
    """A visitor with a ticket: what they want, and (after simulation) what happened."""

    __slots__ = (
        "booked",
        "closed",
        "episodes",
        "errands",
        "final",
        "interpreter",
        "issued",
        "language",
        "left_at",
        "no_show",
        "number",
        "queue_id",
        "seen_leaving",
        "seq",
        "transfer_to",
        "transferred",
    )

    def __init__(self, issued: float, queue_id: int, booked: bool, seq: int) -> None:
        self.issued, self.queue_id, self.booked, self.seq = issued, queue_id, booked, seq
        self.number = 0
        self.left_at = _INF
        self.seen_leaving = self.no_show = self.transferred = False
        self.transfer_to: int | None = None
        self.final: str | None = None
        self.closed = _INF
        # (call, point, recalls, arrived, end, kind, unreliable)
        self.episodes: list[tuple[float, int, list[float], float | None, float, str, bool]] = []
        self.errands: list[list[Any]] = []
        self.language: int | None = None
        self.interpreter: int | None = None


@dataclass
class DayPlan:
    """A day's visitors and staffing, before and after simulation."""

    day: date
    tickets: list[PlannedTicket]
    quick: list[tuple[str, float, float, int | None, int | None, list[list[Any]]]]
    slot_starts: list[float]
    staffed: list[int]
    intervals: list[tuple[float, float]] = field(default_factory=list)

    def staffed_at(self, at: float) -> int:
        """Points staffed at an instant; after closing, the last ones drain the queue."""
        return self.staffed[max(0, bisect_right(self.slot_starts, at) - 1)]


def plan_day(
    world: World,
    day: date,
    rng: random.Random,
    mean: int,
    live: tuple[float, random.Random] | None,
) -> DayPlan | None:
    """A day's visitors, what they come for, and its staffing; None when closed."""
    segments = hour_segments(world.hours, day)
    if not segments:
        return None
    season = day.month in TAX_SEASON
    volume = mean * WEEKDAY_FACTOR[day.weekday()] * MONTH_FACTOR[day.month - 1]
    volume *= rng.lognormvariate(0, 0.08)
    intervals = [
        (a.timestamp(), b.timestamp()) for a, b in calendar.opening_intervals(world.hours, day)
    ]
    opening = intervals[0][0]
    # Booked ID-card times every quarter hour, checked in a few minutes early.
    slots = [t for a, b in intervals for t in range(int(a) + 900, int(b) - 1800 + 1, 900)]
    n_booked = 0
    if world.skv_queue is not None and world.booked_type.items:
        n_booked = min(len(slots), round(volume * BOOKED_SHARE))
    n_quick = {k: round(volume * share) for k, share in QUICK_SHARE.items()}
    n_walk = max(0, round(volume) - n_booked - sum(n_quick.values()))
    burst = round(n_walk * OPENING_QUEUE_SHARE)
    seg_pick = Pick(range(len(segments)), [w for _, _, w in segments])
    times = [(opening + rng.uniform(0, 240), False) for _ in range(burst)]
    for _ in range(n_walk - burst):
        a, b, _w = segments[seg_pick(rng)]
        times.append((rng.uniform(a, b), False))
    times += [(s - rng.uniform(60, 600), True) for s in sorted(rng.sample(slots, n_booked))]
    slot_starts, staffed = _staffing(world, rng, segments, n_walk, burst, n_booked)
    plan = DayPlan(day, [], [], slot_starts, staffed, intervals)
    if live is not None:  # a few just came in, so the screens show a queue right now
        cut, live_rng = live
        since = max([a for a, _ in intervals if a <= cut], default=opening)
        for _ in range(plan.staffed_at(cut) + 3):
            times.append((max(since, cut - live_rng.uniform(10, 240)), False))
    times.sort()
    numbers = {q: 0 for q in world.letter}
    for seq, (issued, booked) in enumerate(times):
        queue = world.skv_queue if booked else world.queue_pick[season](rng)
        assert queue is not None
        tk = PlannedTicket(issued, queue, booked, seq)
        target = queue
        if not booked and len(world.letter) > 1 and rng.random() < TRANSFER_SHARE:
            target = rng.choice([q for q in world.letter if q != queue])
            tk.transfer_to = target
        tk.language, tk.interpreter, tk.errands = world.errands(rng, target, season, booked)
        if not booked:
            impatient = rng.random() < IMPATIENT_SHARE
            patience = PATIENCE_MINUTES if impatient else MAX_PATIENCE_MINUTES
            tk.left_at = issued + 60 * rng.uniform(*patience)
            tk.seen_leaving = rng.random() < SEEN_LEAVING_SHARE
        tk.no_show = rng.random() < NO_SHOW_SHARE
        if rng.random() < CANCEL_SHARE:
            tk.final, tk.closed = st.CANCELLED, issued + rng.uniform(30, 240)
        numbers[queue] += 1
        if numbers[queue] > MAX_NUMBER:
            continue  # reception cannot issue more than 999 a day in one queue
        tk.number = numbers[queue]
        plan.tickets.append(tk)
    for channel, count in n_quick.items():
        for _ in range(count):
            a, b, _w = segments[seg_pick(rng)]
            end = rng.uniform(a, b)
            length = 60 * (rng.uniform(3, 12) if channel == "phone" else rng.uniform(1, 5))
            queue = world.queue_pick[season](rng)
            language, interpreter, errands = world.errands(rng, queue, season, False)
            plan.quick.append((channel, end - length, end, language, interpreter, errands[:1]))
    return plan


def _staffing(
    world: World,
    rng: random.Random,
    segments: list[tuple[float, float, float]],
    n_walk: int,
    burst: int,
    n_booked: int,
) -> tuple[list[float], list[int]]:
    """Points staffed per clock hour, planned on the expected arrivals, less absences."""
    sick = 1 if rng.random() < SICK_DAY_SHARE else 0
    training = rng.random() < TRAINING_SHARE
    total_w = sum(w for _, _, w in segments)
    span = max(1.0, segments[-1][1] - segments[0][0])
    slot_starts, staffed = [], []
    for i, (a, b, w) in enumerate(segments):
        expected = (n_walk - burst) * w / total_w + (burst if i == 0 else 0)
        expected += n_booked * (b - a) / span
        hours = max(0.25, (b - a) / 3600)
        need = expected / hours * PLAN_SERVICE_MINUTES / 60 / PLAN_UTILISATION
        hour = datetime.fromtimestamp(a, OFFICE_TZ).hour
        off = sick + (1 if training and hour >= TRAINING_FROM_HOUR else 0)
        slot_starts.append(a)
        staffed.append(max(1, min(len(world.points), round(need) - off)))
    return slot_starts, staffed
