"""An office's whole history moved to another database, and checked there.

`servicedisk db copy --to URL` moves an office from its SQLite file to a
PostgreSQL server (and back); a server store's backups are the same copy,
into a new SQLite file. The target is refused untouched when it holds another
program's tables, or (unless replacing is asked for) an office's records. After
the copy, every table's rows are counted on both sides and every day that
still has visit rows is counted again from the target's rows: the statistics
must come out the same, or the copy is reported as failed. A restore replaces a
live store's rows the same way, and checks them, inside a write transaction of
its own that commits them with the rest of the restore (:func:`replace_within`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import Connection, Engine, make_url

from app.models import Office
from app.services.access.actor import Desk, allowed
from app.store.backup import partial_path, remove_with_sidecars
from app.store.copy import copy_rows_from, describe, replace_rows, row_counts, snapshot
from app.store.engine import Store, make_engine, prepare_folder, upgrade
from app.store.errors import StoreError
from app.store.rows import Fetch, Row, sqlite_fetch

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CopyReport:
    """What a copy wrote, and what was checked afterwards."""

    target: str  # the URL without its password
    rows: dict[str, int]
    days_checked: int


class TargetNotEmptyError(StoreError):
    """The target holds an office's records already; replacing them must be asked for."""


def shown(url: str) -> str:
    """The URL as it may be logged and printed: never with a password."""
    return make_url(url).render_as_string(hide_password=True)


@allowed("maintenance")
def copy_store_to(desk: Desk, target_url: str, *, replace: bool = False) -> CopyReport:
    """Copy the office's whole store to the database at ``target_url``, then check it."""
    where = shown(target_url)
    url = make_url(target_url)
    if url.get_backend_name() == "sqlite" and url.database:
        prepare_folder(Path(url.database).parent)  # a new file: its folder may be new too
    target = make_engine(target_url)
    try:
        return copy_into(desk.store, target, where, replace=replace)
    finally:
        target.dispose()


def copy_into(source: Store, target: Engine, where: str, *, replace: bool) -> CopyReport:
    """Copy ``source`` whole into the database behind ``target``, then check it (see above).

    For the use cases here and a server store's backups, which check who acts.
    """
    ready_for_copy(target, where, replace=replace)
    # One snapshot of the source for the copy and its check: a PC issuing a ticket on a
    # server meanwhile changes neither (the next copy has it).
    with snapshot(source.engine) as src:
        rows = copy_rows_from(src, target)
        seen = _Within(source.engine, source.settings, conn=src)
        days = _check(seen, row_counts(src), Store(target, None), row_counts(target))
    log.info("copied the store to %s: %d rows, %d days checked", where, sum(rows.values()), days)
    return CopyReport(where, rows, days)


def ready_for_copy(target: Engine, where: str, *, replace: bool) -> None:
    """Refuse a target holding another program's tables (or, unless ``replace``, an
    office's records), untouched; else give it the schema this version makes."""
    state = describe(target)
    if state.foreign:
        raise StoreError(
            f"The database at {where} holds tables of another program "
            f"({', '.join(state.tables[:5])}); nothing was written to it.",
            "copy.foreign",
        )
    if state.ours and not replace and _holds_an_office(target):
        raise TargetNotEmptyError(
            f"The database at {where} holds an office's records already; "
            "add --yes to replace them with this office's.",
            "copy.not_empty",
        )
    upgrade(target)  # the schema this version makes (a newer target was refused above)


def replace_within(source: Store, target: Connection) -> CopyReport:
    """Replace every row behind ``target`` with the source's, in the write transaction
    ``target`` is in (the caller's), and check them there, before anything is committed.

    The restore's: the rows replaced commit with what else it writes, or not at all.
    The target must hold the schema this version makes (:func:`ready_for_copy`).
    """
    with source.engine.connect() as src, src.begin():
        rows = replace_rows(src, target)
        before = row_counts(src)
    seen = _Within(target.engine, conn=target)
    # SQLite to SQLite copies the stored values as they are: the rows' count tells it all.
    days = _check(source, before, seen, row_counts(target), again=source.dialect != seen.dialect)
    return CopyReport(target.engine.url.render_as_string(hide_password=True), rows, days)


def copy_to_new_file(store: Store, target: Path) -> CopyReport:
    """The whole office into a new SQLite file (a server store's backup), checked.

    Written aside and renamed into place whole, as every backup is: a half-made
    copy is never listed.
    """
    if target.exists():
        raise StoreError(f"{target} exists already.", "copy.exists", path=str(target))
    prepare_folder(target.parent)
    partial = partial_path(target)
    partial.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{partial}")
    try:
        try:
            report = copy_into(store, engine, str(target), replace=False)
            raw = engine.raw_connection()  # outside any transaction: journal mode may change
            try:
                driver = raw.driver_connection
                assert driver is not None
                driver.execute("PRAGMA journal_mode = DELETE")  # one whole file
            finally:
                raw.close()
        finally:
            engine.dispose()
        os.replace(partial, target)
    finally:  # a copy that failed (a full disk, a check) leaves nothing behind
        remove_with_sidecars(partial)
    return report


def _holds_an_office(target: Engine) -> bool:
    with target.connect() as conn:
        return conn.execute(select(Office.id).limit(1)).first() is not None


def verify_copy(source: Store, target: Store) -> int:
    """Check a copy: the same rows per table, the same statistics for every day with rows.

    Returns the number of days counted again; raises StoreError on a difference.
    """
    return _check(source, row_counts(source.engine), target, row_counts(target.engine))


def _check(
    source: Store,
    before: dict[str, int],
    target: Store,
    after: dict[str, int],
    *,
    again: bool = True,
) -> int:
    """The rows per table the same; with ``again``, every day's statistics too."""
    from app.services.stats.counting import compute_days

    if before != after:
        differ = sorted(t for t in before if before[t] != after.get(t))
        raise StoreError(
            f"The copy differs from the store in {', '.join(differ)}.",
            "copy.differs",
        )
    if not again:
        return 0
    days = _days_with_rows(source)
    if compute_days(source, days) != compute_days(target, days):
        raise StoreError(
            "The copy's statistics differ from the store's.",
            "copy.figures_differ",
        )
    return len(days)


_DAYS = "SELECT DISTINCT business_day FROM ticket UNION SELECT DISTINCT business_day FROM visit"


def _days_with_rows(store: Store) -> list[date]:
    """The business days with rows, read as the store's other figures are (within the
    transaction a :class:`_Within` store is in)."""
    with store.reading() as fetch:
        days = [row[0] for row in fetch(_DAYS, {})]
    return sorted(d if isinstance(d, date) else date.fromisoformat(str(d)) for d in days)


@dataclass
class _Within(Store):
    """A store seen from inside one of its write transactions: the rows written there,
    before they are committed (for the statistics' check)."""

    conn: Connection | None = None

    @contextlib.contextmanager
    def reading(self) -> Iterator[Fetch]:
        """Plain SQL in the transaction the connection is in (as :meth:`Store.reading`)."""
        conn = self.conn
        assert conn is not None
        driver = conn.connection.driver_connection
        if conn.dialect.name == "sqlite" and isinstance(driver, sqlite3.Connection):
            yield sqlite_fetch(driver)
            return

        def fetch(sql: str, params: Mapping[str, Any]) -> list[Row]:
            return [tuple(row) for row in conn.execute(text(sql), dict(params))]

        yield fetch
