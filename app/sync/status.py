"""What the screens show of sync: set up or not, the last success, days waiting, the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update

from app.models import AuditEvent, Office, SyncAttempt, SyncState
from app.models.db import Store
from app.services.clock import Clock
from app.sync.client import check_url, pending


@dataclass(frozen=True)
class SyncSummary:
    """The state of sync for the status bar and the manager's page."""

    url: str | None
    last_acked_at: datetime | None
    waiting: int
    last_outcome: str | None
    last_detail: str | None
    last_at: datetime | None


@dataclass(frozen=True)
class AttemptView:
    """One line of the sync log."""

    at: datetime
    day: str
    revision: int | None
    status: int | None
    outcome: str
    detail: str


def sync_summary(store: Store) -> SyncSummary:
    """Where, the last acknowledgement, what waits, and how the last try went."""
    with store.read() as session:
        url = session.scalar(select(Office.sync_url))
        acked_at = session.scalar(select(func.max(SyncState.acked_at)))
        last = session.scalars(select(SyncAttempt).order_by(SyncAttempt.id.desc()).limit(1)).first()
    return SyncSummary(
        url,
        acked_at,
        len(pending(store)),
        last.outcome if last else None,
        last.detail if last else None,
        last.at if last else None,
    )


def recent_attempts(store: Store, limit: int = 50) -> list[AttemptView]:
    """The latest tries, newest first."""
    with store.read() as session:
        rows = session.scalars(select(SyncAttempt).order_by(SyncAttempt.id.desc()).limit(limit))
        return [
            AttemptView(
                r.at,
                r.business_day.isoformat() if r.business_day else "",
                r.revision,
                r.status,
                r.outcome,
                r.detail or "",
            )
            for r in rows
        ]


def set_sync_url(store: Store, clock: Clock, url: str) -> str | None:
    """Set (or, empty, clear) the office's sync address; audited."""
    cleaned = check_url(url) if url.strip() else None
    now = clock.now()
    with store.write() as session:
        session.execute(update(Office).values(sync_url=cleaned))
        session.add(
            AuditEvent(
                at=now,
                action="config_change",
                detail="sync address set" if cleaned else "sync address cleared",
            )
        )
    return cleaned
