"""One demo day, run: service points call by the queue engine's rules, and what that leaves.

:func:`simulate` plays a planned day to its end (booked visitors first within
the office's fairness ratio; recalls, transfers, walk-outs and no-shows);
:func:`state_at` reads a visitor's ticket as the store would hold it at any
instant, with the same transitions as :mod:`app.services.queue.calling`.
"""

from __future__ import annotations

import heapq
import random
from bisect import insort
from collections import deque
from dataclasses import dataclass, field

from app.demo.plan import DayPlan, PlannedTicket
from app.demo.rhythm import FORGOT_TO_FINISH_SHARE, RECALL_SHARE
from app.demo.world import World
from app.models import states as st


def simulate(world: World, plan: DayPlan, rng: random.Random) -> None:
    """Run the day: points call, serve and free up, by the queue engine's rules."""
    n_points = len(world.points)
    busy_until = [0.0] * n_points
    walk_ins: list[tuple[float, int, PlannedTicket]] = []
    booked: list[tuple[float, int, PlannedTicket]] = []
    ratio = max(1, world.priority_ratio)
    recent: deque[bool] = deque(maxlen=ratio)
    # Events: (time, order, ticket): a ticket arrives (or is back after a transfer);
    # None wakes the points up (a point is free, staffing changes).
    events: list[tuple[float, int, PlannedTicket | None]] = [
        (tk.issued, tk.seq, tk) for tk in plan.tickets if tk.final != st.CANCELLED
    ]
    order = len(plan.tickets)
    events += [(at, order + i, None) for i, at in enumerate(plan.slot_starts)]
    order += len(plan.slot_starts)
    heapq.heapify(events)

    def next_ticket(now: float) -> tuple[PlannedTicket | None, bool]:
        while walk_ins or booked:
            fair = world.priority_ratio <= 0 or len(recent) < ratio or not all(recent)
            lst = booked if booked and (fair or not walk_ins) else walk_ins
            tk = lst.pop(0)[2]
            if now > tk.left_at and tk.seen_leaving:
                tk.final, tk.closed = st.WALKED_OUT, tk.left_at
                continue
            recent.append(tk.booked)
            return tk, now > tk.left_at
        return None, False

    def call(tk: PlannedTicket, point: int, now: float, gone: bool) -> float:
        nonlocal order
        if gone or tk.no_show:
            recalls, at = [], now
            for _ in range(world.recalls_needed):
                at += rng.uniform(world.recall_gap, world.recall_gap + 40)
                recalls.append(at)
            end = at + rng.uniform(30, 60)
            tk.episodes.append((now, point, recalls, None, end, st.NO_SHOW, False))
            return end + 5
        if tk.transfer_to is not None and not tk.transferred:
            arrived = now + rng.uniform(15, 50)
            end = arrived + rng.uniform(60, 150)
            tk.episodes.append((now, point, [], arrived, end, "transfer", False))
            tk.transferred = True
            order += 1
            heapq.heappush(events, (end, order, tk))
            return end + rng.uniform(10, 30)
        recalls = (
            [now + rng.uniform(world.recall_gap, world.recall_gap + 50)]
            if (rng.random() < RECALL_SHARE)
            else []
        )
        arrived = (recalls[-1] if recalls else now) + rng.uniform(15, 50)
        end = arrived + sum(e[4] for e in tk.errands)
        forgot = rng.random() < FORGOT_TO_FINISH_SHARE
        if forgot:
            end += rng.uniform(8 * 60, 45 * 60)
        tk.episodes.append((now, point, recalls, arrived, end, st.DONE, forgot))
        return end + rng.uniform(10, 40)

    while events:
        now, _, tk = heapq.heappop(events)
        if tk is not None:  # an arrival, or a transferred visitor back in line at their place
            insort(booked if tk.booked else walk_ins, (tk.issued, tk.seq, tk))
        staffed = min(n_points, plan.staffed_at(now))
        for point in range(staffed):
            if busy_until[point] > now:
                continue
            tk_next, gone = next_ticket(now)
            if tk_next is None:
                break
            busy_until[point] = call(tk_next, point, now, gone)
            order += 1
            heapq.heappush(events, (busy_until[point], order, None))


# ---------------------------------------------------------------- one day: what the store holds


@dataclass
class TicketState:
    """A ticket as the queue engine would hold it at an instant."""

    state: str = st.WAITING
    queue_id: int = 0
    first_called: float | None = None
    called: float | None = None
    recalls: int = 0
    point: int | None = None
    closed: float | None = None
    calls: list[tuple[float, int, bool]] = field(default_factory=list)
    visit: tuple[float, float, bool] | None = None  # started, ended, timing unreliable
    walk: float = 0.0


def state_at(tk: PlannedTicket, cut: float) -> TicketState:
    """What had happened to a ticket by `cut` (as the queue engine moves it)."""
    s = TicketState(queue_id=tk.queue_id)
    if tk.final is not None:
        if tk.closed <= cut:
            s.state, s.closed = tk.final, tk.closed
        return s
    for called, point, recalls, arrived, end, kind, forgot in tk.episodes:
        if called > cut:
            break
        s.state, s.point, s.recalls, s.called = st.CALLED, point, 0, called
        s.first_called = s.first_called or called
        s.calls.append((called, point, False))
        for at in recalls:
            if at > cut:
                break
            s.recalls, s.called = s.recalls + 1, at
            s.calls.append((at, point, True))
        if arrived is not None and arrived <= cut:
            s.state = st.SERVING
        if end > cut:
            break
        if kind == "transfer":
            assert tk.transfer_to is not None
            s.state, s.queue_id, s.point = st.WAITING, tk.transfer_to, None
        elif kind == st.NO_SHOW:
            s.state, s.closed = st.NO_SHOW, end
        else:
            s.state, s.closed, s.visit = st.DONE, end, (s.called, end, forgot)
            s.walk = (arrived or s.called) - s.called
    return s
