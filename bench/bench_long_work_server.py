"""bench_long_work on a PostgreSQL server: a ticket press while a year's day summaries
are made, and while the store is backed up (≤ 50 ms each).

The big office's year (bench/desk_waits.py) is made in SQLite and moved to a throwaway
cluster of this run's own (loopback, fsync on, as bench_server) with the code
`servicedisk db copy` runs, and the server settles (VACUUM ANALYZE, CHECKPOINT: a
server that has held the year a while, not one still vacuuming a fresh bulk load).
Then, as the hourly upkeep does, every past day's summary is computed and stored
there, and the day's automatic backup is taken (on a server store: a portable SQLite
copy of the whole office, checked, written on this PC). Reception, another process on
the same server store, issues a ticket every 20 ms during each, every issue timed.
Everything runs on this one machine: the server, the PC doing the work and reception
share its processors and its disk, which an office's do not. Skipped, with the
reason, where no PostgreSQL server programs are installed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from app.config import resolve_settings
from app.services.access.actor import SYSTEM, Desk
from app.services.office.clock import ManualClock
from app.services.upkeep.copying import copy_store_to
from app.store.engine import open_store
from bench.bench_long_work import backup, summaries
from bench.common import figure
from bench.desk_waits import NOW, big_office_year


def _settle(url: str) -> None:
    """What the server would have done with a year it holds: vacuumed, analysed, written out."""
    import psycopg

    from app.store.server import server_conninfo

    with psycopg.connect(server_conninfo(url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        conn.execute("CHECKPOINT")


def run() -> list[dict[str, Any]]:
    """The year moved to a server, then its summaries and its backup there."""
    from tests.postgres import ServerUnavailable, new_database, throwaway_server

    try:
        with throwaway_server(fsync=True) as server, tempfile.TemporaryDirectory() as tmp:
            base = Path(tmp)
            url = new_database(server)
            local = big_office_year(base / "year")
            try:
                copy_store_to(local, url)
            finally:
                local.store.close()
            _settle(url)
            data_dir = base / "server"
            desk = Desk(
                open_store(resolve_settings(data_dir, url, env={})), ManualClock(NOW), SYSTEM
            )
            try:
                return summaries(desk, data_dir, url, " (server)") + backup(
                    desk, data_dir, url, " (server)"
                )
            finally:
                desk.store.close()
    except ServerUnavailable as exc:
        return [figure("long work (server): skipped", 0, "", None, str(exc))]


if __name__ == "__main__":
    for row in run():
        print(f"{row['name']:65} {row['value']:>8} {row['unit']}  {row['note']}")
