"""The live snapshot an office pushes: today's followed tickets, in codes and counts only."""

from __future__ import annotations

import json

import pytest

from app.services.queue import after, calling
from app.services.queue.views import ahead_of, estimate_minutes_for, queue_snapshot
from app.sync import live
from app.sync.client import SyncConfigError
from app.sync.live import LiveDocument, live_snapshot, live_url, point_label
from app.sync.live_sender import PushLock
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores

TICKET_FIELDS = {"key", "code", "language", "state", "ahead", "minutes", "point"}


def keys_of(store) -> dict[str, str | None]:
    with store.reading() as fetch:
        return dict(fetch("SELECT code, follow_key FROM ticket", {}))


@pytest.fixture
def busy(store, clock):
    """A morning: three waiting in A (one Arabic, one English), one in B, one called to
    lucka 1, one served and done, one cancelled, and a demo ticket (no key)."""
    desk = desk_for(store, clock)
    calling.issue_ticket(desk, "A")  # A001: called below
    calling.issue_ticket(desk, "C")  # C001: served and done
    calling.issue_ticket(desk, "D")  # D001: cancelled
    calling.issue_ticket(desk, "A", language="ar")  # A002
    calling.issue_ticket(desk, "A")  # A003
    calling.issue_ticket(desk, "A", language="en")  # A004
    calling.issue_ticket(desk, "B")  # B001
    calling.issue_ticket(desk, "B", demo=True)  # B002: a demo ticket has no page
    calling.call_ticket(desk, "C001", 2)
    after.start_serving(desk, "C001")
    clock.advance(minutes=6)
    after.finish(desk, "C001")
    after.cancel(desk, "D001")
    calling.call_ticket(desk, "A001", 1)
    return desk


def by_code(document: dict) -> dict[str, dict]:
    return {t["code"]: t for t in document["tickets"]}


def test_the_snapshot_holds_todays_followed_tickets_with_their_place_and_estimate(
    store, clock, busy
):
    document = live_snapshot(store, clock)
    tickets = by_code(document)
    keys = keys_of(store)
    assert keys["B002"] is None and "B002" not in tickets  # no key: not followed
    assert set(tickets) == {"A001", "A002", "A003", "A004", "B001", "C001", "D001"}
    assert {code: t["key"] for code, t in tickets.items()} == {code: keys[code] for code in tickets}
    snapshot = queue_snapshot(store, clock)
    for code in ("A002", "A003", "A004", "B001"):
        assert tickets[code]["state"] == "waiting"
        assert tickets[code]["ahead"] == ahead_of(snapshot, code)
        assert tickets[code]["minutes"] == estimate_minutes_for(snapshot, code)
        assert tickets[code]["point"] is None
    assert [tickets[c]["ahead"] for c in ("A002", "A003", "A004", "B001")] == [0, 1, 2, 0]
    assert tickets["A003"]["minutes"] > 0
    assert (tickets["A002"]["language"], tickets["A004"]["language"]) == ("ar", "en")
    assert tickets["A003"]["language"] is None
    assert tickets["A001"] == {
        "key": keys["A001"],
        "code": "A001",
        "language": None,
        "state": "called",
        "ahead": None,
        "minutes": None,
        "point": "1",
    }
    assert (tickets["C001"]["state"], tickets["D001"]["state"]) == ("done", "gone")
    assert document["calling"] == [{"code": "A001", "point": "1"}]  # C001 is done
    assert document["office"] == "exempelstad"
    LiveDocument.model_validate(document, strict=False)  # what the receiver takes


def test_nothing_but_the_stated_fields_is_sent(store, clock, busy):
    document = live_snapshot(store, clock)
    assert set(document) == {"format", "version", "office", "at", "tickets", "calling"}
    assert (document["format"], document["version"]) == ("servicedisk-live", 1)
    assert document["at"].endswith("+00:00")
    for ticket in document["tickets"]:
        assert set(ticket) == TICKET_FIELDS
    for call in document["calling"]:
        assert set(call) == {"code", "point"}
    text = json.dumps(document)
    for word in ("staff", "visit", "errand", "issued", "Lucka", "name"):
        assert word not in text


def test_a_serving_ticket_keeps_its_point_and_the_live_ones_come_first_when_bounded(
    store, clock, busy, monkeypatch
):
    after.start_serving(busy, "A001")
    tickets = by_code(live_snapshot(store, clock))
    assert (tickets["A001"]["state"], tickets["A001"]["point"]) == ("serving", "1")
    monkeypatch.setattr(live, "MAX_TICKETS", 3)
    bounded = live_snapshot(store, clock)["tickets"]
    assert len(bounded) == 3
    assert all(t["state"] in ("waiting", "called", "serving") for t in bounded)


def test_a_point_is_said_by_its_number_unless_it_has_a_name_of_its_own():
    assert point_label(3, "Lucka 3") == "3"
    assert point_label(3, "lucka 3 ") == "3"
    assert point_label(3, "") == "3"
    assert point_label(7, "Reception") == "Reception"
    assert point_label(7, "Rum {7}\n") == "Rum 7"
    assert point_label(None, "Lucka 3") is None


def test_the_page_address_is_the_receivers_as_the_sync_client_checks_it():
    url = live_url("https://receiver.example.se/ ", "exempelstad", "AbC_d-123456")
    assert url == "https://receiver.example.se/live/exempelstad/AbC_d-123456"
    assert (
        live_url("http://127.0.0.1:8765", "x", "k" * 16)
        == f"http://127.0.0.1:8765/live/x/{'k' * 16}"
    )
    with pytest.raises(SyncConfigError):
        live_url("http://receiver.example.se", "exempelstad", "AbC_d-123456")


def test_one_program_of_a_store_pushes_at_a_time(store):
    first, second = PushLock(store), PushLock(store)
    assert first.take() and first.take()  # taken, and still held
    assert not second.take()
    first.release()
    assert second.take()
    second.release()
