"""Sync on a shared PostgreSQL server: the office's store and the central receiver's.

A large office keeps one store on a server for all its PCs, and the central
office may run the receiver on one. One sender at a time must hold across PCs
(an advisory lock, not a file), and the receiver must keep the highest revision
when many senders answer at once. Each test gets a fresh database on a
throwaway server (tests/postgres.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from tests.conftest import desk_for, import_or_skip

import_or_skip("fastapi")
# ruff: noqa: E402 - the imports below need fastapi, checked just above
from fastapi.testclient import TestClient

from app.config import resolve_settings
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.services.stats.counting import compute_days
from app.store.engine import open_store
from app.sync.client import SenderBusy, Target, pending, send_pending
from app.sync.payload import build_payload
from tests.postgres import new_database
from tests.receiving import receiver_app, receiver_store

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 3, 10)
HOLDER = """
import sys, time
from app.config import resolve_settings
from app.store.engine import open_store
from app.sync.client import sender_lock
store = open_store(resolve_settings(data_dir=sys.argv[2], database_url=sys.argv[1], env={}))
with sender_lock(store):
    print("held", flush=True)
    time.sleep(600)
"""


@pytest.fixture
def server_office(tmp_path, postgres_url):
    clock = ManualClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
    settings = resolve_settings(data_dir=tmp_path / "pc1", database_url=postgres_url, env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    yield store, clock, postgres_url
    store.close()


def test_one_sender_at_a_time_across_pcs_on_a_server_store(tmp_path, server_office):
    """Another PC sending holds the round off; killed mid-round, it blocks no one."""
    store, clock, url = server_office
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "A")
    env = dict(os.environ)
    env.pop("SERVICEDISK_DATA_DIR", None)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, url, str(tmp_path / "pc2")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        sent: list[str] = []
        transport = httpx.MockTransport(
            lambda request: (sent.append(request.url.path), httpx.Response(200, json={}))[1]
        )
        target = Target("http://receiver.test", "t", "exempelstad")
        with httpx.Client(transport=transport) as client:
            with pytest.raises(SenderBusy):
                send_pending(desk, target, client, wait=False)
            assert sent == [] and pending(store) != []  # left to the other PC
            holder.kill()  # dies holding the lock: the server lets it go with the session
            holder.wait(timeout=30)
            report = send_pending(desk, target, client, wait=True)
        assert report.done and sent == ["/v1/offices/exempelstad/days/2026-03-10"]
        assert pending(store) == []
    finally:
        holder.kill()
        holder.wait(timeout=30)


def test_the_receiver_on_postgresql_keeps_the_highest_revision_under_racing_senders(
    server_office, postgres_server
):
    """Twenty senders PUT revisions 1…20 of one day at once: each is answered 200 or 409
    (none fails on the first insert's race), and revision 20 is held."""
    store, clock, _ = server_office
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "A")
    summary = compute_days(store, [DAY])[DAY]
    receiver_db = receiver_store(new_database(postgres_server), {"t": {"*"}})
    app = receiver_app(receiver_db)
    answers: dict[int, int] = {}
    start = threading.Barrier(20)

    def send(revision: int) -> None:
        body = build_payload(summary, office="x", day=DAY, revision=revision, threshold=5)
        with TestClient(app) as client:
            start.wait()
            answer = client.put(
                f"/v1/offices/x/days/{DAY}",
                content=body.model_dump_json(),
                headers={"Authorization": "Bearer t", "Content-Type": "application/json"},
            )
        answers[revision] = answer.status_code

    threads = [threading.Thread(target=send, args=(r,)) for r in range(1, 21)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    with TestClient(app) as client:
        held = client.get(f"/v1/offices/x/days/{DAY}", headers={"Authorization": "Bearer t"})
    receiver_db.dispose()
    assert set(answers.values()) <= {200, 409} and len(answers) == 20, answers
    assert answers[20] == 200 and held.json()["revision"] == 20
    assert json.loads(json.dumps(held.json()))["aggregates"]["tickets"] == 1
