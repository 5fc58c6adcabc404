"""Two use cases on one ticket or one service point, interleaved: as if one ran after the other.

One use case is paused inside its write transaction, at its first write (after it
has read and checked what it will change); the other then runs on another
connection. On SQLite (BEGIN IMMEDIATE) the second always waits for the first. On
a PostgreSQL server the queue's use cases share the write lock and lock the rows
they change (app/store/server.py): the second waits where the two touch the same
ticket, point or turn, and may run beside the first where they do not. Either way
the store ends exactly as when the two ran one after the other (the first, then
the second, if the second waited; in one order or the other if it went ahead),
and each is refused or succeeds as it would then.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select

from app.config import resolve_settings
from app.models import CallEvent, Errand, Queue, ServicePoint, Ticket, Visit
from app.services.access.actor import Desk
from app.services.bookings.day import check_in, import_bookings
from app.services.bookings.files import BookingRow
from app.services.errands.logbook import finish_with_errands, transfer_with_errands
from app.services.errands.records import ErrandInput
from app.services.office.clock import ManualClock
from app.services.queue import calling as q
from app.store.engine import Store
from tests.conftest import desk_for, new_server_store, new_store
from tests.postgres import drop_database

pytestmark = [pytest.mark.both_stores, pytest.mark.slow]

Op = Callable[[Desk], Any]
# From two waiting tickets (A001, A002) and free service points.
FROM_WAITING: dict[str, Op] = {
    "call_next@1": lambda d: q.call_next(d, 1),
    "call_next@2": lambda d: q.call_next(d, 2),
    "call_ticket A001@2": lambda d: q.call_ticket(d, "A001", 2),
    "cancel A001": lambda d: q.cancel(d, "A001"),
    "walked_out A001": lambda d: q.walked_out(d, "A001"),
    "transfer A001→C": lambda d: q.transfer(d, "A001", "C"),
    "issue A": lambda d: q.issue_ticket(d, "A"),
}
# From A001 called at point 1 (A002 waiting), where no recall is needed before a no-show.
FROM_CALLED: dict[str, Op] = {
    "recall A001": lambda d: q.recall(d, "A001"),
    "no_show A001": lambda d: q.no_show(d, "A001"),
    "start_serving A001": lambda d: q.start_serving(d, "A001"),
    "finish A001": lambda d: q.finish(d, "A001"),
    "finish A001 with an errand": lambda d: finish_with_errands(
        d, "A001", [ErrandInput("FK", "foraldrapenning", "resolved")]
    ),
    "park A001": lambda d: q.park(d, "A001"),
    "transfer A001→C with an errand": lambda d: transfer_with_errands(
        d, "A001", "C", [ErrandInput("FK", "foraldrapenning", "documents")]
    ),
    "take_over A001@1": lambda d: q.take_over(d, "A001", 1),
    "return A001": lambda d: q.return_to_queue(d, "A001"),
    "transfer A001→C": lambda d: q.transfer(d, "A001", "C"),
    "call_next@1": lambda d: q.call_next(d, 1),
    "call_ticket A002@1": lambda d: q.call_ticket(d, "A002", 1),
}
# After a booked call, where the office calls a walk-in after every booked one; point 1
# serves queue A (A002 booked, A003 walk-in waiting), point 2 queue B (B001 booked, B002
# walk-in): whoever calls first must take a walk-in, and the other then a booked visitor.
FROM_BOOKED: dict[str, Op] = {
    "call_next@1": lambda d: q.call_next(d, 1),
    "call_next@2": lambda d: q.call_next(d, 2),
    "cancel A003": lambda d: q.cancel(d, "A003"),
}
# A001 put back in the queue by point 1 ("Tillbaka i kön"), A002 waiting.
FROM_RETURNED: dict[str, Op] = {
    "undo_return A001@1": lambda d: q.undo_return(d, "A001", 1),
    "call_next@1": lambda d: q.call_next(d, 1),
    "call_ticket A001@2": lambda d: q.call_ticket(d, "A001", 2),
    "cancel A001": lambda d: q.cancel(d, "A001"),
    "walked_out A001": lambda d: q.walked_out(d, "A001"),
}
# A001 marked as gone before its call ("Gick innan upprop"), A002 waiting.
FROM_WALKED_OUT: dict[str, Op] = {
    "undo_walked_out A001": lambda d: q.undo_walked_out(d, "A001"),
    "call_next@1": lambda d: q.call_next(d, 1),
    "call_ticket A001@2": lambda d: q.call_ticket(d, "A001", 2),
}
# Point 1 reserved for bookings (queue A, 15 minutes), the booking FK-1 at 10 minutes from
# now not checked in yet, the walk-in A001 waiting: point 1 keeps itself free for FK-1.
FROM_RESERVED: dict[str, Op] = {
    "call_next@1": lambda d: q.call_next(d, 1),
    "call_next@2": lambda d: q.call_next(d, 2),
    "check_in FK-1": lambda d: check_in(d, "FK-1").ticket,
    "cancel A001": lambda d: q.cancel(d, "A001"),
}
STARTS = {
    "waiting": FROM_WAITING,
    "called": FROM_CALLED,
    "booked": FROM_BOOKED,
    "returned": FROM_RETURNED,
    "walked out": FROM_WALKED_OUT,
    "reserved": FROM_RESERVED,
}
PAIRS = [
    pytest.param(start, a, b, id=f"{start}:{a}|{b}")
    for start, ops in STARTS.items()
    for a in ops
    for b in ops
]


def _prepare(desk: Desk, start: str) -> None:
    from sqlalchemy import update

    from app.models import Office
    from app.services.access.actor import SYSTEM, acting
    from app.services.setup.points import update_service_point

    with acting(SYSTEM), desk.store.write() as session:
        session.execute(
            update(Office).values(recalls_before_no_show=0, recall_min_seconds=0, priority_ratio=1)
        )
    if start == "booked":
        with acting(SYSTEM):
            update_service_point(desk, 1, profile=["A"])
            update_service_point(desk, 2, profile=["B"])
        q.issue_ticket(desk, "A", booked=True)
        assert q.call_next(desk, 3).code == "A001"
        for letter, booked in (("A", True), ("B", True), ("A", False), ("B", False)):
            q.issue_ticket(desk, letter, booked=booked)
        desk.clock.advance(seconds=60)  # type: ignore[attr-defined]
        return
    if start == "reserved":
        with acting(SYSTEM):
            update_service_point(desk, 1, profile=["A"], reserve_minutes=15)
        soon = desk.clock.now() + timedelta(minutes=10)
        import_bookings(desk, [BookingRow(2, "FK-1", soon, 20, "FK", None, None, False, False)])
        q.issue_ticket(desk, "A")
        desk.clock.advance(seconds=60)  # type: ignore[attr-defined]
        return
    q.issue_ticket(desk, "A")
    desk.clock.advance(seconds=60)  # type: ignore[attr-defined]
    q.issue_ticket(desk, "A")
    if start in ("called", "returned"):
        assert q.call_next(desk, 1).code == "A001"
    if start == "returned":
        q.return_to_queue(desk, "A001")
    if start == "walked out":
        q.walked_out(desk, "A001")
    desk.clock.advance(seconds=60)  # type: ignore[attr-defined]


def _outcome(run: Op, desk: Desk) -> str:
    try:
        ref = run(desk)
    except Exception as exc:
        return type(exc).__name__
    if hasattr(ref, "ticket_code"):  # a visit logged with its errands
        return f"{ref.ticket_code} finished with {len(ref.errands)} errand(s)"
    return f"{ref.code} {ref.state}"


def _state(store: Store) -> tuple:
    """What a screen or the statistics could tell apart: every ticket, call and visit."""
    with store.read() as session:
        tickets = session.execute(
            select(Ticket.code, Ticket.state, Queue.letter, ServicePoint.number, Ticket.recalls)
            .join(Queue, Queue.id == Ticket.queue_id)
            .outerjoin(ServicePoint, ServicePoint.id == Ticket.service_point_id)
            .order_by(Ticket.code)
        ).all()
        calls = session.execute(
            select(Ticket.code, ServicePoint.number, CallEvent.recall)
            .join(Ticket, Ticket.id == CallEvent.ticket_id)
            .join(ServicePoint, ServicePoint.id == CallEvent.service_point_id)
            .order_by(Ticket.code, CallEvent.id)  # each ticket's calls in order
        ).all()
        visits = session.scalar(select(func.count(Visit.id)))
        errands = session.scalar(select(func.count(Errand.id)))
    return tuple(map(tuple, tickets)), tuple(map(tuple, calls)), visits, errands


def _paused_at_first_write(store: Store, who: threading.Thread) -> tuple[threading.Event, Any]:
    """Hold ``who`` at its first INSERT or UPDATE until the returned release is set."""
    reached, release = threading.Event(), threading.Event()

    def before(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        writes = statement.lstrip().upper().startswith(("INSERT", "UPDATE"))
        if writes and threading.current_thread() is who and not reached.is_set():
            reached.set()
            assert release.wait(30), "the paused use case was never let go"

    event.listen(store.engine, "before_cursor_execute", before)
    return reached, (release, before)


def _one_after_the_other(request, clock, start: str, first: Op, second: Op) -> tuple:
    """The two run one after the other on a store of their own: the outcomes and the end."""
    kind = request.node.callspec.params["store"]
    folder = request.getfixturevalue("tmp_path_factory").mktemp("serial")
    settings = resolve_settings(data_dir=folder / "data", env={})
    serial_clock = ManualClock(clock.now())
    serial = (
        new_server_store(request, settings, serial_clock)
        if kind == "postgresql"
        else new_store(settings, serial_clock, request.getfixturevalue("seeded_template"))
    )
    try:
        desk = desk_for(serial, serial_clock)
        _prepare(desk, start)
        return _outcome(first, desk), _outcome(second, desk), _state(serial)
    finally:
        serial.close()
        if kind == "postgresql":
            drop_database(request.getfixturevalue("postgres_server"), serial.engine.url.database)


@pytest.mark.parametrize(("start", "first", "second"), PAIRS)
def test_two_use_cases_interleaved_leave_the_store_as_one_after_the_other(
    request, store, clock, start, first, second
):
    ops = STARTS[start]

    # Interleaved: the first paused inside its transaction while the second is tried.
    desk = desk_for(store, clock)
    _prepare(desk, start)
    outcomes: dict[str, str] = {}
    a = threading.Thread(target=lambda: outcomes.__setitem__("first", _outcome(ops[first], desk)))
    reached, (release, hook) = _paused_at_first_write(store, a)
    a.start()
    while not reached.is_set() and a.is_alive():
        time.sleep(0.005)
    b = threading.Thread(target=lambda: outcomes.__setitem__("second", _outcome(ops[second], desk)))
    b.start()
    went_ahead = False
    if reached.is_set():
        time.sleep(0.2)  # time enough for the second to run, were it let
        went_ahead = "second" in outcomes
        release.set()
    a.join(30)
    b.join(30)
    event.remove(store.engine, "before_cursor_execute", hook)

    seen = (outcomes["first"], outcomes["second"]), _state(store)
    expected_first, expected_second, expected_state = _one_after_the_other(
        request, clock, start, ops[first], ops[second]
    )
    in_order = (expected_first, expected_second), expected_state
    if went_ahead:  # it ran beside the first: as if in one order or the other
        assert store.engine.dialect.name == "postgresql", "SQLite ran two writers at once"
        if seen != in_order:
            expected_second, expected_first, expected_state = _one_after_the_other(
                request, clock, start, ops[second], ops[first]
            )
            assert seen == ((expected_first, expected_second), expected_state)
    else:
        assert seen == in_order
