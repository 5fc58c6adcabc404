"""The queue engine as reception and the case workers meet it: every transition and refusal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update

from app.models import (
    CallEvent,
    DayRevision,
    Office,
    Queue,
    ServicePoint,
    ServicePointQueue,
    Ticket,
    TicketCounter,
    Visit,
)
from app.services import ServiceError
from app.services.access.actor import SYSTEM, acting
from app.services.office.clock import ManualClock, business_day
from app.services.queue import calling as q
from app.services.queue.errors import (
    InvalidTransitionError,
    NobodyWaitingError,
    NotThisPointError,
    PointBusyError,
    QueueFullError,
    RecallTooSoonError,
    TooFewRecallsError,
    UnknownQueueError,
    UnknownServicePointError,
    UnknownTicketError,
)
from app.services.queue.views import ahead_of, estimate_detail, office_revision, queue_snapshot
from app.store.engine import Store
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores  # the queue engine's rules hold on both stores

# ---------------------------------------------------------------- helpers


def configure_office(store: Store, **values: Any) -> None:
    """Change the office's queue rules (priority_ratio, recall_min_seconds …)."""
    with acting(SYSTEM), store.write() as session:
        session.execute(update(Office).values(**values))


def set_profile(store: Store, point: int, letters: str, call_order: str = "longest_wait") -> None:
    """Narrow a service point to these queues, in this order."""
    with acting(SYSTEM), store.write() as session:
        sp = session.scalar(select(ServicePoint).where(ServicePoint.number == point))
        assert sp is not None
        ids = {letter: qid for letter, qid in session.execute(select(Queue.letter, Queue.id))}
        session.execute(
            delete(ServicePointQueue).where(ServicePointQueue.service_point_id == sp.id)
        )
        for position, letter in enumerate(letters):
            session.add(
                ServicePointQueue(service_point_id=sp.id, queue_id=ids[letter], position=position)
            )
        sp.call_order = call_order


def ticket(store: Store, code: str, day: date | None = None) -> Ticket:
    """The stored ticket (detached) with that code, today by default."""
    with store.read() as session:
        stmt = select(Ticket).where(Ticket.code == code)
        if day is not None:
            stmt = stmt.where(Ticket.business_day == day)
        rows = list(session.scalars(stmt))
        assert len(rows) == 1, f"expected one {code}, found {len(rows)}"
        return rows[0]


def revisions(store: Store, day: date) -> tuple[int, int]:
    """The office revision and the given day's revision."""
    with store.read() as session:
        day_rev = session.scalar(
            select(DayRevision.revision).where(DayRevision.business_day == day)
        )
    return office_revision(store), int(day_rev or 0)


def issue_many(store: Store, clock: ManualClock, spec: str, step_s: float = 60) -> list[str]:
    """Issue one ticket per letter of spec (lower case: booked), a minute apart."""
    codes = []
    desk = desk_for(store, clock)
    for letter in spec:
        codes.append(q.issue_ticket(desk, letter.upper(), booked=letter.islower()).code)
        clock.advance(seconds=step_s)
    return codes


def call_sequence(store: Store, clock: ManualClock, n: int, point: int = 1) -> list[str]:
    """Call and finish n tickets at one point; the codes in the order they were called."""
    called = []
    desk = desk_for(store, clock)
    for _ in range(n):
        ref = q.call_next(desk, point)
        called.append(ref.code)
        clock.advance(seconds=30)
        q.finish(desk, ref.code)
    return called


# ---------------------------------------------------------------- issuing


def test_issue_numbers_each_queue_from_001(store, clock, desk):
    refs = [q.issue_ticket(desk, letter) for letter in "AABAC"]
    assert [r.code for r in refs] == ["A001", "A002", "B001", "A003", "C001"]
    first = refs[0]
    assert first.state == "waiting"
    assert first.queue_letter == "A"
    assert first.business_day == date(2026, 1, 13)
    assert first.issued_at == clock.now()
    stored = ticket(store, "A002")
    assert (stored.number, stored.state, stored.issued_at) == (2, "waiting", clock.now())


def test_issue_marks_a_booked_ticket(store, clock, desk):
    walk_in = q.issue_ticket(desk, "A")
    booked = q.issue_ticket(desk, "A", booked=True)
    assert (walk_in.booked, booked.booked) == (False, True)
    assert ticket(store, booked.code).booked is True
    # booked time is a flag, not a queue of its own: it shares the letter's numbering
    assert booked.code == "A002"


def test_issue_accepts_a_lower_case_letter(store, clock, desk):
    assert q.issue_ticket(desk, "b").code == "B001"


def test_issue_in_unknown_queue_is_refused_and_changes_nothing(store, clock, desk):
    before = revisions(store, business_day(clock.now()))
    with pytest.raises(UnknownQueueError) as err:
        q.issue_ticket(desk, "Z")
    assert "Z" in str(err.value)
    assert revisions(store, business_day(clock.now())) == before
    assert q.issue_ticket(desk, "A").code == "A001"


def test_issue_in_a_retired_queue_is_refused(store, clock, desk):
    with acting(SYSTEM), store.write() as session:
        session.execute(update(Queue).where(Queue.letter == "D").values(active=False))
    with pytest.raises(UnknownQueueError):
        q.issue_ticket(desk, "D")


def test_queue_full_after_999_and_no_number_is_used_up(store, clock, desk):
    day = business_day(clock.now())
    with acting(SYSTEM), store.write() as session:
        session.add(TicketCounter(business_day=day, letter="A", last_number=998))
    assert q.issue_ticket(desk, "A").code == "A999"
    for _ in range(2):
        with pytest.raises(QueueFullError):
            q.issue_ticket(desk, "A")
    with store.read() as session:
        assert session.scalar(select(TicketCounter.last_number)) == 999
        assert session.scalar(select(func.count()).select_from(Ticket)) == 1
    # other queues are not affected
    assert q.issue_ticket(desk, "B").code == "B001"


# ---------------------------------------------------------------- call next


def test_call_next_takes_a_booked_ticket_before_earlier_walk_ins(store, clock, desk):
    issue_many(store, clock, "AAa")
    assert q.call_next(desk, 1).code == "A003"


def test_call_next_takes_the_longest_waiting_across_the_points_queues(store, clock):
    issue_many(store, clock, "BCAB")
    assert call_sequence(store, clock, 4) == ["B001", "C001", "A001", "B002"]


def test_call_next_breaks_a_tie_in_time_by_number(store, clock, desk):
    q.issue_ticket(desk, "A")
    clock.advance(minutes=1)
    q.issue_ticket(desk, "A")
    q.issue_ticket(desk, "B")  # same instant as A002, lower number
    assert call_sequence(store, clock, 3) == ["A001", "B001", "A002"]


def test_call_next_with_equal_time_and_number_takes_the_one_issued_first(store, clock, desk):
    q.issue_ticket(desk, "B")
    q.issue_ticket(desk, "A")  # same instant, same number: B001 was issued first
    assert call_sequence(store, clock, 2) == ["B001", "A001"]


def test_call_next_only_sees_the_queues_of_the_points_profile(store, clock, desk):
    set_profile(store, 2, "B")
    issue_many(store, clock, "AB")
    assert q.call_next(desk, 2).code == "B001"
    q.finish(desk, "B001")
    with pytest.raises(NobodyWaitingError):
        q.call_next(desk, 2)
    assert ticket(store, "A001").state == "waiting"
    assert q.call_next(desk, 1).code == "A001"


def test_queue_order_profile_empties_its_first_queue_first(store, clock):
    set_profile(store, 1, "BA", call_order="queue_order")
    issue_many(store, clock, "AABb")
    # B (booked first within it), then A, however long A has waited
    assert call_sequence(store, clock, 4) == ["B002", "B001", "A001", "A002"]


def test_longest_wait_profile_ignores_the_profiles_order(store, clock):
    set_profile(store, 1, "BA", call_order="longest_wait")
    issue_many(store, clock, "AB")
    assert call_sequence(store, clock, 2) == ["A001", "B001"]


def test_priority_ratio_lets_a_walk_in_go_after_that_many_booked_calls(store, clock):
    configure_office(store, priority_ratio=2)
    issue_many(store, clock, "Aaaaa")
    assert call_sequence(store, clock, 5) == ["A002", "A003", "A001", "A004", "A005"]


def test_priority_ratio_counts_calls_at_every_point(store, clock, desk):
    configure_office(store, priority_ratio=2)
    issue_many(store, clock, "Aaaa")
    assert q.call_next(desk, 1).code == "A002"
    assert q.call_next(desk, 2).code == "A003"
    assert q.call_next(desk, 3).code == "A001"


def test_priority_ratio_zero_always_takes_booked_first(store, clock):
    configure_office(store, priority_ratio=0)
    issue_many(store, clock, "Aaaa")
    assert call_sequence(store, clock, 4) == ["A002", "A003", "A004", "A001"]


def test_priority_ratio_keeps_calling_booked_when_no_walk_in_waits(store, clock):
    configure_office(store, priority_ratio=1)
    issue_many(store, clock, "aaa")
    assert call_sequence(store, clock, 3) == ["A001", "A002", "A003"]


def test_call_next_with_nobody_waiting(store, clock, desk):
    with pytest.raises(NobodyWaitingError) as err:
        q.call_next(desk, 1)
    assert err.value.exit_code == 3


def test_call_next_at_unknown_point(store, clock, desk):
    q.issue_ticket(desk, "A")
    with pytest.raises(UnknownServicePointError):
        q.call_next(desk, 99)
    assert ticket(store, "A001").state == "waiting"


def test_call_next_refuses_while_the_point_has_a_visitor(store, clock, desk):
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    with pytest.raises(PointBusyError) as err:
        q.call_next(desk, 1)
    assert "A001" in str(err.value)
    assert ticket(store, "A002").state == "waiting"
    q.start_serving(desk, "A001")
    with pytest.raises(PointBusyError):
        q.call_next(desk, 1)
    # another point is free
    assert q.call_next(desk, 2).code == "A002"


def test_call_records_point_and_times(store, clock, desk):
    q.issue_ticket(desk, "A")
    clock.advance(minutes=7)
    ref = q.call_next(desk, 4)
    assert (ref.state, ref.service_point_number, ref.service_point_name) == (
        "called",
        4,
        "Lucka 4",
    )
    stored = ticket(store, "A001")
    assert stored.called_at == clock.now() == stored.first_called_at


# ---------------------------------------------------------------- call a ticket


def test_call_ticket_calls_out_of_order(store, clock, desk):
    issue_many(store, clock, "AAA")
    assert q.call_ticket(desk, "A003", 1).code == "A003"
    assert q.call_next(desk, 2).code == "A001"
    assert ticket(store, "A002").state == "waiting"


def test_call_ticket_refuses_a_ticket_that_is_not_waiting(store, clock, desk):
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    with pytest.raises(InvalidTransitionError):
        q.call_ticket(desk, "A001", 2)
    q.cancel(desk, "A002")
    with pytest.raises(InvalidTransitionError):
        q.call_ticket(desk, "A002", 2)


def test_call_ticket_unknown_code(store, clock, desk):
    with pytest.raises(UnknownTicketError) as err:
        q.call_ticket(desk, "a042", 1)
    assert "A042" in str(err.value)


def test_call_ticket_refuses_when_the_point_is_busy(store, clock, desk):
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    with pytest.raises(PointBusyError):
        q.call_ticket(desk, "A002", 1)
    assert ticket(store, "A002").state == "waiting"


# ---------------------------------------------------------------- recall and no-show


def test_recall_too_soon_is_refused(store, clock, desk):
    configure_office(store, recall_min_seconds=5)
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    clock.advance(seconds=2)
    with pytest.raises(RecallTooSoonError) as err:
        q.recall(desk, "A001")
    assert "3 s" in str(err.value)
    assert ticket(store, "A001").recalls == 0
    clock.advance(seconds=3)
    assert q.recall(desk, "A001").recalls == 1
    # the interval counts from the last recall, not the first call
    clock.advance(seconds=4)
    with pytest.raises(RecallTooSoonError):
        q.recall(desk, "A001")
    clock.advance(seconds=1)
    assert q.recall(desk, "A001").recalls == 2


def test_a_recall_keeps_the_time_of_the_call_to_the_point(store, clock, desk):
    """The case worker's "Tid hos dig" and the visit's start count from the call."""
    configure_office(store, recall_min_seconds=5)
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    called = clock.now()
    clock.advance(seconds=30)
    q.recall(desk, "A001")
    assert ticket(store, "A001").called_at == called
    clock.advance(minutes=4)
    visit_id = q.finish(desk, "A001").visit_id
    with store.read() as session:
        visit = session.get(Visit, visit_id)
        assert visit is not None and visit.started_at == called


def test_recall_is_announced_again(store, clock, desk):
    q.issue_ticket(desk, "A")
    q.call_next(desk, 3)
    clock.advance(seconds=10)
    q.recall(desk, "A001")
    with store.read() as session:
        events = session.execute(
            select(CallEvent.recall, CallEvent.at).order_by(CallEvent.id)
        ).all()
    assert [e.recall for e in events] == [False, True]
    assert events[1].at == clock.now()


def test_recall_of_a_ticket_that_is_not_called(store, clock, desk):
    q.issue_ticket(desk, "A")
    with pytest.raises(InvalidTransitionError):
        q.recall(desk, "A001")
    q.call_next(desk, 1)
    q.start_serving(desk, "A001")
    clock.advance(minutes=1)
    with pytest.raises(InvalidTransitionError):
        q.recall(desk, "A001")


def test_no_show_needs_the_offices_number_of_recalls(store, clock, desk):
    configure_office(store, recalls_before_no_show=2, recall_min_seconds=5)
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    with pytest.raises(TooFewRecallsError) as err:
        q.no_show(desk, "A001")
    assert "2 times" in str(err.value)
    clock.advance(seconds=10)
    q.recall(desk, "A001")
    with pytest.raises(TooFewRecallsError) as err:
        q.no_show(desk, "A001")
    assert "once" in str(err.value)
    clock.advance(seconds=10)
    q.recall(desk, "A001")
    ref = q.no_show(desk, "A001")
    assert ref.state == "no_show"
    assert ticket(store, "A001").closed_at == clock.now()


def test_no_show_frees_the_point(store, clock, desk):
    configure_office(store, recalls_before_no_show=0)
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    q.no_show(desk, "A001")
    assert q.call_next(desk, 1).code == "A002"


def test_a_no_show_marked_by_mistake_is_taken_back(store, clock, desk):
    configure_office(store, recalls_before_no_show=0)
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    called = clock.now()
    clock.advance(seconds=20)
    q.no_show(desk, "A001")
    ref = q.undo_no_show(desk, "A001", 1)
    assert (ref.state, ref.service_point_number) == ("called", 1)
    stored = ticket(store, "A001")
    assert stored.closed_at is None and stored.called_at == called
    with store.read() as session:  # taken back silently: no new announcement
        assert session.scalar(select(func.count()).select_from(CallEvent)) == 1
    # the point holds A001 again, so it cannot call the next one
    with pytest.raises(PointBusyError):
        q.call_next(desk, 1)


def test_a_no_show_cannot_be_taken_back_elsewhere_or_after_the_next_call(store, clock, desk):
    configure_office(store, recalls_before_no_show=0)
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    q.no_show(desk, "A001")
    with pytest.raises(NotThisPointError) as err:
        q.undo_no_show(desk, "A001", 2)
    assert err.value.message_id == "queue.not_this_point"
    assert err.value.params == {"code": "A001", "point": 2}
    assert "lucka 2" in refusal_text(err.value)
    q.call_next(desk, 1)
    with pytest.raises(PointBusyError):
        q.undo_no_show(desk, "A001", 1)
    assert ticket(store, "A001").state == "no_show"
    with pytest.raises(InvalidTransitionError):
        q.undo_no_show(desk, "A002", 1)


def test_no_show_of_a_waiting_ticket_is_refused(store, clock, desk):
    configure_office(store, recalls_before_no_show=0)
    q.issue_ticket(desk, "A")
    with pytest.raises(InvalidTransitionError):
        q.no_show(desk, "A001")


# ---------------------------------------------------------------- return, transfer, park


def test_return_to_queue_keeps_the_place_in_time(store, clock, desk):
    issue_many(store, clock, "AAA")
    q.call_next(desk, 1)
    clock.advance(minutes=5)
    ref = q.return_to_queue(desk, "A001")
    assert (ref.state, ref.service_point_number) == ("waiting", None)
    # the point is free again, and A001 is still first in line
    assert q.call_next(desk, 1).code == "A001"


def test_return_to_queue_of_a_waiting_ticket_is_refused(store, clock, desk):
    q.issue_ticket(desk, "A")
    with pytest.raises(InvalidTransitionError):
        q.return_to_queue(desk, "A001")


def test_transfer_keeps_code_and_place_and_waits_in_the_other_queue(store, clock, desk):
    set_profile(store, 2, "A")
    set_profile(store, 3, "B")
    issue_many(store, clock, "ABB")
    q.call_next(desk, 2)
    clock.advance(minutes=5)
    ref = q.transfer(desk, "A001", "b")
    assert (ref.code, ref.queue_letter, ref.state, ref.service_point_number) == (
        "A001",
        "B",
        "waiting",
        None,
    )
    stored = ticket(store, "A001")
    assert stored.number == 1
    assert stored.issued_at == stored.place_at
    # gone from A; first in B because it was issued before B001
    with pytest.raises(NobodyWaitingError):
        q.call_next(desk, 2)
    assert call_sequence(store, clock, 3, point=3) == ["A001", "B001", "B002"]


def test_transfer_to_unknown_queue_changes_nothing(store, clock, desk):
    q.issue_ticket(desk, "A")
    with pytest.raises(UnknownQueueError):
        q.transfer(desk, "A001", "Q")
    stored = ticket(store, "A001")
    assert (stored.state, stored.queue_id) == ("waiting", stored.origin_queue_id)


def test_transfer_of_a_finished_ticket_is_refused(store, clock, desk):
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    q.finish(desk, "A001")
    with pytest.raises(InvalidTransitionError):
        q.transfer(desk, "A001", "B")


def test_park_sets_aside_and_resume_calls_back(store, clock, desk):
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    clock.advance(seconds=30)
    q.recall(desk, "A001")
    parked = q.park(desk, "A001")
    assert (parked.state, parked.service_point_number) == ("parked", None)
    # a parked ticket is never called by "next", and the point is free
    assert q.call_next(desk, 1).code == "A002"
    q.finish(desk, "A002")
    with pytest.raises(NobodyWaitingError):
        q.call_next(desk, 1)
    clock.advance(minutes=10)
    resumed = q.resume(desk, "A001", 3)
    assert (resumed.code, resumed.state, resumed.service_point_number) == ("A001", "called", 3)
    assert resumed.recalls == 0
    stored = ticket(store, "A001")
    assert stored.called_at == clock.now()
    assert stored.first_called_at < stored.called_at


def test_resume_refuses_when_the_point_is_busy(store, clock, desk):
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    q.park(desk, "A001")
    q.call_next(desk, 1)
    with pytest.raises(PointBusyError):
        q.resume(desk, "A001", 1)
    assert ticket(store, "A001").state == "parked"


def test_park_a_waiting_ticket_is_refused(store, clock, desk):
    q.issue_ticket(desk, "A")
    with pytest.raises(InvalidTransitionError):
        q.park(desk, "A001")


# ---------------------------------------------------------------- cancel, walked out


@pytest.mark.parametrize(
    ("action", "state"), [(q.cancel, "cancelled"), (q.walked_out, "walked_out")]
)
def test_closing_a_waiting_ticket_takes_it_out_of_the_queue(store, clock, desk, action, state):
    issue_many(store, clock, "AA")
    ref = action(desk, "A001")
    assert ref.state == state
    assert ticket(store, "A001").closed_at == clock.now()
    assert q.call_next(desk, 1).code == "A002"
    with pytest.raises(InvalidTransitionError):
        action(desk, "A001")


@pytest.mark.parametrize("action", [q.cancel, q.walked_out])
def test_closing_a_called_ticket_is_refused(store, clock, desk, action):
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    with pytest.raises(InvalidTransitionError):
        action(desk, "A001")
    assert ticket(store, "A001").state == "called"


def test_a_parked_ticket_can_be_cancelled(store, clock, desk):
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    q.park(desk, "A001")
    assert q.cancel(desk, "A001").state == "cancelled"


# ---------------------------------------------------------------- serving and finishing


def test_start_serving_then_finish_stores_a_visit(store, clock, desk):
    q.issue_ticket(desk, "A")
    clock.advance(minutes=3)
    called = q.call_next(desk, 2)
    called_at = clock.now()
    clock.advance(seconds=40)
    assert q.start_serving(desk, "A001").state == "serving"
    with pytest.raises(InvalidTransitionError):
        q.start_serving(desk, "A001")
    clock.advance(minutes=9)
    done = q.finish(desk, "A001")
    assert done.state == "done"
    assert done.visit_id is not None
    with store.read() as session:
        visit = session.get(Visit, done.visit_id)
        assert visit is not None
        assert visit.ticket_id == called.id
        assert visit.started_at == called_at
        assert visit.ended_at == clock.now()
        assert visit.business_day == date(2026, 1, 13)
        assert visit.channel == "ticket"
        assert visit.timing_unreliable is False
        point = session.get(ServicePoint, visit.service_point_id)
        assert point is not None and point.number == 2
    assert ticket(store, "A001").closed_at == clock.now()


def test_finish_straight_from_called(store, clock, desk):
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    clock.advance(minutes=4)
    done = q.finish(desk, "A001")
    with store.read() as session:
        visit = session.get(Visit, done.visit_id)
        assert visit is not None
        assert (visit.ended_at - visit.started_at) == timedelta(minutes=4)


def test_finish_of_a_waiting_ticket_is_refused(store, clock, desk):
    q.issue_ticket(desk, "A")
    with pytest.raises(InvalidTransitionError) as err:
        q.finish(desk, "A001")
    assert "waiting" in str(err.value)
    assert err.value.params == {"action": "finish", "code": "A001", "state": "waiting"}
    assert refusal_text(err.value) == "Det går inte att avsluta A001: lappen väntar."
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0


def test_finish_twice_makes_one_visit(store, clock, desk):
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    q.finish(desk, "A001")
    with pytest.raises(InvalidTransitionError):
        q.finish(desk, "A001")
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 1


def test_finish_frees_the_point(store, clock, desk):
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    q.finish(desk, "A001")
    assert q.call_next(desk, 1).code == "A002"


def test_unknown_ticket_for_every_action(store, clock, desk):
    for action in (
        q.recall,
        q.no_show,
        q.return_to_queue,
        q.park,
        q.cancel,
        q.walked_out,
        q.start_serving,
        q.finish,
    ):
        with pytest.raises(UnknownTicketError):
            action(desk, "A001")
    with pytest.raises(UnknownTicketError):
        q.transfer(desk, "A001", "B")


def test_errors_speak_swedish_for_the_screen(store, clock, desk):
    errors: list[ServiceError] = []
    for attempt in (
        lambda: q.issue_ticket(desk, "Z"),
        lambda: q.call_next(desk, 1),
        lambda: q.call_next(desk, 42),
        lambda: q.finish(desk, "A007"),
    ):
        with pytest.raises(ServiceError) as err:
            attempt()
        errors.append(err.value)
    for error in errors:
        assert refusal_text(error) and refusal_text(error) != str(error)
        assert str(error).endswith(".")


def test_print_status_is_kept(store, clock, desk):
    q.issue_ticket(desk, "A")
    q.set_print_status(desk, "A001", "failed")
    assert ticket(store, "A001").print_status == "failed"


def test_recording_a_print_moves_the_screens_but_not_the_days_revision(store, clock, desk):
    day = q.issue_ticket(desk, "A").business_day
    office_before, day_before = revisions(store, day)
    q.set_print_status(desk, "A001", "printed")
    office_after, day_after = revisions(store, day)
    assert office_after > office_before  # every screen shows the print status
    assert day_after == day_before  # the day is not sent again for it


# ---------------------------------------------------------------- revisions


def _prepare(store: Store, clock: ManualClock, state: str) -> None:
    """Leave A001 in the given state (and A002 waiting)."""
    configure_office(store, recalls_before_no_show=0)
    issue_many(store, clock, "AA")
    desk = desk_for(store, clock)
    if state in ("called", "serving", "parked"):
        q.call_next(desk, 1)
        clock.advance(seconds=30)
    if state == "serving":
        q.start_serving(desk, "A001")
    if state == "parked":
        q.park(desk, "A001")


ACTIONS = {
    "issue": ("waiting", lambda d: q.issue_ticket(d, "B")),
    "call_next": ("waiting", lambda d: q.call_next(d, 2)),
    "call_ticket": ("waiting", lambda d: q.call_ticket(d, "A002", 2)),
    "recall": ("called", lambda d: q.recall(d, "A001")),
    "no_show": ("called", lambda d: q.no_show(d, "A001")),
    "return": ("called", lambda d: q.return_to_queue(d, "A001")),
    "transfer": ("called", lambda d: q.transfer(d, "A001", "C")),
    "park": ("serving", lambda d: q.park(d, "A001")),
    "resume": ("parked", lambda d: q.resume(d, "A001", 3)),
    "cancel": ("waiting", lambda d: q.cancel(d, "A001")),
    "walked_out": ("parked", lambda d: q.walked_out(d, "A001")),
    "start_serving": ("called", lambda d: q.start_serving(d, "A001")),
    "finish": ("serving", lambda d: q.finish(d, "A001")),
}


@pytest.mark.parametrize("name", list(ACTIONS))
def test_every_change_bumps_the_office_and_day_revision(store, clock, name):
    state, action = ACTIONS[name]
    _prepare(store, clock, state)
    day = business_day(clock.now())
    office_before, day_before = revisions(store, day)
    action(desk_for(store, clock))
    office_after, day_after = revisions(store, day)
    assert office_after > office_before
    assert day_after > day_before
    with store.read() as session:
        changed_at = session.scalar(
            select(DayRevision.changed_at).where(DayRevision.business_day == day)
        )
    assert changed_at == clock.now()


def test_a_refused_action_leaves_the_revisions_alone(store, clock, desk):
    q.issue_ticket(desk, "A")
    day = business_day(clock.now())
    before = revisions(store, day)
    for attempt in (
        lambda: q.finish(desk, "A001"),
        lambda: q.recall(desk, "A001"),
        lambda: q.transfer(desk, "A001", "Z"),
        lambda: q.call_next(desk, 77),
    ):
        with pytest.raises(ServiceError):
            attempt()
    assert revisions(store, day) == before


def test_revision_counts_only_the_days_that_changed(store, clock, desk):
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    q.finish(desk, "A001")
    first_day = business_day(clock.now())
    clock.advance(days=1)
    q.issue_ticket(desk, "A")
    q.issue_ticket(desk, "A")
    with store.read() as session:
        revs = dict(session.execute(select(DayRevision.business_day, DayRevision.revision)).all())
    # nothing of the first day was left open, so the second day did not touch it
    assert revs == {first_day: 3, first_day + timedelta(days=1): 2}


# ---------------------------------------------------------------- midnight and DST


def test_numbering_restarts_at_stockholm_midnight_not_utc_midnight(store, clock, desk):
    clock.set(datetime(2026, 1, 13, 22, 59, tzinfo=UTC))  # 23:59 in Stockholm
    assert q.issue_ticket(desk, "A").code == "A001"
    assert q.issue_ticket(desk, "A").code == "A002"
    clock.set(datetime(2026, 1, 13, 23, 0, tzinfo=UTC))  # 00:00 on the 14th
    first = q.issue_ticket(desk, "A")
    assert (first.code, first.business_day) == ("A001", date(2026, 1, 14))
    clock.set(datetime(2026, 1, 14, 0, 30, tzinfo=UTC))  # UTC midnight has passed: same day
    assert q.issue_ticket(desk, "A").code == "A002"


def test_numbering_restarts_at_midnight_in_summer_time(store, clock, desk):
    clock.set(datetime(2026, 6, 15, 21, 59, 59, tzinfo=UTC))  # 23:59:59 CEST
    assert q.issue_ticket(desk, "B").business_day == date(2026, 6, 15)
    clock.set(datetime(2026, 6, 15, 22, 0, tzinfo=UTC))  # 00:00 CEST on the 16th
    ref = q.issue_ticket(desk, "B")
    assert (ref.code, ref.business_day) == ("B001", date(2026, 6, 16))


def test_yesterdays_tickets_are_closed_when_today_starts(store, clock, desk):
    configure_office(store, recalls_before_no_show=0)
    issue_many(store, clock, "AAAAA")
    q.call_next(desk, 1)  # A001 called, never finished
    q.call_next(desk, 2)  # A002 serving, never finished
    q.start_serving(desk, "A002")
    q.call_next(desk, 3)  # A003 parked
    q.park(desk, "A003")
    yesterday = business_day(clock.now())
    yesterday_rev = revisions(store, yesterday)[1]

    clock.set(datetime(2026, 1, 14, 8, 0, tzinfo=UTC))
    today = q.issue_ticket(desk, "A")
    assert today.code == "A001"
    states = {
        code: ticket(store, code, yesterday).state
        for code in ("A001", "A002", "A003", "A004", "A005")
    }
    assert states == {
        "A001": "done",
        "A002": "done",
        "A003": "not_served",
        "A004": "not_served",
        "A005": "not_served",
    }
    for code in ("A003", "A004"):
        assert ticket(store, code, yesterday).closed_at == clock.now()
    with store.read() as session:
        visits = list(session.scalars(select(Visit).order_by(Visit.id)))
    assert [v.timing_unreliable for v in visits] == [True, True]
    assert {v.business_day for v in visits} == {yesterday}
    # the sync worker must resend yesterday
    assert revisions(store, yesterday)[1] > yesterday_rev
    # yesterday's forgotten visitors do not block today's points
    assert q.call_next(desk, 1).code == "A001"


def test_yesterdays_tickets_are_closed_by_the_first_call_of_the_day(store, clock, desk):
    issue_many(store, clock, "AB")
    q.call_next(desk, 1)
    yesterday = business_day(clock.now())
    clock.set(datetime(2026, 1, 14, 7, 0, tzinfo=UTC))
    with pytest.raises(NobodyWaitingError):
        q.call_next(desk, 2)
    assert ticket(store, "A001", yesterday).state == "done"
    assert ticket(store, "B001", yesterday).state == "not_served"


def test_tickets_from_yesterday_cannot_be_acted_on_today(store, clock, desk):
    q.issue_ticket(desk, "A")
    clock.advance(days=1)
    with pytest.raises(UnknownTicketError):
        q.call_ticket(desk, "A001", 1)


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        # spring forward, Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST
        (datetime(2026, 3, 28, 22, 59, 59), date(2026, 3, 28)),
        (datetime(2026, 3, 28, 23, 0, 0), date(2026, 3, 29)),
        (datetime(2026, 3, 29, 0, 59, 59), date(2026, 3, 29)),
        (datetime(2026, 3, 29, 1, 0, 0), date(2026, 3, 29)),
        (datetime(2026, 3, 29, 21, 59, 59), date(2026, 3, 29)),
        (datetime(2026, 3, 29, 22, 0, 0), date(2026, 3, 30)),
        # fall back, Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET
        (datetime(2026, 10, 24, 21, 59, 59), date(2026, 10, 24)),
        (datetime(2026, 10, 24, 22, 0, 0), date(2026, 10, 25)),
        (datetime(2026, 10, 25, 0, 30, 0), date(2026, 10, 25)),
        (datetime(2026, 10, 25, 1, 30, 0), date(2026, 10, 25)),
        (datetime(2026, 10, 25, 22, 59, 59), date(2026, 10, 25)),
        (datetime(2026, 10, 25, 23, 0, 0), date(2026, 10, 26)),
    ],
)
def test_business_day_around_daylight_saving_changes(instant, day):
    assert business_day(instant.replace(tzinfo=UTC)) == day


def test_numbering_on_the_short_spring_day(store, clock, desk):
    clock.set(datetime(2026, 3, 28, 22, 59, tzinfo=UTC))
    assert q.issue_ticket(desk, "A").business_day == date(2026, 3, 28)
    clock.set(datetime(2026, 3, 28, 23, 0, tzinfo=UTC))
    assert q.issue_ticket(desk, "A").code == "A001"
    clock.set(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # 03:30 CEST, after the jump
    assert q.issue_ticket(desk, "A").code == "A002"
    clock.set(datetime(2026, 3, 29, 22, 0, tzinfo=UTC))  # midnight after 23 hours
    ref = q.issue_ticket(desk, "A")
    assert (ref.code, ref.business_day) == ("A001", date(2026, 3, 30))


def test_numbering_on_the_long_autumn_day(store, clock, desk):
    clock.set(datetime(2026, 10, 24, 22, 0, tzinfo=UTC))
    assert q.issue_ticket(desk, "A").code == "A001"
    # 02:30 comes twice; both belong to the 25th and keep counting
    clock.set(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    assert q.issue_ticket(desk, "A").code == "A002"
    clock.set(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert q.issue_ticket(desk, "A").code == "A003"
    clock.set(datetime(2026, 10, 25, 22, 59, tzinfo=UTC))  # 23:59 CET, 25 hours in
    assert q.issue_ticket(desk, "A").code == "A004"
    clock.set(datetime(2026, 10, 25, 23, 0, tzinfo=UTC))
    assert q.issue_ticket(desk, "A").code == "A001"


def test_waits_across_the_clock_change_are_real_durations(store, clock, desk):
    clock.set(datetime(2026, 3, 29, 0, 59, tzinfo=UTC))  # 01:59 CET
    q.issue_ticket(desk, "A")
    clock.set(datetime(2026, 3, 29, 1, 1, tzinfo=UTC))  # 03:01 CEST, two minutes later
    assert queue_snapshot(store, clock).waiting[0].wait_seconds == 120


# ---------------------------------------------------------------- read models


def serve(store: Store, clock: ManualClock, letter: str, point: int, minutes: float) -> None:
    """Issue, call and finish one ticket with the given service time."""
    desk = desk_for(store, clock)
    code = q.issue_ticket(desk, letter).code
    q.call_ticket(desk, code, point)
    clock.advance(minutes=minutes)
    q.finish(desk, code)


def test_snapshot_lists_the_waiting_in_call_order_with_their_wait(store, clock):
    issue_many(store, clock, "ABaC")  # one a minute; A002 is booked
    clock.advance(minutes=5)
    snap = queue_snapshot(store, clock)
    assert [t.code for t in snap.waiting] == ["A002", "A001", "B001", "C001"]
    assert [t.wait_seconds for t in snap.waiting] == [7 * 60, 9 * 60, 8 * 60, 6 * 60]
    assert [t.booked for t in snap.waiting] == [True, False, False, False]
    assert snap.business_day == date(2026, 1, 13)
    assert snap.office_name == "Servicekontoret Exempelstad"


def test_snapshot_shows_whom_each_point_serves(store, clock, desk):
    set_profile(store, 5, "CB")
    issue_many(store, clock, "AAB")
    q.call_next(desk, 2)
    q.call_next(desk, 5)
    q.start_serving(desk, "B001")
    clock.advance(minutes=10)
    snap = queue_snapshot(store, clock)
    assert [p.number for p in snap.points] == [1, 2, 3, 4, 5, 6]
    serving = {p.number: (p.current.code, p.current.state) for p in snap.points if p.current}
    assert serving == {2: ("A001", "called"), 5: ("B001", "serving")}
    point5 = snap.points[4]
    assert (point5.name, point5.queue_letters) == ("Lucka 5", ("C", "B"))
    assert snap.points[0].queue_letters == ("A", "B", "C", "D")
    # the wait of a called ticket stopped when it was called
    assert snap.points[1].current.wait_seconds == 3 * 60
    assert [t.code for t in snap.waiting] == ["A002"]
    assert snap.ticket("B001").service_point_number == 5


def test_snapshot_counts_each_queue(store, clock, desk):
    issue_many(store, clock, "AAaBDd")
    q.call_ticket(desk, "D001", 1)
    q.finish(desk, "D001")
    snap = queue_snapshot(store, clock)
    counts = {s.letter: (s.waiting, s.booked_waiting, s.served_today) for s in snap.queues}
    assert counts == {"A": (3, 1, 0), "B": (1, 0, 0), "C": (0, 0, 0), "D": (1, 1, 1)}
    assert snap.queue("A").label
    assert snap.queue("Z") is None


def test_snapshot_lists_parked_apart(store, clock, desk):
    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    q.park(desk, "A001")
    snap = queue_snapshot(store, clock)
    assert [t.code for t in snap.parked] == ["A001"]
    assert [t.code for t in snap.waiting] == ["A002"]
    assert all(p.current is None for p in snap.points)


def test_snapshot_holds_only_todays_active_tickets(store, clock, desk):
    issue_many(store, clock, "AAB")
    q.cancel(desk, "A002")
    q.call_next(desk, 1)
    q.finish(desk, "A001")
    assert [t.code for t in queue_snapshot(store, clock).waiting] == ["B001"]
    clock.advance(days=1)
    snap = queue_snapshot(store, clock)
    assert snap.waiting == () and snap.recent_calls == ()


def test_snapshot_revision_follows_the_office_revision(store, clock, desk):
    before = queue_snapshot(store, clock).revision
    q.issue_ticket(desk, "A")
    after = queue_snapshot(store, clock).revision
    assert after > before
    assert after == revisions(store, business_day(clock.now()))[0]


def test_recent_calls_newest_first_with_recalls(store, clock, desk):
    issue_many(store, clock, "ABC")
    q.call_next(desk, 1)
    q.call_next(desk, 2)
    clock.advance(seconds=20)
    q.recall(desk, "A001")
    calls = queue_snapshot(store, clock).recent_calls
    assert [(c.code, c.point_number, c.recall) for c in calls] == [
        ("A001", 1, True),
        ("B001", 2, False),
        ("A001", 1, False),
    ]
    assert calls[0].point_name == "Lucka 1"
    assert [c.code for c in queue_snapshot(store, clock, recent=1).recent_calls] == ["A001"]


def test_estimated_wait_follows_recent_service_times(store, clock):
    set_profile(store, 2, "A")
    for _ in range(5):
        serve(store, clock, "A", point=1, minutes=2)
    issue_many(store, clock, "BBBB", step_s=1)
    quick = queue_snapshot(store, clock).queue("B")
    assert quick.waiting == 4
    assert 6 <= quick.estimated_wait_minutes <= 10  # four ahead, about two minutes each

    # the case workers now need twenty minutes per visitor
    for _ in range(10):
        serve(store, clock, "A", point=2, minutes=20)
    slow = queue_snapshot(store, clock).queue("B")
    assert slow.waiting == 4
    assert slow.estimated_wait_minutes >= 60
    assert slow.wait_for(1) > quick.wait_for(1)


def test_estimated_wait_shrinks_when_more_points_serve_the_queue(store, clock, desk):
    for _ in range(5):
        serve(store, clock, "A", point=1, minutes=10)
    issue_many(store, clock, "AAAAAA", step_s=1)
    one_point = queue_snapshot(store, clock).queue("A")
    q.call_next(desk, 2)
    two_points = queue_snapshot(store, clock).queue("A")
    assert (one_point.waiting, two_points.waiting) == (6, 5)
    assert two_points.staffed_points == 2
    # five ahead with two points take about half as long as with one
    assert two_points.estimated_wait_minutes * 2 == pytest.approx(one_point.wait_for(5), abs=1)


def test_ahead_of_counts_those_before_in_the_same_queue(store, clock, desk):
    issue_many(store, clock, "AABA")
    snap = queue_snapshot(store, clock)
    assert [ahead_of(snap, c) for c in ("A001", "A002", "B001", "A003")] == [0, 1, 0, 2]
    q.issue_ticket(desk, "A", booked=True)
    snap = queue_snapshot(store, clock)
    assert ahead_of(snap, "A004") == 0
    assert ahead_of(snap, "A003") == 3
    q.call_next(desk, 1)
    snap = queue_snapshot(store, clock)
    assert ahead_of(snap, "A004") == 0  # being served, nobody ahead
    assert ahead_of(snap, "A003") == 2


def test_estimate_detail_is_the_tickets_second_line(store, clock):
    issue_many(store, clock, "AAA")
    snap = queue_snapshot(store, clock)
    assert estimate_detail(snap, "A001") == "nobody ahead"
    minutes = snap.queue("A").wait_for(2)
    assert minutes > 0
    assert estimate_detail(snap, "A003") == f"2 ahead, about {minutes} minutes"
    assert estimate_detail(snap, "Q123") == ""


def test_estimate_detail_says_one_minute(store, clock):
    for _ in range(5):
        serve(store, clock, "A", point=1, minutes=1)
    issue_many(store, clock, "AA", step_s=1)
    snap = queue_snapshot(store, clock)
    assert estimate_detail(snap, snap.waiting[-1].code) == "1 ahead, about 1 minute"


def test_a_returned_ticket_keeps_counting_its_wait(store, clock, desk):
    q.issue_ticket(desk, "A")
    clock.advance(minutes=4)
    q.call_next(desk, 1)
    clock.advance(minutes=1)
    q.return_to_queue(desk, "A001")
    clock.advance(minutes=5)
    ticket = queue_snapshot(store, clock).ticket("A001")
    assert ticket is not None and ticket.state == "waiting"
    assert ticket.wait_seconds == 10 * 60


def test_only_the_points_own_turns_count_for_the_fairness_ratio(store, clock, desk):
    """An out-of-turn call or a resume is not a booked ticket taking a walk-in's turn."""
    configure_office(store, priority_ratio=2)
    q.issue_ticket(desk, "A")  # A001, walk-in
    for _ in range(3):
        clock.advance(seconds=10)
        q.issue_ticket(desk, "A", booked=True)  # A002, A003, A004
    q.call_ticket(desk, "A003", 1)  # out of turn
    q.finish(desk, "A003")
    assert q.call_next(desk, 1).code == "A002"
    q.finish(desk, "A002")
    assert q.call_next(desk, 1).code == "A004"  # one turn of two so far
    q.finish(desk, "A004")
    assert q.call_next(desk, 1).code == "A001"


def test_the_business_day_is_the_offices_own(store, clock, desk):
    """An office keeps its own time zone: at 23:30 in London it is already tomorrow in
    Stockholm, but the London office's ticket belongs to its own today."""
    configure_office(store, time_zone="Europe/London")
    store.memo.pop("office_zone", None)
    clock.set(datetime(2026, 1, 13, 23, 30, tzinfo=UTC))
    ref = q.issue_ticket(desk, "A")
    assert ref.business_day == date(2026, 1, 13)
    assert queue_snapshot(store, clock).business_day == date(2026, 1, 13)
    assert q.call_next(desk, 1).code == "A001"


def test_the_database_itself_refuses_a_second_active_call_at_one_point(store, clock, desk):
    """Held in the store too, not only in the engine's checks: one visitor per point."""
    from app.services.access.actor import SYSTEM, acting
    from app.store.errors import StoreError

    issue_many(store, clock, "AA")
    q.call_next(desk, 1)
    point_1 = ticket(store, "A001").service_point_id
    with pytest.raises(StoreError), acting(SYSTEM), store.write() as session:
        session.execute(
            update(Ticket)
            .where(Ticket.code == "A002")
            .values(state="called", service_point_id=point_1)
        )
    assert ticket(store, "A002").state == "waiting"
    q.finish(desk, "A001")
    assert q.call_next(desk, 1).code == "A002"  # once the point is free, as ever
