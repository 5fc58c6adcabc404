"""What a manager is told at sign-in: which accounts were locked out by wrong PINs since
their own last sign-in, how often and for how long (from the audit log).

A lock-out stops a guesser at the counter, but only the manager can tell a colleague's
typos from someone trying PINs at an empty desk: so each one is shown to them, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.models import AuditEvent, Staff
from app.services.access.actor import Desk, allowed
from app.services.access.audit import decoded


@dataclass(frozen=True)
class LockedAccount:
    """An account locked out once or more since the manager last signed in."""

    login: str
    times: int
    last_at: datetime
    longest_minutes: int


@allowed("staff")
def lockouts_since_last_sign_in(desk: Desk) -> list[LockedAccount]:
    """Accounts locked out since the acting manager's previous sign-in, most often first
    (every one there has been, for a manager signing in the first time)."""
    me = desk.actor.staff_id
    with desk.store.read() as session:
        sign_ins = session.scalars(
            select(AuditEvent.id)
            .where(AuditEvent.staff_id == me, AuditEvent.action == "sign_in")
            .order_by(AuditEvent.id.desc())
            .limit(2)
        ).all()
        since = sign_ins[1] if len(sign_ins) > 1 else 0
        rows = session.execute(
            select(Staff.login, AuditEvent.at, AuditEvent.detail)
            .join(Staff, Staff.id == AuditEvent.staff_id)
            .where(AuditEvent.action == "locked_out", AuditEvent.id > since)
            .order_by(AuditEvent.id)
        ).all()
    found: dict[str, LockedAccount] = {}
    for login, at, detail in rows:
        said = decoded(detail or "").get("minutes", "")
        minutes = int(said) if said.isdigit() else 0
        before = found.get(login)
        found[login] = LockedAccount(
            login,
            (before.times if before else 0) + 1,
            at,
            max(minutes, before.longest_minutes if before else 0),
        )
    return sorted(found.values(), key=lambda a: (-a.times, a.login))
