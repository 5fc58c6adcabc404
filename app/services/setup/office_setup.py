"""Change the office's set-up: its rules and opening hours, queues, service points, catalog.

Every function is one write transaction: it validates everything first (a
refusal changes nothing), bumps the office revision so every screen
refreshes, and audit-logs each change without visitor data. Refusals are
:class:`SetupError` subclasses: English for the log, a message id for the
screen. The office itself is changed here; queues, service points and
catalog entries live in ``setup_queues``, ``setup_points`` and
``setup_catalog`` and are re-exported, so callers need only this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Office
from app.services.access.actor import Desk, allowed
from app.services.office import visitor_texts
from app.services.office.info import WEEKDAYS, OfficeInfo, get_office
from app.services.office.revision import bump
from app.services.office.visitor_texts import MAX_KIOSK_LANGUAGES
from app.services.setup.base import (
    InvalidOpeningHoursError,
    InvalidProfileError,
    InvalidSettingError,
    LastActiveError,
    LetterTakenError,
    PointInUseError,
    PointNotFoundError,
    PointNumberTakenError,
    QueueInUseError,
    QueueNotFoundError,
    SetupError,
    UnknownAgencyCodeError,
    audit,
    clean_label,
)
from app.services.setup.catalog import (
    KINDS,
    AgencyItem,
    CatalogEntryNotFoundError,
    CatalogItem,
    CatalogOverview,
    DefaultEntryError,
    EntryInUseError,
    add_catalog_entry,
    catalog_overview,
    export_catalog_file,
    import_catalog_file,
    rename_catalog_entry,
    set_catalog_entry_active,
)
from app.services.setup.points import (
    CALL_ORDERS,
    MAX_POINT,
    PointSetup,
    add_service_point,
    list_point_setup,
    set_service_point_active,
    update_service_point,
)
from app.services.setup.queues import (
    QueueSetup,
    add_queue,
    list_queue_setup,
    set_queue_active,
    update_queue,
)
from app.services.staff.pins import OFFICE_PIN_MIN_RANGE
from app.store.errors import short

__all__ = [
    "CALL_ORDERS",
    "KINDS",
    "LIMITS",
    "MAX_POINT",
    "AgencyItem",
    "CatalogEntryNotFoundError",
    "CatalogItem",
    "CatalogOverview",
    "DefaultEntryError",
    "EntryInUseError",
    "InvalidOpeningHoursError",
    "InvalidProfileError",
    "InvalidSettingError",
    "LastActiveError",
    "LetterTakenError",
    "PointInUseError",
    "PointNotFoundError",
    "PointNumberTakenError",
    "PointSetup",
    "QueueInUseError",
    "QueueNotFoundError",
    "QueueSetup",
    "SetupError",
    "UnknownAgencyCodeError",
    "add_catalog_entry",
    "add_queue",
    "add_service_point",
    "catalog_overview",
    "clean_opening_hours",
    "export_catalog_file",
    "import_catalog_file",
    "list_point_setup",
    "list_queue_setup",
    "rename_catalog_entry",
    "set_catalog_entry_active",
    "set_queue_active",
    "set_service_point_active",
    "update_office",
    "update_queue",
    "update_service_point",
]

MAX_INTERVALS = 2
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# Inclusive ranges of the office's numeric rules.
LIMITS: dict[str, tuple[int, int]] = {
    "recalls_before_no_show": (0, 10),
    "recall_min_seconds": (0, 600),
    "priority_ratio": (0, 20),
    "retention_days": (1, 3650),
    "backup_days": (1, 365),
    "small_count_threshold": (0, 50),
    "idle_lock_minutes": (0, 240),
    "pin_min_length": OFFICE_PIN_MIN_RANGE,
    "kiosk_cutoff_minutes": (0, 120),
    "kiosk_idle_seconds": (20, 600),
    "max_waiting": (0, 999),  # 0: no limit
    "booking_tolerance_minutes": (0, 60),
}


def _kiosk_languages(codes: Sequence[str]) -> str:
    """The kiosk's languages as stored: each a language with visitor texts, once."""
    chosen = ["sv", "en"]
    for raw in codes:
        code = str(raw).strip().lower()
        if code not in visitor_texts.available():
            raise InvalidSettingError(
                f"The kiosk cannot offer {short(code, 12)!r}: there are no visitor texts in it.",
                "setup.kiosk.no_texts",
                code=short(code, 12),
            )
        if code not in chosen:
            chosen.append(code)
    if len(chosen) > MAX_KIOSK_LANGUAGES:
        raise InvalidSettingError(
            f"The kiosk offers at most {MAX_KIOSK_LANGUAGES} languages.",
            "setup.kiosk.too_many",
            limit=MAX_KIOSK_LANGUAGES,
        )
    return ",".join(chosen)


def _office_row(session: Session) -> Office:
    office = session.scalar(select(Office))
    if office is None:
        raise LookupError("the store has no office; it was not seeded")
    return office


def _clock_time(value: Any, day: str) -> str:
    if not isinstance(value, str) or not TIME_RE.match(value.strip()):
        raise InvalidOpeningHoursError(
            f"Opening hours on {day}: {value!r} is not a time HH:MM.",
            "setup.hours.not_time",
            day=day,
            value=str(value),
        )
    return value.strip()


def _clean_day(day: str, intervals: Any) -> list[list[str]]:
    if not isinstance(intervals, list | tuple):
        raise InvalidOpeningHoursError(
            f"Opening hours on {day} must be a list of [start, end] pairs.",
            "setup.hours.not_pairs",
            day=day,
        )
    if len(intervals) > MAX_INTERVALS:
        raise InvalidOpeningHoursError(
            f"Opening hours on {day}: at most {MAX_INTERVALS} intervals a day.",
            "setup.hours.too_many",
            day=day,
            limit=MAX_INTERVALS,
        )
    pairs = []
    for pair in intervals:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise InvalidOpeningHoursError(
                f"Opening hours on {day}: each interval is a [start, end] pair.",
                "setup.hours.not_pair",
                day=day,
            )
        start, end = _clock_time(pair[0], day), _clock_time(pair[1], day)
        if start >= end:
            raise InvalidOpeningHoursError(
                f"Opening hours on {day}: {start}–{end} ends before it starts.",
                "setup.hours.backwards",
                day=day,
                start=start,
                end=end,
            )
        pairs.append([start, end])
    pairs.sort()
    if len(pairs) == 2 and pairs[0][1] > pairs[1][0]:
        raise InvalidOpeningHoursError(
            f"Opening hours on {day}: the intervals overlap.",
            "setup.hours.overlap",
            day=day,
        )
    return pairs


def clean_opening_hours(hours: dict[str, Any]) -> dict[str, list[list[str]]]:
    """Validated opening hours for all seven days (a day left out is closed)."""
    unknown = sorted(set(hours) - set(WEEKDAYS))
    if unknown:
        raise InvalidOpeningHoursError(
            f"Opening hours: unknown day {unknown[0]!r}.",
            "setup.hours.unknown_day",
            day=str(unknown[0]),
        )
    return {day: _clean_day(day, hours.get(day, [])) for day in WEEKDAYS}


def _check_range(field: str, value: int) -> int:
    low, high = LIMITS[field]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidSettingError(
            f"{field} must be a whole number from {low} to {high}.",
            "setup.limit",
            field=field,
            low=low,
            high=high,
        )
    return value


@allowed("configure")
def update_office(
    desk: Desk,
    *,
    name: str | None = None,
    opening_hours: dict[str, Any] | None = None,
    recalls_before_no_show: int | None = None,
    recall_min_seconds: int | None = None,
    priority_ratio: int | None = None,
    retention_days: int | None = None,
    small_count_threshold: int | None = None,
    backup_days: int | None = None,
    idle_lock_minutes: int | None = None,
    pin_min_length: int | None = None,
    cli_sign_in: bool | None = None,
    kiosk_cutoff_minutes: int | None = None,
    kiosk_idle_seconds: int | None = None,
    max_waiting: int | None = None,
    kiosk_languages: Sequence[str] | None = None,
    live_page: bool | None = None,
    booking_tolerance_minutes: int | None = None,
) -> OfficeInfo:
    """Change the office's name, opening hours or rules; arguments left None stay as they are.

    ``max_waiting`` 0 lifts the cap on how many may wait; ``kiosk_languages`` are codes of
    the catalog's languages that have visitor texts (Swedish and English always come first).
    """
    wanted: dict[str, Any] = {}
    if cli_sign_in is not None:
        wanted["cli_sign_in"] = bool(cli_sign_in)
    if live_page is not None:
        wanted["live_page"] = bool(live_page)
    if kiosk_languages is not None:
        wanted["kiosk_languages"] = _kiosk_languages(kiosk_languages)
    if name is not None:
        wanted["name"] = clean_label(name, "office_name")
    if opening_hours is not None:
        wanted["opening_hours"] = clean_opening_hours(opening_hours)
    numbers = {
        "recalls_before_no_show": recalls_before_no_show,
        "recall_min_seconds": recall_min_seconds,
        "priority_ratio": priority_ratio,
        "retention_days": retention_days,
        "small_count_threshold": small_count_threshold,
        "backup_days": backup_days,
        "idle_lock_minutes": idle_lock_minutes,
        "pin_min_length": pin_min_length,
        "kiosk_cutoff_minutes": kiosk_cutoff_minutes,
        "kiosk_idle_seconds": kiosk_idle_seconds,
        "max_waiting": max_waiting,
        "booking_tolerance_minutes": booking_tolerance_minutes,
    }
    for field, value in numbers.items():
        if value is not None:
            wanted[field] = _check_range(field, value)
    if wanted.get("max_waiting") == 0:
        wanted["max_waiting"] = None
    now = desk.clock.now()
    with desk.store.write() as session:
        office = _office_row(session)
        keep = wanted.get("backup_days", office.backup_days)
        retention = wanted.get("retention_days", office.retention_days)
        if keep > retention:  # a backup would keep visit rows the purge removed
            raise InvalidSettingError(
                f"Backups may be kept at most as long as visits ({retention} days).",
                "setup.backup_days",
                days=retention,
            )
        changed = False
        for field, value in wanted.items():
            old = getattr(office, field)
            if old == value:
                continue
            setattr(office, field, value)
            changed = True
            if field == "opening_hours":
                days = [d for d in WEEKDAYS if old.get(d, []) != value[d]]
                audit(session, now, f"opening hours changed ({', '.join(days)})")
            elif field == "name":
                audit(session, now, "office name changed")
            else:
                audit(session, now, f"{field} changed from {old} to {value}")
        if changed:
            bump(session, now, [])
    return get_office(desk.store)
