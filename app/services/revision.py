"""The office revision and the per-day revisions that every change bumps.

Screens poll :func:`office_revision` (one integer, cheap) and refresh when it
moves; the sync worker sends every day whose revision is newer than the one
the central endpoint acknowledged.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.models import DayRevision, Office
from app.models.db import Store
from app.services.counters import increment


def bump(session: Session, now: datetime, days: Iterable[date]) -> None:
    """Record a change to the office and to each of these business days."""
    session.execute(update(Office).values(revision=Office.revision + 1))
    for day in sorted(set(days)):
        increment(session, DayRevision, {"business_day": day}, "revision", changed_at=now)


def office_revision(store: Store) -> int:
    """The office's current revision: changes whenever anything shown changes."""
    with store.read() as session:
        return int(session.scalar(select(Office.revision)) or 0)


def day_revisions(session: Session) -> dict[date, int]:
    """Every business day's revision."""
    return {d.business_day: d.revision for d in session.scalars(select(DayRevision))}
