"""What the screens show of sync: set up or not, the last success, days waiting, the log."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select, update

from app.models import Office, SyncAttempt, SyncState
from app.services.access.actor import require_current
from app.services.access.audit import record
from app.services.office.clock import Clock
from app.store.engine import Store
from app.sync.client import SyncConfigError, check_url, pending


@dataclass(frozen=True)
class SyncSummary:
    """The state of sync for the status bar and the manager's page."""

    url: str | None
    office_code: str
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
        url, code = session.execute(select(Office.sync_url, Office.code)).one()
        acked_at = session.scalar(select(func.max(SyncState.acked_at)))
        last = session.scalars(select(SyncAttempt).order_by(SyncAttempt.id.desc()).limit(1)).first()
    return SyncSummary(
        url,
        code,
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


OFFICE_CODE = re.compile(r"^[A-Za-z0-9_.\-]{1,40}$")


def set_office_code(store: Store, clock: Clock, code: str) -> str:
    """Change the code the office is known by centrally (the days are sent under it)."""
    code = code.strip()
    if not OFFICE_CODE.match(code):
        raise SyncConfigError(
            "The office code may hold only letters A–Z, digits, '-', '_' and '.' (at most 40).",
            "Kontorets kod får bara innehålla bokstäverna A–Z, siffror, '-', '_' och '.' "
            "(högst 40 tecken).",
        )
    require_current("configure")
    now = clock.now()
    with store.write() as session:
        session.execute(update(Office).values(code=code))
        record(session, now, "config", changed="office_code", code=code)
    return code


def set_sync_url(store: Store, clock: Clock, url: str) -> str | None:
    """Set (or, empty, clear) the office's sync address; audited."""
    require_current("configure")
    cleaned = check_url(url) if url.strip() else None
    now = clock.now()
    with store.write() as session:
        session.execute(update(Office).values(sync_url=cleaned))
        record(session, now, "config", changed="sync_url", set=cleaned is not None)
    return cleaned
