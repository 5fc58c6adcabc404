"""A service point reserved for booked visits, on both stores: it calls the checked-in
bookings first (early ones too), keeps itself free while a booking of its queues is due
soon, and takes walk-ins in the gaps; the other points call as before."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from app.services.bookings import day as bookings
from app.services.bookings.files import BookingRow
from app.services.queue import calling as q
from app.services.queue.errors import KeptForBookingError, NobodyWaitingError
from app.services.setup import points as setup
from app.services.setup.base import InvalidSettingError
from app.ui.shell.refusals import refusal_text

pytestmark = pytest.mark.both_stores

# Tuesday 13 January 2026; Stockholm is UTC+1 then. Tolerance 10 minutes.
DAY = datetime(2026, 1, 13, tzinfo=UTC)


def local(hh: int, mm: int) -> datetime:
    return DAY + timedelta(hours=hh - 1, minutes=mm)


def row(line: int, ref: str, hh: int, mm: int, agency: str) -> BookingRow:
    return BookingRow(line, ref, local(hh, mm), 20, agency, None, None, False, False)


@pytest.fixture
def office(store, clock, desk):
    clock.set(local(9, 0))
    bookings.import_bookings(
        desk,
        [row(2, "FK-1", 10, 30, "FK"), row(3, "FK-2", 11, 0, "FK"), row(4, "AF-1", 10, 40, "AF")],
    )
    # Point 6 serves queue A (FK) only and is kept for bookings 15 minutes ahead.
    setup.update_service_point(desk, 6, profile=["A"], reserve_minutes=15)
    return desk


def test_a_reserved_point_takes_walk_ins_only_in_the_gaps(office, clock):
    desk = office
    clock.set(local(10, 0))
    walk_in = q.issue_ticket(desk, "A")  # A001
    # 10:00: FK-1 (10:30) is more than 15 minutes away: the gap is the walk-in's.
    assert q.call_next(desk, 6).code == walk_in.code
    q.finish(desk, walk_in.code)
    clock.set(local(10, 16))
    second = q.issue_ticket(desk, "A")  # A002
    # 10:16: FK-1 is due within 15 minutes and not here yet: the point keeps itself free...
    with pytest.raises(KeptForBookingError) as kept:
        q.call_next(desk, 6)
    assert kept.value.starts_at == local(10, 30)
    assert kept.value.message_id == "queue.kept_for_booking"
    assert kept.value.params == {"point": 6, "time": "10:30"}
    assert "nästa bokning är 10:30" in refusal_text(kept.value)
    # ...and the walk-in goes to a point that is not reserved.
    assert q.call_next(desk, 1).code == second.code


def test_a_reserved_point_calls_a_booking_checked_in_early_before_walk_ins(office, clock):
    desk = office
    clock.set(local(10, 5))
    walk_in = q.issue_ticket(desk, "A")
    early = bookings.check_in(desk, "FK-1")  # 10:30, due from 10:20
    # Any other point: walk-ins first until the booking is due.
    assert [t.code for t in q.snapshot(desk).waiting] == [walk_in.code, early.ticket.code]
    called = q.call_next(desk, 6)
    assert called.code == early.ticket.code
    assert q.call_next(desk, 1).code == walk_in.code


def test_a_late_booking_within_the_tolerance_still_holds_the_point(office, clock):
    desk = office
    clock.set(local(10, 38))  # FK-1 was at 10:30; it may still come until 10:40
    q.issue_ticket(desk, "A")
    with pytest.raises(KeptForBookingError):
        q.call_next(desk, 6)
    clock.set(local(10, 41))  # missed now; FK-2 at 11:00 is 19 minutes away
    assert q.call_next(desk, 6).code == "A001"


def test_only_the_points_own_queues_bookings_hold_it(office, clock):
    desk = office
    setup.update_service_point(desk, 6, reserve_minutes=0)
    setup.update_service_point(desk, 5, profile=["B"], reserve_minutes=30)
    clock.set(local(10, 20))  # FK-1 and AF-1 are near, but neither is queue B's
    q.issue_ticket(desk, "B")
    assert q.call_next(desk, 5).code == "B001"
    # A point no longer reserved calls as every other does: nobody waits for it.
    with pytest.raises(NobodyWaitingError):
        q.call_next(desk, 6)


def test_a_reservation_outside_its_range_is_refused_and_shown(office):
    with pytest.raises(InvalidSettingError) as refused:
        setup.update_service_point(office, 6, reserve_minutes=500)
    assert "5–120 minuter" in refusal_text(refused.value)
    (six,) = [p for p in setup.list_point_setup(office.store) if p.number == 6]
    assert six.reserve_minutes == 15


def test_a_check_in_between_a_reserved_calls_two_reads_waits_for_the_call(office, clock, store):
    """A reserved point's call reads the waiting tickets, then the bookings to come: a
    check-in between the two would make it call the walk-in while the booking waits (as in
    neither order). The check-in takes the call turn whole, so it waits for the call."""
    desk = office
    clock.set(local(10, 16))  # FK-1 at 10:30 is within point 6's 15 minutes
    walk_in = q.issue_ticket(desk, "A")
    reached, release = threading.Event(), threading.Event()

    def before(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if threading.current_thread() is calling and "booking" in statement.lower():
            reached.set()
            assert release.wait(30)

    outcomes: dict[str, object] = {}

    def call() -> None:
        try:
            outcomes["call"] = q.call_next(desk, 6).code
        except KeptForBookingError:
            outcomes["call"] = "kept free"

    calling = threading.Thread(target=call)
    event.listen(store.engine, "before_cursor_execute", before)
    try:
        calling.start()
        assert reached.wait(10)
        checking = threading.Thread(
            target=lambda: outcomes.__setitem__("check_in", bookings.check_in(desk, "FK-1"))
        )
        checking.start()
        checking.join(0.3)
        assert "check_in" not in outcomes  # it waits for the call's turn
        release.set()
        calling.join(10)
        checking.join(10)
    finally:
        release.set()
        event.remove(store.engine, "before_cursor_execute", before)
    assert outcomes["call"] == "kept free"  # the call first, then the check-in
    booked = outcomes["check_in"].ticket.code
    assert [t.code for t in q.snapshot(desk).waiting] == [walk_in.code, booked]
    assert q.call_next(desk, 6).code == booked  # and now the point has its booking
