"""Time as a collaborator: services take a clock so tests can move it."""

from __future__ import annotations

import functools
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Protocol
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.store.engine import Store

OFFICE_TZ = ZoneInfo("Europe/Stockholm")


class Clock(Protocol):
    """Something that tells the current instant (timezone-aware, UTC)."""

    def now(self) -> datetime:
        """The current instant."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """The current instant, from the system."""
        return datetime.now(UTC)


class ManualClock:
    """A clock that stands still until moved; for tests, demos and benchmarks."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        """The instant it was set to."""
        return self._now

    def set(self, instant: datetime) -> None:
        """Jump to an instant (forwards or backwards)."""
        self._now = instant.astimezone(UTC)

    def advance(self, **delta: float) -> datetime:
        """Move forward by a timedelta's keyword arguments; returns the new instant."""
        self._now += timedelta(**delta)
        return self._now


def business_day(instant: datetime, tz: ZoneInfo = OFFICE_TZ) -> date:
    """The office-local calendar day an instant belongs to."""
    return instant.astimezone(tz).date()


@functools.lru_cache(maxsize=8)
def zone(name: str | None) -> ZoneInfo:
    """The time zone of that name (the office's), Europe/Stockholm when unset or unknown."""
    try:
        return ZoneInfo(name) if name else OFFICE_TZ
    except (ValueError, KeyError, OSError):
        return OFFICE_TZ


def office_zone(store: Store) -> ZoneInfo:
    """The office's own time zone (``office.time_zone``), read once per process and store."""
    cached = store.memo.get("office_zone")
    if cached is None:
        with store.reading() as fetch:
            rows = fetch("SELECT time_zone FROM office ORDER BY id LIMIT 1", {})
        cached = store.memo["office_zone"] = zone(rows[0][0] if rows else None)
    return cached


def office_day(store: Store, instant: datetime) -> date:
    """The business day of an instant, in the office's time zone."""
    return business_day(instant, office_zone(store))


def session_day(session: Session, instant: datetime) -> date:
    """The business day of an instant in the office's zone, read in the caller's transaction."""
    from sqlalchemy import text

    name = session.scalar(text("SELECT time_zone FROM office ORDER BY id LIMIT 1"))
    return business_day(instant, zone(name))
