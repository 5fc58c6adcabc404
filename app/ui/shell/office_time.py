"""Clock times on screen, in the office's own time zone.

The zone is the office's setting (``office.time_zone``), the same one its
business day follows. A process shows one store, so the zone is kept here once
the first queue snapshot has been read (:meth:`RevisionWatcher.refresh`), and
every screen formats instants through :func:`local`. Until then it is
Europe/Stockholm, the zone of every Swedish office.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.services.office.clock import OFFICE_TZ

_zone: ZoneInfo = OFFICE_TZ


def use_zone(tz: ZoneInfo) -> None:
    """Show times in this zone from now on (the office's, read from its store)."""
    global _zone
    _zone = tz


def office_zone() -> ZoneInfo:
    """The zone times are shown in."""
    return _zone


def local(instant: datetime) -> datetime:
    """An instant in office time."""
    return instant.astimezone(_zone)


def hhmm(instant: datetime | None) -> str:
    """An instant as office-local "10:42" ("" for none)."""
    return f"{instant.astimezone(_zone):%H:%M}" if instant else ""


def stamp(instant: datetime, seconds: bool = False) -> str:
    """An instant as office-local "2026-12-01 10:42" (with ":07" when asked)."""
    return instant.astimezone(_zone).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def today(instant: datetime) -> date:
    """The office-local calendar day of an instant."""
    return instant.astimezone(_zone).date()
