"""The visitor's language at the service point: seen before the call, preselected after it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QWidget

from app.services.errands.records import Choice
from app.services.queue import calling as queue
from app.ui.service_point.errand_form import ErrandForm
from app.ui.service_point.errand_models import TicketListModel
from app.ui.service_point.languages import LanguageNames, in_sentence
from app.ui.shell.table_model import KEY_ROLE
from tests.conftest import desk_for
from tests.ui.test_errand_form import choose, field
from tests.ui.test_service_point import click, make_view


@pytest.fixture
def view(qtbot, ui_ctx):
    """A service point view sitting at point 3, as a case worker."""
    widget = make_view(qtbot, ui_ctx)
    picker = widget.findChild(QComboBox, "point-picker")
    picker.setCurrentIndex(picker.findData(3))
    return widget


def issue(ctx, clock, letter: str, language: str | None = None) -> str:
    ref = queue.issue_ticket(desk_for(ctx.store, clock), letter, language=language)
    clock.advance(minutes=1)
    ctx.watcher.refresh()
    return ref.code


def form_of(view: QWidget) -> ErrandForm:
    form = view.findChild(ErrandForm, "errand-form")
    assert form is not None
    return form


def hint(view: QWidget) -> QLabel:
    label = view.findChild(QLabel, "current-language")
    assert label is not None
    return label


def save_resolved(qtbot, form: ErrandForm) -> None:
    """Fill in the first row's errand type and outcome, and save."""
    errand_type = field(form, 1, "type")
    choose(errand_type, errand_type.itemData(0, KEY_ROLE))
    choose(field(form, 1, "outcome"), "resolved")
    click(qtbot, form, "save-errands")


def waiting_row(view: QWidget, code: str) -> int:
    picker = view.findChild(QComboBox, "waiting-picker")
    row = picker.findData(code, KEY_ROLE)
    assert row >= 0, code
    return row


def test_an_arabic_visitor_is_marked_in_the_waiting_list_before_the_call(qtbot, view, ui_ctx):
    arabic = issue(ui_ctx, ui_ctx.clock, "A", "ar")
    plain = issue(ui_ctx, ui_ctx.clock, "A")
    picker = view.findChild(QComboBox, "waiting-picker")
    model = picker.model()
    row = waiting_row(view, arabic)
    assert picker.itemText(row) == f"{arabic} · Arabiska"
    assert model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == "Kan behöva tolk"
    assert isinstance(model.index(row, 0).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Arabiska, kan behöva tolk" in model.index(row, 0).data(
        Qt.ItemDataRole.AccessibleTextRole
    )
    # The chosen ticket's tooltip is the closed list's too.
    picker.setCurrentIndex(row)
    assert picker.toolTip() == "Kan behöva tolk"
    # A visitor without a language: the code alone, no tooltip.
    other = waiting_row(view, plain)
    assert picker.itemText(other) == plain
    assert model.index(other, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    picker.setCurrentIndex(other)
    assert picker.toolTip() == ""


def test_english_is_shown_but_no_interpreter_is_suggested(qtbot, view, ui_ctx):
    english = issue(ui_ctx, ui_ctx.clock, "A", "en")
    swedish = issue(ui_ctx, ui_ctx.clock, "A", "sv")
    picker = view.findChild(QComboBox, "waiting-picker")
    row = waiting_row(view, english)
    assert picker.itemText(row) == f"{english} · Engelska"
    assert picker.model().index(row, 0).data(Qt.ItemDataRole.ToolTipRole) != "Kan behöva tolk"
    assert picker.itemText(waiting_row(view, swedish)) == swedish  # Swedish goes unsaid
    click(qtbot, view, "call-next")
    assert view.current_ticket.code == english
    assert hint(view).text() == "Språk: engelska"
    assert hint(view).isVisible()
    assert not hint(view).property("interpreter")


def test_a_called_arabic_visitor_gets_the_hint_and_arabic_in_the_errand_form(qtbot, view, ui_ctx):
    code = issue(ui_ctx, ui_ctx.clock, "A", "ar")
    click(qtbot, view, "call-next")
    assert view.current_ticket.code == code
    assert hint(view).text() == "Språk: arabiska — kan behöva tolk"
    assert hint(view).isVisible()
    assert hint(view).property("interpreter")
    click(qtbot, view, "finish")
    form = form_of(view)
    assert form.isVisible()
    assert field(form, 1, "language").currentData(KEY_ROLE) == "ar"
    assert field(form, 1, "language").currentText() == "Arabiska"
    assert field(form, 1, "interpreter").currentData(KEY_ROLE) == "none"  # the worker says
    # A second errand of the same visit is in Arabic too.
    click(qtbot, form, "add-errand")
    assert field(form, 2, "language").currentData(KEY_ROLE) == "ar"


def test_the_case_worker_may_change_the_preselected_language(qtbot, view, ui_ctx):
    code = issue(ui_ctx, ui_ctx.clock, "B", "ar")
    click(qtbot, view, "call-next")
    click(qtbot, view, "finish")
    form = form_of(view)
    choose(field(form, 1, "language"), "sv")  # the visitor spoke Swedish after all
    save_resolved(qtbot, form)
    assert view.current_ticket is None
    visit = next(v for v in ui_ctx.errands.day_visits() if v.ticket_code == code)
    assert [e.language_code for e in visit.errands] == ["sv"]


def test_a_ticket_without_a_language_leaves_the_forms_default(qtbot, view, ui_ctx):
    issue(ui_ctx, ui_ctx.clock, "A")
    click(qtbot, view, "call-next")
    assert hint(view).text() == ""
    assert not hint(view).isVisible()
    click(qtbot, view, "finish")
    assert field(form_of(view), 1, "language").currentData(KEY_ROLE) == "sv"


def test_the_next_visitor_starts_from_the_default_again(qtbot, view, ui_ctx):
    """An Arabic visitor's language never carries over to the next one."""
    issue(ui_ctx, ui_ctx.clock, "A", "ar")
    second = issue(ui_ctx, ui_ctx.clock, "A")
    click(qtbot, view, "call-next")
    click(qtbot, view, "finish")
    form = form_of(view)
    assert field(form, 1, "language").currentData(KEY_ROLE) == "ar"
    save_resolved(qtbot, form)
    click(qtbot, view, "call-next")
    assert view.current_ticket.code == second
    click(qtbot, view, "finish")
    assert field(form, 1, "language").currentData(KEY_ROLE) == "sv"
    form.start_quick(3)  # nor does it reach a visit without a ticket
    assert field(form, 1, "language").currentData(KEY_ROLE) == "sv"


def test_a_transfer_form_preselects_the_visitors_language(qtbot, view, ui_ctx):
    issue(ui_ctx, ui_ctx.clock, "A", "uk")
    click(qtbot, view, "call-next")
    view._transfer_form("C")
    assert field(form_of(view), 1, "language").currentData(KEY_ROLE) == "uk"


def test_a_parked_visitor_keeps_the_marker(qtbot, view, ui_ctx):
    code = issue(ui_ctx, ui_ctx.clock, "D", "so")
    click(qtbot, view, "call-next")
    click(qtbot, view, "park")
    parked = view.findChild(QTableView, "parked-list")
    assert parked.model().index(0, 0).data() == f"{code} · Somaliska"


def test_names_come_once_and_follow_the_catalog(qtbot, ui_ctx):
    names = LanguageNames(ui_ctx)
    reads: list[int] = []
    names.changed.connect(lambda: reads.append(1))
    assert names.label("ar") == "ar"  # not read yet: the code
    names.need(["ar", None, "sv"])
    assert names.label("ar") == "Arabiska"
    assert reads == [1]
    names.need(["ar"])  # known: no read
    names.learn([Choice("ar", "Arabiska", "Arabic")])  # the same: nothing to repaint
    assert reads == [1]
    names.learn([Choice("ar", "Arabiska (MSA)", "Arabic")])  # renamed in the catalog
    assert names.label("ar") == "Arabiska (MSA)"
    assert names.hint("ar") == "Språk: arabiska (MSA) — kan behöva tolk"
    assert names.hint("sv") == names.hint(None) == ""
    assert in_sentence("Romani chib") == "romani chib"


def test_ticket_list_model_with_language_names(qtmodeltester, ui_ctx):
    for language in ("ar", None, "en"):
        issue(ui_ctx, ui_ctx.clock, "A", language)
    names = LanguageNames(ui_ctx)
    model = TicketListModel(None, names)
    model.set_tickets(ui_ctx.watcher.snapshot.waiting)
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(3)] == [
        "A001 · Arabiska",
        "A002",
        "A003 · Engelska",
    ]
