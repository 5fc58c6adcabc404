"""Time as a collaborator: services take a clock so tests can move it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

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
