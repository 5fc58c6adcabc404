"""The office's files are the PC user's alone: nobody else on the PC reads the PIN hashes,
the backups or the logs.

Each command runs as its own process, as on an office PC; a store an earlier version
left readable is made private at the next start.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name == "nt", reason="Windows: the folder's ACL decides")


def servicedisk(data_dir: Path, *args: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SERVICEDISK_")}
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def readable_by_others(folder: Path) -> list[str]:
    """Every path below the folder that its group or other users may read or enter."""
    found = []
    for path in [folder, *folder.rglob("*")]:
        if stat.S_IMODE(path.lstat().st_mode) & 0o077:
            found.append(f"{path.relative_to(folder.parent)} {stat.filemode(path.lstat().st_mode)}")
    return found


def test_a_new_office_is_private_to_the_user_who_runs_it(tmp_path):
    office = tmp_path / "office"
    servicedisk(office, "ticket", "issue", "A")
    servicedisk(office, "backup")
    assert (office / "servicedisk.sqlite3").is_file()
    assert list((office / "backups").iterdir()), "a backup was made"
    assert list((office / "logs").iterdir()), "a log was written"
    assert readable_by_others(office) == []


def test_an_office_an_earlier_version_left_readable_is_made_private(tmp_path):
    office = tmp_path / "office"
    servicedisk(office, "ticket", "issue", "A")
    servicedisk(office, "backup")
    for path in [office, *office.rglob("*")]:  # as umask 022 left them before
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert readable_by_others(office) != []
    servicedisk(office, "queue")
    assert readable_by_others(office) == []
