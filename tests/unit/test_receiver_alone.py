"""The receiver installs and runs on a server without the desktop app: no Qt anywhere in it."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path

from packaging.requirements import Requirement

from tests.conftest import import_or_skip

ROOT = Path(__file__).resolve().parents[2]


def test_installing_the_receiver_pulls_in_no_qt():
    """What `pip install 'servicedisk[receiver,postgres]'` installs, read from the metadata."""
    pulled = []
    for line in requires("servicedisk") or []:
        need = Requirement(line)
        if need.marker is None or any(
            need.marker.evaluate({"extra": extra}) for extra in ("receiver", "postgres")
        ):
            pulled.append(need.name.lower())
    assert "fastapi" in pulled and "sqlalchemy" in pulled and "psycopg" in pulled
    assert not [name for name in pulled if name.startswith(("pyside6", "shiboken"))], pulled


BLOCKED = """
import json, sys
for name in ("PySide6", "shiboken6"):
    sys.modules[name] = None  # importing it now fails, as on a server without it
from fastapi.testclient import TestClient
from app.receiver.cli import main
url = sys.argv[1]
assert main(["--database", url, "upgrade"]) == 0
from app.receiver import db, tokens
from app.receiver.settings import ReceiverSettings, build
engine = db.open_engine(url)
_, plain = tokens.add(engine, ["exempelstad"])
day = {"schema_version": 1, "office": "exempelstad", "day": "2026-03-10", "revision": 1,
       "app_version": "0.1.0", "aggregates": {"version": 1, "visitors": 3}}
with TestClient(build(ReceiverSettings(database=url))) as client:
    auth = {"Authorization": "Bearer " + plain}
    put = client.put("/v1/offices/exempelstad/days/2026-03-10", json=day, headers=auth)
    page = client.get("/", headers=auth)
    ready = client.get("/ready")
print(json.dumps({
    "answers": [put.status_code, page.status_code, ready.status_code],
    "qt": sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "app.ui"))
                 and sys.modules[m] is not None),
}))
"""


def test_the_receiver_runs_where_qt_cannot_be_imported(tmp_path):
    import_or_skip("fastapi")
    done = subprocess.run(
        [sys.executable, "-c", BLOCKED, f"sqlite:///{tmp_path / 'receiver.sqlite3'}"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"answers": [200, 200, 200], "qt": []}
