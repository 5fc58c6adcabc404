"""Each fault SQLite reports gets the sentence that fits it (real SQLite errors, provoked)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.store.errors import (
    DamagedStoreError,
    DiskFullError,
    NotAStoreError,
    ReadOnlyStoreError,
    StoreBusyError,
    StoreError,
    UnreadableStoreError,
    classify,
)
from app.ui.shell.refusals import refusal_text


def _db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    conn.execute("CREATE TABLE IF NOT EXISTS t(x)")
    return conn


def read_only(tmp_path: Path) -> None:
    _db(tmp_path / "s.db").close()
    conn = sqlite3.connect(f"{(tmp_path / 's.db').as_uri()}?mode=ro", uri=True)
    conn.execute("INSERT INTO t VALUES (1)")


def busy(tmp_path: Path) -> None:
    holder = _db(tmp_path / "s.db")
    holder.execute("BEGIN IMMEDIATE")
    _db(tmp_path / "s.db").execute("BEGIN IMMEDIATE")


def full(tmp_path: Path) -> None:
    conn = _db(tmp_path / "s.db")
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))


def not_sqlite(tmp_path: Path) -> None:
    (tmp_path / "s.db").write_text("notes\n" * 1000)
    sqlite3.connect(tmp_path / "s.db").execute("SELECT * FROM sqlite_master")


def no_folder(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / "missing" / "s.db")


FAULTS: list[tuple[Callable[[Path], None], type[StoreError], str]] = [
    (read_only, ReadOnlyStoreError, "går inte att skriva till"),
    (busy, StoreBusyError, "låst av ett annat program"),
    (full, DiskFullError, "Disken där databasen ligger är full"),
    (not_sqlite, DamagedStoreError, "skadad"),
    (no_folder, UnreadableStoreError, "går inte att öppna"),
]


@pytest.mark.parametrize(("provoke", "kind", "swedish"), FAULTS)
def test_the_sentence_fits_the_fault(tmp_path, provoke, kind, swedish):
    with pytest.raises(sqlite3.Error) as raised:
        provoke(tmp_path)
    error = classify(raised.value, tmp_path / "s.db")
    assert type(error) is kind
    assert swedish in refusal_text(error)
    assert "\n" not in str(error) and "Traceback" not in str(error)
    if kind in (ReadOnlyStoreError, DiskFullError, StoreBusyError):
        assert "backup" not in str(error)  # the file is healthy: no advice to restore


def test_a_store_error_is_passed_on_as_it_is():
    error = NotAStoreError("English.", "Svenska.")
    assert classify(error, None) is error
