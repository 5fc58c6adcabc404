"""An office of many PCs at once: twenty service points and two reception desks as separate
processes on one store, on SQLite and on a PostgreSQL server.

Every number is given once and none is skipped, every ticket is called exactly once and
served to the end, and no service point ever has two visitors at a time.
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections import Counter, defaultdict
from itertools import pairwise

import pytest
from sqlalchemy import select

from app.config import resolve_settings
from app.models import CallEvent, Queue, ServicePoint, Ticket, Visit
from app.services.access.actor import SYSTEM, Desk
from app.services.office.clock import SystemClock
from app.services.setup.office_setup import add_service_point
from app.store.engine import open_store
from tests.conftest import desk_for

pytestmark = [pytest.mark.both_stores, pytest.mark.slow]

POINTS, DESKS, PER_DESK = 20, 2, 150


def _desk(data_dir: str, url: str) -> Desk:
    clock = SystemClock()
    return Desk(open_store(resolve_settings(data_dir, url, env={})), clock, SYSTEM)


def _reception(data_dir: str, url: str, letters: str, barrier, done, results) -> None:
    """Child: a reception desk issuing its tickets, a few milliseconds apart."""
    from app.services.queue.calling import issue_ticket

    desk = _desk(data_dir, url)
    barrier.wait(timeout=120)
    codes = []
    for n in range(PER_DESK):
        codes.append(issue_ticket(desk, letters[n % len(letters)]).code)
        time.sleep(0.002)
    desk.store.close()
    done.release()
    results.put(("issued", codes))


def _service_point(data_dir: str, url: str, point: int, barrier, done, results) -> None:
    """Child: a service point calling the next visitor and finishing, until all are served."""
    from app.services.queue.calling import call_next, finish
    from app.services.queue.errors import NobodyWaitingError

    desk = _desk(data_dir, url)
    barrier.wait(timeout=120)
    served: list[str] = []
    idle_since = None
    while True:
        try:
            ref = call_next(desk, point)
        except NobodyWaitingError:
            if done.get_value() == 0:  # both desks have issued everything
                if idle_since is None:
                    idle_since = time.monotonic()
                elif time.monotonic() - idle_since > 0.5:
                    break
            time.sleep(0.003)
            continue
        idle_since = None
        served.append(ref.code)
        finish(desk, ref.code)
    desk.store.close()
    results.put(("served", [f"{point}:{code}" for code in served]))


def test_twenty_points_and_two_desks_share_one_queue_without_a_slip(store):
    settings = _office_of(store, POINTS)

    ctx = multiprocessing.get_context("spawn")
    n = POINTS + DESKS
    barrier, done, results = ctx.Barrier(n), _Countdown(ctx, DESKS), ctx.Queue()
    where = (str(settings.data_dir), settings.database_url)
    procs = [
        ctx.Process(target=_reception, args=(*where, letters, barrier, done, results))
        for letters in ("AB", "CD")
    ] + [
        ctx.Process(target=_service_point, args=(*where, point, barrier, done, results))
        for point in range(1, POINTS + 1)
    ]
    collected = _run_all(procs, results)

    issued = [code for kind, codes in collected if kind == "issued" for code in codes]
    served = [
        entry.split(":")[1] for kind, codes in collected if kind == "served" for entry in codes
    ]
    assert len(issued) == len(set(issued)) == DESKS * PER_DESK
    numbers: dict[str, list[int]] = defaultdict(list)
    for code in issued:
        numbers[code[0]].append(int(code[1:]))
    assert {k: sorted(v) for k, v in numbers.items()} == {
        k: list(range(1, len(v) + 1)) for k, v in numbers.items()
    }
    assert sorted(served) == sorted(issued)  # every ticket called once, none twice

    again = open_store(settings)
    try:
        with again.read() as session:
            states = Counter(session.scalars(select(Ticket.state)))
            calls = session.execute(
                select(ServicePoint.number, CallEvent.at, Ticket.code, Ticket.closed_at)
                .join(Ticket, Ticket.id == CallEvent.ticket_id)
                .join(ServicePoint, ServicePoint.id == CallEvent.service_point_id)
                .order_by(CallEvent.at)
            ).all()
    finally:
        again.close()
    assert states == {"done": DESKS * PER_DESK}
    by_point: dict[int, list[tuple]] = defaultdict(list)
    for number, called_at, _code, closed_at in calls:
        by_point[number].append((called_at, closed_at))
    for spans in by_point.values():  # one visitor at a time at every point
        for (_start, end), (next_start, _next_end) in pairwise(spans):
            assert end <= next_start
    assert len(by_point) > POINTS // 2  # the work was shared, not done by one point


def _office_of(store, points: int):
    """The seed office with service points 1..points, closed for the PCs' processes to open."""
    settings = store.settings
    assert settings is not None
    desk = desk_for(store, SystemClock())
    for number in range(7, points + 1):
        add_service_point(desk, number, f"Lucka {number}")
    store.close()
    return settings


def _run_all(procs: list, results) -> list:
    """Start the PCs' processes, collect one result from each, and see them all end well."""
    for p in procs:
        p.start()
    try:
        collected = []
        deadline = time.monotonic() + 300
        while len(collected) < len(procs) and time.monotonic() < deadline:
            try:
                collected.append(results.get(timeout=1))
            except queue.Empty:  # a PC that died says nothing more: stop waiting for it
                failed = [p.exitcode for p in procs if p.exitcode not in (None, 0)]
                assert not failed, f"a PC's process failed (exit codes {failed})"
        assert len(collected) == len(procs), "the PCs did not finish within five minutes"
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()
    assert [p.exitcode for p in procs] == [0] * len(procs)
    return collected


class _Countdown:
    """How many reception desks are still issuing, shared between processes."""

    def __init__(self, ctx, start: int) -> None:
        self._value = ctx.Value("i", start)

    def release(self) -> None:
        with self._value.get_lock():
            self._value.value -= 1

    def get_value(self) -> int:
        return self._value.value


MIXED_POINTS, MIXED_PER_DESK = 10, 80


def _mixed_reception(data_dir: str, url: str, barrier, done, results) -> None:
    """Child: a reception desk issuing in queue A, and cancelling every eleventh ticket
    it issued, when nobody has called it yet."""
    from app.services.queue.calling import cancel, issue_ticket
    from app.services.queue.errors import InvalidTransitionError

    desk = _desk(data_dir, url)
    barrier.wait(timeout=120)
    issued, cancelled = [], []
    for n in range(MIXED_PER_DESK):
        code = issue_ticket(desk, "A").code
        issued.append(code)
        if n % 11 == 10:
            try:
                cancel(desk, issued[-3])
                cancelled.append(issued[-3])
            except InvalidTransitionError:  # a service point called it first
                pass
        time.sleep(0.002)
    desk.store.close()
    done.release()
    results.put(("issued", issued, cancelled))


def _mixed_point(data_dir: str, url: str, point: int, barrier, done, results) -> None:
    """Child: a service point that calls the next visitor and, besides finishing, moves every
    fifth ticket of queue A to queue C, sets every seventh aside and calls it back, and
    puts every thirteenth back in the queue once."""
    from app.services.queue.calling import (
        call_next,
        finish,
        park,
        resume,
        return_to_queue,
        transfer,
    )
    from app.services.queue.errors import InvalidTransitionError, NobodyWaitingError

    desk = _desk(data_dir, url)
    barrier.wait(timeout=120)
    finished, moved, parked, returned = [], [], [], []
    idle_since = None
    while True:
        try:
            ref = call_next(desk, point)
        except NobodyWaitingError:
            if done.get_value() == 0:
                if idle_since is None:
                    idle_since = time.monotonic()
                elif time.monotonic() - idle_since > 0.5:
                    break
            time.sleep(0.003)
            continue
        idle_since = None
        number = int(ref.code[1:])
        if ref.queue_letter == "A" and number % 5 == 0:
            transfer(desk, ref.code, "C")
            moved.append(ref.code)
            continue
        if number % 13 == 0 and ref.code not in returned and ref.recalls == 0:
            return_to_queue(desk, ref.code)
            returned.append(ref.code)  # this point's own record; another may return it too
            continue
        if number % 7 == 0:
            park(desk, ref.code)
            parked.append(ref.code)
            try:
                resume(desk, ref.code, point)
            except InvalidTransitionError:  # reception cancelled it while it was set aside
                continue
        finish(desk, ref.code)
        finished.append(ref.code)
    desk.store.close()
    results.put(("served", finished, moved, parked, returned))


def test_many_points_moving_parking_and_cancelling_lose_no_visitor(store):
    """Every press that changes who waits, at ten points and two desks at once."""
    settings = _office_of(store, MIXED_POINTS)

    ctx = multiprocessing.get_context("spawn")
    n = MIXED_POINTS + DESKS
    barrier, done, results = ctx.Barrier(n), _Countdown(ctx, DESKS), ctx.Queue()
    where = (str(settings.data_dir), settings.database_url)
    procs = [
        ctx.Process(target=_mixed_reception, args=(*where, barrier, done, results))
        for _ in range(DESKS)
    ] + [
        ctx.Process(target=_mixed_point, args=(*where, point, barrier, done, results))
        for point in range(1, MIXED_POINTS + 1)
    ]
    collected = _run_all(procs, results)

    issued = [c for kind, *lists in collected if kind == "issued" for c in lists[0]]
    cancelled = {c for kind, *lists in collected if kind == "issued" for c in lists[1]}
    finished = [c for kind, *lists in collected if kind == "served" for c in lists[0]]
    moved = [c for kind, *lists in collected if kind == "served" for c in lists[1]]
    parked = [c for kind, *lists in collected if kind == "served" for c in lists[2]]
    assert sorted(issued) == [f"A{k:03d}" for k in range(1, DESKS * MIXED_PER_DESK + 1)]
    assert sorted(finished) == sorted(set(issued) - cancelled)  # each once, none lost
    assert len(moved) == len(set(moved)) and parked and moved

    again = open_store(settings)
    try:
        with again.read() as session:
            tickets = {
                code: (state, letter)
                for code, state, letter in session.execute(
                    select(Ticket.code, Ticket.state, Queue.letter).join(
                        Queue, Queue.id == Ticket.queue_id
                    )
                )
            }
            visits = Counter(
                session.scalars(select(Ticket.code).join(Visit, Visit.ticket_id == Ticket.id))
            )
    finally:
        again.close()
    assert {code for code, (state, _) in tickets.items() if state == "cancelled"} == cancelled
    assert {code for code, (state, _) in tickets.items() if state == "done"} == set(finished)
    assert visits == Counter(finished)  # one visit for each visitor served
    assert {code for code, (_, letter) in tickets.items() if letter == "C"} == set(moved)
