"""The reference receiver: the protocol's answers, and the sync client against it for real.

First the receiver in-process (FastAPI's test client, the same ASGI app), then
`servicedisk-receiver serve` and `servicedisk sync --once` as two processes
over loopback HTTP, the way an office and the central office meet.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import httpx
import pytest

from tests.conftest import desk_for, import_or_skip

import_or_skip("fastapi")  # the receiver's extra; installed with the test extras (and in CI)
# ruff: noqa: E402 - the imports below need fastapi, checked just above
from fastapi.testclient import TestClient

from app.services.stats.counting import compute_days
from app.sync.client import Target, pending, send_pending
from app.sync.payload import build_payload
from tests.receiving import receiver_app, receiver_store
from tests.unit.test_stats import office, play_small_day  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 3, 10)


@pytest.fixture
def receiver(tmp_path):
    engine = receiver_store(tmp_path / "receiver.sqlite3")
    with TestClient(receiver_app(engine)) as client:
        yield client
    engine.dispose()


def document(office_fixture, revision: int = 3) -> dict:
    store, clock = office_fixture
    play_small_day(store, clock, DAY)
    summary = compute_days(store, [DAY])[DAY]
    payload = build_payload(summary, office="exempelstad", day=DAY, revision=revision, threshold=5)
    return json.loads(payload.model_dump_json())


def put(client, body, token="good", code="exempelstad", day="2026-03-10"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.put(f"/v1/offices/{code}/days/{day}", json=body, headers=headers)


def test_the_receiver_keeps_the_highest_revision(receiver, office):  # noqa: F811
    body = document(office, revision=3)
    assert put(receiver, body).status_code == 200
    assert put(receiver, body).status_code == 200  # the same again: harmless
    older = {**body, "revision": 2}
    answer = put(receiver, older)
    assert answer.status_code == 409 and answer.json()["detail"]["held"] == 3
    newer = {**body, "revision": 4}
    assert put(receiver, newer).json()["held"] == 4
    held = receiver.get(
        "/v1/offices/exempelstad/days/2026-03-10", headers={"Authorization": "Bearer good"}
    )
    assert held.json()["revision"] == 4


def test_the_receiver_refuses_what_the_protocol_refuses(receiver, office):  # noqa: F811
    body = document(office)
    assert put(receiver, body, token=None).status_code == 401
    assert put(receiver, body, token="wrong").status_code == 401
    assert put(receiver, {**body, "office": "annat"}, code="annat").status_code == 403
    assert put(receiver, body, token="central").status_code == 200  # "*": any office
    assert put(receiver, body, day="2026-03-11").status_code == 422  # not the path's day
    staff = {**body, "aggregates": {**body["aggregates"], "staff": {"1": {}}}}
    assert put(receiver, staff).status_code == 422  # per-staff figures never get in
    assert put(receiver, {"schema_version": 1}).status_code == 422


def test_the_sync_client_against_the_receiver(receiver, office):  # noqa: F811
    store, clock = office
    play_small_day(store, clock, DAY)
    desk = desk_for(store, clock)
    report = send_pending(desk, Target("http://testserver", "good", "exempelstad"), receiver)
    assert report.done and report.acked and pending(store) == []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def receiver_cli(database: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.receiver", "--database", database, *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


@pytest.mark.slow
def test_an_office_and_the_receiver_as_two_programs(tmp_path):
    """`servicedisk-receiver serve` and `servicedisk sync --once` over loopback HTTP."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SERVICEDISK_DATA_DIR", None)
    database = f"sqlite:///{tmp_path / 'central.sqlite3'}"
    assert receiver_cli(database, "upgrade", env=env).returncode == 0
    made = receiver_cli(database, "token", "add", "--office", "*", env=env)
    assert made.returncode == 0, made.stderr
    t0ken = made.stdout.strip()
    assert len(t0ken) >= 40 and t0ken.encode() not in (tmp_path / "central.sqlite3").read_bytes()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "app.receiver", "--database", database, "serve",
         "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "the receiver never answered"
            time.sleep(0.1)
        office_dir = tmp_path / "office"

        def cli(*args: str, **extra: str) -> subprocess.CompletedProcess:
            return subprocess.run(
                [sys.executable, "-m", "app", "--data-dir", str(office_dir), *args],
                cwd=ROOT, env={**env, **extra}, capture_output=True, text=True, timeout=60,
            )  # fmt: skip

        for letter in "AAB":
            assert cli("ticket", "issue", letter).returncode == 0
        no_token = cli("sync", "--once", SERVICEDISK_SYNC_URL=base)
        assert no_token.returncode == 1 and "not set up" in no_token.stderr
        wrong = cli("sync", "--once", SERVICEDISK_SYNC_URL=base, SERVICEDISK_SYNC_TOKEN="nope")
        assert wrong.returncode == 1 and "token" in wrong.stderr
        done = cli("sync", "--once", SERVICEDISK_SYNC_URL=base, SERVICEDISK_SYNC_TOKEN=t0ken)
        assert done.returncode == 0, done.stderr
        (line,) = done.stdout.splitlines()
        day, revision = line.split("\t")[0], int(line.split("\t")[1].split()[1])
        held = httpx.get(
            f"{base}/v1/offices/exempelstad/days/{day}",
            headers={"Authorization": f"Bearer {t0ken}"},
        ).json()
        assert held["revision"] == revision and held["aggregates"]["tickets"] == 3
        again = cli("sync", "--once", SERVICEDISK_SYNC_URL=base, SERVICEDISK_SYNC_TOKEN=t0ken)
        assert again.returncode == 0 and again.stdout == ""  # nothing sent twice
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_real_document_spoiled_anywhere_is_refused_never_a_500(tmp_path, office):  # noqa: F811
    """Every key of a real day's document, replaced by any JSON value: 200, 409 or 422."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    store, clock = office
    day = date(2026, 3, 10)
    play_small_day(store, clock, day)
    good = json.loads(
        build_payload(
            compute_days(store, [day])[day], office="x", day=day, revision=1, threshold=5
        ).model_dump_json()
    )

    def paths(value, prefix=()):
        yield prefix
        if isinstance(value, dict):
            for k, v in value.items():
                yield from paths(v, (*prefix, k))
        elif isinstance(value, list):
            for i, v in enumerate(value[:3]):
                yield from paths(v, (*prefix, i))

    every = [p for p in paths(good) if p]
    engine = receiver_store(tmp_path / "fuzz2.sqlite3", {"t": {"*"}})
    client = TestClient(receiver_app(engine), raise_server_exceptions=False)
    values = st.none() | st.booleans() | st.integers() | st.text() | st.lists(st.integers())

    @settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(where=st.sampled_from(every), value=values)
    def spoil(where, value):
        body = json.loads(json.dumps(good))
        target = body
        for key in where[:-1]:
            target = target[key]
        target[where[-1]] = value
        answer = client.put(
            "/v1/offices/x/days/2026-03-10", json=body, headers={"Authorization": "Bearer t"}
        )
        assert answer.status_code in (200, 409, 422), answer.text

    spoil()
    engine.dispose()


def test_the_central_office_reads_every_offices_days_as_json_and_csv(receiver, office):  # noqa: F811
    import csv
    import io

    body = document(office)
    assert put(receiver, body).status_code == 200
    other = {**body, "office": "annat"}
    assert put(receiver, other, token="central", code="annat").status_code == 200
    span = {"from": "2026-03-09", "to": "2026-03-12"}

    def read(path, token, **params):
        return receiver.get(path, params=params, headers={"Authorization": f"Bearer {token}"})

    every = read("/v1/days", "central", **span).json()
    assert [(d["office"], d["day"]) for d in every["days"]] == [
        ("annat", "2026-03-10"),
        ("exempelstad", "2026-03-10"),
    ]
    own = read("/v1/days", "good", **span).json()["days"]
    assert [d["office"] for d in own] == ["exempelstad"]  # an office's token reads its own
    assert (
        read("/v1/days", "central", **span, office="annat").json()["days"][0]["office"] == "annat"
    )
    answer = read("/v1/days.csv", "central", **span)
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    mine = next(r for r in rows if r["office"] == "exempelstad")
    # The small day: four tickets and a phone call; waits of 5, 18 and 1 minutes.
    assert (mine["day"], mine["visitors"], mine["no_shows"], mine["walked_out"]) == (
        "2026-03-10", "5", "1", "1",
    )  # fmt: skip
    assert (mine["wait_count"], mine["wait_max_s"]) == ("3", str(18 * 60))
    assert (
        read("/v1/days", "central", **{"from": "2026-03-12", "to": "2026-03-09"}).status_code == 422
    )
    assert receiver.get("/v1/days", params=span).status_code == 401
