"""Checks of the store's health, without changing it."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from app.config import Settings
from app.migrations import HEAD_REVISION
from app.models.db import current_revision, make_engine
from app.models.rows import sqlite_file_problem


@dataclass(frozen=True)
class CheckReport:
    """The result of a check: lines to show, and the first problem found."""

    ok: bool
    lines: tuple[str, ...] = field(default_factory=tuple)
    problem: str | None = None


def check_store(settings: Settings) -> CheckReport:
    """Verify integrity and schema version; never creates, upgrades or repairs."""
    path = settings.sqlite_path
    lines: list[str] = []
    if path is not None:
        if not path.exists():
            return CheckReport(False, (), f"There is no database at {path}.")
        if sqlite_file_problem(path) is not None:
            return CheckReport(
                False,
                (),
                f"{path} is not an SQLite database. Move it away and copy the newest "
                f"backup from {settings.backups_dir} in its place.",
            )
        lines.append(f"database\t{path}")
    # Read-only: a check must not change the file (not even its journal mode).
    engine = (
        create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
        if path is not None
        else make_engine(settings.database_url)
    )
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    return CheckReport(
                        False,
                        tuple(lines),
                        f"The database is damaged: {'; '.join(result[:3])}. Restore a backup.",
                    )
                lines.append("integrity\tok")
        revision = current_revision(engine)
        with engine.connect() as conn:
            has_office = revision is not None and bool(
                conn.execute(text("SELECT count(*) FROM office")).scalar()
            )
    except SQLAlchemyError as exc:
        reason = getattr(exc, "orig", None) or exc
        return CheckReport(False, tuple(lines), f"The database cannot be read: {reason}.")
    finally:
        engine.dispose()
    lines.append(f"schema\t{revision or 'none'}")
    if revision != HEAD_REVISION:
        return CheckReport(
            False,
            tuple(lines),
            f"The schema is at {revision or 'nothing'}, "
            f"this version expects {HEAD_REVISION}; open the store with the app "
            "to upgrade it (a backup is taken first).",
        )
    if not has_office:
        return CheckReport(False, tuple(lines), "The store holds no office.")
    lines.append("office\tok")
    return CheckReport(True, tuple(lines))
