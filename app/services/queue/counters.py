"""Atomic counters in the database: one statement that inserts or increments and returns.

``INSERT … ON CONFLICT DO UPDATE … RETURNING`` is the same on SQLite (3.35+)
and PostgreSQL, so a counter is allocated in the caller's transaction and no
two transactions, processes or workstations ever get the same value.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

# Built statements by (dialect, table, keys, column, extra columns): building and
# caching the upsert once keeps the hot path (issuing a ticket) lean.
_STATEMENTS: dict[tuple[Any, ...], Any] = {}


def dialect_name(executor: Connection | Session) -> str:
    """The dialect behind a Core connection or an ORM session."""
    if isinstance(executor, Connection):
        return executor.dialect.name
    return executor.get_bind().dialect.name


def increment_statement(
    dialect: str, model: type[Any], keys: tuple[str, ...], column: str, extra: tuple[str, ...]
) -> Any:
    """The upsert :func:`increment` runs, built once per shape (its parameters are the keys
    and the extra columns, by name)."""
    cache_key = (dialect, model.__tablename__, keys, column, extra)
    stmt = _STATEMENTS.get(cache_key)
    if stmt is not None:
        return stmt
    # Both dialects spell the upsert the same way; only the construct differs.
    # Imported here: the PostgreSQL dialect costs a SQLite-only command ~80 ms to load.
    insert: Any
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    table = model.__table__
    values = {name: bindparam(name, type_=table.c[name].type) for name in (*keys, *extra)}
    stmt = (
        insert(table)
        .values(**values, **{column: 1})
        .on_conflict_do_update(
            index_elements=list(keys),
            set_={column: table.c[column] + 1, **{name: values[name] for name in extra}},
        )
        .returning(table.c[column])
    )
    _STATEMENTS[cache_key] = stmt
    return stmt


def increment(
    executor: Connection | Session,
    model: type[Any],
    keys: dict[str, Any],
    column: str,
    **on_insert: Any,
) -> int:
    """Add one to model.column for the row with these keys (1 for a new row); returns it.

    ``on_insert`` columns are written on insert and overwritten on update.
    """
    stmt = increment_statement(dialect_name(executor), model, tuple(keys), column, tuple(on_insert))
    return int(executor.execute(stmt, {**keys, **on_insert}).scalar_one())
