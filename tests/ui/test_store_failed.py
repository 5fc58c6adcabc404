"""When the store cannot be opened: the message fits the fault, and a backup is offered."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.config import resolve_settings
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.queue import calling as queue
from app.services.upkeep.backups import backup_now
from app.store.engine import open_store
from app.store.errors import DiskFullError, StoreError
from app.store.identify import Kind, identify
from app.ui.shell import store_failed
from app.ui.shell.application import _opening_failed
from app.ui.shell.store_failed import OPEN_OTHER, QUIT, RESTORE, failure, recover
from tests.conftest import desk_for


@pytest.fixture
def office(tmp_path):
    """A store with two tickets and a backup holding the first."""
    clock = ManualClock(datetime.now(UTC))
    settings = resolve_settings(data_dir=tmp_path / "office", env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    desk = desk_for(store, clock)
    queue.issue_ticket(desk, "A")
    backup_now(desk)
    queue.issue_ticket(desk, "A")
    store.close()
    return settings


def damage(settings) -> bytes:
    path = settings.sqlite_path
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 4] = bytes(4096)
    path.write_bytes(bytes(data))
    return bytes(data)


def refusal(settings) -> StoreError:
    with pytest.raises(StoreError) as caught:
        open_store(settings)
    return caught.value


def test_a_damaged_store_names_the_newest_backup_and_its_time(office):
    damage(office)
    found = failure(refusal(office), office)
    assert found.backup is not None
    text = found.text()
    assert "Databasen är skadad" in text
    assert "Den senaste hela säkerhetskopian är från" in text
    assert [what for what, _label in found.choices()] == [RESTORE, OPEN_OTHER, QUIT]


def test_choosing_restore_puts_the_backup_back_and_keeps_the_damaged_file(office):
    damaged = damage(office)
    asked: list[str] = []

    def ask(found):
        asked.append(found.text())
        return RESTORE

    chosen = recover(refusal(office), office, ask=ask)
    assert chosen == office and len(asked) == 1
    assert identify(office.sqlite_path).kind is Kind.STORE
    store = open_store(office)
    try:
        clock = ManualClock(datetime.now(UTC))
        desk = desk_for(store, clock)
        assert queue.issue_ticket(desk, "A").code == "A002"
    finally:
        store.close()
    aside = [p for p in office.backups_dir.iterdir() if p.name.startswith("unsound-")]
    assert [p.read_bytes() for p in aside if p.suffix == ".sqlite3"] == [damaged]


def test_a_full_disk_offers_no_restore(office):
    error = DiskFullError("The disk is full.", "Disken där databasen ligger är full.")
    found = failure(error, office)
    assert found.backup is None
    assert "säkerhetskopia" not in found.text()
    assert [what for what, _label in found.choices()] == [OPEN_OTHER, QUIT]


def test_no_backup_says_so(tmp_path):
    settings = resolve_settings(data_dir=tmp_path / "empty", env={})
    settings.sqlite_path.parent.mkdir(parents=True)
    settings.sqlite_path.write_bytes(b"")
    found = failure(refusal(settings), settings)
    assert "Det finns ingen säkerhetskopia att återställa" in found.text()
    assert RESTORE not in [what for what, _label in found.choices()]


def test_opening_another_database_starts_on_it(office, tmp_path):
    other = tmp_path / "elsewhere" / "kontor.sqlite3"
    damage(office)
    chosen = recover(refusal(office), office, ask=lambda _f: OPEN_OTHER, pick=lambda _s: other)
    assert chosen is not None and chosen.sqlite_path == other


def test_a_failure_behind_the_window_asks_and_starts_again(qapp, office, monkeypatch):
    damage(office)
    monkeypatch.setattr(store_failed, "ask_with_a_box", lambda _found: RESTORE)
    exits: list[int] = []
    monkeypatch.setattr(qapp, "exit", exits.append)
    next_start: list = []
    _opening_failed(qapp, office, refusal(office), next_start)
    assert exits == [75] and next_start == [office]
    assert identify(office.sqlite_path).kind is Kind.STORE
    monkeypatch.setattr(store_failed, "ask_with_a_box", lambda _found: QUIT)
    damage(office)
    _opening_failed(qapp, office, refusal(office), next_start)
    assert exits == [75, 1]
