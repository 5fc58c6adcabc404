"""The Statistik tab's days and hours, without Qt: presets, day labels, the hours shown.

A Swedish week starts on Monday. Every preset is a range of whole business
days seen from today; the forecast reads the same range (see
:mod:`app.services.stats.forecast`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from app.ui.shell.marks import QT_TRANSLATE_NOOP

PRESETS = (
    ("today", QT_TRANSLATE_NOOP("StatisticsView", "I dag")),
    ("yesterday", QT_TRANSLATE_NOOP("StatisticsView", "I går")),
    ("week", QT_TRANSLATE_NOOP("StatisticsView", "Den här veckan")),
    ("last_week", QT_TRANSLATE_NOOP("StatisticsView", "Förra veckan")),
    ("month", QT_TRANSLATE_NOOP("StatisticsView", "Denna månad")),
    ("last_month", QT_TRANSLATE_NOOP("StatisticsView", "Förra månaden")),
    ("last_30", QT_TRANSLATE_NOOP("StatisticsView", "Senaste 30 dagarna")),
    ("year", QT_TRANSLATE_NOOP("StatisticsView", "I år")),
    ("next_week", QT_TRANSLATE_NOOP("StatisticsView", "Nästa vecka")),
    ("custom", QT_TRANSLATE_NOOP("StatisticsView", "Eget intervall")),
)
WEEKDAYS = ("mån", "tis", "ons", "tors", "fre", "lör", "sön")


def preset_range(preset: str, today: date) -> tuple[date, date]:
    """The first and last day of a preset, seen from ``today``."""
    monday = today - timedelta(days=today.weekday())
    if preset == "yesterday":
        day = today - timedelta(days=1)
        return day, day
    if preset == "week":
        return monday, today
    if preset == "last_week":
        return monday - timedelta(weeks=1), monday - timedelta(days=1)
    if preset == "month":
        return today.replace(day=1), today
    if preset == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "last_30":
        return today - timedelta(days=29), today
    if preset == "year":
        return today.replace(month=1, day=1), today
    if preset == "next_week":
        return monday + timedelta(weeks=1), monday + timedelta(days=13)
    return today, today


def short_date(day: date | str) -> str:
    """A day as a Swede writes it short: "3/11" (the 3rd of November)."""
    d = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{d.day}/{d.month}"


def day_name(day: date | str) -> str:
    """A day with its weekday: "tis 3/11" (or "Tue 3/11" where the app is in English)."""
    d = date.fromisoformat(day) if isinstance(day, str) else day
    from app.ui.shell.language import short_weekday

    return f"{short_weekday(d.weekday(), WEEKDAYS[d.weekday()])} {short_date(d)}"


def shown_hours(
    hours: Iterable[Mapping[str, Any]], open_hours: Iterable[str]
) -> list[dict[str, Any]]:
    """The per-hour rows to show: every hour the office was open on a day of the period
    (with zeros where nobody came) and any other hour in which visitors came in (a ticket,
    or a visit at the desk); not the empty hours before opening and after closing, nor an
    hour with phone calls only."""
    by_hour = {str(h["hour"]): dict(h) for h in hours}
    wanted = set(open_hours) | {
        hour for hour, h in by_hour.items() if h.get("arrivals") or h.get("quick_desk")
    }
    return [by_hour.get(hour) or _empty_hour(hour) for hour in sorted(wanted)]


def _empty_hour(hour: str) -> dict[str, Any]:
    """An open hour nobody came in."""
    return {
        "hour": hour,
        "visitors": 0,
        "arrivals": 0,
        "quick_desk": 0,
        "staffed_minutes": 0.0,
        "days": 0,
        "wait_median_s": None,
        "service_level": None,
        "queue_max": 0,
    }
