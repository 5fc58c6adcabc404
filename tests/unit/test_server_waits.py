"""A write on a server that does not answer in time ends in the store's own error, in Swedish,
even when it is the write lock it waits for, and nothing is written."""

from __future__ import annotations

import pytest

from app.config import resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.services.queue import calling as queue
from app.store.engine import open_store
from app.store.errors import ServerUnavailableError
from app.store.server import WRITE_LOCK_KEY, server_conninfo
from tests.conftest import desk_for


def test_a_write_lock_held_too_long_elsewhere_is_said_not_raised_raw(tmp_path, postgres_url):
    import psycopg

    clock = SystemClock()
    settings = resolve_settings(tmp_path / "pc", postgres_url, env={})
    open_store(settings, seed=seeder(clock)).close()
    database = postgres_url.rsplit("/", 1)[1]
    with psycopg.connect(server_conninfo(postgres_url), autocommit=True) as other:
        # Every new connection gives up on a statement after 0.3 s, the way the app's own
        # 30 s statement timeout ends a wait on a server that does not answer.
        other.execute(f'ALTER DATABASE "{database}" SET statement_timeout = 300')
        store = open_store(settings)
        try:
            other.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK_KEY,))  # another PC's
            with pytest.raises(ServerUnavailableError) as refused:
                queue.issue_ticket(desk_for(store, clock), "A")
            assert "svarade inte i tid" in refused.value.swedish
            other.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK_KEY,))
            assert queue.issue_ticket(desk_for(store, clock), "A").code == "A001"  # no gap
        finally:
            store.close()
