"""'Tillbaka i kön' and 'Gick innan upprop' can be taken back, like a no-show: the ticket
is where it was, in its old place, and nothing is announced again."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import CallEvent
from app.services.queue import calling as q
from app.services.queue.errors import InvalidTransitionError, NotThisPointError, PointBusyError
from app.services.queue.views import queue_snapshot

pytestmark = pytest.mark.both_stores


def _calls(store) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count(CallEvent.id))) or 0)


def test_a_return_pressed_by_mistake_is_taken_back_at_its_point(store, clock, desk):
    for _ in range(3):
        q.issue_ticket(desk, "A")
        clock.advance(minutes=1)
    assert q.call_next(desk, 1).code == "A001"
    q.return_to_queue(desk, "A001")
    with pytest.raises(NotThisPointError):
        q.undo_return(desk, "A001", 2)  # only the point that put it back
    calls = _calls(store)
    back = q.undo_return(desk, "A001", 1)
    assert (back.state, back.service_point_number) == ("called", 1)
    assert _calls(store) == calls  # not announced again
    assert [t.code for t in queue_snapshot(store, clock).waiting] == ["A002", "A003"]
    q.return_to_queue(desk, "A001")
    q.call_ticket(desk, "A002", 1)
    with pytest.raises(PointBusyError):
        q.undo_return(desk, "A001", 1)  # the point has taken someone else
    q.finish(desk, "A002")
    q.call_ticket(desk, "A001", 2)
    with pytest.raises(InvalidTransitionError):
        q.undo_return(desk, "A001", 1)  # another point called it meanwhile


def test_a_visitor_marked_as_gone_by_mistake_waits_in_the_old_place_again(store, clock, desk):
    for _ in range(3):
        q.issue_ticket(desk, "A")
        clock.advance(minutes=1)
    q.walked_out(desk, "A001")
    assert [t.code for t in queue_snapshot(store, clock).waiting] == ["A002", "A003"]
    assert q.undo_walked_out(desk, "A001").state == "waiting"
    assert [t.code for t in queue_snapshot(store, clock).waiting] == ["A001", "A002", "A003"]
    q.call_ticket(desk, "A002", 1)
    clock.advance(minutes=3)
    q.park(desk, "A002")  # filling in a form
    q.walked_out(desk, "A002")  # gone while set aside
    assert q.undo_walked_out(desk, "A002").state == "parked"
    with pytest.raises(InvalidTransitionError):
        q.undo_walked_out(desk, "A003")  # it never went
