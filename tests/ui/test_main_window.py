"""The main window: role views and status bar."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel

from app.ui.shell.main_window import MainWindow


def test_status_bar_shows_office_and_role_and_the_store_only_to_the_manager(qtbot, ui_ctx):
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    window.show()
    store = window.findChild(QLabel, "status-store")
    assert window.findChild(QLabel, "status-office").text() == "Servicekontoret Exempelstad"
    assert window.findChild(QComboBox, "role-picker").currentData() == "reception"
    assert not store.isVisible()
    picker = window.findChild(QComboBox, "role-picker")
    picker.setCurrentIndex(picker.findData("manager"))
    assert store.isVisible() and "servicedisk.sqlite3" in store.text()


def test_manager_sees_statistics_and_settings_others_do_not(qtbot, ui_ctx):
    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    picker = window.findChild(QComboBox, "role-picker")
    settings_index = window.tabs.indexOf(window.settings_view)
    assert not window.tabs.isTabVisible(settings_index)
    picker.setCurrentIndex(picker.findData("manager"))
    assert window.tabs.isTabVisible(settings_index)
    picker.setCurrentIndex(picker.findData("caseworker"))
    assert window.tabs.currentWidget() is window.service_point
    assert not window.tabs.isTabVisible(settings_index)


def test_renamed_office_shows_in_title_and_status_bar(qtbot, ui_ctx):
    from app.services.setup import office_setup as setup

    window = MainWindow(ui_ctx)
    qtbot.addWidget(window)
    setup.update_office(ui_ctx.store, ui_ctx.clock, name="Servicekontoret Norrby")
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
