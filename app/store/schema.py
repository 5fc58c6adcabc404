"""A store holds exactly the schema its migrations make: no table, index, trigger or view more.

A file offered as a store or a backup could hold more than the rows it seems to: a trigger
that makes reception a manager at its next sign-in, a table of personal data carried into
every later backup. :func:`foreign_objects` sets what a file's ``sqlite_master`` holds
against what a fresh store at the same revision holds, and names what differs; opening,
``check`` and ``restore`` refuse such a file untouched (app/store/identify.py).

The head revision's schema is kept beside this module (``schema_head.json``, written by
``python -m app.store.schema``; a test checks it against a fresh migration), so opening a
store costs one read of ``sqlite_master``. An older revision's is made when it is needed,
by migrating an empty file to that revision.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

from app.store.migrations import HEAD_REVISION, KNOWN_REVISIONS

HEAD_SCHEMA = Path(__file__).with_name("schema_head.json")
# What SQLite makes of itself: statistics tables (ANALYZE, PRAGMA optimize).
_SQLITE_OWN = ("sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4")

Schema = dict[str, str]  # "type name" → what it is: a table's columns, an index's keys


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The objects in a database's ``sqlite_master``, as :data:`Schema`.

    Tables and indexes are described by what SQLite says of them (columns, keys),
    not by their CREATE text, which SQLite versions and ALTER TABLE write differently;
    a trigger or a view by its text (a store has none of its own).
    """
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    schema: Schema = {}
    for kind, name, table, sql in rows:
        if name in _SQLITE_OWN:
            continue
        if kind == "table":
            columns = conn.execute("SELECT name, pk FROM pragma_table_info(?)", (name,))
            said = "columns " + ", ".join(f"{c}{' (key)' if pk else ''}" for c, pk in columns)
        elif kind == "index":
            keys = conn.execute("SELECT name FROM pragma_index_info(?) ORDER BY seqno", (name,))
            unique = any(
                row[1] == name and row[2]
                for row in conn.execute(
                    "SELECT seq, name, [unique] FROM pragma_index_list(?)", (table,)
                )
            )
            where = str(sql or "").upper().split(" WHERE ", 1)[1:]  # a partial index's rows
            said = f"on {table} ({', '.join(str(k) for (k,) in keys)})"
            said += " unique" if unique else ""
            said += f" where {' '.join(where[0].split())}" if where else ""
        else:
            said = " ".join(str(sql or "").split())
        schema[f"{kind} {name}"] = said
    return schema


@functools.cache
def expected_schema(revision: str) -> Schema:
    """The schema a fresh store at this (known) revision holds."""
    if revision not in KNOWN_REVISIONS:
        raise ValueError(f"unknown revision {revision!r}")
    if revision == HEAD_REVISION:
        return dict(json.loads(HEAD_SCHEMA.read_text(encoding="utf-8")))
    return _migrated_schema(revision)


def _migrated_schema(revision: str) -> Schema:
    from app.store.engine import make_engine, upgrade_to

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fresh.sqlite3"
        engine = make_engine(f"sqlite:///{path}")
        try:
            upgrade_to(engine, revision)
        finally:
            engine.dispose()
        with sqlite3.connect(path) as conn:
            return read_schema(conn)


def foreign_objects(conn: sqlite3.Connection, revision: str) -> list[str]:
    """What this database holds beyond, or other than, a fresh store at its revision (and
    what it lacks), each named: "trigger grant_manager (not made by Servicedisk)"."""
    return differences(read_schema(conn), expected_schema(revision))


def differences(have: Schema, want: Schema) -> list[str]:
    """Each object ``have`` holds beyond or other than ``want``, and each it lacks, named."""
    said = [f"{key} (not made by Servicedisk)" for key in sorted(have.keys() - want.keys())]
    said += [
        f"{key} (changed)" for key in sorted(have.keys() & want.keys()) if have[key] != want[key]
    ]
    said += [f"{key} (missing)" for key in sorted(want.keys() - have.keys())]
    return said


def main() -> None:
    """Write the head revision's schema beside this module (after adding a migration)."""
    schema = _migrated_schema(HEAD_REVISION)
    HEAD_SCHEMA.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    sys.stdout.write(f"{HEAD_SCHEMA}: {len(schema)} objects at {HEAD_REVISION}\n")


if __name__ == "__main__":
    main()
