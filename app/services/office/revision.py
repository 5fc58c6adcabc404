"""The office revision and the per-day revisions that every change bumps.

A change to a day's records bumps that day's revision; a change to the
office's set-up bumps the office's own counter. The *office revision* that
screens poll (:func:`app.services.queue.views.office_revision`, one cheap read)
is the sum of both, so it moves with every change while a write touches only
one counter row. The
sync worker sends every day whose revision is newer than the one the central
endpoint acknowledged.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import DayRevision, Office
from app.services.queue.counters import dialect_name, increment, increment_statement

_BUMP_OFFICE = update(Office).values(revision=Office.revision + 1)


# Other PCs on a server store hear of a change at once (LISTEN, app/ui/shell/listener.py);
# polling the revision stays the fallback.
NOTIFY_CHANNEL = "servicedisk_revision"
_NOTIFY = text(f"NOTIFY {NOTIFY_CHANNEL}")


def _tell_other_pcs(session: Session | Connection) -> None:
    """On a server, wake the other PCs' screens when this transaction commits."""
    bind = session.get_bind() if isinstance(session, Session) else session
    if bind.dialect.name == "postgresql":
        session.execute(_NOTIFY)


@functools.cache
def _bump_day_and_tell() -> Any:
    """On a server, one day's change and the word to the other PCs in one round trip: the
    hottest statement of every press. The upsert is :func:`increment`'s own (built on
    first use: a SQLite office never loads the PostgreSQL dialect)."""
    bumped = increment_statement(
        "postgresql", DayRevision, ("business_day",), "revision", ("changed_at",)
    ).cte("bumped")
    return select(func.pg_notify(NOTIFY_CHANNEL, "")).select_from(bumped)


def bump(session: Session | Connection, now: datetime, days: Iterable[date]) -> None:
    """Record a change to these business days' records, or (no days) to the office's set-up."""
    days = sorted(set(days))
    if len(days) == 1 and dialect_name(session) == "postgresql":
        session.execute(_bump_day_and_tell(), {"business_day": days[0], "changed_at": now})
        return
    _tell_other_pcs(session)
    if not days:
        session.execute(_BUMP_OFFICE)
    for day in days:
        increment(session, DayRevision, {"business_day": day}, "revision", changed_at=now)


def bump_screens(session: Session | Connection) -> None:
    """Record a change screens show that changes no day's records (how a ticket printed).

    The office revision moves, so every screen reads it; no day's revision does,
    so the day is not sent to the central office again for it.
    """
    _tell_other_pcs(session)
    session.execute(_BUMP_OFFICE)
