"""An office of many PCs at once: twenty service points and two reception desks as separate
processes on one store, on SQLite and on a PostgreSQL server.

Every number is given once and none is skipped, every ticket is called exactly once and
served to the end, and no service point ever has two visitors at a time.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter, defaultdict
from itertools import pairwise

import pytest
from sqlalchemy import select

from app.config import resolve_settings
from app.models import CallEvent, ServicePoint, Ticket
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
    settings = store.settings
    assert settings is not None
    clock = SystemClock()
    desk = desk_for(store, clock)
    for number in range(7, POINTS + 1):
        add_service_point(desk, number, f"Lucka {number}")
    store.close()

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
    for p in procs:
        p.start()
    try:
        collected = [results.get(timeout=300) for _ in procs]
    finally:
        for p in procs:
            p.join(timeout=60)
            if p.is_alive():
                p.kill()
    assert [p.exitcode for p in procs] == [0] * n

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


class _Countdown:
    """How many reception desks are still issuing, shared between processes."""

    def __init__(self, ctx, start: int) -> None:
        self._value = ctx.Value("i", start)

    def release(self) -> None:
        with self._value.get_lock():
            self._value.value -= 1

    def get_value(self) -> int:
        return self._value.value
