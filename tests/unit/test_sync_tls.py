"""The sync client's TLS: the receiver's certificate is checked against the system's trust store,
and one that does not verify stops the sync with a reason instead of being retried as "offline".

The receiver here is a small HTTPS server on loopback with a certificate from a
test CA (trustme). On Linux the trust store is OpenSSL's default paths, so
``SSL_CERT_FILE`` pointing at the test CA's PEM is how "installed on this PC" is
played.
"""

from __future__ import annotations

import json
import logging
import ssl
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from sqlalchemy import select

from app.models import SyncAttempt
from app.sync import client as sync_client
from app.sync.client import Report, Target, http_client, pending, send_pending
from tests.conftest import desk_for, import_or_skip
from tests.unit.test_stats import office, play_small_day  # noqa: F401 - the fixture

trustme = import_or_skip("trustme")

DAY = date(2026, 3, 10)


class _Receiver(BaseHTTPRequestHandler):
    """Acknowledges every PUT as a receiver does (200 and the revision held)."""

    def do_PUT(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        answer = json.dumps({"held": body["revision"]}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that refuses the certificate hangs up mid-handshake: expected here


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def serve(ca) -> Iterator:
    """Start an HTTPS receiver on loopback with a certificate issued by ``ca`` (or another)."""
    servers: list[ThreadingHTTPServer] = []

    def start(*names: str, issuer=None, **issue) -> str:
        cert = (issuer or ca).issue_cert(*(names or ("127.0.0.1", "localhost")), **issue)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        cert.configure_cert(context)
        server = _QuietServer(("127.0.0.1", 0), _Receiver)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True).start()
        servers.append(server)
        return f"https://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def trusting(ca, tmp_path, monkeypatch) -> Path:
    """This PC trusts the test CA (as if the agency had deployed it)."""
    pem = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(pem))
    monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    return pem


@pytest.fixture
def day_waiting(office):  # noqa: F811
    store, clock = office
    play_small_day(store, clock, DAY)
    return store, clock


def sync(store, clock, url: str) -> Report:
    with http_client() as client:
        return send_pending(desk_for(store, clock), Target(url, "s3cret", "exempelstad"), client)


def attempts(store) -> list[tuple[str, str | None]]:
    with store.read() as session:
        return [(a.outcome, a.detail) for a in session.scalars(select(SyncAttempt))]


def stopped_for_the_certificate(report: Report, store, why: str) -> None:
    assert report.stopped is not None and not report.retry and report.acked == []
    assert report.stopped.startswith("the receiver's certificate could not be verified (")
    assert "install the central office's CA certificate on this PC" in report.stopped
    assert why in report.stopped
    assert [outcome for outcome, _detail in attempts(store)] == ["stopped"]
    assert len(pending(store)) == 1  # still waiting: nothing acknowledged


def test_a_receiver_whose_ca_this_pc_trusts_gets_the_day(day_waiting, serve, trusting):
    store, clock = day_waiting
    report = sync(store, clock, serve())
    assert report.done and [day for day, _rev in report.acked] == [DAY]
    assert pending(store) == []


def test_a_ca_this_pc_does_not_trust_stops_the_sync_and_says_why(
    day_waiting, serve, tmp_path, monkeypatch
):
    store, clock = day_waiting
    other = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    monkeypatch.setenv("SSL_CERT_FILE", str(other))
    report = sync(store, clock, serve())
    stopped_for_the_certificate(report, store, "unable to get local issuer certificate")


def test_another_hosts_certificate_stops_the_sync(day_waiting, serve, trusting):
    store, clock = day_waiting
    report = sync(store, clock, serve("receiver.example"))
    stopped_for_the_certificate(report, store, "certificate is not valid for '127.0.0.1'")


def test_an_expired_certificate_stops_the_sync(day_waiting, serve, trusting):
    store, clock = day_waiting
    now = datetime.now(UTC)
    url = serve(not_before=now - timedelta(days=30), not_after=now - timedelta(days=1))
    report = sync(store, clock, url)
    stopped_for_the_certificate(report, store, "certificate has expired")


def test_a_receiver_that_is_down_is_still_offline_not_stopped(day_waiting, trusting):
    store, clock = day_waiting
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    report = sync(store, clock, f"https://127.0.0.1:{port}")
    assert report.retry and report.stopped is None


def test_the_status_bar_says_it_in_swedish(qtbot):
    from app.ui.shell.sync_worker import SyncWorker

    worker = SyncWorker(SimpleNamespace())  # describe() needs no context
    try:
        reason = (
            "the receiver's certificate could not be verified (certificate has expired): "
            "check the sync address, or install the central office's CA certificate on this PC"
        )
        line, _delay = worker.describe(
            SimpleNamespace(waiting=1, last_acked_at=None), Report(stopped=reason), None
        )
    finally:
        worker.timer.stop()
    assert line.kind == "error"
    assert line.text.startswith("Synk: fel – mottagarens certifikat kunde inte kontrolleras")


def test_the_exception_chain_is_searched_for_the_certificate_error():
    cause = ssl.SSLCertVerificationError(1, "certificate verify failed")
    cause.verify_message = "certificate has expired"
    try:
        try:
            raise cause
        except ssl.SSLError as exc:
            raise httpx.ConnectError("handshake") from exc
    except httpx.ConnectError as outer:
        assert sync_client.unverified_certificate(outer) == "certificate has expired"
    assert sync_client.unverified_certificate(httpx.ConnectError("refused")) is None


def test_without_truststore_httpx_own_list_is_used_with_one_log_line(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "truststore", None)  # an import that fails
    sync_client._truststore.cache_clear()
    try:
        with (
            caplog.at_level(logging.WARNING, logger="app.sync.client"),
            http_client() as first,
            http_client() as second,
        ):
            assert isinstance(first, httpx.Client) and isinstance(second, httpx.Client)
        assert len([r for r in caplog.records if "no system trust store" in r.getMessage()]) == 1
    finally:
        sync_client._truststore.cache_clear()
