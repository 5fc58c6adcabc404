"""Properties of the queue engine over random sequences of issues and calls (hypothesis).

Each example runs on a store of its own: a copy of one seeded store made per module, on
SQLite and on a PostgreSQL server.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import tempfile
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from app.config import DATABASE_FILENAME, resolve_settings
from app.models import Office, Queue, ServicePoint, ServicePointQueue, Ticket
from app.services.access.actor import SYSTEM, acting
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.services.queue.errors import NobodyWaitingError
from app.store.engine import Store, open_store
from tests.conftest import desk_for
from tests.postgres import drop_database, new_database

LETTERS = "ABCD"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# The points of every example: 1 serves all queues, 2 only A, 3 B and C.
PROFILES = {1: "ABCD", 2: "A", 3: "BC"}

PROPERTY_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _set_profiles(store: Store) -> None:
    with acting(SYSTEM), store.write() as session:
        ids = dict(session.execute(select(Queue.letter, Queue.id)).all())
        for point in session.scalars(select(ServicePoint)):
            for position, letter in enumerate(PROFILES.get(point.number, "")):
                session.add(
                    ServicePointQueue(
                        service_point_id=point.id, queue_id=ids[letter], position=position
                    )
                )


@dataclass(frozen=True)
class Template:
    """A seeded store with the points' profiles set, to copy for each example.

    A file for SQLite; a database on the test server for PostgreSQL (copied with
    CREATE DATABASE … TEMPLATE).
    """

    kind: str
    file: Path | None = None
    server: str | None = None
    database: str | None = None


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)]
)
def template(request, tmp_path_factory) -> Template:
    """The examples' template, once on each kind of store."""
    base = tmp_path_factory.mktemp("template")
    clock = ManualClock(datetime(2026, 1, 1, tzinfo=UTC))
    if request.param == "postgresql":
        server = request.getfixturevalue("postgres_server")
        name = f"props_{uuid.uuid4().hex[:8]}"
        url = new_database(server, name)
        store = open_store(resolve_settings(base, url, env={}), now=clock.now, seed=seeder(clock))
        _set_profiles(store)
        store.close()
        return Template("postgresql", server=server, database=name)
    store = open_store(resolve_settings(data_dir=base, env={}), now=clock.now, seed=seeder(clock))
    _set_profiles(store)
    store.close()
    return Template("sqlite", file=base / DATABASE_FILENAME)


@pytest.fixture(scope="module")
def example_root(tmp_path_factory) -> Iterator[Path]:
    """Where the examples' SQLite stores live: in memory when the system has /dev/shm.

    Durability is not what these properties are about, and a failing property
    shrinks through hundreds of examples; without fsync on every commit that
    takes seconds instead of minutes.
    """
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        root = Path(tempfile.mkdtemp(prefix="servicedisk-props-", dir=shm))
    else:
        root = tmp_path_factory.mktemp("examples")
    yield root
    shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def example_store(template: Template, root: Path, **office: int) -> Iterator[Store]:
    """A store of its own for one example, with these office rules; removed afterwards."""
    target = Path(tempfile.mkdtemp(dir=root))
    if template.kind == "postgresql":
        assert template.server is not None
        url = new_database(template.server, template=template.database)
        settings = resolve_settings(target, url, env={})
    else:
        assert template.file is not None
        shutil.copyfile(template.file, target / DATABASE_FILENAME)
        settings = resolve_settings(data_dir=target, env={})
    store = open_store(settings)
    try:
        if office:
            with acting(SYSTEM), store.write() as session:
                session.execute(update(Office).values(**office))
        yield store
    finally:
        store.close()
        shutil.rmtree(target, ignore_errors=True)
        if template.kind == "postgresql":
            assert template.server is not None
            drop_database(template.server, store.engine.url.database)


# ---------------------------------------------------------------- numbering

STARTS = [
    datetime(2026, 1, 13, 8, 0, tzinfo=UTC),
    datetime(2026, 1, 13, 22, 50, tzinfo=UTC),  # ten minutes before Stockholm midnight
    datetime(2026, 3, 28, 22, 30, tzinfo=UTC),  # the night summer time begins
    datetime(2026, 10, 24, 21, 30, tzinfo=UTC),  # the night summer time ends
]

issue_steps = st.lists(
    st.one_of(
        st.tuples(st.just("issue"), st.sampled_from(LETTERS), st.booleans()),
        st.tuples(st.just("advance"), st.integers(0, 240), st.just(False)),
    ),
    min_size=10,
    max_size=50,
)


@PROPERTY_SETTINGS
@given(start=st.sampled_from(STARTS), steps=issue_steps)
def test_numbers_are_unique_and_gap_free_per_queue_and_day(template, example_root, start, steps):
    clock = ManualClock(start)
    given_codes: dict[tuple, list[str]] = defaultdict(list)
    with example_store(template, example_root) as store:
        for kind, arg, booked in steps:
            if kind == "advance":
                clock.advance(minutes=arg)
                continue
            desk = desk_for(store, clock)
            ref = q.issue_ticket(desk, arg, booked=booked)
            key = (clock.now().astimezone(STOCKHOLM).date(), arg)
            given_codes[key].append(ref.code)
            # each issue gets exactly the next number of its queue that day
            assert ref.code == f"{arg}{len(given_codes[key]):03d}"
            assert ref.business_day == key[0]
        with store.read() as session:
            rows = session.execute(
                select(Ticket.business_day, Ticket.code, Ticket.number, Ticket.issued_at)
            ).all()
    stored: dict[tuple, list[int]] = defaultdict(list)
    for day, code, number, issued_at in rows:
        assert issued_at.astimezone(STOCKHOLM).date() == day
        stored[(day, code[0])].append(number)
        assert code == f"{code[0]}{number:03d}"
    assert {k: sorted(v) for k, v in stored.items()} == {
        k: list(range(1, len(v) + 1)) for k, v in given_codes.items()
    }


# ---------------------------------------------------------------- call order


@dataclass
class Waiting:
    """The model's view of a ticket."""

    code: str
    letter: str
    booked: bool
    place_at: datetime
    number: int
    seq: int


class QueueModel:
    """What the office expects: booked first (within the fairness ratio), then the oldest."""

    def __init__(self, ratio: int) -> None:
        self.ratio = ratio
        self.waiting: dict[str, Waiting] = {}
        self.at_point: dict[int, Waiting] = {}
        self.called_booked: list[bool] = []
        self.numbers: dict[str, int] = defaultdict(int)
        self.seq = itertools.count()

    def issue(self, letter: str, booked: bool, now: datetime) -> str:
        self.numbers[letter] += 1
        n = self.numbers[letter]
        code = f"{letter}{n:03d}"
        self.waiting[code] = Waiting(code, letter, booked, now, n, next(self.seq))
        return code

    def walk_ins_first(self) -> bool:
        last = self.called_booked[-self.ratio :] if self.ratio > 0 else []
        return self.ratio > 0 and len(last) == self.ratio and all(last)

    def next_for(self, point: int) -> Waiting | None:
        mine = [t for t in self.waiting.values() if t.letter in PROFILES[point]]
        if not mine:
            return None
        walk_ins_first = self.walk_ins_first()
        return min(
            mine,
            key=lambda t: (t.booked == walk_ins_first, t.place_at, t.number, t.seq),
        )

    def call(self, point: int) -> Waiting | None:
        ticket = self.next_for(point)
        if ticket is not None:
            del self.waiting[ticket.code]
            self.at_point[point] = ticket
            self.called_booked.append(ticket.booked)
        return ticket


_issue = st.tuples(st.just("issue"), st.sampled_from(LETTERS), st.booleans())
_call = st.tuples(st.just("call"), st.sampled_from(sorted(PROFILES)), st.none())
# Issues and calls dominate; many steps take no time at all, so that ties happen.
call_steps = st.lists(
    st.one_of(
        _issue,
        _issue,
        _issue,
        _call,
        _call,
        _call,
        st.tuples(st.just("advance"), st.sampled_from([0, 1, 30, 90]), st.none()),
        st.tuples(st.just("return"), st.sampled_from(sorted(PROFILES)), st.none()),
        st.tuples(st.just("transfer"), st.sampled_from(sorted(PROFILES)), st.sampled_from("BC")),
    ),
    min_size=20,
    max_size=60,
)


def run_calls(store: Store, steps: list[tuple], ratio: int) -> None:
    """Play the steps on the store and on the model; every call must agree."""
    clock = ManualClock(datetime(2026, 1, 13, 8, 0, tzinfo=UTC))
    model = QueueModel(ratio)
    booked_run = 0
    desk = desk_for(store, clock)
    for kind, arg, extra in steps:
        if kind == "issue":
            assert q.issue_ticket(desk, arg, booked=extra).code == model.issue(
                arg, extra, clock.now()
            )
        elif kind == "advance":
            clock.advance(seconds=arg)
        elif kind == "call":
            if arg in model.at_point:
                q.finish(desk, model.at_point.pop(arg).code)
            walk_in_waiting = any(
                not t.booked and t.letter in PROFILES[arg] for t in model.waiting.values()
            )
            expected = model.call(arg)
            if expected is None:
                with pytest.raises(NobodyWaitingError):
                    q.call_next(desk, arg)
                continue
            assert q.call_next(desk, arg).code == expected.code
            booked_run = booked_run + 1 if expected.booked else 0
            if ratio > 0 and walk_in_waiting:
                assert booked_run <= ratio
        elif arg in model.at_point:
            ticket = model.at_point.pop(arg)
            if kind == "return":
                q.return_to_queue(desk, ticket.code)
            else:
                q.transfer(desk, ticket.code, extra)
                ticket.letter = extra
            model.waiting[ticket.code] = ticket  # same place in time
    snapshot_order = _waiting_codes(store)
    assert snapshot_order == sorted(model.waiting, key=lambda c: _order_key(model.waiting[c]))


def _order_key(t: Waiting) -> tuple:
    return (not t.booked, t.place_at, t.number, t.seq)


def _waiting_codes(store: Store) -> list[str]:
    from app.services.queue.views import queue_snapshot

    clock = ManualClock(datetime(2026, 1, 13, 12, 0, tzinfo=UTC))
    return [t.code for t in queue_snapshot(store, clock).waiting]


@PROPERTY_SETTINGS
@given(steps=call_steps)
def test_call_order_is_booked_first_then_oldest(template, example_root, steps):
    with example_store(template, example_root, priority_ratio=0) as store:
        run_calls(store, steps, ratio=0)


@PROPERTY_SETTINGS
@given(ratio=st.integers(1, 3), steps=call_steps)
def test_priority_ratio_gives_walk_ins_their_turn(template, example_root, ratio, steps):
    with example_store(template, example_root, priority_ratio=ratio) as store:
        run_calls(store, steps, ratio=ratio)
