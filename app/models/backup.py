"""Consistent copies of the SQLite store (the online backup API), taken before upgrades."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


def backup_sqlite(engine: Engine, backups_dir: Path, *, reason: str, now: datetime) -> Path:
    """Copy the live SQLite database consistently to a new file under backups_dir."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%S%fZ")
    target = backups_dir / f"servicedisk-{stamp}-{reason}.sqlite3"
    raw = engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        with sqlite3.connect(target) as dest:
            source.backup(dest)
        dest.close()
    finally:
        raw.close()
    return target
