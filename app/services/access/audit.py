"""The audit log: who did what and when, in coded form.

Sign-ins and their failures, lock-outs, exports, configuration and catalog
changes, corrections of past days, staff accounts, purges, backups and
restores. Each event names the actor (staff member and role, or the command
line's operating-system user) and a coded detail: ``key=value`` pairs of codes,
dates and numbers. Never visitor data and never free text from outside: a
value is cut to the characters codes use, so a label or a file's name cannot
get in even by mistake.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Staff
from app.services.access.actor import Desk, allowed, current_actor
from app.services.office.clock import office_zone
from app.store.engine import Store

# The kinds of event, as codes (the screens say their words: app/ui/shell/words.py).
KINDS = (
    "sign_in",
    "sign_in_failed",
    "locked_out",
    "staff",
    "export",
    "statistics",
    "config",
    "catalog",
    "correction",
    "purge",
    "backup",
    "restore",
)
# Events written before the log was coded by kind (migration 0005) read as these.
_OLDER = {
    "config_change": "config",
    "catalog_import": "catalog",
}
_UNSAFE = re.compile(r"[^A-Za-z0-9_.:;,()\-*>/ ]")


def coded(values: dict[str, Any]) -> str:
    """``key=value`` pairs with only the characters codes, dates and numbers use."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        text = ",".join(map(str, value)) if isinstance(value, (list, tuple, set)) else str(value)
        parts.append(f"{_UNSAFE.sub('', key)}={_UNSAFE.sub('', text)[:80]}")
    return "; ".join(parts)[:500]


def decoded(detail: str) -> dict[str, str]:
    """A detail :func:`coded` wrote, as a dict again (a value keeps any '=' of its own)."""
    pairs = (part.split("=", 1) for part in detail.split("; ") if "=" in part)
    return {key.strip(): value.strip() for key, value in pairs}


def record(session: Session, now: datetime, kind: str, **detail: Any) -> None:
    """Add one event for the acting staff member (in the caller's transaction)."""
    if kind not in KINDS:
        raise ValueError(f"unknown audit kind {kind!r}")
    actor = current_actor()
    session.add(
        AuditEvent(
            at=now,
            staff_id=actor.staff_id,
            role=actor.role,
            os_user=actor.os_user,
            action=kind,
            detail=coded(detail) or None,
        )
    )


@dataclass(frozen=True)
class AuditRow:
    """One event as the manager reads it."""

    at: datetime
    kind: str
    who: str  # the staff member's login, "cli:<os user>", "system", or "" (nobody)
    role: str | None
    detail: str


def _who(login: str | None, os_user: str | None, role: str | None) -> str:
    if login:
        return login
    if os_user:
        return f"cli:{os_user}"
    if role == "system":
        return "system"  # the app's own upkeep (the daily backup, the purge)
    return role or ""  # nobody signed in (a failed sign-in with an unknown login)


def list_events(
    store: Store,
    first: date | None = None,
    last: date | None = None,
    kinds: Iterable[str] | None = None,
    *,
    limit: int = 10_000,
) -> list[AuditRow]:
    """Events of the office-local days first..last (either open), newest first."""
    tz = office_zone(store)
    query = (
        select(AuditEvent, Staff.login)
        .outerjoin(Staff, Staff.id == AuditEvent.staff_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    if first is not None:
        query = query.where(AuditEvent.at >= datetime.combine(first, time(), tz).astimezone(UTC))
    if last is not None:
        end = datetime.combine(last + timedelta(days=1), time(), tz).astimezone(UTC)
        query = query.where(AuditEvent.at < end)
    wanted = set(kinds) if kinds is not None else None
    rows = []
    with store.read() as session:
        for event, login in session.execute(query):
            kind = _OLDER.get(event.action, event.action)
            if wanted is not None and kind not in wanted:
                continue
            rows.append(
                AuditRow(
                    at=event.at,
                    kind=kind,
                    who=_who(login, event.os_user, event.role),
                    role=event.role,
                    detail=event.detail or "",
                )
            )
    return rows


CSV_COLUMNS = ("at", "kind", "who", "role", "detail")


def events_csv(rows: Sequence[AuditRow], tz: Any) -> str:
    """The events as CSV (UTF-8 with BOM when written; office-local times)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                row.at.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S"),
                row.kind,
                row.who,
                row.role or "",
                row.detail,
            ]
        )
    return out.getvalue()


@allowed("maintenance")
def read_events(
    desk: Desk,
    first: date | None = None,
    last: date | None = None,
    kinds: Iterable[str] | None = None,
) -> list[AuditRow]:
    """Events of the days first..last, newest first."""
    return list_events(desk.store, first, last, kinds)


@allowed("maintenance")
def export_events_csv(
    desk: Desk, path: Path, first: date | None, last: date | None, kinds: Iterable[str] | None
) -> int:
    """Write the events as CSV (UTF-8 with BOM); the number of rows written (audited too)."""
    rows = list_events(desk.store, first, last, kinds)
    text = events_csv(rows, office_zone(desk.store))
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        out.write(text)
    with desk.store.write() as session:  # the range and format, never the file's name
        record(session, desk.clock.now(), "export", what="audit", first=first, last=last,
               format="csv")  # fmt: skip
    return len(rows)


class AuditDesk(Desk):
    """The audit log for the manager: read it, export it (the export audited too)."""

    events = read_events
    export_csv = export_events_csv
