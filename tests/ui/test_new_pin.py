"""On screen: a PIN under the office's rule is replaced before the screens open, a panel left
half-way forgets the PIN, and a manager is told which accounts were locked out."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from sqlalchemy import update

from app.models import Staff
from app.services.access.actor import SYSTEM, acting
from app.services.staff import accounts
from app.services.staff.pins import hash_pin
from app.ui.shell.main_window import SETTINGS_TAB
from tests.conftest import desk_for
from tests.ui.test_sign_in import _sign_in, _window


def _office_with_a_short_manager_pin(ctx) -> None:
    desk = desk_for(ctx.store, ctx.clock)
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    with acting(SYSTEM), ctx.store.write() as session:  # from before the six-character rule
        session.execute(update(Staff).values(pin_hash=hash_pin("8642")))


def test_a_short_pin_is_replaced_before_the_screens_open(qtbot, ui_ctx):
    _office_with_a_short_manager_pin(ui_ctx)
    window = _window(qtbot, ui_ctx)
    _sign_in(qtbot, window, "karin", "8642")
    panel = window.gate.new_pin
    assert window.gate.currentWidget() is panel and window.pages.currentWidget() is window.gate
    assert ui_ctx.actor.role is None  # nobody acts yet
    assert "minst 6 tecken" in panel.why.text()
    panel.pin.setText("1357")
    panel.again.setText("1357")
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert panel.error.isVisible() and "minst 6" in panel.error.text()
    panel.pin.setText("13572468")
    panel.again.setText("13572468")
    qtbot.mouseClick(panel.button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.tabs and ui_ctx.actor.login == "karin"
    assert window.tabs.isTabVisible(SETTINGS_TAB)
    assert accounts.sign_in(desk_for(ui_ctx.store, ui_ctx.clock), "karin", "13572468")


def test_a_new_pin_panel_left_half_way_forgets_the_pin(qtbot, ui_ctx):
    _office_with_a_short_manager_pin(ui_ctx)
    window = _window(qtbot, ui_ctx)
    _sign_in(qtbot, window, "karin", "8642")
    panel = window.gate.new_pin
    panel.pin.setText("13572468")
    panel.timeout.timeout.emit()  # two minutes without a key
    assert window.gate.currentWidget() is window.gate.sign_in
    assert panel.pin.text() == "" and panel._current == "" and ui_ctx.actor.role is None


def test_a_manager_is_told_of_lock_outs_when_signing_in(qtbot, ui_ctx):
    desk = desk_for(ui_ctx.store, ui_ctx.clock)
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    for _ in range(accounts.MAX_ATTEMPTS):
        with contextlib.suppress(accounts.SignInError):
            accounts.sign_in(desk, "anna", "0000")
    window = _window(qtbot, ui_ctx)
    _sign_in(qtbot, window, "karin", "864213")
    assert window.notice.isVisible()
    assert "anna en gång" in window.notice.text.text()
    assert "spärrat upp till 5 min" in window.notice.text.text()
    qtbot.mouseClick(window.switch_button, Qt.MouseButton.LeftButton)
    assert not window.notice.isVisible()  # the next person does not see it
    _sign_in(qtbot, window, "anna", "2468")
    assert not window.notice.isVisible()  # nor does a case worker, ever
