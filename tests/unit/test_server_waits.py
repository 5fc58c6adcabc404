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
from app.ui.shell.refusals import refusal_text
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
            assert "svarade inte i tid" in refusal_text(refused.value)
            other.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK_KEY,))
            assert queue.issue_ticket(desk_for(store, clock), "A").code == "A001"  # no gap
        finally:
            store.close()


def test_a_press_the_server_undoes_in_a_deadlock_is_said_as_try_again(postgres_url):
    """Should two presses ever wait for each other in a circle, the server undoes one: its
    PC is told to try again, not that the server is away."""
    import threading

    import psycopg
    from sqlalchemy.exc import OperationalError

    from app.store.errors import StoreBusyError, classify

    info = server_conninfo(postgres_url)
    with psycopg.connect(info, autocommit=True) as setup:
        setup.execute("CREATE TABLE circle (id int PRIMARY KEY)")
        setup.execute("INSERT INTO circle VALUES (1), (2)")
    one, two = psycopg.connect(info), psycopg.connect(info)
    failures: list[BaseException] = []
    both_hold = threading.Barrier(2)

    def take(conn, first: int, then: int) -> None:
        try:
            conn.execute("SELECT id FROM circle WHERE id = %s FOR UPDATE", (first,))
            both_hold.wait(10)
            conn.execute("SELECT id FROM circle WHERE id = %s FOR UPDATE", (then,))
            conn.commit()
        except psycopg.Error as exc:
            failures.append(exc)
            conn.rollback()

    threads = [
        threading.Thread(target=take, args=(one, 1, 2)),
        threading.Thread(target=take, args=(two, 2, 1)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    one.close()
    two.close()
    assert len(failures) == 1
    said = classify(OperationalError("SELECT …", None, failures[0]), None)
    assert isinstance(said, StoreBusyError)
    assert refusal_text(said).endswith("Försök igen.")
    assert not isinstance(said, ServerUnavailableError)
