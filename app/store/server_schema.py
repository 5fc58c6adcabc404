"""A server store holds exactly the schema its migrations make, as a SQLite store does.

Anyone with the office's database password can add to a PostgreSQL store what no migration
makes: a trigger that makes reception a manager, a rule that drops the failed sign-ins from
the audit, a function a column's default calls, a table of personal data. Opening a server
store and ``check`` read its schema from ``pg_catalog`` and refuse anything else, naming it.

What a fresh server store at the head revision holds is kept beside this module
(``schema_head_postgresql.json``; ``make schema`` rewrites it after a migration, and a test
checks it against a fresh migration on a throwaway server). A store at an older revision is
checked before it is upgraded for what acts or holds rows (triggers, rules, functions,
views, policies, tables no version makes), and after the upgrade against the head whole.
What an installed extension owns (pg_stat_statements, say) belongs to the server's
administrators and is not looked at.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from app.store.errors import NotAStoreError, short
from app.store.schema import Schema, differences

HEAD_SERVER_SCHEMA = Path(__file__).with_name("schema_head_postgresql.json")

# Kinds of object that act on their own or hold rows: checked at any revision.
ACTING = ("trigger", "rule", "function", "policy", "event trigger", "view", "foreign table")

# What an installed extension owns is left to the server's administrators.
_NOT_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = {} AND e.deptype = 'e')"

_RELATIONS = f"""
SELECT c.oid, c.relname, c.relkind, c.relrowsecurity
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
  AND {_NOT_EXTENSION.format("c.oid")}
"""
_COLUMNS = """
SELECT a.attrelid, a.attname,
       EXISTS (SELECT 1 FROM pg_index i
               WHERE i.indrelid = a.attrelid AND i.indisprimary AND a.attnum = ANY (i.indkey)),
       pg_get_expr(d.adbin, d.adrelid)
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
"""
_INDEXES = f"""
SELECT i.relname, pg_get_indexdef(i.oid)
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_namespace n ON n.oid = i.relnamespace
WHERE n.nspname = current_schema() AND {_NOT_EXTENSION.format("x.indrelid")}
"""
_TRIGGERS = """
SELECT t.tgname, c.relname, pg_get_triggerdef(t.oid)
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND NOT t.tgisinternal
"""
_RULES = "SELECT rulename, tablename, definition FROM pg_rules WHERE schemaname = current_schema()"
_FUNCTIONS = f"""
SELECT p.proname, pg_get_function_identity_arguments(p.oid)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND {_NOT_EXTENSION.format("p.oid")}
"""
_POLICIES = """
SELECT p.polname, c.relname
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema()
"""
_EVENT_TRIGGERS = f"""
SELECT t.evtname, t.evtevent FROM pg_event_trigger t
WHERE {_NOT_EXTENSION.format("t.oid")}
"""


def read_server_schema(conn: Connection) -> Schema:
    """The objects in the connection's schema (and the database's event triggers)."""
    schema_name = str(conn.execute(text("SELECT current_schema()")).scalar())

    def plain(sql: object) -> str:  # without the schema's name, on one line
        return " ".join(str(sql or "").replace(f"{schema_name}.", "").split())

    columns: dict[int, list[str]] = {}
    for table_oid, name, key, default in conn.execute(text(_COLUMNS)):
        said = f"{name}{' (key)' if key else ''}"
        said += f" default {plain(default)}" if default is not None else ""
        columns.setdefault(table_oid, []).append(said)
    schema: Schema = {}
    for oid, name, kind, row_security in conn.execute(text(_RELATIONS)):
        if kind in ("r", "p"):
            said = "columns " + ", ".join(columns.get(oid, []))
            schema[f"table {name}"] = said + (" (row security)" if row_security else "")
        elif kind in ("v", "m"):
            definition = conn.execute(text("SELECT pg_get_viewdef(:oid)"), {"oid": oid}).scalar()
            schema[f"view {name}"] = plain(definition)
        elif kind == "f":
            schema[f"foreign table {name}"] = ""
        else:
            schema[f"sequence {name}"] = ""
    for name, definition in conn.execute(text(_INDEXES)):
        schema[f"index {name}"] = plain(definition)
    for name, table, definition in conn.execute(text(_TRIGGERS)):
        schema[f"trigger {name}"] = f"on {table}: {plain(definition)}"
    for name, table, definition in conn.execute(text(_RULES)):
        schema[f"rule {name}"] = f"on {table}: {plain(definition)}"
    for name, arguments in conn.execute(text(_FUNCTIONS)):
        schema[f"function {name}({arguments})"] = ""
    for name, table in conn.execute(text(_POLICIES)):
        schema[f"policy {name}"] = f"on {table}"
    for name, event in conn.execute(text(_EVENT_TRIGGERS)):
        schema[f"event trigger {name}"] = f"on {event}"
    return schema


@functools.cache
def expected_server_schema() -> Schema:
    """What a fresh server store at the head revision holds."""
    return dict(json.loads(HEAD_SERVER_SCHEMA.read_text(encoding="utf-8")))


def foreign_server_objects(conn: Connection, *, at_head: bool) -> list[str]:
    """What this server store holds beyond, or other than, a fresh one (and what it lacks),
    each named. Below the head, only what acts or holds rows is looked at."""
    have, want = read_server_schema(conn), expected_server_schema()
    if at_head:
        return differences(have, want)
    tables = {key for key in want if key.startswith("table ")}
    return [
        f"{key} (not made by Servicedisk)"
        for key in sorted(have.keys() - want.keys())
        if key.startswith(ACTING) or (key.startswith("table ") and key not in tables)
    ]


def write_head(conn: Connection) -> int:
    """Keep a fresh head store's schema beside this module; how many objects it holds."""
    schema = read_server_schema(conn)
    HEAD_SERVER_SCHEMA.write_text(
        json.dumps(schema, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return len(schema)


def refuse_altered(engine: Engine, *, at_head: bool) -> None:
    """A server store holding what its migrations do not make is refused, untouched, with
    the objects named."""
    with engine.connect() as conn:
        foreign = foreign_server_objects(conn, at_head=at_head)
    if foreign:
        shown = short("; ".join(foreign[:3]), 160)
        where = engine.url.render_as_string(hide_password=True)
        raise NotAStoreError(
            f"The database {where} holds what Servicedisk does not make ({shown}); it is left "
            "untouched. Ask the server's administrator what made it, and remove it or restore "
            "a backup into a new database.",
            "store.server_altered",
            detail=shown,
        )
