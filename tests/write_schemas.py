"""Rewrite the kept head schemas after adding a migration (``make schema``): the SQLite one,
and the server one from a fresh migration on a throwaway PostgreSQL server."""

from __future__ import annotations

import sys

from sqlalchemy import create_engine

from app.store import schema, server_schema
from app.store.engine import upgrade
from tests.postgres import new_database, throwaway_server


def main() -> None:
    schema.main()
    with throwaway_server() as server:
        engine = create_engine(new_database(server))
        try:
            upgrade(engine)
            with engine.connect() as conn:
                count = server_schema.write_head(conn)
        finally:
            engine.dispose()
    sys.stdout.write(f"{server_schema.HEAD_SERVER_SCHEMA}: {count} objects\n")


if __name__ == "__main__":
    main()
