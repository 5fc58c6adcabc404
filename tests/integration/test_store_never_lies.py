"""The store never lies: what is not a sound Servicedisk store is refused, untouched.

Each test is one finding of the issue, tried the way a new user would: the
command line as its own process on a data dir holding something that is not
a store (or is one that cannot be written). Every time: the file's sha256 is
the same before and after, the exit code says it failed, stderr is one plain
sentence (no traceback, no SQL), and no code was printed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from app.cli.main import main
from app.config import resolve_settings, setup_logging
from app.models import Ticket
from app.services.access.actor import SYSTEM, acting
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.store.engine import open_store
from app.store.errors import DamagedStoreError, DiskFullError
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

ROOT = Path(__file__).resolve().parents[2]
STORE = "servicedisk.sqlite3"


# Root without the capabilities that let it write where permissions say no.
AS_ORDINARY_USER = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def run_cli(data_dir: Path, *args: str, ordinary: bool = False) -> subprocess.CompletedProcess:
    """The command line as its own process (bound by file permissions with ``ordinary``)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SERVICEDISK_DATA_DIR", None)
    env.pop("SERVICEDISK_DATABASE_URL", None)
    prefix = AS_ORDINARY_USER if ordinary and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_plain_refusal(done: subprocess.CompletedProcess, *words: str) -> None:
    """Failed, printed no code, and said so in one line without a traceback or SQL."""
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout == ""
    assert "Traceback" not in done.stderr and "[SQL" not in done.stderr
    assert "sqlalche.me" not in done.stderr and "Logging error" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in done.stderr


def sqlite_file(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


@pytest.fixture
def office(tmp_path: Path) -> Path:
    folder = tmp_path / "office"
    folder.mkdir()
    return folder


# ---------------------------------------------------------------- 1. a foreign file


FOREIGN = {
    "contacts": ("CREATE TABLE contacts(name, phone)", "INSERT INTO contacts VALUES ('x', '1')"),
    "its own ticket table": ("CREATE TABLE ticket(id INTEGER PRIMARY KEY, seat TEXT)",),
    "its own alembic_version": (
        "CREATE TABLE alembic_version(version_num TEXT)",
        "INSERT INTO alembic_version VALUES ('ab12cd34')",
        "CREATE TABLE invoice(id INTEGER PRIMARY KEY)",
    ),
}


@pytest.mark.parametrize("kind", list(FOREIGN))
def test_another_programs_database_is_refused_untouched(office, kind):
    store = office / STORE
    sqlite_file(store, *FOREIGN[kind])
    before = sha256(store)
    done = run_cli(office, "ticket", "issue", "A")
    assert_plain_refusal(done, "not a Servicedisk store", "another program's database")
    assert "newer" not in done.stderr
    assert sha256(store) == before
    assert not (office / f"{STORE}-wal").exists()


# ---------------------------------------------------------------- 2. an empty file


def test_an_empty_file_does_not_become_a_new_store(office):
    store = office / STORE
    store.write_bytes(b"")
    done = run_cli(office, "ticket", "issue", "A")
    assert_plain_refusal(done, "is empty")
    assert store.read_bytes() == b""


def test_no_file_at_all_becomes_a_new_store(office):
    done = run_cli(office, "ticket", "issue", "A")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "A001"
    assert not list(office.glob(f".{STORE}.new-*"))  # built aside, nothing left over


# ---------------------------------------------------------------- 3. a damaged store


def _store_with_tickets(folder: Path, count: int) -> Path:
    clock = ManualClock(datetime.now(UTC))
    settings = resolve_settings(data_dir=folder, env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    desk = desk_for(store, clock)
    for n in range(count):
        q.issue_ticket(desk, "ABCD"[n % 4])
    store.close()
    assert settings.sqlite_path is not None
    return settings.sqlite_path


def test_a_store_with_a_zeroed_index_page_takes_no_write(office):
    path = _store_with_tickets(office, 300)
    with sqlite3.connect(path) as conn:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_ticket_day_state'"
        ).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size : root * page_size] = bytes(page_size)
    path.write_bytes(bytes(data))
    before = sha256(path)
    done = run_cli(office, "ticket", "issue", "A")
    assert_plain_refusal(done, "is damaged", "has not been changed")
    assert sha256(path) == before
    check = run_cli(office, "check")
    assert check.returncode == 1


def test_no_single_damaged_page_lets_a_write_through(tmp_path, capsys, restore_logging):
    """Every page of a 300-ticket store overwritten in turn: a write goes in only when
    SQLite itself finds nothing wrong with the file."""
    source = _store_with_tickets(tmp_path / "source", 300)
    good = source.read_bytes()
    page_size = 4096
    written = refused = 0
    for page in range(1, len(good) // page_size):  # page 0 is the header: "not a database"
        folder = tmp_path / f"page-{page}"
        folder.mkdir()
        path = folder / STORE
        damaged = good[: page * page_size] + bytes(page_size) + good[(page + 1) * page_size :]
        path.write_bytes(damaged)
        code = main(["--data-dir", str(folder), "ticket", "issue", "A"])
        out = capsys.readouterr()
        if code == 0:
            written += 1
            with sqlite3.connect(f"file:{tmp_path / 'check'}?mode=memory", uri=True) as mem:
                mem.deserialize(damaged)
                assert [r[0] for r in mem.execute("PRAGMA integrity_check")] == ["ok"], page
            mem.close()
        else:
            refused += 1
            assert out.out == ""
            assert "Traceback" not in out.err and "[SQL" not in out.err
            assert path.read_bytes() == damaged, page
    assert refused > written  # most pages matter; those that do not are free or unused


# ---------------------------------------------------------------- 4. stored means printed


def test_the_code_is_printed_when_the_detail_line_fails(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "office"
    assert main(["--data-dir", str(folder), "ticket", "issue", "A"]) == 0
    capsys.readouterr()

    def broken(*_args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("app.services.queue.views.queue_snapshot", broken)
    assert main(["--data-dir", str(folder), "ticket", "issue", "A"]) == 0
    assert capsys.readouterr().out.split()[0] == "A002"
    monkeypatch.undo()
    assert main(["--data-dir", str(folder), "ticket", "issue", "A"]) == 0
    assert capsys.readouterr().out.split()[0] == "A003"  # no code given twice, none skipped


# ---------------------------------------------------------------- 5. plain messages


def test_data_dir_naming_a_file_is_one_plain_sentence(tmp_path):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    done = run_cli(not_a_folder, "ticket", "issue", "A")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "FileExistsError" not in done.stderr
    assert "is a file, not a folder" in done.stderr
    assert not_a_folder.read_text() == "x"


@pytest.fixture
def readonly_office(tmp_path: Path) -> Iterator[Path]:
    """A store in a folder the user may read but not write (a share mounted read-only)."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        assert not os.environ.get("SERVICEDISK_CI"), "Debian's util-linux has setpriv"
        pytest.skip("setpriv (util-linux) is needed to drop root's override of permissions")
    folder = tmp_path / "office"
    path = _store_with_tickets(folder, 3)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


def test_a_read_only_folder_says_so_once_and_leaves_the_store(readonly_office):
    path = readonly_office / STORE
    before = sha256(path)
    held = sqlite3.connect(path)  # another program has it open meanwhile
    try:
        done = run_cli(readonly_office, "ticket", "issue", "A", ordinary=True)
    finally:
        held.close()
    assert done.returncode == 1
    assert done.stdout == ""
    assert "Traceback" not in done.stderr and "Logging error" not in done.stderr
    assert "cannot be written" in done.stderr and "is unharmed" in done.stderr
    assert "backup" not in done.stderr  # the file is healthy: no advice to restore one
    assert len(set(done.stderr.splitlines())) == len(done.stderr.splitlines())  # never twice
    assert sha256(path) == before


def test_a_full_disk_at_the_commit_loses_nothing_printed(tmp_path):
    """SQLite's page limit is the full disk: the ticket that does not fit is not half-stored."""
    clock = ManualClock(datetime.now(UTC))
    settings = resolve_settings(data_dir=tmp_path / "office", env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    store.close()

    @event.listens_for(store.engine, "connect")
    def _limit(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {int(pages) + 2}")

    printed: list[str] = []
    with pytest.raises(DiskFullError) as full:
        desk = desk_for(store, clock)
        for _ in range(5000):
            printed.append(q.issue_ticket(desk, "A").code)
    assert "Disken" in refusal_text(full.value) and "inget sparades" in refusal_text(full.value)
    with store.read() as session:
        stored = list(session.scalars(select(Ticket.code).order_by(Ticket.id)))
        assert session.scalar(select(func.count()).select_from(Ticket)) == len(printed)
    assert stored == printed
    store.close()


# ---------------------------------------------------------------- backup and restore

HOLDER = """
import sys
from app.config import resolve_settings, setup_logging
from app.store.engine import open_store
from app.services.office.clock import SystemClock
from app.services.access.actor import SYSTEM, Desk
from app.services.queue import calling as q
from app.services.queue.views import office_revision, queue_snapshot

clock = SystemClock()
store = open_store(resolve_settings(data_dir=sys.argv[1]), now=clock.now)
desk = Desk(store, clock, SYSTEM)
for line in sys.stdin:
    if line.strip() == "issue":
        print(q.issue_ticket(desk, "A").code, flush=True)
    else:
        snap = queue_snapshot(store, clock)
        print(len(snap.waiting), office_revision(store), flush=True)
store.close()
"""


class Holder:
    """A second program with the store open the whole time, answering on demand."""

    def __init__(self, office: Path) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(office)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )

    def ask(self, what: str) -> list[str]:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(what + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().split()

    def close(self) -> int:
        assert self.process.stdin is not None
        self.process.stdin.close()
        return self.process.wait(timeout=30)


def codes(office: Path) -> list[str]:
    done = run_cli(office, "queue", "--json")
    assert done.returncode == 0, done.stderr
    return [t["code"] for t in json.loads(done.stdout)["waiting"]]


@pytest.mark.slow  # two programs and a real backup and restore (about 5 s)
def test_backup_and_restore_while_another_program_holds_the_store(office):
    for _ in range(3):
        assert run_cli(office, "ticket", "issue", "A").returncode == 0
    made = run_cli(office, "backup")
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    assert backup.parent == office / "backups"
    holder = Holder(office)
    try:
        assert holder.ask("issue") == ["A004"]
        assert holder.ask("issue") == ["A005"]
        waiting, revision = holder.ask("count")
        assert waiting == "5"
        refused = run_cli(office, "restore", str(backup))  # no terminal, no --yes
        assert refused.returncode == 1 and "--yes" in refused.stderr
        assert codes(office) == ["A001", "A002", "A003", "A004", "A005"]
        done = run_cli(office, "restore", str(backup), "--yes")
        assert done.returncode == 0, done.stderr
        # The program that had it open sees the restored store at its next read ...
        waiting_after, revision_after = holder.ask("count")
        assert waiting_after == "3"
        assert int(revision_after) > int(revision)  # ... and its screens are told to redraw
        # ... and a code handed out before the restore is never given again.
        assert holder.ask("issue") == ["A006"]
    finally:
        assert holder.close() == 0
    assert codes(office) == ["A001", "A002", "A003", "A006"]
    assert run_cli(office, "ticket", "issue", "A").stdout.split()[0] == "A007"
    assert run_cli(office, "check").returncode == 0
    # The store as it was before the restore is kept, whole.
    before = [p for p in (office / "backups").iterdir() if "before-restore" in p.name]
    assert len(before) == 1
    with sqlite3.connect(f"{before[0].as_uri()}?mode=ro", uri=True) as conn:
        assert conn.execute("SELECT count(*) FROM ticket").fetchone() == (5,)
    conn.close()


def test_a_restore_refuses_a_file_that_is_not_a_sound_backup(office, tmp_path):
    run_cli(office, "ticket", "issue", "A")
    store = office / STORE
    not_backup = tmp_path / "contacts.sqlite3"
    sqlite_file(not_backup, "CREATE TABLE contacts(name)")
    before = sha256(store)
    for candidate in (not_backup, tmp_path / "missing.sqlite3"):
        done = run_cli(office, "restore", str(candidate), "--yes")
        assert_plain_refusal(done)
    assert sha256(store) == before
    assert not (office / "backups").exists() or not list((office / "backups").iterdir())


def test_a_damaged_store_is_replaced_by_a_backup_and_kept_aside(office):
    path = _store_with_tickets(office, 40)
    made = run_cli(office, "backup")
    backup = Path(made.stdout.strip())
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 3] = bytes(4096)
    path.write_bytes(bytes(data))
    assert run_cli(office, "ticket", "issue", "A").returncode == 1
    refused = run_cli(office, "ticket", "issue", "A")
    assert str(backup) in refused.stderr  # the message names the newest good backup
    done = run_cli(office, "restore", str(backup), "--yes")
    assert done.returncode == 0, done.stderr
    assert "moved to" in done.stdout
    aside = [p for p in (office / "backups").iterdir() if p.name.startswith("unsound-")]
    assert [p.read_bytes() for p in aside if p.suffix == ".sqlite3"] == [bytes(data)]
    assert run_cli(office, "ticket", "issue", "A").returncode == 0


def test_a_damaged_page_met_later_turns_the_store_read_only(tmp_path):
    """Damage the check did not look for (it was skipped): the first statement that meets
    it stops all writing, with the Swedish sentence for the screens."""
    path = _store_with_tickets(tmp_path / "office", 300)
    with sqlite3.connect(path) as conn:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_ticket_day_state'"
        ).fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = bytes(4096)
    path.write_bytes(bytes(data))
    clock = ManualClock(datetime.now(UTC))
    store = open_store(resolve_settings(data_dir=tmp_path / "office", env={}), check=False)
    try:
        with pytest.raises(DamagedStoreError) as met:
            desk = desk_for(store, clock)
            for _ in range(50):
                q.issue_ticket(desk, "A")
                q.call_next(desk, 1)
                q.finish(desk, q.call_next(desk, 2).code)
        assert "skadad" in refusal_text(met.value)
        assert store.damaged is met.value
        with (
            acting(SYSTEM),
            pytest.raises(DamagedStoreError),
            store.write() as session,
        ):  # before any SQL
            session.add(Ticket())
    finally:
        store.close()


def test_a_log_that_cannot_be_written_is_said_once(tmp_path, capsys, restore_logging):
    settings = resolve_settings(data_dir=tmp_path / "office", env={})
    log_file = setup_logging(settings)
    assert log_file is not None
    handler = next(
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(log_file)
    )

    class Full:
        def write(self, _text: str) -> None:
            raise OSError(28, "No space left on device")

        def flush(self) -> None:
            raise OSError(28, "No space left on device")

    working, handler.stream = handler.stream, Full()
    try:
        for n in range(20):
            logging.getLogger("servicedisk.test").warning("line %d", n)
    finally:
        handler.stream = working
    err = capsys.readouterr().err
    assert err.count("cannot write the log") == 1
    assert "Logging error" not in err and "Traceback" not in err
