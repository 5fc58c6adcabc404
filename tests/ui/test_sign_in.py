"""The gate: signing in, refusals and lock-out on screen, the first-run wizard, the idle lock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from app.services.access.actor import NOBODY
from app.services.access.audit import list_events
from app.services.staff import accounts
from app.ui.shell.main_window import SETTINGS_TAB, MainWindow
from tests.conftest import desk_for


def _window(qtbot, ctx):
    ctx.actor = NOBODY  # the real start: nobody signed in
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _sign_in(qtbot, window, login, pin):
    panel = window.gate.sign_in
    panel.login.setText(login)
    panel.pin.setText(pin)
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)


def test_the_office_pc_starts_locked_and_the_role_follows_the_person(qtbot, ui_ctx):
    store, clock = ui_ctx.store, ui_ctx.clock
    desk = desk_for(store, clock)
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468", display_name="Anna")
    accounts.add_staff(desk, "karin", "manager", "864200", "864200")
    window = _window(qtbot, ui_ctx)
    assert window.pages.currentWidget() is window.gate
    assert window.gate.currentWidget() is window.gate.sign_in
    assert window.findChild(QLabel, "status-user").text() == "Inte inloggad"
    _sign_in(qtbot, window, "anna", "2468")
    assert window.pages.currentWidget() is window.tabs
    assert ui_ctx.actor.login == "anna" and ui_ctx.role == "caseworker"
    assert window.tabs.currentWidget() is window.service_point
    assert not window.tabs.isTabVisible(SETTINGS_TAB)
    qtbot.mouseClick(window.switch_button, Qt.MouseButton.LeftButton)  # byt användare
    assert window.pages.currentWidget() is window.gate and ui_ctx.actor.role is None
    assert window.gate.sign_in.pin.text() == ""
    _sign_in(qtbot, window, "karin", "864200")
    assert window.tabs.isTabVisible(SETTINGS_TAB) and ui_ctx.queue.actor.login == "karin"
    kinds = [e.kind for e in list_events(store)]
    assert kinds.count("sign_in") == 2


def test_a_wrong_pin_is_said_in_swedish_and_five_lock_the_account(qtbot, ui_ctx):
    accounts.add_staff(ui_ctx.desk, "anna", "caseworker", "2468", "2468")
    window = _window(qtbot, ui_ctx)
    panel = window.gate.sign_in
    _sign_in(qtbot, window, "anna", "1111")
    assert panel.error.isVisible() and panel.error.text() == "Fel användarnamn eller kod."
    assert panel.pin.text() == "" and window.pages.currentWidget() is window.gate
    for _ in range(4):
        _sign_in(qtbot, window, "anna", "1111")
    assert "För många felaktiga försök" in panel.error.text()
    _sign_in(qtbot, window, "anna", "2468")  # the right PIN, but locked for now
    assert window.pages.currentWidget() is window.gate
    ui_ctx.clock.advance(minutes=6)
    _sign_in(qtbot, window, "anna", "2468")
    assert window.pages.currentWidget() is window.tabs


def test_the_first_start_makes_the_first_manager_and_names_the_office(qtbot, ui_ctx):
    window = _window(qtbot, ui_ctx)
    wizard = window.gate.first_run
    assert window.gate.currentWidget() is wizard  # no staff yet
    assert wizard.office.text() == ""  # a real office: not the seed's example name
    wizard.office.setText("Servicekontoret Norrby")
    wizard.municipality.setText("Norrby kommun")
    wizard.region.setText("Region Norrland")
    wizard.name.setText("Karin Ek")
    wizard.login.setText("karin")
    wizard.pin.setText("864200")
    wizard.again.setText("864201")  # a typo: refused, nothing made
    qtbot.mouseClick(wizard.button, Qt.MouseButton.LeftButton)
    assert wizard.error.isVisible() and "stämmer inte" in wizard.error.text()
    assert not accounts.has_staff(ui_ctx.store)
    wizard.pin.setText("864200")
    wizard.again.setText("864200")
    qtbot.mouseClick(wizard.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.tabs and ui_ctx.role == "manager"
    assert [s.login for s in accounts.list_staff(ui_ctx.desk)] == ["karin"]
    assert ui_ctx.setup.office().name == "Servicekontoret Norrby"
    labels = ui_ctx.stats.labels()["agencies"]
    assert (labels["K-EXEMPEL"], labels["R-EXEMPEL"]) == ("Norrby kommun", "Region Norrland")
    assert not any("Exempel" in label for label in labels.values())


def test_a_screen_left_alone_locks_itself(qtbot, ui_ctx, monkeypatch):
    accounts.add_staff(ui_ctx.desk, "anna", "caseworker", "2468", "2468")
    window = _window(qtbot, ui_ctx)
    _sign_in(qtbot, window, "anna", "2468")
    assert window.idle.minutes == 5  # the office's setting
    monkeypatch.setattr(window.idle, "idle_seconds", lambda: 4 * 60)
    window.idle.check()
    assert window.pages.currentWidget() is window.tabs
    monkeypatch.setattr(window.idle, "idle_seconds", lambda: 5 * 60 + 1)
    window.idle.check()
    assert window.pages.currentWidget() is window.gate and ui_ctx.actor.role is None
    panel = window.gate.sign_in
    assert "låstes efter 5 minuter" in panel.notice.text()
    # The next person types their login where the cursor is: the login, not anna's PIN.
    assert panel.login.text() == "" and window.focusWidget() is panel.login
    assert panel.resume.isVisible()
    qtbot.mouseClick(panel.resume, Qt.MouseButton.LeftButton)  # anna, back at her desk
    assert panel.login.text() == "anna" and window.focusWidget() is panel.pin


def test_the_idle_lock_waits_while_a_visitor_is_served(qtbot, ui_ctx, monkeypatch):
    from app.services.queue import calling as q
    from app.ui.shell.main_window import SERVICE_POINT_TAB

    accounts.add_staff(ui_ctx.desk, "anna", "caseworker", "2468", "2468")
    window = _window(qtbot, ui_ctx)
    _sign_in(qtbot, window, "anna", "2468")
    point = window.tabs.widget(SERVICE_POINT_TAB)
    point.findChild(QComboBox, "point-picker").setCurrentIndex(
        point.findChild(QComboBox, "point-picker").findData(3)
    )
    q.issue_ticket(desk_for(ui_ctx.store, ui_ctx.clock), "A")
    q.call_next(desk_for(ui_ctx.store, ui_ctx.clock), 3)
    ui_ctx.watcher.refresh()
    assert window.service_point.current_ticket is not None
    monkeypatch.setattr(window.idle, "idle_seconds", lambda: 25 * 60)  # a long talk
    window.idle.check()
    assert window.pages.currentWidget() is window.tabs  # not locked in the middle of it
    monkeypatch.setattr(window.idle, "idle_seconds", lambda: 66 * 60)  # but not for ever
    window.idle.check()
    assert window.pages.currentWidget() is window.gate


def test_a_visitor_left_called_is_offered_to_the_next_person(qtbot, ui_ctx):
    from app.services.queue import calling as q
    from app.services.queue.views import queue_snapshot
    from app.ui.shell.main_window import SERVICE_POINT_TAB

    for login, pin in (("anna", "2468"), ("bo", "1357")):
        accounts.add_staff(ui_ctx.desk, login, "caseworker", pin, pin)
    window = _window(qtbot, ui_ctx)
    _sign_in(qtbot, window, "anna", "2468")
    point = window.tabs.widget(SERVICE_POINT_TAB)
    picker = point.findChild(QComboBox, "point-picker")
    picker.setCurrentIndex(picker.findData(3))
    q.issue_ticket(desk_for(ui_ctx.store, ui_ctx.clock), "A")
    ui_ctx.watcher.refresh()
    qtbot.mouseClick(point.call_next, Qt.MouseButton.LeftButton)  # anna calls A001 …
    assert point.hand_over.isHidden()  # her own visitor
    point._show("A001 ropas upp till Lucka 3.")
    qtbot.mouseClick(window.switch_button, Qt.MouseButton.LeftButton)  # … and leaves
    _sign_in(qtbot, window, "bo", "1357")
    assert not point.hand_over.isHidden()
    assert point.hand_over.text.text() == (
        "A001 ropades upp av anna. Ta över besökaren, eller lägg tillbaka i kön?"
    )
    assert point.message.text() == ""  # anna's sentence is not bo's
    assert not point.finish.isEnabled() and not point.call_next.isEnabled()
    qtbot.mouseClick(point.hand_over.take, Qt.MouseButton.LeftButton)
    assert point.hand_over.isHidden() and point.finish.isEnabled()
    taken = queue_snapshot(ui_ctx.store, ui_ctx.clock).ticket("A001")
    assert taken.staff_id == ui_ctx.actor.staff_id  # the visit is bo's now
