"""An office's sync through a TLS-terminating reverse proxy, as a central office runs the receiver.

Debian's nginx, started by the test as the current user with a config of its
own, holds a certificate from a test CA (trustme) and passes the requests to the
receiver over loopback HTTP. `servicedisk sync --once` runs as a separate
program that trusts the test CA through ``SSL_CERT_FILE`` (on Linux the system's
trust store is OpenSSL's default paths, which honour it): every day the office
holds arrives. Trusting another CA instead, the sync stops with a reason a
person can act on, and nothing is marked acknowledged.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import import_or_skip

pytestmark = pytest.mark.slow

import_or_skip("fastapi")  # the receiver's extra
trustme = import_or_skip("trustme")

ROOT = Path(__file__).resolve().parents[2]
OFFICE = "exempelstad"  # the demo office's code
UNVERIFIED = "the receiver's certificate could not be verified"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def nginx_binary() -> str:
    """Debian's nginx (in /usr/sbin, which a user's PATH may lack); skipped without it, but
    under CI (``SERVICEDISK_CI=1``), which installs it, a missing one fails the test."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        if os.environ.get("SERVICEDISK_CI"):
            pytest.fail("nginx is needed under CI (.ci/run installs it)")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    return found


def wait_for_port(port: int, process: subprocess.Popen, what: str, log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail(f"{what} stopped at start ({process.returncode}): {log.read_text()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        assert time.monotonic() < deadline, f"{what} never listened: {log.read_text()}"
        time.sleep(0.05)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# What the test's programs must not take from the environment it runs in.
UNSET = ("SERVICEDISK_DATA_DIR", "SERVICEDISK_SYNC_URL", "SERVICEDISK_SYNC_TOKEN",
         "SERVICEDISK_RECEIVER_DATABASE", "SSL_CERT_FILE", "SSL_CERT_DIR",
         "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy")  # fmt: skip


def base_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in UNSET:
        env.pop(name, None)
    return env


@contextlib.contextmanager
def receiver(folder: Path, port: int) -> Iterator[str]:
    """The receiver as a program of its own on loopback HTTP, and a token for the office.
    The one place that knows the receiver's command line."""
    folder.mkdir()
    env = base_env()
    command = [sys.executable, "-m", "app.receiver",
               "--database", f"sqlite:///{folder / 'receiver.sqlite3'}"]  # fmt: skip

    def run(*args: str) -> str:
        done = subprocess.run(
            [*command, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("upgrade")
    token = run("token", "add", "--office", OFFICE).strip()
    log = folder / "receiver.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [*command, "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for_port(port, process, "the receiver", log)
        yield token
    finally:
        stop(process)


NGINX_CONF = """\
worker_processes 1;
{user}
pid {dir}/nginx.pid;
error_log {dir}/error.log info;
events {{ worker_connections 64; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    client_body_buffer_size 1m;
    server {{
        listen 127.0.0.1:{port} ssl;
        server_name localhost;
        ssl_certificate {dir}/server-chain.pem;
        ssl_certificate_key {dir}/server-key.pem;
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
"""


@contextlib.contextmanager
def nginx(folder: Path, ca, port: int, upstream: int) -> Iterator[None]:
    """nginx in the foreground, everything it writes under ``folder``: TLS on ``port``
    with a certificate for 127.0.0.1 and localhost from ``ca``, passed on to ``upstream``."""
    binary = nginx_binary()
    folder.mkdir()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    cert.private_key_pem.write_to_path(str(folder / "server-key.pem"))
    with open(folder / "server-chain.pem", "wb") as chain:
        for blob in cert.cert_chain_pems:
            chain.write(blob.bytes())
    # As root (CI) the workers would switch to "nobody", who cannot enter pytest's folders.
    user = "user root root;" if os.geteuid() == 0 else ""
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, dir=folder, port=port, upstream=upstream))
    log = folder / "error.log"
    process = subprocess.Popen(
        [binary, "-p", str(folder), "-c", str(conf), "-e", str(log), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(port, process, "nginx", log)
        yield
    finally:
        stop(process)


def read_office(folder: Path, sql: str) -> list[tuple]:
    """Rows from the office's store, opened read-only."""
    uri = f"{(folder / 'servicedisk.sqlite3').as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
        return list(db.execute(sql))


def test_every_day_arrives_through_a_tls_proxy_and_a_ca_not_trusted_stops_the_sync(tmp_path):
    ca, other_ca = trustme.CA(), trustme.CA()
    trusted, untrusted = tmp_path / "ca.pem", tmp_path / "other-ca.pem"
    ca.cert_pem.write_to_path(str(trusted))
    other_ca.cert_pem.write_to_path(str(untrusted))
    office = tmp_path / "office"

    def cli(*args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(office), *args],
            cwd=ROOT, env={**base_env(), **extra}, capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    filled = cli("demo", "--days", "7", "--seed", "1")
    assert filled.returncode == 0, filled.stderr
    days = dict(read_office(office, "SELECT business_day, revision FROM day_revision"))
    assert len(days) >= 3

    upstream, port = free_port(), free_port()
    with (
        receiver(tmp_path / "central", upstream) as token,
        nginx(tmp_path / "nginx", ca, port, upstream),
    ):
        url = f"https://127.0.0.1:{port}"
        sync = {"SERVICEDISK_SYNC_URL": url, "SERVICEDISK_SYNC_TOKEN": token}

        refused = cli("sync", "--once", SSL_CERT_FILE=str(untrusted), **sync)
        assert refused.returncode != 0
        assert f"Sync stopped: {UNVERIFIED} (unable to get local issuer certificate)" in (
            refused.stderr
        )
        assert "install the central office's CA certificate on this PC" in refused.stderr
        assert refused.stdout == ""
        assert read_office(office, "SELECT outcome FROM sync_attempt") == [("stopped",)]
        assert read_office(office, "SELECT * FROM sync_state") == []  # nothing acknowledged

        done = cli("sync", "--once", SSL_CERT_FILE=str(trusted), **sync)
        assert done.returncode == 0, done.stderr
        sent = {line.split("\t")[0]: int(line.split("\t")[1].split()[1])
                for line in done.stdout.splitlines()}  # fmt: skip
        assert sent == days
        acked = read_office(office, "SELECT business_day, acked_revision FROM sync_state")
        assert dict(acked) == days

        trusting = ssl.create_default_context(cafile=str(trusted))
        with httpx.Client(base_url=url, verify=trusting, trust_env=False) as through_proxy:
            for day, revision in days.items():
                held = through_proxy.get(
                    f"/v1/offices/{OFFICE}/days/{day}",
                    headers={"Authorization": f"Bearer {token}"},
                )
                assert held.status_code == 200, held.text
                assert (held.json()["day"], held.json()["revision"]) == (day, revision)

        again = cli("sync", "--once", SSL_CERT_FILE=str(trusted), **sync)
        assert again.returncode == 0 and again.stdout == ""  # nothing is sent twice
