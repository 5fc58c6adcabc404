"""The receiver as a service: tokens live, bounded bodies and reads, ranges, its overview.

In-process (FastAPI's test client on the same ASGI app a worker serves) on a
database brought to head by the receiver's own migrations: each test on SQLite
and again on a PostgreSQL server (where a day is kept in one statement).
"""

from __future__ import annotations

import base64
import csv
import io
import json
import logging
from datetime import date, timedelta

import pytest

from tests.conftest import import_or_skip

import_or_skip("fastapi")
# ruff: noqa: E402 - the imports below need fastapi, checked just above
from fastapi.testclient import TestClient
from sqlalchemy import text

from app.receiver import db, tokens
from app.receiver.guard import RateLimit
from app.sync.payload import MAX_COUNT, MAX_REVISION
from tests.receiving import receiver_app, receiver_store

TODAY = date(2026, 3, 13)  # a Friday


def doc(office: str, day: date, revision: int = 1, visitors: int = 10, **aggregates) -> dict:
    """A small valid day: ``visitors`` people, waits of 2 and 20 minutes, two agencies."""
    wait = {"bins": [0, 0, 1] + [0] * 17 + [1], "count": 2, "total_s": 22 * 60, "max_s": 1200}
    return {
        "schema_version": 1,
        "office": office,
        "day": day.isoformat(),
        "revision": revision,
        "app_version": "0.1.0",
        "aggregates": {
            "version": 1,
            "visitors": visitors,
            "served": visitors - 1,
            "wait": wait,
            "breakdowns": {"agencies": {"fk": 6, "skv": visitors}},
            **aggregates,
        },
    }


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    if request.param == "sqlite":
        found = receiver_store(tmp_path / "receiver.sqlite3")
    else:
        from tests.postgres import new_database

        found = receiver_store(new_database(request.getfixturevalue("postgres_server")))
    yield found
    found.dispose()


@pytest.fixture
def client(engine):
    with TestClient(receiver_app(engine, today=lambda: TODAY)) as c:
        yield c


def put(client, body, token="good"):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.put(
        f"/v1/offices/{body['office']}/days/{body['day']}", json=body, headers=headers
    )


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_tokens_are_added_revoked_and_rotated_while_it_runs(engine, client):
    """Each change counts at the next request: no restart, and only the hash is kept."""
    body = doc("annat", date(2026, 3, 10))
    assert put(client, body, token="ny").status_code == 401
    new_id, plain = tokens.add(engine, ["annat"], label="Annat kontor")
    assert put(client, {**body}, token=plain).status_code == 200
    assert put(client, doc("exempelstad", date(2026, 3, 10)), token=plain).status_code == 403
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT hash FROM token WHERE id = :i"), {"i": new_id}).scalar()
    assert plain not in kept and kept == tokens.hash_token(plain)
    rotated_id, fresh = tokens.rotate(engine, new_id, grace=timedelta(hours=1))
    assert put(client, {**body, "revision": 2}, token=plain).status_code == 200  # grace
    assert put(client, {**body, "revision": 3}, token=fresh).status_code == 200
    tokens.revoke(engine, new_id)  # the grace cut short
    assert put(client, {**body, "revision": 4}, token=plain).status_code == 401
    tokens.revoke(engine, rotated_id)
    assert put(client, {**body, "revision": 4}, token=fresh).status_code == 401
    listed = {t["id"]: t for t in tokens.listing(engine)}
    assert listed[rotated_id]["offices"] == ["annat"] and listed[rotated_id]["revoked_at"]
    assert plain not in json.dumps(listed) and kept not in json.dumps(listed)
    with pytest.raises(tokens.TokenError):
        tokens.add(engine, ["bad code!"])


def test_the_token_is_checked_before_the_body_is_read_and_bodies_are_bounded(engine):
    app = receiver_app(engine, today=lambda: TODAY, max_body=4096)
    with TestClient(app) as client:
        path = "/v1/offices/exempelstad/days/2026-03-10"
        huge = b"x" * 200_000
        no_token = client.put(path, content=huge)
        assert no_token.status_code == 401 and b"xxxx" not in no_token.content
        too_big = client.put(path, content=huge, headers=bearer("good"))
        assert too_big.status_code == 413 and b"xxxx" not in too_big.content

        def chunks():  # no Content-Length: counted as it comes
            for _ in range(10):
                yield b"y" * 1000

        assert client.put(path, content=chunks(), headers=bearer("good")).status_code == 413
        assert put(client, doc("exempelstad", date(2026, 3, 10))).status_code == 200


@pytest.mark.parametrize(
    "spoil",
    [
        {"revision": MAX_REVISION + 1},
        {"revision": 2**63},
        {"day": "0001-01-01"},
        {"day": "9999-12-31"},
        {"aggregates": {"version": 1, "visitors": 10**400}},
        {"aggregates": {"version": 1, "visitors": MAX_COUNT + 1}},
        {"aggregates": {"version": 1, "wait": {"bins": [10**400]}}},
    ],
)
def test_numbers_and_days_out_of_range_are_refused_and_not_echoed(client, spoil):
    body = {**doc("exempelstad", date(2026, 3, 10)), **spoil}
    if "day" in spoil:
        path = f"/v1/offices/exempelstad/days/{spoil['day']}"
        answer = client.put(path, content=json.dumps(body), headers=bearer("good"))
    else:
        answer = put(client, body)
    assert answer.status_code == 422, answer.text
    assert "0000000000" not in answer.text and "9999-12-31" not in json.dumps(
        answer.json()["detail"]
    )


@pytest.mark.parametrize("word", ["NaN", "Infinity", "-Infinity"])
def test_not_a_number_is_refused_never_stored_as_null(client, engine, word):
    body = json.dumps(doc("exempelstad", date(2026, 3, 10))).replace(
        '"version": 1,', f'"version": 1, "staffed_minutes": {word},'
    )
    answer = client.put(
        "/v1/offices/exempelstad/days/2026-03-10", content=body, headers=bearer("good")
    )
    assert answer.status_code == 422
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM received_day")).scalar() == 0


def test_a_day_not_yet_come_is_refused(client):
    assert put(client, doc("exempelstad", TODAY + timedelta(days=1))).status_code == 200
    assert put(client, doc("exempelstad", TODAY + timedelta(days=2))).status_code == 422


def test_a_sender_too_fast_is_told_when_to_come_back(engine):
    app = receiver_app(engine, today=lambda: TODAY, rate=RateLimit(rate=0.5, burst=3))
    with TestClient(app) as client:
        answers = [
            put(client, doc("exempelstad", date(2026, 3, 2) + timedelta(days=n))) for n in range(5)
        ]
        assert [a.status_code for a in answers] == [200, 200, 200, 429, 429]
        assert int(answers[3].headers["retry-after"]) == 2  # one document every two seconds
        # Another office's token has its own allowance.
        assert put(client, doc("annat", date(2026, 3, 2)), token="central").status_code == 200


def test_one_offices_largest_document_never_fails_anothers_read(client):
    """The largest numbers the schema allows, in every field a read adds up."""
    top = {"bins": [MAX_COUNT] * 1440, "count": MAX_COUNT, "total_s": 10**11, "max_s": 7 * 86400}
    big = doc("annat", date(2026, 3, 10), visitors=MAX_COUNT - 1, staffed_minutes=float(MAX_COUNT))
    big["aggregates"] |= {"wait": top, "service": top, "served": MAX_COUNT}
    assert put(client, big, token="central").status_code == 200
    assert put(client, doc("exempelstad", date(2026, 3, 10))).status_code == 200
    span = {"from": "2026-03-01", "to": "2026-03-31"}
    for path in ("/v1/days", "/v1/days.csv", "/", "/overview.csv", "/agencies.csv"):
        for token in ("central", "good"):
            answer = client.get(
                path, params=span if path.startswith("/v1") else {}, headers=bearer(token)
            )
            assert answer.status_code == 200, (path, token, answer.text[:200])


def test_reads_come_in_pages_whatever_the_range(client):
    first = date(2026, 2, 2)
    for office, token in (("exempelstad", "good"), ("annat", "central")):
        for n in range(7):
            assert (
                put(client, doc(office, first + timedelta(days=n)), token=token).status_code == 200
            )
    seen, cursor, pages = [], None, 0
    while True:
        params = {"from": "2020-01-01", "to": "2099-12-31", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/v1/days", params=params, headers=bearer("central")).json()
        assert len(page["days"]) <= 3
        seen += [(d["office"], d["day"]) for d in page["days"]]
        pages += 1
        cursor = page["next"]
        if cursor is None:
            break
    assert pages == 5 and len(seen) == 14 and seen == sorted(seen)
    own = client.get(
        "/v1/days", params={"from": "2026-02-01", "to": "2026-02-28"}, headers=bearer("good")
    )
    assert {d["office"] for d in own.json()["days"]} == {"exempelstad"}
    spoilt = client.get(
        "/v1/days",
        params={"from": "2026-02-01", "to": "2026-02-28", "cursor": "!!"},
        headers=bearer("central"),
    )
    assert spoilt.status_code == 422
    streamed = client.get(
        "/v1/days.csv", params={"from": "2026-02-01", "to": "2026-02-28"}, headers=bearer("central")
    )
    rows = list(csv.DictReader(io.StringIO(streamed.content.decode("utf-8-sig"))))
    assert len(rows) == 14 and rows[0]["office"] == "annat" and rows[0]["visitors"] == "10"
    assert rows[0]["wait_count"] == "2" and rows[0]["wait_max_s"] == "1200"


def test_the_overview_names_each_office_its_missing_days_service_and_visitors(client):
    # exempelstad: Monday 2 to Tuesday 10 March but Thursday 5 (Wednesday 11, Thursday 12 to
    # come): three working days missing of those up to yesterday. annat: yesterday only.
    for n in (0, 1, 2, 4, 7, 8):
        assert (
            put(
                client, doc("exempelstad", date(2026, 3, 2) + timedelta(days=n), visitors=20)
            ).status_code
            == 200
        )
    assert (
        put(client, doc("annat", date(2026, 3, 12), visitors=5), token="central").status_code == 200
    )
    refused = client.get("/")
    assert refused.status_code == 401 and refused.headers["www-authenticate"].startswith("Basic")
    basic = base64.b64encode(b"central:central").decode()
    page = client.get("/", headers={"Authorization": f"Basic {basic}"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    row = next(line for line in page.text.splitlines() if ">exempelstad<" in line)
    assert "2026-03-10" in row and "<td class='num bad'>3</td>" in row
    assert "2026-03-05, 2026-03-11, 2026-03-12" in row
    assert "120" in row and "50,0 %" in row  # six days of 20; one wait of two within 15 min
    other = next(line for line in page.text.splitlines() if ">annat<" in line)
    assert "<td class='num ok'>0</td>" in other
    by_missing = client.get(
        "/", params={"sort": "missing", "order": "desc"}, headers=bearer("central")
    )
    assert by_missing.text.index(">exempelstad<") < by_missing.text.index(">annat<")
    by_office = client.get("/", params={"sort": "office"}, headers=bearer("central"))
    assert by_office.text.index(">annat<") < by_office.text.index(">exempelstad<")
    table = client.get("/overview.csv", headers=bearer("central"))
    rows = {r["office"]: r for r in csv.DictReader(io.StringIO(table.content.decode("utf-8-sig")))}
    assert (
        rows["exempelstad"]["working_days_missing"] == "3"
        and rows["exempelstad"]["visitors"] == "120"
    )
    assert rows["annat"]["called_within_15_min_pct"] == "50.0"
    agencies = client.get(
        "/agencies.csv",
        params={"from": "2026-03-01", "to": "2026-03-31"},
        headers=bearer("central"),
    )
    totals = {
        r["agency"]: r for r in csv.DictReader(io.StringIO(agencies.content.decode("utf-8-sig")))
    }
    assert totals["skv"]["errands"] == str(6 * 20 + 5) and totals["fk"]["errands"] == str(7 * 6)
    assert totals["fk"]["offices"] == "2"
    mine = client.get("/overview.csv", headers=bearer("good")).content.decode("utf-8-sig")
    assert "exempelstad" in mine and "annat" not in mine  # an office's token sees its own


def test_a_newer_revision_replaces_the_figures_an_older_one_does_not(client):
    day = date(2026, 3, 10)
    assert put(client, doc("exempelstad", day, revision=2, visitors=30)).status_code == 200
    assert put(client, doc("exempelstad", day, revision=1, visitors=99)).status_code == 409
    assert put(client, doc("exempelstad", day, revision=3, visitors=40)).status_code == 200
    table = client.get("/overview.csv", headers=bearer("central")).content.decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(table))
    assert row["visitors"] == "40" and row["days_received"] == "1"


def test_the_openapi_document_declares_its_security_and_refusals(client):
    spec = client.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert {s["scheme"] for s in schemes.values()} == {"bearer", "basic"}
    put_op = spec["paths"]["/v1/offices/{office}/days/{day}"]["put"]
    assert {"401", "403", "409", "413", "422", "429"} <= set(put_op["responses"])
    assert put_op["security"] and put_op["requestBody"]["content"]["application/json"]
    assert "DayPayload" in spec["components"]["schemas"]


def test_ready_only_at_the_receivers_schema(tmp_path):
    engine = db.open_engine(f"sqlite:///{tmp_path / 'new.sqlite3'}")
    with TestClient(receiver_app(engine)) as client:
        assert client.get("/health").status_code == 200
        assert client.get("/ready").status_code == 503
        db.upgrade(engine)
        assert client.get("/ready").json()["status"] == "ready"
    engine.dispose()


def test_the_request_log_is_json_lines_without_bodies_queries_or_tokens(client, caplog):
    body = doc("exempelstad", date(2026, 3, 10))
    body["app_version"] = "spoilt\u00e9"
    with caplog.at_level(logging.INFO, logger="app.receiver.requests"):
        assert put(client, body).status_code == 200
        assert put(client, body, token="wrong").status_code == 401
        client.get(
            "/v1/days", params={"from": "2026-03-01", "to": "2026-03-31"}, headers=bearer("central")
        )
    lines = [
        json.loads(r.getMessage()) for r in caplog.records if r.name == "app.receiver.requests"
    ]
    assert [(x["method"], x["status"]) for x in lines] == [("PUT", 200), ("PUT", 401), ("GET", 200)]
    assert lines[0]["path"] == "/v1/offices/exempelstad/days/2026-03-10"
    logged = json.dumps(lines)
    for secret in ("good", "wrong", "central", "spoilt", "aggregates", "2026-03-01"):
        assert secret not in logged


def test_a_database_from_before_migrations_is_taken_over_with_its_days(tmp_path):
    """The former receiver's table, made at its start: upgrade adds the figures from it."""
    path = tmp_path / "old.sqlite3"
    engine = db.open_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text(
            "CREATE TABLE received_day (office VARCHAR(40) NOT NULL, day DATE NOT NULL, "
            "revision INTEGER NOT NULL, received_at DATETIME NOT NULL, document TEXT NOT NULL, "
            "PRIMARY KEY (office, day))"
        ))  # fmt: skip
        for n in range(3):
            d = doc("exempelstad", date(2026, 3, 9) + timedelta(days=n), revision=2)
            conn.execute(
                text("INSERT INTO received_day VALUES (:o, :d, 2, '2026-03-12 10:00:00', :doc)"),
                {"o": "exempelstad", "d": d["day"], "doc": json.dumps(d)},
            )
    old_tokens = tmp_path / "tokens.json"
    old_tokens.write_text(json.dumps({tokens.hash_token("gammal"): ["exempelstad"]}))
    assert db.upgrade(engine) == (None, db.head())
    assert tokens.import_file(engine, old_tokens) == 1
    assert tokens.import_file(engine, old_tokens) == 0  # the same file again: nothing new
    with TestClient(receiver_app(engine, today=lambda: TODAY)) as client:
        table = client.get("/overview.csv", headers=bearer("gammal")).content.decode("utf-8-sig")
        assert (
            put(
                client, doc("exempelstad", date(2026, 3, 9), revision=1), token="gammal"
            ).status_code
            == 409
        )
    (row,) = csv.DictReader(io.StringIO(table))
    assert (row["first_day"], row["last_day"], row["days_received"]) == (
        "2026-03-09",
        "2026-03-11",
        "3",
    )
    assert row["visitors"] == "30" and row["working_days_missing"] == "1"  # Thursday 12
    engine.dispose()


def test_a_code_a_spreadsheet_would_run_is_quoted_in_every_csv(client):
    body = doc("-5-1", date(2026, 3, 10))
    body["aggregates"]["breakdowns"] = {"agencies": {"-2-3": 7}}
    assert put(client, body, token="central").status_code == 200
    period = {"from": "2026-03-01", "to": "2026-03-31"}
    for path, params in (
        ("/agencies.csv", period),
        ("/overview.csv", {}),
        ("/v1/days.csv", period),
    ):
        text = client.get(path, params=params, headers=bearer("central")).content.decode(
            "utf-8-sig"
        )
        cells = [cell for line in csv.reader(io.StringIO(text)) for cell in line]
        assert not [c for c in cells if c and c[0] in "=+-@"], (path, cells)
        assert "'-5-1" in cells or "'-2-3" in cells
