"""Settings › Personal and Settings › Logg, as the manager uses them."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QDate, Qt

from app.services.access.actor import Actor
from app.services.staff import accounts
from app.ui.settings.view import SettingsView
from tests.ui.test_settings_view import FakeFileDialogs


@pytest.fixture
def view(qtbot, ui_ctx):
    accounts.add_staff(ui_ctx.desk, "karin", "manager", "864200", "864200")
    ui_ctx.actor = Actor(staff_id=1, role="manager", login="karin")
    dialogs = FakeFileDialogs()
    widget = SettingsView(ui_ctx, file_dialogs=dialogs)
    widget.dialogs = dialogs
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    return widget


def logins(page):
    return [page.model.index(r, 0).data() for r in range(page.model.rowCount())]


def test_the_manager_adds_an_account_and_a_typo_in_the_pin_makes_none(qtbot, view, ui_ctx):
    page = view.staff_page
    view.sections.setCurrentWidget(page)
    page.reload()
    assert logins(page) == ["karin"]
    page.login.setText("Anna")
    page.name.setText("Anna Lind")
    page.role.setCurrentIndex(page.role.findData("caseworker"))
    page.pin.setText("2468")
    page.again.setText("2486")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert "stämmer inte" in view.message.text() and logins(page) == ["karin"]
    assert page.pin.text() == ""  # a PIN is never left in a field
    page.pin.setText("2468")
    page.again.setText("2468")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert logins(page) == ["anna", "karin"]
    assert view.message.text() == "anna har lagts till som handläggare."
    assert accounts.sign_in(ui_ctx.desk, "anna", "2468").role == "caseworker"
    page.table.selectRow(0)
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert page.model.index(0, 3).data() == "Avstängd"
    with pytest.raises(accounts.SignInError):
        accounts.sign_in(ui_ctx.desk, "anna", "2468")


def test_the_log_filters_by_kind_and_exports_csv(qtbot, view, ui_ctx, tmp_path):
    accounts.add_staff(ui_ctx.desk, "bo", "reception", "1357", "1357")
    with pytest.raises(accounts.SignInError):
        accounts.sign_in(ui_ctx.desk, "bo", "0000")
    page = view.audit_page
    view.sections.setCurrentWidget(page)
    today = ui_ctx.clock.now().date()
    page.first.setDate(QDate(today.year, today.month, today.day))
    page.reload()
    kinds = [page.model.index(r, 1).data() for r in range(page.model.rowCount())]
    assert kinds == ["Misslyckad inloggning", "Personalkonto", "Personalkonto"]
    page.kind.setCurrentIndex(page.kind.findData("staff"))
    page.reload()
    assert page.model.rowCount() == 2 and page.count.text() == "2 händelser"
    out = tmp_path / "logg.csv"
    view.dialogs.save_to = str(out)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["kind"] for r in rows] == ["staff", "staff"]
    assert {r["detail"].split("; ")[1] for r in rows} == {"login=bo", "login=karin"}
    assert "1357" not in out.read_text(encoding="utf-8-sig")
    assert view.message.text() == "2 händelser exporterades."
    page.kind.setCurrentIndex(page.kind.findData("export"))
    page.reload()
    assert page.model.rowCount() == 1 and page.model.index(0, 2).data() == "karin"
