"""The errand form: rows, defaults, validation in Swedish, one service call on save."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.services.errands import logbook as errands
from app.services.queue import calling as queue
from app.services.queue.views import queue_snapshot
from app.ui.service_point.errand_form import ErrandForm
from app.ui.service_point.errand_models import ChoiceModel, TicketListModel, waited_text
from app.ui.shell.table_model import KEY_ROLE
from tests.conftest import desk_for


def choose(combo: QComboBox, code: str) -> None:
    """Pick an entry by its catalog code, as a person picking from the list would."""
    index = combo.findData(code, KEY_ROLE)
    assert index >= 0, f"{code} not offered in {combo.objectName()}"
    combo.setCurrentIndex(index)


def row(form: QWidget, number: int) -> QGroupBox:
    found = form.findChild(QGroupBox, f"errand-row-{number}")
    assert found is not None, f"no errand row {number}"
    return found


def field(form: QWidget, number: int, name: str) -> QComboBox:
    combo = row(form, number).findChild(QComboBox, f"errand-{name}")
    assert combo is not None
    return combo


def click(qtbot, form: QWidget, name: str) -> None:
    qtbot.mouseClick(form.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def message(form: QWidget) -> str:
    return form.findChild(QLabel, "errand-form-message").text()


def problem(form: QWidget, number: int) -> str:
    """What the row says under its fields ("" when it is hidden)."""
    label = row(form, number).findChild(QLabel, "errand-problem")
    return "" if label.isHidden() else label.text()


def marked(form: QWidget, number: int) -> list[str]:
    """The fields of a row marked as the one to fix."""
    return [
        combo.objectName().removeprefix("errand-")
        for combo in row(form, number).findChildren(QComboBox)
        if combo.property("invalid")
    ]


@pytest.fixture
def called(ui_ctx, ui_clock):
    """A ticket in queue B, called to service point 2."""
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "B")
    ui_clock.advance(minutes=4)
    return queue.call_next(desk_for(ui_ctx.store, ui_clock), 2)


@pytest.fixture
def form(qtbot, ui_ctx):
    widget = ErrandForm(ui_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    return widget


def test_ticket_form_preselects_the_queues_usual_agency_and_defaults(form, called):
    form.start_ticket(called.code, called.queue_letter)
    assert "B001" in form.findChild(QLabel, "errand-form-title").text()
    assert not form.findChild(QGroupBox, "errand-channel").isVisible()
    assert field(form, 1, "agency").currentData(KEY_ROLE) == "SKV"
    assert field(form, 1, "type").isEnabled()
    assert field(form, 1, "outcome").currentIndex() == -1
    assert field(form, 1, "language").currentData(KEY_ROLE) == "sv"
    assert field(form, 1, "interpreter").currentData(KEY_ROLE) == "none"
    assert not field(form, 1, "referral").isEnabled()
    # The only row cannot be removed.
    assert not row(form, 1).findChild(QPushButton, "remove-errand").isEnabled()


def test_errand_types_follow_the_agency(form, called):
    form.start_ticket(called.code, called.queue_letter)
    types = field(form, 1, "type")
    labels = {types.itemText(i) for i in range(types.count())}
    assert "Personbevis" in labels or any("person" in x.casefold() for x in labels)
    choose(field(form, 1, "agency"), "FK")
    labels = {types.itemText(i) for i in range(types.count())}
    assert "Sjukpenning" in labels
    assert not any("personbevis" in x.casefold() for x in labels)
    assert types.currentText() == ""


def test_typing_part_of_an_errand_type_finds_it(qtbot, form, called, ui_ctx):
    form.start_ticket(called.code, called.queue_letter)
    choose(field(form, 1, "agency"), "FK")
    qtbot.keyClicks(field(form, 1, "type").lineEdit(), "sjukpenn")
    choose(field(form, 1, "outcome"), "resolved")
    with qtbot.waitSignal(form.saved) as saved:
        click(qtbot, form, "save-errands")
    visit = errands.visit_errands(ui_ctx.store, saved.args[0].visit_id)
    assert [e.errand_type_code for e in visit.errands] == ["sjukpenning"]
    assert saved.args[1] == "B001 avslutad – 1 ärende sparat"


def test_saving_two_errands_one_referred_stores_both(qtbot, form, called, ui_ctx):
    form.start_ticket(called.code, called.queue_letter)
    first_type = field(form, 1, "type")
    first_type.setCurrentIndex(0)
    choose(field(form, 1, "outcome"), "resolved")
    click(qtbot, form, "add-errand")
    assert row(form, 2).title() == "Ärende 2"
    choose(field(form, 2, "agency"), "FK")
    choose(field(form, 2, "type"), "bostadsbidrag")
    choose(field(form, 2, "outcome"), "referred")
    referral = field(form, 2, "referral")
    assert referral.isEnabled()
    choose(referral, "SOCIALTJANST")
    choose(field(form, 2, "language"), "ar")
    choose(field(form, 2, "interpreter"), "phone")
    with qtbot.waitSignal(form.saved) as saved:
        click(qtbot, form, "save-errands")
    assert saved.args[1] == "B001 avslutad – 2 ärenden sparade"
    visit = errands.visit_errands(ui_ctx.store, saved.args[0].visit_id)
    assert visit.ticket_code == "B001"
    assert [(e.agency_code, e.outcome_code) for e in visit.errands] == [
        ("SKV", "resolved"),
        ("FK", "referred"),
    ]
    second = visit.errands[1]
    assert (second.errand_type_code, second.referral_target_code) == (
        "bostadsbidrag",
        "SOCIALTJANST",
    )
    assert (second.language_code, second.interpreter_code) == ("ar", "phone")
    snapshot = queue_snapshot(ui_ctx.store, ui_ctx.clock)
    assert snapshot.ticket("B001") is None  # finished


def test_referral_target_is_required_when_referred(qtbot, form, called, ui_ctx):
    form.start_ticket(called.code, called.queue_letter)
    field(form, 1, "type").setCurrentIndex(0)
    choose(field(form, 1, "outcome"), "resolved")
    click(qtbot, form, "add-errand")
    choose(field(form, 2, "agency"), "AF")
    field(form, 2, "type").setCurrentIndex(0)
    choose(field(form, 2, "outcome"), "referred")
    with qtbot.assertNotEmitted(form.saved):
        click(qtbot, form, "save-errands")
    assert problem(form, 2) == "Ärende 2: välj vart besökaren hänvisades."
    assert marked(form, 2) == ["referral"] and problem(form, 1) == ""
    assert field(form, 2, "referral").hasFocus()
    # Nothing stored: the ticket is still called at the point.
    snapshot = queue_snapshot(ui_ctx.store, ui_ctx.clock)
    assert snapshot.ticket("B001").state == "called"
    # Changing the outcome away from a referral empties and disables the target again.
    choose(field(form, 2, "outcome"), "documents")
    assert not field(form, 2, "referral").isEnabled()


def test_validation_names_the_row_and_field(qtbot, form, called):
    form.start_ticket(called.code, called.queue_letter)
    with qtbot.assertNotEmitted(form.saved):
        click(qtbot, form, "save-errands")
    assert problem(form, 1) == "Ärende 1: välj ärendetyp."
    assert marked(form, 1) == ["type"]
    qtbot.keyClicks(field(form, 1, "type").lineEdit(), "finns inte")
    assert problem(form, 1) == "" and marked(form, 1) == []  # gone as soon as one types
    click(qtbot, form, "save-errands")
    assert problem(form, 1).startswith("Ärende 1: ärendetypen ”finns inte” finns inte hos")
    field(form, 1, "type").setEditText("")
    field(form, 1, "type").setCurrentIndex(0)
    click(qtbot, form, "add-errand")
    choose(field(form, 1, "outcome"), "resolved")
    field(form, 2, "agency").setCurrentIndex(-1)
    click(qtbot, form, "save-errands")
    assert problem(form, 1) == "" and problem(form, 2) == "Ärende 2: välj myndighet."
    assert marked(form, 2) == ["agency"]
    choose(field(form, 2, "agency"), "GEMENSAMT")
    assert problem(form, 2) == "" and marked(form, 2) == []
    field(form, 2, "type").setCurrentIndex(0)
    field(form, 2, "outcome").setCurrentIndex(-1)
    click(qtbot, form, "save-errands")
    assert problem(form, 2) == "Ärende 2: välj utfall."
    assert message(form) == ""  # the form's own line is for the store, not for a field


def test_a_second_errand_starts_with_the_first_ones_agency(qtbot, form, called):
    form.start_ticket(called.code, called.queue_letter)
    choose(field(form, 1, "agency"), "PM")
    click(qtbot, form, "add-errand")
    assert field(form, 2, "agency").currentData(KEY_ROLE) == "PM"
    assert field(form, 2, "type").isEnabled()


def test_remove_row_renumbers(qtbot, form, called):
    form.start_ticket(called.code, called.queue_letter)
    click(qtbot, form, "add-errand")
    click(qtbot, form, "add-errand")
    choose(field(form, 3, "agency"), "PM")
    qtbot.mouseClick(
        row(form, 2).findChild(QPushButton, "remove-errand"), Qt.MouseButton.LeftButton
    )
    assert len(form.rows) == 2
    assert field(form, 2, "agency").currentData(KEY_ROLE) == "PM"
    assert form.findChild(QGroupBox, "errand-row-3") is None


def test_cancel_stores_nothing(qtbot, form, called, ui_ctx):
    form.start_ticket(called.code, called.queue_letter)
    with qtbot.waitSignal(form.cancelled):
        click(qtbot, form, "cancel-errands")
    snapshot = queue_snapshot(ui_ctx.store, ui_ctx.clock)
    assert snapshot.ticket("B001").state == "called"


def test_the_next_visitor_starts_from_the_offices_defaults(qtbot, ui_ctx, called):
    """One visitor's outcome, language and interpreter never reach the next one."""
    form = ErrandForm(ui_ctx)
    qtbot.addWidget(form)
    form.start_ticket(called.code, called.queue_letter)
    field(form, 1, "type").setCurrentIndex(0)
    choose(field(form, 1, "outcome"), "e-service")
    choose(field(form, 1, "language"), "en")
    choose(field(form, 1, "interpreter"), "on-site")
    with qtbot.waitSignal(form.saved):
        click(qtbot, form, "save-errands")
    later = ErrandForm(ui_ctx)
    qtbot.addWidget(later)
    later.start_quick(1)
    assert field(later, 1, "language").currentData(KEY_ROLE) == "sv"
    assert field(later, 1, "interpreter").currentData(KEY_ROLE) == "none"
    assert field(later, 1, "outcome").currentData(KEY_ROLE) is None  # chosen each time
    choose(field(later, 1, "agency"), "PM")
    field(later, 1, "type").setCurrentIndex(0)
    later.findChild(QPushButton, "save-errands").click()  # one Ctrl+Enter logs nothing
    assert later.findChild(QLabel, "errand-problem").text() == "Ärende 1: välj utfall."


def test_a_new_row_of_the_same_visit_takes_the_row_above(qtbot, form, called):
    form.start_ticket(called.code, called.queue_letter)
    choose(field(form, 1, "language"), "ar")
    choose(field(form, 1, "interpreter"), "phone")
    choose(field(form, 1, "outcome"), "e-service")
    form.findChild(QPushButton, "add-errand").click()
    assert field(form, 2, "language").currentData(KEY_ROLE) == "ar"
    assert field(form, 2, "interpreter").currentData(KEY_ROLE) == "phone"
    assert field(form, 2, "agency").currentData(KEY_ROLE) == field(form, 1, "agency").currentData(
        KEY_ROLE
    )
    assert field(form, 2, "outcome").currentData(KEY_ROLE) is None  # each errand its own


def test_quick_visit_on_the_phone_is_stored_without_ticket(qtbot, form, ui_ctx):
    form.start_quick(4)
    assert form.findChild(QGroupBox, "errand-channel").isVisible()
    qtbot.mouseClick(form.findChild(QRadioButton, "channel-phone"), Qt.MouseButton.LeftButton)
    form.findChild(QSpinBox, "quick-duration").setValue(7)
    choose(field(form, 1, "agency"), "PM")
    choose(field(form, 1, "type"), field(form, 1, "type").itemData(0, KEY_ROLE))
    choose(field(form, 1, "outcome"), "resolved")
    with qtbot.waitSignal(form.saved) as saved:
        click(qtbot, form, "save-errands")
    ref = saved.args[0]
    assert (ref.ticket_code, ref.channel) == (None, "phone")
    assert saved.args[1] == "Telefonsamtal registrerat – 1 ärende sparat"
    stored = errands.visit_errands(ui_ctx.store, ref.visit_id)
    assert [e.agency_code for e in stored.errands] == ["PM"]
    assert stored.errands[0].duration_seconds == 7 * 60
    # The next quick errand starts on the phone with the same agency.
    form.start_quick(4)
    assert form.findChild(QRadioButton, "channel-phone").isChecked()
    assert field(form, 1, "agency").currentData(KEY_ROLE) == "PM"


def test_ctrl_enter_saves_and_enter_does_not(qtbot, form, called, ui_ctx):
    form.start_ticket(called.code, called.queue_letter)
    form.activateWindow()
    qtbot.waitActive(form)
    line = field(form, 1, "type").lineEdit()
    line.setFocus()
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    field(form, 1, "type").setCurrentIndex(0)
    choose(field(form, 1, "outcome"), "resolved")
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(line, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_tab_order_follows_the_row(form, called):
    form.start_ticket(called.code, called.queue_letter)
    agency = field(form, 1, "agency")
    chain = [agency]
    widget: QWidget = agency
    for _ in range(40):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    names = [w.objectName() for w in chain]
    order = ["errand-agency", "errand-type", "errand-outcome", "errand-referral"]
    positions = [names.index(n) for n in order]
    assert positions == sorted(positions)
    assert names.index("save-errands") > names.index("remove-errand")


def test_choice_model(qtmodeltester, ui_ctx):
    choices = errands.catalog_choices(ui_ctx.store)
    model = ChoiceModel(choices.agencies)
    qtmodeltester.check(model)
    assert model.data(model.index(0, ChoiceModel.CODE)) == choices.agencies[0].code
    model.set_choices(choices.agencies[0].errand_types)
    qtmodeltester.check(model)
    model.set_choices(())
    qtmodeltester.check(model)


def test_ticket_list_model(qtmodeltester, ui_ctx, ui_clock):
    for letter in "AAB":
        queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), letter, booked=letter == "B")
    ui_clock.advance(minutes=75)
    model = TicketListModel()
    model.set_tickets(queue_snapshot(ui_ctx.store, ui_clock).waiting)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    booked = model.row_of("B001")
    assert model.data(model.index(booked, TicketListModel.CODE)) == "B001 (förtur)"
    assert model.data(model.index(booked, TicketListModel.WAITED)) == "1 h 15 min"
    assert waited_text(30) == "under 1 min"
    assert waited_text(14 * 60 + 5) == "14 min"


def test_the_wheel_over_a_closed_field_changes_nothing(qtbot, form, called):
    from tests.ui.test_service_point import _wheel

    form.start_ticket(called.code, called.queue_letter)
    for name in ("agency", "outcome", "language"):
        combo = field(form, 1, name)
        before = combo.currentIndex()
        _wheel(combo)
        _wheel(combo)
        assert combo.currentIndex() == before, name
