"""A whole store copied between databases, row for row: SQLite ↔ PostgreSQL.

The same code moves an office's history to a server (`servicedisk db copy`),
and writes a server store's backups as portable SQLite files. The source is
read in one read transaction (a consistent snapshot); the target is written
in one write transaction, holding its write lock, so it is copied whole or
not at all, and no workstation writes into it half-way. Rows keep their ids;
a server's id sequences then continue after the highest copied.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, func, inspect, select, text
from sqlalchemy.engine import Connection, Engine

from app.models import Base
from app.store.identify import CORE_TABLES
from app.store.migrations import KNOWN_REVISIONS
from app.store.server import unhurried

BATCH = 2000  # rows per insert: memory stays flat whatever the history's length


def tables() -> list[Table]:
    """The store's tables, each after the ones it refers to."""
    return list(Base.metadata.sorted_tables)


@dataclass(frozen=True)
class ServerState:
    """What a database holds before anything is written to it."""

    tables: tuple[str, ...]
    revision: str | None

    @property
    def empty(self) -> bool:
        """No table at all: a new store may be made here."""
        return not self.tables

    @property
    def ours(self) -> bool:
        """A Servicedisk store, at a revision this version knows."""
        return self.revision in KNOWN_REVISIONS and set(self.tables) >= CORE_TABLES

    @property
    def foreign(self) -> bool:
        """Another program's tables (or a Servicedisk schema newer than this version)."""
        return not self.empty and not self.ours


def describe(engine: Engine) -> ServerState:
    """The tables in the database's schema and its Alembic revision; changes nothing."""
    with engine.connect() as conn:
        names = tuple(sorted(inspect(conn).get_table_names()))
        revision = None
        if "alembic_version" in names:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return ServerState(names, revision)


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table, in one read transaction."""
    with engine.connect() as conn, conn.begin():
        return {
            t.name: int(conn.execute(select(func.count()).select_from(t)).scalar() or 0)
            for t in tables()
        }


def copy_rows(source: Engine, target: Engine) -> dict[str, int]:
    """Replace every row of the target's tables with the source's; rows copied per table.

    The target must hold the store's schema at the source's revision.
    """
    copied: dict[str, int] = {}
    writer = target.execution_options(servicedisk_write=True)
    with source.connect() as src, src.begin(), writer.begin() as dst:
        unhurried(src)
        unhurried(dst)
        for table in reversed(tables()):
            dst.execute(table.delete())
        for table in tables():
            copied[table.name] = _copy_table(src, dst, table)
        if dst.dialect.name == "postgresql":
            _continue_sequences(dst)
    return copied


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    rows = src.execution_options(yield_per=BATCH).execute(
        select(table).order_by(*table.primary_key.columns)
    )
    count = 0
    for part in rows.partitions():
        dst.execute(table.insert(), [dict(row._mapping) for row in part])
        count += len(part)
    return count


def _continue_sequences(dst: Connection) -> None:
    """A server's id sequences go on after the highest id copied (rows kept their ids)."""
    for table in tables():
        if "id" not in table.c or not table.c.id.autoincrement:
            continue
        sequence = dst.execute(
            text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
        ).scalar()
        if sequence is None:
            continue
        top = dst.execute(select(func.max(table.c.id))).scalar()
        dst.execute(
            text("SELECT setval(:sequence, :value, :called)"),
            {"sequence": sequence, "value": top or 1, "called": top is not None},
        )
