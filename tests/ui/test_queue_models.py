"""The live-queue table models, checked with Qt's model tester and through their roles."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt

from app.services.access.actor import SYSTEM, acting
from app.services.queue import calling as queue
from app.services.queue.views import queue_snapshot
from app.ui.reception.queue_models import (
    RecentTicketsModel,
    ServingModel,
    WaitingModel,
    print_state_text,
)
from app.ui.shell.table_model import OBJECT_ROLE, SORT_ROLE
from tests.conftest import desk_for


@pytest.fixture
def busy(ui_ctx):
    """Six tickets, one booked, one called to Lucka 2, one print failed."""
    store, clock = ui_ctx.store, ui_ctx.clock
    desk = desk_for(store, clock)
    for letter in "ABAC":
        queue.issue_ticket(desk, letter)
        clock.advance(minutes=3)
    queue.issue_ticket(desk, "A", booked=True)
    queue.issue_ticket(desk, "D")
    queue.set_print_status(desk, "D001", "failed")
    queue.call_next(desk, 2)  # the booked A003 goes first
    return ui_ctx


def snap(ctx):
    return queue_snapshot(ctx.store, ctx.clock)


def cells(model, column):
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, busy):
    for model in (WaitingModel(), ServingModel(), RecentTicketsModel()):
        model.set_snapshot(snap(busy))
        qtmodeltester.check(model)
        assert model.rowCount() > 0


def test_empty_models_pass_the_model_tester(qtmodeltester, ui_ctx):
    for model in (WaitingModel(), ServingModel(), RecentTicketsModel()):
        model.set_snapshot(snap(ui_ctx))
        qtmodeltester.check(model)


def test_waiting_model_columns_and_roles(busy):
    model = WaitingModel()
    model.set_snapshot(snap(busy))
    assert cells(model, WaitingModel.COL_CODE) == ["A001", "B001", "A002", "C001", "D001"]
    assert cells(model, WaitingModel.COL_QUEUE)[:2] == ["A", "B"]
    assert cells(model, WaitingModel.COL_WAIT)[0] == "12 min"
    assert model.index(0, WaitingModel.COL_WAIT).data(SORT_ROLE) == 12 * 60
    assert cells(model, WaitingModel.COL_PRINT)[-1] == "Misslyckades"
    assert model.index(0, 0).data(OBJECT_ROLE).code == "A001"
    assert model.headerData(WaitingModel.COL_BOOKED, Qt.Orientation.Horizontal) == "Bokad"


def test_booked_tickets_are_marked(busy):
    queue.issue_ticket(busy.desk, "B", booked=True)
    model = WaitingModel()
    model.set_snapshot(snap(busy))
    row = cells(model, WaitingModel.COL_CODE).index("B002")
    assert model.index(row, WaitingModel.COL_BOOKED).data() == "Bokad"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(row, WaitingModel.COL_BOOKED).data(SORT_ROLE) == 1
    assert model.index(row + 1, WaitingModel.COL_BOOKED).data() == ""


def test_wait_so_far_ticks_with_the_clock(busy):
    model = WaitingModel()
    snapshot = snap(busy)
    model.set_snapshot(snapshot)
    model.set_now(snapshot.now + timedelta(minutes=5))
    assert cells(model, WaitingModel.COL_WAIT)[0] == "17 min"


def test_a_wait_is_repainted_when_its_minute_moves_and_not_before(busy):
    busy.clock.advance(seconds=30)
    queue.issue_ticket(busy.desk, "B")  # waits 0:00 while the others wait n:30
    model = WaitingModel()
    snapshot = snap(busy)
    model.set_snapshot(snapshot)
    shown = cells(model, WaitingModel.COL_WAIT)
    announced: list[int] = []
    model.dataChanged.connect(
        lambda first, last, *_: announced.extend(range(first.row(), last.row() + 1))
    )
    model.set_now(snapshot.now + timedelta(seconds=1))  # no wait reaches a new minute
    assert announced == [] and cells(model, WaitingModel.COL_WAIT) == shown
    model.set_now(snapshot.now + timedelta(seconds=40))  # all but the newest reach one
    now_shown = cells(model, WaitingModel.COL_WAIT)
    changed = [row for row, (a, b) in enumerate(zip(shown, now_shown, strict=True)) if a != b]
    assert len(changed) == len(shown) - 1 and changed[-1] == len(shown) - 2
    assert set(changed) <= set(announced) and len(shown) - 1 not in announced


def test_an_update_keeps_rows_in_place(busy, qtbot):
    model = WaitingModel()
    model.set_snapshot(snap(busy))
    kept = QPersistentModelIndex(model.index(1, 0))  # B001
    queue.cancel(busy.desk, "A001")
    queue.issue_ticket(busy.desk, "B")
    with qtbot.waitSignals([model.rowsRemoved, model.rowsInserted], timeout=1000):
        model.set_snapshot(snap(busy))
    assert kept.isValid() and kept.row() == 0 and kept.data() == "B001"
    assert cells(model, 0) == ["B001", "A002", "C001", "D001", "B002"]


def test_serving_model_lists_every_point(busy):
    model = ServingModel()
    model.set_snapshot(snap(busy))
    assert cells(model, ServingModel.COL_POINT)[:2] == ["Lucka 1", "Lucka 2"]
    assert cells(model, ServingModel.COL_CODE)[:2] == ["–", "A003"]
    assert cells(model, ServingModel.COL_SINCE)[1] == "10:42"
    assert model.index(1, ServingModel.COL_POINT).data(SORT_ROLE) == 2


def test_recent_model_newest_first_with_state(busy):
    model = RecentTicketsModel(limit=3)
    model.set_snapshot(snap(busy))
    assert cells(model, RecentTicketsModel.COL_CODE) == ["D001", "A003", "C001"]
    assert cells(model, RecentTicketsModel.COL_STATE)[:2] == [
        "Väntar",
        "Uppropad – Lucka 2 · bokad",
    ]
    assert cells(model, RecentTicketsModel.COL_PRINT)[0] == "Misslyckades"


def test_print_state_text():
    assert print_state_text(None) == "–"
    assert print_state_text("printed") == "Utskriven"
    assert print_state_text("pdf:/x/A001.pdf") == "PDF"
    assert print_state_text("failed") == "Misslyckades"


def test_times_show_in_the_offices_own_zone(ui_ctx):
    """A London office sees its own clock: 09:05 there is 10:05 in Stockholm."""
    from datetime import UTC, datetime

    from sqlalchemy import update

    from app.models import Office

    store, clock = ui_ctx.store, ui_ctx.clock
    with acting(SYSTEM), store.write() as session:
        session.execute(update(Office).values(time_zone="Europe/London"))
    store.memo.pop("office_zone", None)
    clock.set(datetime(2026, 1, 13, 9, 5, tzinfo=UTC))
    desk = desk_for(store, clock)
    queue.issue_ticket(desk, "A")
    queue.issue_ticket(desk, "B")
    clock.advance(minutes=2)
    queue.call_next(desk, 1)
    ui_ctx.watcher.refresh()
    recent, serving = RecentTicketsModel(), ServingModel()
    recent.set_snapshot(ui_ctx.watcher.snapshot)
    serving.set_snapshot(ui_ctx.watcher.snapshot)
    assert cells(recent, RecentTicketsModel.COL_ISSUED) == ["09:05", "09:05"]
    assert "09:07" in cells(serving, ServingModel.COL_SINCE)
