"""What the screens show of sync: set up or not, the last success, days waiting, the log."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from app.models import Office, SyncAttempt, SyncState
from app.services.access.actor import Desk, allowed
from app.services.access.audit import record
from app.store.engine import Store
from app.sync.client import SyncConfigError, check_url, pending, save_token


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


def _check_code(code: str) -> str:
    code = code.strip()
    if not OFFICE_CODE.match(code):
        raise SyncConfigError(
            "The office code may hold only letters A–Z, digits, '-', '_' and '.' (at most 40).",
            "sync.office_code",
        )
    return code


@dataclass(frozen=True)
class SyncSettings:
    """What Settings › Synk saved: the office code, the address (None: off), the token's place."""

    office_code: str
    url: str | None
    token_kept_in: str | None  # "keyring", a file's path, or None when no new token was given


@allowed("configure")
def save_sync_settings(desk: Desk, code: str, url: str, token: str = "") -> SyncSettings:
    """Settings › Synk's save: the code and address in one transaction, then a new token.

    Both are checked before either changes; each change is audited. An empty
    address turns sync off; an empty token keeps the one there is.
    """
    code = _check_code(code)
    cleaned = check_url(url) if url.strip() else None
    now = desk.clock.now()
    with desk.store.write() as session:
        office = session.scalar(select(Office))
        if office is not None and office.code != code:
            office.code = code
            record(session, now, "config", changed="office_code", code=code)
        if office is not None and office.sync_url != cleaned:
            office.sync_url = cleaned
            record(session, now, "config", changed="sync_url", set=cleaned is not None)
    kept = save_token(desk, token) if token.strip() else None
    return SyncSettings(code, cleaned, kept)
