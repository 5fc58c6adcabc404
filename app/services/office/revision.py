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

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import Date, bindparam, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.models import DayRevision, Office, UTCDateTime
from app.services.queue.counters import dialect_name, increment

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


# On a server, one day's change and the word to the other PCs in one round trip: the
# hottest statement of every press (the same upsert as :func:`increment`).
_BUMP_DAY_AND_TELL = text(
    "WITH bumped AS (INSERT INTO day_revision (business_day, revision, changed_at)"
    " VALUES (:day, 1, :now) ON CONFLICT (business_day) DO UPDATE"
    " SET revision = day_revision.revision + 1, changed_at = excluded.changed_at"
    " RETURNING revision)"
    f" SELECT pg_notify('{NOTIFY_CHANNEL}', '') FROM bumped"
).bindparams(bindparam("day", type_=Date()), bindparam("now", type_=UTCDateTime()))


def bump(session: Session | Connection, now: datetime, days: Iterable[date]) -> None:
    """Record a change to these business days' records, or (no days) to the office's set-up."""
    days = sorted(set(days))
    if len(days) == 1 and dialect_name(session) == "postgresql":
        session.execute(_BUMP_DAY_AND_TELL, {"day": days[0], "now": now})
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
