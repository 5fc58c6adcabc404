"""A visitor moved on to another queue with the part of the errand handled before it: the
errands stay on the visit the next point completes, each with who handled it, and the
time served at both points counts as service, never the wait in between."""

from __future__ import annotations

import pytest

from app.services.errands import logbook as errands
from app.services.errands.records import ErrandInput
from app.services.office.clock import office_day
from app.services.queue import calling as q
from app.services.queue.views import queue_snapshot
from app.services.staff import accounts
from app.services.stats.figures import period_figures
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores


def test_the_part_handled_before_a_transfer_stays_on_the_visit(store, clock, desk):
    people = {}
    for login, pin in (("anna", "2468"), ("bo", "1357")):
        accounts.add_staff(desk, login, "caseworker", pin, pin)
        people[login] = desk_for(store, clock, accounts.sign_in(desk, login, pin))
    q.issue_ticket(desk, "A")
    clock.advance(minutes=2)
    q.call_ticket(people["anna"], "A001", 1)
    clock.advance(minutes=5)
    part = errands.transfer_with_errands(
        people["anna"], "A001", "C", [ErrandInput("FK", None, "documents")]
    )
    assert [e.duration_seconds for e in part.errands] == [300]  # her five minutes
    moved = queue_snapshot(store, clock).ticket("A001")
    assert (moved.state, moved.queue_letter, moved.origin_letter) == ("waiting", "C", "A")
    clock.advance(minutes=20)  # waits in queue C: not service
    q.call_ticket(people["bo"], "A001", 2)
    clock.advance(minutes=10)
    done = errands.finish_with_errands(people["bo"], "A001", [ErrandInput("AF", None, "resolved")])
    assert done.visit_id == part.visit_id
    assert [(e.agency_code, e.duration_seconds) for e in done.errands] == [
        ("FK", 300),
        ("AF", 600),
    ]
    day = office_day(store, clock.now())
    figures = period_figures(store, day, day, clock.now())["totals"]
    assert (figures["visitors"], figures["served"], figures["errands"]) == (1, 1, 2)
    assert figures["service_mean_s"] == 900  # five minutes at A, ten at C
    assert figures["wait_median_s"] == 120  # the wait until the first call only


def test_only_a_called_visitor_moves_with_errands(store, clock, desk):
    q.issue_ticket(desk, "A")
    with pytest.raises(Exception, match="transfer"):
        errands.transfer_with_errands(desk, "A001", "C", [ErrandInput("FK", None, "documents")])
    assert queue_snapshot(store, clock).ticket("A001").queue_letter == "A"  # nothing moved
