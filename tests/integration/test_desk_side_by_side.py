"""On a server the desk's presses run side by side: one PC's open press holds up only what it
touches (its ticket, its point), never reception or the other points; set-up still runs
alone. On SQLite one writer runs at a time by design (tests/integration/test_races.py
shows both stores end as if the presses ran one after the other).
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event

from app.services.queue import calling as q
from app.services.setup.office_setup import add_service_point
from tests.conftest import desk_for
from tests.integration.test_races import (
    FROM_CALLED,
    _outcome,
    _paused_at_first_write,
    _prepare,
)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("second", "goes_ahead", "then"),
    [
        pytest.param(lambda d: q.issue_ticket(d, "B"), True, "B001 waiting", id="reception issues"),
        pytest.param(lambda d: q.call_next(d, 2), True, "A002 called", id="point 2 calls the next"),
        pytest.param(
            lambda d: q.finish(d, "A001"),
            False,
            "InvalidTransitionError",
            id="the same ticket waits",
        ),
        pytest.param(
            lambda d: add_service_point(d, 9, "Lucka 9"), False, "added", id="set-up waits"
        ),
    ],
)
@pytest.mark.parametrize("store", ["postgresql"], indirect=True)
def test_on_a_server_one_pcs_open_press_holds_up_only_its_own_ticket_and_point(
    store, clock, second, goes_ahead, then
):
    """Point 1 finishing A001 is held inside its transaction (a slow PC, a long pause):
    reception and the other points carry on, a press on A001 waits, and so does set-up."""
    desk = desk_for(store, clock)
    _prepare(desk, "called")
    outcomes: dict[str, str] = {}
    a = threading.Thread(
        target=lambda: outcomes.__setitem__("first", _outcome(FROM_CALLED["finish A001"], desk))
    )
    reached, (release, hook) = _paused_at_first_write(store, a)
    a.start()
    assert reached.wait(10)
    b = threading.Thread(target=lambda: outcomes.__setitem__("second", _said(second, desk)))
    b.start()
    b.join(2.0 if goes_ahead else 0.3)
    went_ahead = "second" in outcomes
    release.set()
    a.join(30)
    b.join(30)
    event.remove(store.engine, "before_cursor_execute", hook)
    assert went_ahead == goes_ahead
    assert outcomes["first"] == "A001 done"
    assert outcomes["second"] == then


def _said(run, desk) -> str:
    """What the press answered: the ticket and its state, the refusal, or "added"."""
    try:
        ref = run(desk)
    except Exception as exc:
        return type(exc).__name__
    return f"{ref.code} {ref.state}" if hasattr(ref, "code") else "added"
