"""Nothing but SQLite touches the live database file while a connection to it is open.

SQLite's locks are POSIX locks, held per process: closing *any* descriptor of the
file in this process drops them all, another program may then checkpoint and
delete the WAL under this one, and what this process writes afterwards is lost.
SQLite opens its files in C, so every Python-level open of the store's files is
one from outside SQLite; an audit hook sees each of them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.cli import main as cli
from app.config import Settings, resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.services.queue import calling as queue
from app.services.staff.accounts import add_staff
from app.services.upkeep.backups import check_store
from app.store.backup import backup_sqlite
from app.store.engine import open_store
from app.ui.shell.application import _start
from app.ui.shell.prefs import Prefs
from app.ui.shell.runner import ThreadRunner
from tests.conftest import desk_for, sign_in_on

# The events that open, copy, move or delete a file by path.
FILE_EVENTS = {"open", "os.rename", "os.remove", "os.truncate", "shutil.copyfile", "os.link"}

_watched: list[Path] | None = None
_seen: list[tuple[str, str]] = []


def _hook(event: str, args: tuple) -> None:
    if _watched is None or event not in FILE_EVENTS or not args:
        return
    target = args[0]
    if not isinstance(target, str | bytes | os.PathLike):
        return
    name = os.fsdecode(target)
    if any(name == str(path) or name.startswith(f"{path}-") for path in _watched):
        _seen.append((event, name))


sys.addaudithook(_hook)


@pytest.fixture
def watch_store_files() -> Iterator[list[tuple[str, str]]]:
    """Record every open, copy, rename or removal of the store's files from Python."""
    global _watched
    yield _seen
    _watched = None
    _seen.clear()


def _watch(settings: Settings) -> None:
    global _watched
    assert settings.sqlite_path is not None
    _watched = [settings.sqlite_path, settings.sqlite_path.resolve()]


def _existing_store(tmp_path: Path) -> Settings:
    settings = resolve_settings(data_dir=tmp_path / "data", env={})
    Prefs(settings.data_dir / "workstation.ini").set("printing/mode", "pdf")
    clock = SystemClock()
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    desk = desk_for(store, clock)
    queue.issue_ticket(desk, "A")
    add_staff(desk, "rut", "reception", "2468", "2468")
    store.close()
    return settings


def test_start_up_and_a_mornings_work_never_open_the_store_file_outside_sqlite(
    qtbot, tmp_path, watch_store_files
):
    settings = _existing_store(tmp_path)
    _watch(settings)
    _app, ctx, window = _start(settings, display_only=False, screen=None)
    qtbot.addWidget(window)
    try:
        sign_in_on(qtbot, window, "rut", "2468")
        button = window.reception.findChild(QPushButton, "issue-A")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        panel = window.reception.panel
        qtbot.waitUntil(lambda: panel.code_label.text() == "A002", timeout=10_000)
        qtbot.waitUntil(lambda: "utskriven" in panel.print_state.text().lower(), timeout=10_000)
        clock = SystemClock()
        queue.issue_ticket(
            desk_for(ctx.store, clock), "B"
        )  # the window's own store, in this process
        assert check_store(settings).ok
        backup_sqlite(ctx.store.engine, settings.backups_dir, reason="test", now=clock.now())
        assert cli.main(["--data-dir", str(settings.data_dir), "ticket", "issue", "C"]) == 0
        assert cli.main(["--data-dir", str(settings.data_dir), "check"]) == 0
    finally:
        ctx.watcher.stop()
        if isinstance(ctx.runner, ThreadRunner):
            ctx.runner.wait()
        ctx.close()
    assert watch_store_files == []


def test_the_guard_sees_a_plain_open_of_the_store_file(tmp_path, watch_store_files):
    settings = _existing_store(tmp_path)
    _watch(settings)
    assert settings.sqlite_path is not None
    with open(settings.sqlite_path, "rb") as handle:
        handle.read(16)
    assert watch_store_files == [("open", str(settings.sqlite_path))]
