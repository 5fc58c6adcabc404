"""Settings › Säkerhetskopior: the list, a backup now, and a restore that asks first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from app.services.office.clock import OFFICE_TZ
from app.services.queue import calling as queue
from app.services.queue.views import queue_snapshot
from app.ui.settings.backups import BackupsPage
from tests.conftest import desk_for


@pytest.fixture
def answers() -> list[bool]:
    """What the manager answers when asked to confirm (first answer first)."""
    return []


@pytest.fixture
def page(qtbot, ui_ctx, answers):
    asked: list[str] = []

    def ask(_parent, _title, text):
        asked.append(text)
        return answers.pop(0)

    widget = BackupsPage(ui_ctx, ask=ask)
    widget.asked = asked
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.reload()
    return widget


def rows(page: BackupsPage) -> list[list[str]]:
    table = page.findChild(QTableView, "backups-table")
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def click(qtbot, page, name: str) -> None:
    found = page.findChild(QPushButton, name)
    assert found.isEnabled(), name
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)


def test_a_backup_now_is_listed_with_its_time_and_reason(qtbot, page, ui_ctx, ui_clock):
    messages: list[tuple[str, bool]] = []
    page.message.connect(lambda text, error: messages.append((text, error)))
    assert rows(page) == []
    assert not page.findChild(QPushButton, "restore-backup").isEnabled()
    click(qtbot, page, "backup-now")
    assert messages[-1] == ("Säkerhetskopian är tagen.", False)
    ((taken, reason, size),) = rows(page)
    assert taken == ui_clock.now().astimezone(OFFICE_TZ).strftime("%Y-%m-%d %H:%M")
    assert reason == "Tagen för hand" and size.endswith(" MB")
    assert str(ui_ctx.settings.backups_dir) in page.findChild(QLabel, "backups-folder").text()


def test_a_restore_asks_first_and_cancel_changes_nothing(qtbot, page, ui_ctx, ui_clock, answers):
    click(qtbot, page, "backup-now")
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    answers.append(False)
    page.table.selectRow(0)
    click(qtbot, page, "restore-backup")
    assert "försvinner ur databasen" in page.asked[0]
    assert [t.code for t in queue_snapshot(ui_ctx.store, ui_clock).waiting] == ["A001"]
    assert len(rows(page)) == 1


def test_a_restore_brings_the_copy_back_and_keeps_the_numbers(
    qtbot, page, ui_ctx, ui_clock, answers
):
    queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    click(qtbot, page, "backup-now")
    for _ in range(2):
        queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A")
    answers.append(True)
    page.table.selectRow(0)
    click(qtbot, page, "restore-backup")
    # The open store (this window's own connections) reads the restored records.
    assert [t.code for t in queue_snapshot(ui_ctx.store, ui_clock).waiting] == ["A001"]
    assert queue.issue_ticket(desk_for(ui_ctx.store, ui_clock), "A").code == "A004"
    reasons = sorted(r[1] for r in rows(page))
    assert reasons == ["Före en återställning", "Tagen för hand"]
