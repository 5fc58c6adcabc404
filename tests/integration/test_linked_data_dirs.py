"""Two data dirs that lead to one store (a linked folder, or a linked store file) are one
office: they share its one sender of the days and its one lock for upgrades and restores,
so two programs never send (or migrate) at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.config import resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.store.engine import open_store
from app.sync.client import SenderBusy, sender_lock

ROOT = Path(__file__).resolve().parents[2]
HOLDER = """
import sys, time
from app.config import resolve_settings
from app.store.engine import open_store
from app.sync.client import sender_lock
store = open_store(resolve_settings(data_dir=sys.argv[1], env={}))
with sender_lock(store):
    print("held", flush=True)
    time.sleep(600)
"""


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need rights on Windows")
@pytest.mark.parametrize("linked", ["the folder", "the store file"])
def test_a_second_path_to_the_store_finds_the_sender_already_at_work(tmp_path, linked):
    office = tmp_path / "office"
    open_store(resolve_settings(office, env={}), seed=seeder(SystemClock())).close()
    other = tmp_path / "other"
    if linked == "the folder":
        other.symlink_to(office, target_is_directory=True)
    else:
        other.mkdir()
        (other / "servicedisk.sqlite3").symlink_to(office / "servicedisk.sqlite3")
    env = {k: v for k, v in os.environ.items() if k != "SERVICEDISK_DATA_DIR"}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(office)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        store = open_store(resolve_settings(other, env={}))
        try:
            with pytest.raises(SenderBusy), sender_lock(store, wait=False):
                pass
        finally:
            store.close()
    finally:
        holder.kill()
        holder.wait(timeout=30)
