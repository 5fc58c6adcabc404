"""The receiver as production runs it: `servicedisk-receiver serve --workers 2`, real processes.

Senders in processes of their own race revisions of the same days into two
workers on one database (SQLite file, then a PostgreSQL server): every day ends
at its highest revision, every answer is 200 or 409. A token revoked by the
command line while it serves is refused at once by both workers, with no restart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import import_or_skip

import_or_skip("fastapi")
import_or_skip("uvicorn")

ROOT = Path(__file__).resolve().parents[2]
OFFICES, DAYS, REVISIONS = 4, 6, 5

SENDER = """
import json, random, sys, httpx
base, token, office, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rng = random.Random(seed)
plan = [(d, r) for d in range(1, %(days)d + 1) for r in range(1, %(revisions)d + 1)]
rng.shuffle(plan)
answers = []
with httpx.Client(base_url=base, headers={"Authorization": "Bearer " + token}) as client:
    for d, r in plan:
        day = f"2026-03-{d:02d}"
        body = {"schema_version": 1, "office": office, "day": day, "revision": r,
                "app_version": "0.1.0", "aggregates": {"version": 1, "visitors": 10 * r}}
        answers.append(client.put(f"/v1/offices/{office}/days/{day}", json=body).status_code)
print(json.dumps(answers))
"""


def cli(database: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.receiver", "--database", database, *args],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'receiver.sqlite3'}"
    from tests.postgres import new_database

    return new_database(request.getfixturevalue("postgres_server"))


@pytest.mark.slow
def test_two_workers_keep_every_highest_revision_and_see_a_revoked_token_at_once(database):
    assert cli(database, "upgrade").returncode == 0
    office_tokens = {}
    for n in range(OFFICES):
        made = cli(database, "token", "add", "--office", f"kontor{n}", "--label", f"kontor {n}")
        assert made.returncode == 0, made.stderr
        office_tokens[f"kontor{n}"] = made.stdout.strip()
    central = cli(database, "token", "add", "--office", "*").stdout.strip()
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "app.receiver", "--database", database, "serve",
         "--port", str(port), "--workers", "2", "--rate", "10000", "--burst", "10000"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=dict(os.environ), start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "never ready"
            time.sleep(0.1)
        script = SENDER % {"days": DAYS, "revisions": REVISIONS}
        senders = [  # two senders per office, racing each other's revisions
            subprocess.Popen(
                [sys.executable, "-c", script, base, token, office, str(seed)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for office, token in office_tokens.items()
            for seed in (1, 2)
        ]

        answers = []
        for sender in senders:
            out, err = sender.communicate(timeout=180)
            assert sender.returncode == 0, err[-2000:]
            answers += json.loads(out)
        assert set(answers) <= {200, 409} and len(answers) == OFFICES * DAYS * REVISIONS * 2
        auth = {"Authorization": f"Bearer {central}"}
        page = httpx.get(
            f"{base}/v1/days", params={"from": "2026-03-01", "to": "2026-03-31", "limit": 500},
            headers=auth, timeout=30,
        ).json()  # fmt: skip
        held = {(d["office"], d["day"]): d["revision"] for d in page["days"]}
        assert len(held) == OFFICES * DAYS and set(held.values()) == {REVISIONS}
        assert {d["aggregates"]["visitors"] for d in page["days"]} == {10 * REVISIONS}

        listed = json.loads(cli(database, "token", "list", "--json").stdout)
        first = next(t for t in listed if t["offices"] == ["kontor0"])
        assert cli(database, "token", "revoke", str(first["id"])).returncode == 0
        refused = [  # several requests, so both workers answer some
            httpx.get(
                f"{base}/v1/offices/kontor0/days/2026-03-01",
                headers={"Authorization": f"Bearer {office_tokens['kontor0']}"},
                timeout=10,
            ).status_code
            for _ in range(20)
        ]
        assert set(refused) == {401}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, 9)
            server.wait(timeout=10)
