"""The visitors' "follow your place" pages on the receiver, fed by an office's real snapshot.

The office's store pushes with the app's own :func:`~app.sync.live.push_live`
(FastAPI's test client is an httpx client); each test runs on a receiver on
SQLite and again on one on a PostgreSQL server.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest

from tests.conftest import desk_for, import_or_skip

import_or_skip("fastapi")
# ruff: noqa: E402 - the imports below need fastapi, checked just above
from fastapi.testclient import TestClient
from sqlalchemy import text

from app.receiver import live as receiver_live
from app.receiver.guard import RateLimit
from app.services.queue import after, calling
from app.sync.client import Target
from app.sync.live import live_snapshot, push_live
from tests.receiving import receiver_app, receiver_with_two_offices

OFFICE = "exempelstad"


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request, tmp_path):
    yield from receiver_with_two_offices(request, tmp_path)


@pytest.fixture
def client(engine):
    with TestClient(receiver_app(engine)) as c:
        yield c


@pytest.fixture
def office(store, clock):
    """The office's morning: A001 (Swedish) called to lucka 1; A002 (Arabic), A003, A004
    (English) waiting; B001 served and done."""
    desk = desk_for(store, clock)
    calling.issue_ticket(desk, "A")
    calling.issue_ticket(desk, "A", language="ar")
    calling.issue_ticket(desk, "A")
    calling.issue_ticket(desk, "A", language="en")
    calling.issue_ticket(desk, "B")
    calling.call_ticket(desk, "B001", 2)
    clock.advance(minutes=5)
    after.finish(desk, "B001")
    calling.call_ticket(desk, "A001", 1)
    with store.reading() as fetch:
        keys = dict(fetch("SELECT code, follow_key FROM ticket", {}))
    return desk, keys


def push(store, clock, client, token="good"):
    return push_live(store, clock, Target("http://testserver", token, OFFICE), client)


def notice(page: str) -> str | None:
    """The offline notice as the page shows it, or None while it is hidden."""
    found = re.search(
        r'<p class="offline" id="offline" role="status"( hidden(?:="")?)?>(.*?)</p>', page
    )
    assert found is not None
    return None if found.group(1) else html.unescape(found.group(2))


def held(engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(text("SELECT body FROM live_snapshot")).scalar()


def test_a_pushed_snapshot_is_each_tickets_page_in_its_own_language(store, clock, client, office):
    _desk, keys = office
    result = push(store, clock, client)
    assert result.ok and result.tickets == 5, result
    swedish = client.get(f"/live/{OFFICE}/{keys['A003']}")
    assert swedish.status_code == 200
    page = swedish.text
    assert '<html lang="sv" dir="ltr">' in page
    assert "Din plats i kön" in page and "Ditt nummer" in page and ">A003<" in page
    assert "Före dig i kön: 1" in page and "Väntetid ungefär" in page
    assert "Ropas upp nu" in page and "<b>A001</b><span>lucka\u00a01</span>" in page
    assert "Uppdaterad " in page and notice(page) is None
    english = client.get(f"/live/{OFFICE}/{keys['A004']}").text
    assert '<html lang="en" dir="ltr">' in english
    assert "Your number" in english and "People ahead of you: 2" in english
    assert "<b>A001</b><span>counter\u00a01</span>" in english
    arabic = client.get(f"/live/{OFFICE}/{keys['A002']}").text
    assert '<html lang="ar" dir="rtl">' in arabic
    assert "رقمك" in arabic and "عدد المنتظرين قبلك: 0" in arabic and ">A002<" in arabic
    called = client.get(f"/live/{OFFICE}/{keys['A001']}").text
    assert "Det är din tur: gå till lucka\u00a01" in called and 'class="state-called"' in called
    done = client.get(f"/live/{OFFICE}/{keys['B001']}").text
    assert "Ditt besök är klart. Tack!" in done
    for answer in (swedish, client.get(f"/live/{OFFICE}/{keys['A003']}.json")):
        assert answer.headers["cache-control"] == "no-store"
    policy = swedish.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert '<noscript><meta http-equiv="refresh" content="10"></noscript>' in page


def test_the_json_holds_that_tickets_facts_and_no_tickets_key(store, clock, client, office):
    _desk, keys = office
    assert push(store, clock, client).ok
    answer = client.get(f"/live/{OFFICE}/{keys['A003']}.json")
    assert answer.status_code == 200
    facts = answer.json()
    assert {k: facts[k] for k in ("code", "state", "ahead", "language", "point")} == {
        "code": "A003",
        "state": "waiting",
        "ahead": 1,
        "language": "sv",
        "point": None,
    }
    assert facts["minutes"] == by_code(live_snapshot(store, clock))["A003"]["minutes"]
    assert facts["calling"] == [{"code": "A001", "point": "1"}]
    assert facts["offline"] is False and facts["text"]["ahead"] == "Före dig i kön: 1"
    assert not [key for key in keys.values() if key in answer.text]  # not even its own


def by_code(document: dict) -> dict[str, dict]:
    return {t["code"]: t for t in document["tickets"]}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d["tickets"][0].update(code="a1"),
        lambda d: d["tickets"][0].update(key="short"),
        lambda d: d["tickets"][0].update(key="has space in it"),
        lambda d: d["tickets"][0].update(language="ä" * 20),
        lambda d: d["tickets"][0].update(ahead=10**6),
        lambda d: d["tickets"][0].update(minutes=-1),
        lambda d: d["tickets"][0].update(state="lost"),
        lambda d: d["tickets"][0].update(name="Anna Andersson"),
        lambda d: d.update(visitor="19800101-1234"),
        lambda d: d.update(tickets=d["tickets"] * 200),
        lambda d: d.update(calling=d["calling"] * 9),
        lambda d: d.update(version=2),
        lambda d: d.update(at="yesterday"),
        lambda d: d.update(office="annat"),
    ],
)
def test_a_bad_snapshot_is_refused_and_changes_nothing(store, clock, client, office, engine, spoil):
    _desk, keys = office
    assert push(store, clock, client).ok
    before = held(engine)
    document = live_snapshot(store, clock)
    spoil(document)
    answer = client.put(
        f"/v1/offices/{OFFICE}/live",
        content=json.dumps(document),
        headers={"Authorization": "Bearer good", "Content-Type": "application/json"},
    )
    assert answer.status_code == 422, answer.text
    assert "Anna" not in answer.text and "19800101" not in answer.text
    assert held(engine) == before
    assert ">A003<" in client.get(f"/live/{OFFICE}/{keys['A003']}").text


def test_another_offices_token_cannot_push_for_this_office(store, clock, client, office, engine):
    assert not push(store, clock, client, token="other").ok
    refused = push(store, clock, client, token="other")
    assert (refused.status, refused.error) == (
        403,
        "the receiver refused the token (check the sync token)",
    )
    assert push(store, clock, client, token="nobody").status == 401
    body = json.dumps(live_snapshot(store, clock))
    as_other = client.put(
        "/v1/offices/annat/live", content=body, headers={"Authorization": "Bearer other"}
    )
    assert as_other.status_code == 422  # its own office's path, this office's snapshot
    assert held(engine) is None


def test_a_body_over_the_limit_is_refused_before_it_is_read(engine, store, clock, office):
    with TestClient(receiver_app(engine, max_body=256)) as small:
        result = push(store, clock, small)
        assert (result.ok, result.status) == (False, 413)
    assert held(engine) is None


def test_an_old_snapshot_says_the_office_is_offline(store, clock, client, office):
    _desk, keys = office
    assert push(store, clock, client).ok
    later = receiver_live.now() + timedelta(seconds=90)
    with mock.patch.object(receiver_live, "now", lambda: later):
        page = client.get(f"/live/{OFFICE}/{keys['A003']}").text
        facts = client.get(f"/live/{OFFICE}/{keys['A003']}.json").json()
    sent = (later - timedelta(seconds=90)).astimezone(receiver_live.OFFICE_TZ)
    said = f"Kontoret har inte skickat något sedan {sent:%H:%M}. Uppgifterna kan vara gamla."
    assert notice(page) == said
    assert facts["offline"] is True and facts["text"]["offline"] == said
    assert ">A003<" in page  # the last known figures stay, said to be old


def test_an_unknown_or_yesterdays_key_is_404_with_the_visitors_words(store, clock, client, office):
    _desk, keys = office
    unknown = client.get(f"/live/{OFFICE}/NoSuchKey123")
    assert unknown.status_code == 404
    assert "Vi hittar inte kölappen. Den kan vara från en annan dag." in unknown.text
    english = client.get(f"/live/{OFFICE}/NoSuchKey123", headers={"Accept-Language": "en-GB"})
    assert "We can&#x27;t find your ticket" in english.text and 'lang="en"' in english.text
    arabic = client.get(
        "/live/nowhere/NoSuchKey123", headers={"Accept-Language": "de;q=0.9, ar;q=0.8"}
    )
    assert arabic.status_code == 404 and 'dir="rtl"' in arabic.text
    assert client.get(f"/live/{OFFICE}/bad.key").status_code == 404
    assert client.get(f"/live/{OFFICE}/NoSuchKey123.json").json()["state"] == "unknown"
    assert push(store, clock, client).ok
    tomorrow = receiver_live.now() + timedelta(days=1)
    with mock.patch.object(receiver_live, "now", lambda: tomorrow):
        assert client.get(f"/live/{OFFICE}/{keys['A003']}").status_code == 404


def test_the_pages_are_rate_limited_per_client_address(engine, store, clock, office):
    _desk, keys = office
    with TestClient(receiver_app(engine, rate=RateLimit(rate=0.01, burst=3))) as slow:
        answers = [slow.get(f"/live/{OFFICE}/{keys['A003']}").status_code for _ in range(4)]
    assert answers == [404, 404, 404, 429]  # nothing pushed yet: 404 until the limit


def test_a_pushed_snapshot_replaces_the_one_before(store, clock, client, office, engine):
    desk, keys = office
    assert push(store, clock, client).ok
    calling.call_ticket(desk, "A002", 3)
    assert push(store, clock, client).ok
    page = client.get(f"/live/{OFFICE}/{keys['A002']}").text
    assert "حان دورك: توجّه إلى الشباك\u00a03" in page
    assert "Före dig i kön: 0" in client.get(f"/live/{OFFICE}/{keys['A003']}").text
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM live_snapshot")).scalar() == 1


def test_the_page_renders_on_a_phone_in_chromium():
    """The pictures in docs/screenshots (live-sv, live-en, live-ar), looked at by a person."""
    if shutil.which("chromium") is None and shutil.which("chromium-browser") is None:
        pytest.skip("needs Chromium to take the screenshots (Debian: apt-get install chromium)")
    from tests.receiver_live_shot import SHOTS, shoot

    made = shoot(SHOTS)
    assert [p.name for p in made] == ["live-sv.png", "live-en.png", "live-ar.png"]
    for path in made:
        assert png_size(path) == (390, 844)


def png_size(path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def test_the_snapshot_is_in_the_openapi_document(client):
    schema = client.get("/openapi.json").json()
    assert "LiveDocument" in schema["components"]["schemas"]
    assert "/v1/offices/{office}/live" in schema["paths"]
    assert "DayPayload" in schema["components"]["schemas"]


def test_the_office_time_is_stockholms(store, clock, client, office):
    _desk, keys = office
    fixed = datetime(2026, 7, 1, 8, 42, tzinfo=UTC)  # 10:42 in Swedish summer time
    with mock.patch.object(receiver_live, "now", lambda: fixed):
        assert push(store, clock, client).ok
        assert "Uppdaterad 10:42" in client.get(f"/live/{OFFICE}/{keys['A003']}").text


def test_without_the_visitor_texts_the_pages_say_so_and_the_receiver_keeps_working(
    client, monkeypatch
):
    monkeypatch.setattr(receiver_live, "_loaded_texts", lambda: None)
    answer = client.get(f"/live/{OFFICE}/NoSuchKey123")
    assert answer.status_code == 503
    assert answer.json()["detail"] == "the visitor texts are not installed on this receiver"
    assert client.get("/health").status_code == 200


def chromium_dom(page: str, json_body: bytes | None, seconds: int) -> str:
    """The page's DOM after ``seconds`` of Chromium's virtual time, served with its policy;
    its script's asks for the JSON get ``json_body`` (None: 503)."""
    import http.server
    import subprocess
    import tempfile
    import threading

    from app.receiver.live_page import POLICY

    class Serve(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.endswith(".json"):
                status, body, kind = (
                    (200, json_body, "application/json")
                    if json_body
                    else (503, b"{}", "application/json")
                )
            else:
                status, body, kind = 200, page.encode(), "text/html; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Security-Policy", POLICY)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Serve)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        with tempfile.TemporaryDirectory() as profile:
            done = subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 f"--user-data-dir={profile}", f"--virtual-time-budget={seconds * 1000}",
                 "--dump-dom", f"http://127.0.0.1:{server.server_port}/live/{OFFICE}/{'k' * 12}"],
                capture_output=True, text=True, timeout=120, check=True,
            )  # fmt: skip
    finally:
        server.shutdown()
    return done.stdout


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # the browser is the point here
def test_the_pages_script_keeps_the_figures_fresh_and_says_when_it_hears_nothing(
    store, clock, client, office
):
    if shutil.which("chromium") is None and shutil.which("chromium-browser") is None:
        pytest.skip("needs Chromium to run the page's script (Debian: apt-get install chromium)")
    desk, keys = office
    assert push(store, clock, client).ok
    page = client.get(f"/live/{OFFICE}/{keys['A003']}").text
    calling.call_ticket(desk, "A003", 4)  # the figures move after the page was loaded
    assert push(store, clock, client).ok
    fresh = client.get(f"/live/{OFFICE}/{keys['A003']}.json").content
    dom = chromium_dom(page, fresh, 15)
    assert 'class="state-called"' in dom
    assert "Det är din tur: gå till lucka&nbsp;4" in dom
    assert '<p class="ahead" id="ahead" hidden="">' in dom and notice(dom) is None
    silent = chromium_dom(page, None, 75)  # the receiver cannot be reached for a minute
    assert "Före dig i kön: 1" in silent  # the last figures stay …
    assert notice(silent).startswith("Kontoret har inte skickat något sedan")  # … said to be old
