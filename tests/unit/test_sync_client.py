"""The sync client against answers a receiver gives: every day acknowledged exactly once.

The receiver here is httpx's mock transport: a function that answers each
request as a real one would (it keeps the highest revision per day). The
reference receiver over real HTTP comes with the receiver itself.
"""

from __future__ import annotations

import json
import random
from datetime import date

import httpx
import pytest
from sqlalchemy import select, update

from app.models import Office, SyncAttempt
from app.services.access.actor import SYSTEM, acting
from app.services.queue import calling as q
from app.sync.client import (
    SyncConfigError,
    Target,
    backoff,
    check_url,
    pending,
    resolve_target,
    retry_after,
    save_token,
    send_pending,
)
from app.sync.payload import DayPayload
from tests.conftest import desk_for
from tests.unit.test_stats import at, office, play_small_day  # noqa: F401 - the fixture

pytestmark = pytest.mark.both_stores

TARGET = Target("http://127.0.0.1:9", "s3cret", "exempelstad")
DAYS = (date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 11))


class Receiver:
    """Keeps the highest revision per day; answers as the protocol says, or as told."""

    def __init__(self) -> None:
        self.held: dict[str, int] = {}
        self.requests: list[tuple[str, int, str]] = []
        self.script: list[httpx.Response | Exception] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        day, revision = body["day"], body["revision"]
        self.requests.append((day, revision, request.headers.get("Authorization", "")))
        if self.script:
            answer = self.script.pop(0)
            if isinstance(answer, Exception):
                raise answer
            return answer
        DayPayload.model_validate(body)  # a real receiver's 422 otherwise
        if revision < self.held.get(day, -1):
            return httpx.Response(409, json={"held": self.held[day]})
        self.held[day] = revision
        return httpx.Response(200, json={"held": revision})


@pytest.fixture
def days(office):  # noqa: F811
    store, clock = office
    for day in DAYS:
        play_small_day(store, clock, day)
    return store, clock


def client(receiver: Receiver) -> httpx.Client:
    return httpx.Client(transport=httpx.MockTransport(receiver))


def test_every_day_is_sent_oldest_first_and_acknowledged_once(days):
    store, clock = days
    receiver = Receiver()
    with client(receiver) as http:
        desk = desk_for(store, clock)
        report = send_pending(desk, TARGET, http)
        assert report.done and [d for d, _r in report.acked] == list(DAYS)
        assert send_pending(desk, TARGET, http).acked == []  # nothing twice
    assert [r[0] for r in receiver.requests] == [d.isoformat() for d in DAYS]
    assert all(auth == "Bearer s3cret" for _d, _r, auth in receiver.requests)
    assert pending(store) == []


def test_a_late_correction_is_sent_again_and_a_print_is_not(days):
    store, clock = days
    receiver = Receiver()
    with client(receiver) as http:
        desk = desk_for(store, clock)
        send_pending(desk, TARGET, http)
        q.set_print_status(desk, "A001", "printed")  # today's ticket, printed again
        assert send_pending(desk, TARGET, http).acked == []  # not a change of the day
        at(clock, DAYS[2], 12, 0)
        q.issue_ticket(desk, "C")  # the last day changes
        report = send_pending(desk, TARGET, http)
    assert [d for d, _r in report.acked] == [DAYS[2]]
    sent = [(d, r) for d, r, _a in receiver.requests if d == DAYS[2].isoformat()]
    assert len(sent) == 2 and sent[1][1] > sent[0][1]


@pytest.mark.parametrize(
    ("answer", "retry", "stopped"),
    [
        (httpx.Response(500, text="boom"), True, None),
        (httpx.Response(503, headers={"Retry-After": "120"}), True, None),
        (httpx.Response(429, headers={"Retry-After": "7"}), True, None),
        (httpx.ConnectError("refused"), True, None),
        (httpx.ReadTimeout("slow"), True, None),
        (httpx.RemoteProtocolError("reset mid-request"), True, None),
        (httpx.Response(401, text="no"), False, "token"),
        (httpx.Response(422, text="day: bad"), False, "422"),
    ],
)
def test_a_failure_keeps_the_day_waiting_and_says_what_to_do(days, answer, retry, stopped):
    store, clock = days
    receiver = Receiver()
    receiver.script = [answer]
    with client(receiver) as http:
        desk = desk_for(store, clock)
        report = send_pending(desk, TARGET, http)
        assert not report.done and report.acked == []
        assert report.retry is retry
        assert (report.stopped is None) if stopped is None else stopped in report.stopped
        assert len(pending(store)) == 3  # nothing lost, nothing marked sent
        if isinstance(answer, httpx.Response) and "Retry-After" in answer.headers:
            assert report.retry_after_s == float(answer.headers["Retry-After"])
        # The next round, with the receiver well again, sends everything exactly once.
        report = send_pending(desk, TARGET, http)
    assert report.done
    acked = [r for r in receiver.requests[1:]]
    assert len(acked) == 3 and len({r[0] for r in acked}) == 3
    with store.read() as session:
        outcomes = list(session.scalars(select(SyncAttempt.outcome).order_by(SyncAttempt.id)))
    assert outcomes[0] == ("retry" if retry else "stopped") and outcomes[1:] == ["acked"] * 3


def test_an_older_revision_is_done_when_the_receiver_holds_a_newer(days):
    store, clock = days
    receiver = Receiver()
    receiver.held = {d.isoformat(): 10_000 for d in DAYS}
    with client(receiver) as http:
        desk = desk_for(store, clock)
        report = send_pending(desk, TARGET, http)
    assert report.done and len(report.acked) == 3  # 409: treated as done
    with store.read() as session:
        assert set(session.scalars(select(SyncAttempt.outcome))) == {"superseded"}


def test_only_https_or_this_machine(days):
    assert check_url("https://central.example.se/api/") == "https://central.example.se/api"
    assert check_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"
    assert check_url("http://localhost:8080") == "http://localhost:8080"
    for bad in ("http://central.example.se", "ftp://x", "central.example.se"):
        with pytest.raises(SyncConfigError):
            check_url(bad)


def test_the_token_stays_out_of_the_store_and_the_environment_wins(days, monkeypatch):
    store, _clock = days
    monkeypatch.setitem(__import__("sys").modules, "keyring", None)  # no keyring here
    with acting(SYSTEM), store.write() as session:
        session.execute(update(Office).values(sync_url="https://central.example.se"))
    assert resolve_target(store, env={}) is None
    where = save_token(desk_for(store, _clock), "from-the-file")
    assert where.endswith("sync-token")
    path = store.settings.data_dir / "sync-token"
    assert path.stat().st_mode & 0o077 == 0  # this user only
    assert resolve_target(store, env={}).token == "from-the-file"
    env = {"SERVICEDISK_SYNC_URL": "http://127.0.0.1:1", "SERVICEDISK_SYNC_TOKEN": "env"}
    target = resolve_target(store, env=env)
    assert (target.url, target.token) == ("http://127.0.0.1:1", "env")


def test_retry_after_and_backoff():
    from datetime import UTC, datetime

    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    assert retry_after("30", now) == 30.0
    assert retry_after("Tue, 10 Mar 2026 12:01:00 GMT", now) == 60.0
    assert retry_after("soon", now) is None
    rng = random.Random(1)
    waits = [backoff(n, rng=rng) for n in range(12)]
    assert waits[0] <= 5 and waits[3] >= 20 and max(waits) <= 15 * 60
