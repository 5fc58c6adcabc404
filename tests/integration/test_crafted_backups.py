"""A backup is not a way in: a file that holds more than (or other than) the schema the
migrations make is refused by `restore`, `check` and opening, untouched, with the object named.

Each crafted copy is a real backup of an office with a tweak an attacker with the file
could make: a trigger that makes every account a manager at its next sign-in, a table of
personal data that would ride along in every later backup, a column added to the
tickets, a view.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli.main import main
from app.config import resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.store.engine import open_store
from tests.conftest import desk_for

pytestmark = pytest.mark.usefixtures("restore_logging")

CRAFTS = {
    "trigger promote": "CREATE TRIGGER promote AFTER INSERT ON audit_event "
    "BEGIN UPDATE staff SET role = 'manager'; END",
    "table visitor_ids": "CREATE TABLE visitor_ids (personnummer TEXT); "
    "INSERT INTO visitor_ids VALUES ('19121212-1212')",
    "table ticket": "ALTER TABLE ticket ADD COLUMN personnummer TEXT",
    "view everyone": "CREATE VIEW everyone AS SELECT * FROM staff",
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def office_with_backup(tmp_path) -> tuple[list[str], Path]:
    data = tmp_path / "office"
    clock = SystemClock()
    store = open_store(resolve_settings(data, env={}), seed=seeder(clock))
    for _ in range(3):
        q.issue_ticket(desk_for(store, clock), "A")
    store.close()
    backup = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(data), "backup", "--out", str(backup)]) == 0
    return ["--data-dir", str(data)], backup


def _craft(source: Path, target: Path, sql: str) -> Path:
    shutil.copyfile(source, target)
    with sqlite3.connect(target) as conn:
        conn.executescript(sql)
    conn.close()
    return target


@pytest.mark.parametrize("named", list(CRAFTS))
def test_a_crafted_backup_is_refused_untouched_with_the_object_named(
    office_with_backup, tmp_path, capsys, named
):
    where, backup = office_with_backup
    crafted = _craft(backup, tmp_path / "crafted.sqlite3", CRAFTS[named])
    before, live = _digest(crafted), Path(where[1]) / "servicedisk.sqlite3"
    live_before = _digest(live)
    capsys.readouterr()

    assert main([*where, "restore", str(crafted), "--yes"]) != 0
    err = capsys.readouterr().err
    assert named in err and ("not made by Servicedisk" in err or "(changed)" in err)
    assert _digest(crafted) == before  # untouched
    assert _digest(live) == live_before  # the office's store as it was
    assert not list((Path(where[1]) / "backups").glob("*before-restore*"))

    assert main([*where, "restore", str(backup), "--yes"]) == 0  # the real copy still goes


@pytest.mark.parametrize("named", list(CRAFTS))
def test_a_store_altered_behind_the_programs_back_is_not_opened_and_check_says_why(
    office_with_backup, capsys, named
):
    where, _ = office_with_backup
    live = Path(where[1]) / "servicedisk.sqlite3"
    with sqlite3.connect(live) as conn:
        conn.executescript(CRAFTS[named])
    conn.close()
    altered = _digest(live)
    capsys.readouterr()

    assert main([*where, "check"]) != 0
    assert named in capsys.readouterr().err
    assert main([*where, "queue"]) != 0  # opening refuses too
    assert named in capsys.readouterr().err
    assert _digest(live) == altered  # left as it was, for IT to look at
