"""Settings › Synk: the address and token are kept (the token out of the store), and the log."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView
from sqlalchemy import select

from app.models import Office, SyncAttempt
from app.services.access.actor import SYSTEM, acting
from app.ui.settings.sync import SyncPage


@pytest.fixture
def page(qtbot, ui_ctx, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "keyring", None)  # the token file, then
    widget = SyncPage(ui_ctx)
    messages: list = []
    widget.message.connect(lambda text, error: messages.append((text, error)))
    widget.messages = messages
    qtbot.addWidget(widget)
    widget.show()
    widget.reload()
    return widget


def test_a_plain_http_address_elsewhere_is_refused_in_swedish(qtbot, page, ui_ctx):
    page.findChild(QLineEdit, "sync-url").setText("http://central.example.se")
    qtbot.mouseClick(page.findChild(QPushButton, "save-sync"), Qt.MouseButton.LeftButton)
    text, error = page.messages[-1]
    assert error and text.startswith("Adressen för synk måste börja med https://")
    with ui_ctx.store.read() as session:
        assert session.scalar(select(Office.sync_url)) is None


def test_a_bad_office_code_is_refused_and_a_good_one_kept(qtbot, page, ui_ctx):
    code = page.findChild(QLineEdit, "sync-office-code")
    assert code.text()  # the seed office's own
    code.setText("exempel stad")
    qtbot.mouseClick(page.findChild(QPushButton, "save-sync"), Qt.MouseButton.LeftButton)
    assert page.messages[-1][1] and "Kontorets kod" in page.messages[-1][0]
    code.setText("exempelstad-2")
    qtbot.mouseClick(page.findChild(QPushButton, "save-sync"), Qt.MouseButton.LeftButton)
    with ui_ctx.store.read() as session:
        assert session.scalar(select(Office.code)) == "exempelstad-2"


def test_the_address_and_token_are_kept_and_the_log_shows_the_tries(qtbot, page, ui_ctx):
    page.findChild(QLineEdit, "sync-url").setText("https://central.example.se/")
    token = page.findChild(QLineEdit, "sync-token")
    token.setText("hemlig")
    qtbot.mouseClick(page.findChild(QPushButton, "save-sync"), Qt.MouseButton.LeftButton)
    assert page.messages[-1] == ("Inställningarna för synk är sparade.", False)
    assert token.text() == ""  # never shown again
    with ui_ctx.store.read() as session:
        assert session.scalar(select(Office.sync_url)) == "https://central.example.se"
    assert (ui_ctx.settings.data_dir / "sync-token").read_text().strip() == "hemlig"
    with acting(SYSTEM), ui_ctx.store.write() as session:
        session.add(SyncAttempt(at=ui_ctx.clock.now(), outcome="retry", detail="ConnectError"))
    page.reload()
    log = page.findChild(QTableView, "sync-log").model()
    assert log.rowCount() == 1 and log.index(0, 4).data() == "Försöker igen"
    assert page.findChild(QLabel, "sync-state").text().startswith("Inget skickat ännu.")
