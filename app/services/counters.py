"""Atomic counters in the database: one statement that inserts or increments and returns.

``INSERT … ON CONFLICT DO UPDATE … RETURNING`` is the same on SQLite (3.35+)
and PostgreSQL, so a counter is allocated in the caller's transaction and no
two transactions, processes or workstations ever get the same value.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session


def increment(
    session: Session, model: type[Any], keys: dict[str, Any], column: str, **on_insert: Any
) -> int:
    """Add one to model.column for the row with these keys (1 for a new row); returns it."""
    dialect = session.get_bind().dialect.name
    # Both dialects spell the upsert the same way; only the construct differs.
    # Imported here: the PostgreSQL dialect costs a SQLite-only command ~80 ms to load.
    insert: Any
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    table = model.__table__
    stmt = insert(table).values(**keys, **{column: 1}, **on_insert)
    stmt = stmt.on_conflict_do_update(
        index_elements=list(keys),
        set_={column: table.c[column] + 1, **on_insert},
    ).returning(table.c[column])
    return int(session.execute(stmt).scalar_one())
