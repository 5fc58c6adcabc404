"""The Swedish public-holiday calendar and an office's opening hours.

Holidays follow lag (1989:253) om allmänna helgdagar, plus the eves that
offices close on in practice (midsommarafton, julafton, nyårsafton). Opening
hours are the office's JSON: ``{"mon": [["10:00", "16:00"]], …, "sun": []}``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.services.office.clock import OFFICE_TZ

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

OpeningHours = Mapping[str, Sequence[Sequence[str]]]


def easter_sunday(year: int) -> date:
    """Påskdagen of a year (the Gregorian computus: the anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _weekday_between(year: int, month: int, first: int, weekday: int) -> date:
    """The given weekday (0 = Monday) in the seven days starting at first."""
    start = date(year, month, first)
    return start + timedelta(days=(weekday - start.weekday()) % 7)


@functools.cache
def holidays(year: int) -> dict[date, str]:
    """The days a Swedish office is closed for a holiday in that year, with their names."""
    easter = easter_sunday(year)
    midsummer_eve = _weekday_between(year, 6, 19, 4)  # the Friday 19–25 June
    all_saints = _weekday_between(year, 10, 31, 5)  # the Saturday 31 Oct – 6 Nov
    days = {
        date(year, 1, 1): "nyårsdagen",
        date(year, 1, 6): "trettondedag jul",
        easter - timedelta(days=2): "långfredagen",
        easter - timedelta(days=1): "påskafton",
        easter: "påskdagen",
        easter + timedelta(days=1): "annandag påsk",
        date(year, 5, 1): "första maj",
        easter + timedelta(days=39): "Kristi himmelsfärdsdag",
        easter + timedelta(days=49): "pingstdagen",
        date(year, 6, 6): "Sveriges nationaldag",
        midsummer_eve: "midsommarafton",
        midsummer_eve + timedelta(days=1): "midsommardagen",
        all_saints: "alla helgons dag",
        date(year, 12, 24): "julafton",
        date(year, 12, 25): "juldagen",
        date(year, 12, 26): "annandag jul",
        date(year, 12, 31): "nyårsafton",
    }
    return dict(sorted(days.items()))


def holiday_name(day: date) -> str | None:
    """The holiday's Swedish name, or None on an ordinary day."""
    return holidays(day.year).get(day)


def is_holiday(day: date) -> bool:
    """Whether the day is a public holiday (or a holiday eve offices close on)."""
    return day in holidays(day.year)


def _clock_time(text: str) -> time:
    hours, minutes = text.split(":")
    if hours == "24" and minutes == "00":
        return time.max
    return time(int(hours), int(minutes))


def opening_times(
    hours: OpeningHours, day: date, *, closed_on_holidays: bool = True
) -> list[tuple[time, time]]:
    """The local opening intervals of a day, in order; empty when the office is closed."""
    if closed_on_holidays and is_holiday(day):
        return []
    out = []
    for interval in hours.get(WEEKDAYS[day.weekday()], []) or []:
        start, end = _clock_time(interval[0]), _clock_time(interval[1])
        if start < end:
            out.append((start, end))
    return sorted(out)


def opening_intervals(
    hours: OpeningHours,
    day: date,
    tz: ZoneInfo = OFFICE_TZ,
    *,
    closed_on_holidays: bool = True,
) -> list[tuple[datetime, datetime]]:
    """The opening intervals of a day as UTC instants (right across daylight-saving changes)."""
    return [
        (
            datetime.combine(day, start, tzinfo=tz).astimezone(UTC),
            datetime.combine(day, end, tzinfo=tz).astimezone(UTC),
        )
        for start, end in opening_times(hours, day, closed_on_holidays=closed_on_holidays)
    ]


def is_open(hours: OpeningHours, day: date, *, closed_on_holidays: bool = True) -> bool:
    """Whether the office opens at all on that day."""
    return bool(opening_times(hours, day, closed_on_holidays=closed_on_holidays))


def is_open_at(hours: OpeningHours, instant: datetime, tz: ZoneInfo = OFFICE_TZ) -> bool:
    """Whether the office is open at that instant."""
    local = instant.astimezone(tz)
    return any(start <= instant < end for start, end in opening_intervals(hours, local.date(), tz))
