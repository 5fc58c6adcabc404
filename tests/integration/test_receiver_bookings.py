"""Booking files through the central receiver: delivered per office and day, fetched by the office.

The receiver's answers first (FastAPI's test client), then the office's own
`servicedisk bookings pull`, in-process, against the receiver served over loopback
HTTP from a thread, as an office meets it. Each test runs on a receiver on SQLite and
again on one on a PostgreSQL server.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import socket
import stat
import threading
import time
from collections.abc import Iterator
from dataclasses import astuple
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import import_or_skip

import_or_skip("fastapi")
# ruff: noqa: E402 - the imports below need fastapi, checked just above
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.cli import main as cli
from app.receiver.db import booking_file
from app.services.bookings.files import read_bookings

OFFICE_TZ = ZoneInfo("Europe/Stockholm")
from app.services.bookings.files import MAX_BYTES
from app.sync.bookings_pull import STATE_FILE
from tests.receiving import receiver_app, receiver_with_two_offices
from tests.unit.test_cli import assert_one_sentence

OFFICE = "exempelstad"
DAY = date(2026, 12, 8)  # the receiver's today in the API's tests
HEADER = "booking_reference,date,start,minutes,agency,errand_type,language,interpreter,status"
GOOD, OTHER = {"Authorization": "Bearer good"}, {"Authorization": "Bearer other"}


def day_file(day: date, *rows: str) -> bytes:
    """A CSV day: the rows given, or three bookings (one cancelled)."""
    rows = rows or (
        f"SKV-7F3K9Q,{day},10:00,15,SKV,id-kort,,no,booked",
        f"SKV-K4P7NX,{day},11:00,30,SKV,id-kontroll,uk,yes,booked",
        f"SKV-8BN5YC,{day},12:15,15,SKV,id-kort,,no,cancelled",
    )
    return ("\n".join([HEADER, *rows]) + "\n").encode("utf-8")


def calendar_file(day: date) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Skatteverket//Bokning//SV\r\n"
        "BEGIN:VEVENT\r\nUID:SKV-CAL1234\r\n"
        f"DTSTART;TZID=Europe/Stockholm:{day:%Y%m%d}T100000\r\nDURATION:PT15M\r\n"
        "X-AGENCY:SKV\r\nSUMMARY:ID-kort Anna Andersson\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    yield from receiver_with_two_offices(request, tmp_path)


@pytest.fixture
def client(engine):
    with TestClient(receiver_app(engine, today=lambda: DAY)) as c:
        yield c


def deliver(client, body: bytes, *, day=DAY, office=OFFICE, headers=GOOD, kind="text/csv"):
    return client.put(
        f"/v1/offices/{office}/bookings/{day}",
        content=body,
        headers={**headers, "Content-Type": kind},
    )


def fetch(client, *, day=DAY, office=OFFICE, headers=GOOD, etag: str | None = None):
    extra = {"If-None-Match": etag} if etag else {}
    return client.get(f"/v1/offices/{office}/bookings/{day}", headers={**headers, **extra})


def files_held(engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(booking_file)).scalar_one())


def _same_bookings(served: bytes, delivered: bytes) -> bool:
    def fields(data: bytes) -> list[tuple]:
        return [row[1:] for row in map(astuple, read_bookings(data, "f", OFFICE_TZ))]

    return fields(served) == fields(delivered)


def test_a_good_file_is_kept_as_its_bookings_and_served_with_its_sha256_as_etag(client):
    body = b"\xef\xbb\xbf" + day_file(DAY)
    kept = deliver(client, body)
    assert kept.status_code == 200, kept.text
    served = fetch(client)
    sha = hashlib.sha256(served.content).hexdigest()
    assert kept.json() == {"office": OFFICE, "day": DAY.isoformat(), "sha256": sha, "bookings": 3}
    assert served.status_code == 200
    assert _same_bookings(served.content, body)  # the bookings, in the documented CSV
    assert served.content.startswith(b"booking_reference,date,start,minutes,agency,")
    assert served.headers["etag"] == f'"{sha}"'
    assert served.headers["content-type"] == "text/csv; charset=utf-8"
    assert served.headers["cache-control"] == "no-store"
    calendar = calendar_file(DAY)
    answer = deliver(client, calendar, kind="text/calendar")
    assert answer.status_code == 200 and answer.json()["bookings"] == 1
    assert "Anna" not in answer.text  # the SUMMARY is never read
    served = fetch(client)
    assert _same_bookings(served.content, calendar)
    assert b"Anna" not in served.content  # nor kept: the calendar's names are gone


def test_the_same_etag_gets_304_and_a_newer_delivery_replaces_the_file(client):
    first = deliver(client, day_file(DAY)).json()["sha256"]
    etag = fetch(client).headers["etag"]
    not_modified = fetch(client, etag=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["etag"] == etag
    assert fetch(client, etag=f'"other", W/{etag}').status_code == 304
    assert fetch(client, etag='"0123"').status_code == 200
    changed = day_file(DAY, f"SKV-7F3K9Q,{DAY},10:30,15,SKV,id-kort,,no,booked")
    second = deliver(client, changed).json()["sha256"]
    assert second != first
    again = fetch(client, etag=etag)
    assert again.status_code == 200 and _same_bookings(again.content, changed)
    assert again.headers["etag"] == f'"{second}"'


@pytest.mark.parametrize(
    ("body", "kind", "said"),
    [
        (day_file(DAY, f"SKV-7F3K9Q,{DAY},10:00,15,SKV,,,,", "SKV-K4P7NX,8/12,11:00,15,SKV,,,,"),
         "text/csv", "Line 3: the column 'date' is not a date"),
        (("namn," + HEADER + f"\nAnna Andersson,SKV-7F3K9Q,{DAY},10:00,15,SKV,,,,\n").encode(),
         "text/csv", "unknown column 'namn'"),
        (day_file(DAY, f"SKV-7F3K9Q,{DAY},10:00,15,SKV,,,,", f"SKV-K4P7NX,{DAY},25:00,15,SKV,,,,"),
         "text/csv", "Line 3: the column 'start' is not a time"),
        (day_file(DAY, f"SKV-7F3K9Q,{DAY},10:00,15,SKV,,,,",
                  f"SKV-K4P7NX,{DAY + timedelta(days=1)},10:00,15,SKV,,,,"),
         "text/csv", f"Line 3: the booking is on {DAY + timedelta(days=1)}, not on {DAY}"),
        (day_file(DAY), "text/calendar", "the body is no calendar"),
        (b"", "text/csv", "The file is empty"),
        (b"PK\x03\x04\x00\x00binary", "text/csv", "Line 1: not text in UTF-8"),
    ],
    ids=["bad-date", "a-name-column", "bad-time", "another-day", "not-a-calendar", "empty", "xlsx"],
)  # fmt: skip
def test_a_bad_file_is_refused_naming_the_line_and_nothing_is_kept(
    client, engine, body, kind, said
):
    answer = deliver(client, body, kind=kind)
    assert answer.status_code == 422, answer.text
    assert said in answer.json()["detail"] and "nothing was kept" in answer.json()["detail"]
    assert "Anna" not in answer.text and "SKV-7F3K9Q" not in answer.text
    assert files_held(engine) == 0 and fetch(client).status_code == 404
    good = day_file(DAY)
    assert deliver(client, good).status_code == 200
    assert deliver(client, body, kind=kind).status_code == 422
    assert _same_bookings(fetch(client).content, good)  # the day's good file stays


def test_another_offices_token_can_neither_read_nor_deliver(client, engine):
    body = day_file(DAY)
    assert deliver(client, body, headers=OTHER).status_code == 403
    assert deliver(client, body, headers={}).status_code == 401
    assert deliver(client, body, headers={"Authorization": "Bearer nobody"}).status_code == 401
    assert files_held(engine) == 0
    assert deliver(client, body).status_code == 200
    assert fetch(client, headers=OTHER).status_code == 403
    assert fetch(client, headers={}).status_code == 401
    assert fetch(client, office="annat", headers=OTHER).status_code == 404  # its own: none
    central = {"Authorization": "Bearer central"}  # "*": the central office delivers for any
    assert deliver(client, body, office="annat", headers=central).status_code == 200
    assert _same_bookings(fetch(client, office="annat", headers=OTHER).content, body)
    assert fetch(client, office="annat").status_code == 403


def test_a_file_over_five_megabytes_is_refused_before_it_is_read(client, engine):
    big = day_file(DAY) + b"#" * MAX_BYTES
    assert deliver(client, big).status_code == 413
    assert files_held(engine) == 0


def test_a_file_is_kept_until_its_day_has_passed_plus_seven_days(engine, client):
    assert deliver(client, day_file(DAY)).status_code == 200
    for later, status in ((7, 200), (8, 404)):
        today = DAY + timedelta(days=later)
        with TestClient(receiver_app(engine, today=lambda t=today: t)) as then:
            assert fetch(then).status_code == status
    assert files_held(engine) == 0  # deleted, not only hidden
    old = DAY - timedelta(days=8)
    refused = deliver(client, day_file(old), day=old)
    assert refused.status_code == 422 and "passed" in refused.json()["detail"]
    week_ago = DAY - timedelta(days=7)
    assert deliver(client, day_file(week_ago), day=week_ago).status_code == 200
    assert deliver(client, day_file(DAY), day=DAY).status_code == 200
    with TestClient(receiver_app(engine, today=lambda: DAY + timedelta(days=1))) as tomorrow:
        assert deliver(tomorrow, day_file(DAY), day=DAY).status_code == 200
    assert files_held(engine) == 1  # the week-old day went at the next delivery


# ---------------------------------------------------------------- the office's pull


@contextlib.contextmanager
def serving(app) -> Iterator[str]:
    """The receiver over loopback HTTP from a thread of this process: its base address."""
    uvicorn = import_or_skip("uvicorn")
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the receiver never started"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{listening.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        listening.close()


@pytest.fixture
def office(tmp_path, capsys, restore_logging):
    """`servicedisk --data-dir … ARGS` in this process: (exit code, stdout lines, stderr)."""
    data_dir = tmp_path / "office"

    def run(*argv: str) -> tuple[int, list[str], str]:
        code = cli.main(["--data-dir", str(data_dir), *argv])
        out, err = capsys.readouterr()
        return code, out.splitlines(), err

    run.data_dir = data_dir  # type: ignore[attr-defined]
    return run


def test_the_office_pulls_its_days_bookings_from_the_receiver(engine, office, monkeypatch):
    today = datetime.now(ZoneInfo("Europe/Stockholm")).date()
    with serving(receiver_app(engine)) as base:
        monkeypatch.setenv("SERVICEDISK_SYNC_URL", base)
        monkeypatch.setenv("SERVICEDISK_SYNC_TOKEN", "good")
        with TestClient(receiver_app(engine)) as central:
            assert deliver(central, day_file(today), day=today).status_code == 200
        code, out, err = office("bookings", "pull")
        assert (code, out) == (0, ["2 added, 0 updated, 1 withdrawn, 0 unchanged"]), err
        assert office("bookings", "pull")[:2] == (0, ["not changed"])
        code, out, _ = office("bookings", "list", "--json")
        listed = json.loads("\n".join(out))
        assert [(b["agency"], b["errand_type"], b["language"], b["state"] != "cancelled")
                for b in listed] == [
            ("SKV", "id-kort", None, True),
            ("SKV", "id-kontroll", "uk", True),
            ("SKV", "id-kort", None, False),
        ]  # fmt: skip
        remembered = office.data_dir / STATE_FILE
        assert stat.S_IMODE(remembered.stat().st_mode) == 0o600
        assert "SKV-" not in remembered.read_text()  # digests only, never a reference
        with TestClient(receiver_app(engine)) as central:
            moved = day_file(today, f"SKV-7F3K9Q,{today},10:30,15,SKV,id-kort,,no,booked")
            assert deliver(central, moved, day=today).status_code == 200
        assert office("bookings", "pull")[1] == ["0 added, 1 updated, 0 withdrawn, 0 unchanged"]
        tomorrow = today + timedelta(days=1)
        code, out, err = office("bookings", "pull", "--day", tomorrow.isoformat())
        assert (code, out) == (3, [])
        assert_one_sentence(err)
        assert "no booking file" in err
        monkeypatch.setenv("SERVICEDISK_SYNC_TOKEN", "other")
        code, _, err = office("bookings", "pull")
        assert code == 1 and "token" in err
        assert_one_sentence(err)
    code, _, err = office("bookings", "pull")  # the receiver has gone away
    assert code == 1 and "could not be reached" in err
    assert_one_sentence(err)
