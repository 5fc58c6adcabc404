"""Dagens besök: a case worker corrects her own visit of today on screen, the manager any
visit of a day within retention; the list says what was corrected."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QPushButton

from app.services.access.audit import list_events
from app.services.errands import logbook as errands
from app.services.errands.records import ErrandInput
from app.services.queue import calling as q
from app.services.staff import accounts
from app.ui.service_point.visits import VisitsDialog, VisitsModel
from app.ui.shell.table_model import KEY_ROLE
from tests.conftest import desk_for
from tests.ui.test_errand_form import choose, field


def _anna_served_a001(ctx):
    desk = desk_for(ctx.store, ctx.clock)
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    anna = accounts.sign_in(desk, "anna", "2468")
    q.issue_ticket(desk, "A")
    q.call_ticket(desk_for(ctx.store, ctx.clock, anna), "A001", 1)
    errands.finish_with_errands(
        desk_for(ctx.store, ctx.clock, anna),
        "A001",
        [ErrandInput("FK", "sjukpenning", "resolved")],
    )
    return anna


def _dialog(qtbot, ctx) -> VisitsDialog:
    dialog = VisitsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _texts(dialog, column):
    model = dialog.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_a_case_worker_corrects_her_own_visit_on_screen(qtbot, ui_ctx):
    ui_ctx.actor = _anna_served_a001(ui_ctx)
    dialog = _dialog(qtbot, ui_ctx)
    assert not dialog.day.isVisible()  # her own, of today
    assert _texts(dialog, VisitsModel.COL_TICKET) == ["A001"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.correct, Qt.MouseButton.LeftButton)
    form = dialog.form
    assert dialog.pages.currentWidget() is form
    assert field(form, 1, "outcome").currentData(KEY_ROLE) == "resolved"  # as it was logged
    assert field(form, 1, "type").currentText() == "Sjukpenning"
    choose(field(form, 1, "outcome"), "documents")
    qtbot.mouseClick(form.findChild(QPushButton, "save-errands"), Qt.MouseButton.LeftButton)
    assert form.message.text() == ""
    assert dialog.pages.currentIndex() == 0 and dialog.message.text() == "Rättelsen är sparad."
    assert "(rättad)" in _texts(dialog, VisitsModel.COL_ERRANDS)[0]
    (event,) = list_events(ui_ctx.store, kinds=["correction"])
    assert event.who == "anna" and "outcome:resolved>documents" in event.detail


def test_the_manager_picks_a_day_and_sees_everyones_visits(qtbot, ui_ctx):
    _anna_served_a001(ui_ctx)
    ui_ctx.clock.advance(days=1)
    dialog = _dialog(qtbot, ui_ctx)
    assert dialog.day.isVisible() and _texts(dialog, VisitsModel.COL_TICKET) == []
    assert "Inga avslutade besök" in dialog.message.text()
    yesterday = dialog.day.date().addDays(-1)
    dialog.day.setDate(QDate(yesterday))
    assert _texts(dialog, VisitsModel.COL_TICKET) == ["A001"]
    assert _texts(dialog, VisitsModel.COL_STAFF) == ["anna"]
    assert dialog.message.text() == ""  # the empty day's sentence is gone
    dialog.grab().save("/tmp/visits.png")
