"""A day of booked visits and walk-ins in one queue, on both stores: bookings taken in, checked
in early, on time and too late, one missed, one cancelled, walk-ins around them; the call
order worked out by hand. The store never holds a reference or a name."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import Booking
from app.services.access.actor import KIOSK
from app.services.bookings import day as bookings
from app.services.bookings.files import BookingRow
from app.services.queue import calling as q
from app.services.queue.desk import KioskDesk
from app.ui.shell.refusals import refusal_text

pytestmark = pytest.mark.both_stores

# Tuesday 13 January 2026; Stockholm is UTC+1 then. Open 10:00–16:00; tolerance 10 minutes.
DAY = datetime(2026, 1, 13, tzinfo=UTC)


def local(hh: int, mm: int) -> datetime:
    """A time of the day in Stockholm, as the UTC instant."""
    return DAY + timedelta(hours=hh - 1, minutes=mm)


def row(line: int, ref: str, hh: int, mm: int, agency: str, *, minutes: int = 15,
        language: str | None = None, cancelled: bool = False) -> BookingRow:  # fmt: skip
    return BookingRow(line, ref, local(hh, mm), minutes, agency, None, language, False, cancelled)


FILE = [
    row(2, "FK-R1", 10, 30, "FK", minutes=30, language="ar"),
    row(3, "SKV-R2", 10, 45, "SKV"),
    row(4, "AF-R3", 11, 0, "AF", minutes=30),
    row(5, "FK-R4", 11, 15, "FK"),
    row(6, "SKV-R5", 11, 30, "SKV", cancelled=True),
]


@pytest.fixture
def day(store, clock, desk):
    clock.set(local(9, 0))
    result = bookings.import_bookings(desk, FILE)
    assert (result.added, result.updated, result.withdrawn, result.unchanged) == (4, 0, 1, 0)
    return desk


def test_booked_and_walk_ins_are_called_in_the_order_worked_out_by_hand(day, clock):
    desk = day
    clock.set(local(10, 0))
    assert q.issue_ticket(desk, "A").code == "A001"  # walk-ins
    assert q.issue_ticket(desk, "B").code == "B001"
    clock.set(local(10, 5))  # R1 early: due at 10:20, walk-ins go first until then
    r1 = bookings.check_in(desk, "fk-r1")
    assert (r1.ticket.code, r1.ticket.booked, r1.ticket.language) == ("A002", True, "ar")
    assert r1.due_at == local(10, 20)
    assert [t.code for t in q.snapshot(desk).waiting] == ["A001", "B001", "A002"]
    clock.set(local(10, 10))
    assert q.call_next(desk, 1).code == "A001"
    clock.set(local(10, 21))  # R1 is due: before the walk-in who came at 10:00
    assert q.call_next(desk, 2).code == "A002"
    clock.set(local(10, 35))
    r2 = bookings.check_in(desk, "SKV-R2")  # on time
    assert r2.ticket.code == "B002" and r2.due_at == local(10, 35)
    clock.set(local(10, 36))
    assert q.issue_ticket(desk, "C").code == "C001"
    clock.set(local(10, 37))
    assert q.call_next(desk, 3).code == "B002"
    assert q.call_next(desk, 4).code == "B001"
    assert q.call_next(desk, 5).code == "C001"
    clock.set(local(11, 30))  # R4 at 11:15 + 10 minutes has passed: a walk-in instead
    with pytest.raises(bookings.LateBookingError) as late:
        bookings.check_in(desk, "FK-R4")
    assert "vanlig kölapp" in refusal_text(late.value)
    with pytest.raises(bookings.BookingCancelledError):
        bookings.check_in(desk, "SKV-R5")
    with pytest.raises(bookings.UnknownBookingError):
        bookings.check_in(desk, "NO-SUCH")
    with pytest.raises(bookings.AlreadyCheckedInError) as again:
        bookings.check_in(desk, "FK-R1")
    assert again.value.code == "A002"
    states = [(v.agency, v.state, v.ticket_code) for v in bookings.list_bookings(desk)]
    assert states == [
        ("FK", "checked_in", "A002"),
        ("SKV", "checked_in", "B002"),
        ("AF", "missed", None),  # 11:00, never came
        ("FK", "missed", None),  # 11:15, came too late: a walk-in ticket, if any
        ("SKV", "cancelled", None),
    ]


def test_a_booking_checked_in_early_fills_a_gap_when_nobody_else_waits(day, clock):
    clock.set(local(10, 0))
    early = bookings.check_in(day, "FK-R1")
    assert q.call_next(day, 1).code == early.ticket.code  # nobody else: no point waiting


def test_the_same_file_twice_changes_nothing_and_a_changed_one_updates(day, clock):
    again = bookings.import_bookings(day, FILE)
    assert (again.added, again.updated, again.withdrawn, again.unchanged) == (0, 0, 0, 5)
    changed = [
        row(2, "FK-R1", 10, 40, "FK", minutes=30, language="ar"),  # moved ten minutes
        row(4, "AF-R3", 11, 0, "AF", minutes=30, cancelled=True),  # withdrawn
    ]
    result = bookings.import_bookings(day, changed)
    assert (result.added, result.updated, result.withdrawn, result.unchanged) == (0, 1, 1, 0)
    views = bookings.list_bookings(day)
    assert next(v.starts_at for v in views if v.agency == "FK") == local(10, 40)
    assert [v.state for v in views if v.agency == "AF"] == ["cancelled"]


def test_a_row_that_does_not_fit_the_catalog_changes_nothing_and_is_named(day):
    bad = [row(2, "NEW-1", 12, 0, "FK"), row(3, "NEW-2", 12, 0, "XX")]
    with pytest.raises(bookings.BookingImportError) as refused:
        bookings.import_bookings(day, bad)
    assert refusal_text(refused.value).startswith("Rad 3: myndigheten XX finns inte i katalogen")
    assert len(bookings.list_bookings(day)) == 5  # NEW-1 is not in


def test_the_store_holds_no_reference(day, store):
    with store.read() as session:
        held = session.execute(select(Booking)).scalars().all()
        text = " ".join(str(getattr(b, c.key)) for b in held for c in Booking.__table__.c)
    assert "R1" not in text.upper() and "FK-" not in text.upper()
    assert all(len(b.ref_hash) == 64 for b in held)


def test_the_kiosk_checks_in_and_two_check_ins_at_once_give_one_ticket(day, store, clock):
    clock.set(local(10, 25))
    start = threading.Barrier(4)
    results: list[str] = []

    def press() -> None:
        kiosk = KioskDesk(store, clock, KIOSK)
        start.wait()
        try:
            results.append(bookings.check_in_at_kiosk(kiosk, "FK-R1").ticket.code)
        except bookings.AlreadyCheckedInError:
            results.append("already")

    threads = [threading.Thread(target=press) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == ["A001", "already", "already", "already"], results
    assert [t.code for t in q.snapshot(day).waiting] == ["A001"]


def test_bookings_past_retention_go_with_the_visits(day, clock, desk):
    from app.services.setup.office_setup import update_office
    from app.services.upkeep.retention import purge

    clock.set(local(10, 25))
    bookings.check_in(desk, "FK-R1")
    update_office(desk, retention_days=1, backup_days=1)
    clock.set(local(10, 0) + timedelta(days=3))
    removed = purge(desk)
    assert removed.rows["booking"] == 5
    assert bookings.list_bookings(desk, local(10, 0).date()) == []


def test_bookings_for_days_to_come_are_not_sent_before_the_day(day, clock, desk, store):
    from app.models import DayRevision

    week = [BookingRow(2, "NEXT-WEEK1", local(10, 0) + timedelta(days=7), 15, "FK", None, None,
                       False, False)]  # fmt: skip
    assert bookings.import_bookings(desk, week).added == 1
    with store.read() as session:
        days = set(session.scalars(select(DayRevision.business_day)))
    assert (local(10, 0) + timedelta(days=7)).date() not in days  # nothing to send yet
    assert local(10, 0).date() in days  # today's import moved today
