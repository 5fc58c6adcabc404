"""The main window: role views and status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.services.access.actor import Actor
from app.ui.shell.main_window import SERVICE_POINT_TAB, MainWindow


def test_status_bar_shows_office_and_who_is_signed_in_and_the_store_only_to_the_manager(
    qtbot, ui_ctx
):
    ui_ctx.actor = Actor(role="reception", login="rut")
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    store = window.findChild(QLabel, "status-store")
    assert window.findChild(QLabel, "status-office").text() == "Servicekontoret Exempelstad"
    assert window.findChild(QLabel, "status-user").text() == "Inloggad: rut (reception)"
    assert not store.isVisible()
    window.sign_in_as(Actor(role="manager", login="karin"))
    assert store.isVisible() and "servicedisk.sqlite3" in store.text()
    assert window.findChild(QLabel, "status-user").text() == "Inloggad: karin (kontorschef)"


def test_each_role_sees_its_own_screens(qtbot, ui_ctx):
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    tabs = window.tabs
    settings_index, point_index = tabs.indexOf(window.settings_view), SERVICE_POINT_TAB
    window.sign_in_as(Actor(role="reception", login="rut"))
    assert not tabs.isTabVisible(settings_index) and not tabs.isTabVisible(point_index)
    window.sign_in_as(Actor(role="manager", login="karin"))
    assert tabs.isTabVisible(settings_index)
    window.sign_in_as(Actor(role="caseworker", login="anna"))
    assert tabs.currentWidget() is window.service_point
    assert not tabs.isTabVisible(settings_index) and tabs.isTabVisible(point_index)


def test_renamed_office_shows_in_title_and_status_bar(qtbot, ui_ctx):
    from app.services.setup import office_setup as setup

    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    setup.update_office(ui_ctx.desk, name="Servicekontoret Norrby")
    ui_ctx.watcher.poll()
    assert window.findChild(QLabel, "status-office").text() == "Servicekontoret Norrby"
    assert "Norrby" in window.windowTitle()


def test_only_the_start_tab_is_built_and_others_build_when_opened(qtbot, ui_ctx):
    from PySide6.QtWidgets import QPushButton

    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    # Reception is built at start; the service point's controls are not there yet.
    assert window.findChild(QPushButton, "issue-A") is not None
    assert window.findChild(QPushButton, "call-next") is None
    window.tabs.setCurrentIndex(1)
    assert window.findChild(QPushButton, "call-next") is not None
    assert window.tabs.currentWidget() is window.service_point
    assert window.tabs.count() == 4
