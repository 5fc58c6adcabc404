"""The reference receiver: the protocol's answers, and the sync client against it for real.

First the receiver in-process (FastAPI's test client, the same ASGI app), then
`servicedisk receiver` and `servicedisk sync --once` as two processes over
loopback HTTP, the way an office and the central office meet.
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

from app.receiver.app import create_app, make_store
from app.receiver.tokens import add_token, hashed, read_tokens
from app.services.stats.counting import compute_days
from app.sync.client import Target, pending, send_pending
from app.sync.payload import build_payload
from tests.unit.test_stats import office, play_small_day  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 3, 10)
TOKENS = {"good": {"exempelstad"}, "central": {"*"}}


@pytest.fixture
def receiver(tmp_path):
    engine = make_store(f"sqlite:///{tmp_path / 'receiver.sqlite3'}")
    with TestClient(create_app(engine, hashed(TOKENS))) as client:
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


@pytest.mark.slow
def test_an_office_and_the_receiver_as_two_programs(tmp_path):
    """`servicedisk receiver` and `servicedisk sync --once` over loopback HTTP."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("SERVICEDISK_DATA_DIR", None)
    tokens = tmp_path / "tokens.json"
    made = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "central"), "receiver",
         "--tokens", str(tokens), "--add-token", "*"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    t0ken = made.stdout.strip()
    assert len(t0ken) >= 40 and t0ken not in tokens.read_text()  # only its hash is kept
    assert tokens.stat().st_mode & 0o077 == 0  # readable by its owner only
    port = free_port()
    store_file = tmp_path / "central.sqlite3"
    server = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "central"), "receiver",
         "--port", str(port), "--store", str(store_file), "--tokens", str(tokens)],
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
    engine = make_store(f"sqlite:///{tmp_path / 'fuzz2.sqlite3'}")
    client = TestClient(create_app(engine, hashed({"t": {"*"}})), raise_server_exceptions=False)
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


def test_the_overview_page_names_each_office_and_its_missing_days(tmp_path, office):  # noqa: F811
    import base64

    engine = make_store(f"sqlite:///{tmp_path / 'overview.sqlite3'}")
    app = create_app(engine, hashed(TOKENS), today=lambda: date(2026, 3, 13))  # a Friday
    with TestClient(app) as client:
        assert put(client, document(office)).status_code == 200  # Tuesday 10 March
        refused = client.get("/")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Basic")  # a browser asks
        basic = base64.b64encode(b"central:central").decode()
        page = client.get("/", headers={"Authorization": f"Basic {basic}"})
    engine.dispose()
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    row = next(line for line in page.text.splitlines() if "exempelstad" in line)
    # Sent Tuesday; Wednesday and Thursday are missing (Friday is today).
    assert "2026-03-10" in row and "<td class='bad'>2</td>" in row
    assert "2026-03-11, 2026-03-12" in row


def test_the_request_log_has_one_line_per_request_and_no_contents(receiver, office, caplog):  # noqa: F811
    import logging

    body = document(office)
    with caplog.at_level(logging.INFO, logger="app.receiver"):
        assert put(receiver, body).status_code == 200
        assert (
            put(receiver, {**body, "app_version": "spoilt\u00e9"}, token="wrong").status_code == 401
        )
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("app.receiver")]
    assert len(lines) == 2
    assert lines[0].startswith("PUT /v1/offices/exempelstad/days/2026-03-10 200 ")
    assert lines[1].startswith("PUT /v1/offices/exempelstad/days/2026-03-10 401 ")
    logged = "\n".join(lines)
    assert "good" not in logged and "wrong" not in logged and "spoilt" not in logged
    assert body["app_version"] not in logged and "aggregates" not in logged


def test_tokens_are_kept_hashed_and_clear_ones_refused(tmp_path):
    path = tmp_path / "tokens.json"
    first = add_token(path, ["exempelstad"])
    second = add_token(path, ["*"])
    kept = read_tokens(path)
    assert len(kept) == 2 and first not in path.read_text() and second not in path.read_text()
    from app.receiver.tokens import offices_of

    assert offices_of(kept, first) == {"exempelstad"} and offices_of(kept, second) == {"*"}
    assert offices_of(kept, first + "x") is None
    path.write_text(json.dumps({"plain-token": ["exempelstad"]}))
    with pytest.raises(ValueError, match="not token hashes"):
        read_tokens(path)
