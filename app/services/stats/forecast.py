"""The staffing forecast: how many staffed points each hour of a range of days needs.

For every opening hour of each day of the range:

- expected arrivals (walk-ins: tickets that are not a checked-in booking's):
  the mean over the same weekday and hour of the eight
  weeks before the day (for a day still ahead: the eight weeks before today),
  counting the days with records and leaving out public holidays and the days
  next to them (a bridge day or the day after Easter is not an ordinary day).
  Today is never learnt from: it has not ended;
- the median service time of those days (the office's over the same eight
  weeks, when an hour has too few visits of its own);
- the points needed for the office's service level (the share called within
  its threshold), from Erlang C (:mod:`app.services.stats.erlang`), plus the
  booked time already taken: the minutes of the day's bookings (not cancelled)
  that fall in the hour, a point for each started 60 (45 booked minutes: one
  more point; 75: two);
- beside it, the points staffed in that hour on the previous ordinary same
  weekday that has ended (one week earlier, unless that was a holiday or is
  today), the plan to improve on; and for an hour that has ended (a past day,
  or today's hours before this one) the arrivals and the points actually
  staffed, so a past period compares the model with what happened.

A day with no same weekday to learn from (before the office's first records)
gets no forecast: None, not 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from app.models import Office
from app.services.office.calendar import is_holiday, opening_times
from app.services.office.clock import Clock, office_zone
from app.services.stats.bookings import booked_minutes
from app.services.stats.erlang import points_needed
from app.services.stats.figures import Rules, office_rules
from app.services.stats.histogram import Histogram
from app.services.stats.summary import day_summaries
from app.store.engine import Store

WEEKS = 8
MIN_VISITS = 20  # fewer visits in an hour of the past weeks: use the office's median instead


def near_holiday(day: date) -> bool:
    """A public holiday, or a day right before or after one."""
    return any(is_holiday(day + timedelta(days=d)) for d in (-1, 0, 1))


def learnt_from(day: date, today: date) -> list[date]:
    """The same weekdays a day's forecast learns from, newest first: the eight weeks before
    the day, or before today for a day still ahead (today itself has not ended)."""
    cutoff = min(day, today)
    latest = cutoff - timedelta(days=(cutoff - day).days % 7 or 7)
    return [latest - timedelta(weeks=w) for w in range(WEEKS)]


def staffing_forecast(store: Store, clock: Clock, start: date, days: int = 7) -> dict[str, Any]:
    """Hour by hour for ``days`` days from ``start``: arrivals, service time, points needed,
    and, for the hours that have ended, what came and what was staffed."""
    rules = office_rules(store)
    with store.read() as session:
        office = session.scalar(select(Office))
        assert office is not None
        hours_of = dict(office.opening_hours)
    now = clock.now().astimezone(office_zone(store))
    today, hour_now = now.date(), f"{now.hour:02d}"
    last = start + timedelta(days=max(days, 1) - 1)
    history_start = min(start, today) - timedelta(weeks=WEEKS)
    history_end = max(history_start, min(last, today))
    past = day_summaries(store, history_start, history_end, clock.now())
    ordinary = {d: s for d, s in past.items() if not near_holiday(d) and d < today}
    office_service = _OfficeService(ordinary)
    taken = booked_minutes(store, start, last)
    rows: list[dict[str, Any]] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        open_hours = _open_hours(hours_of, day)
        if not open_hours:
            continue
        same_weekday = [d for d in learnt_from(day, today) if d in ordinary]
        previous = same_weekday[0] if same_weekday else None
        for hour in open_hours:
            # An hour's figures count once it has ended: the one under way is half-staffed.
            ended = day < today or (day == today and hour < hour_now)
            row = _row(
                hour,
                [(ordinary[d], ordinary[d].get("hours", {}).get(hour)) for d in same_weekday],
                office_service.around(min(day, today)),
                rules,
                taken.get(day, {}).get(hour, 0.0),
            )
            rows.append(
                {
                    "day": day.isoformat(),
                    **row,
                    "arrivals": _count(past.get(day), hour) if ended else None,
                    "points_staffed": _points(past.get(day), hour) if ended else None,
                    "previous_day": previous.isoformat() if previous else None,
                    "points_previous": _points(past.get(previous), hour) if previous else None,
                }
            )
    return {
        "from": start.isoformat(),
        "to": last.isoformat(),
        "days": days,
        "today": today.isoformat(),
        "service_level_threshold_min": rules.threshold_s // 60,
        "service_level_target": round(rules.target * 100),
        "open_hours": sorted({r["hour"] for r in rows}),
        "hours": rows,
        "needed_by_day": _by_day(rows),
    }


def _row(
    hour: str,
    days: list[tuple[Mapping[str, Any], Mapping[str, Any] | None]],
    fallback: Histogram,
    rules: Rules,
    booked: float,
) -> dict[str, Any]:
    """One hour's forecast, learnt from the same hour of ``days`` (each day's summary and
    its part for the hour, None: nobody came then), with the hour's ``booked`` minutes;
    without any such day to learn from, nothing is forecast (None, not 0)."""
    booked = round(booked, 1)
    if not days:
        return {
            "hour": hour,
            "expected_arrivals": None,
            "service_median_s": None,
            "booked_minutes": booked,
            "points_needed": None,
            "weeks_used": 0,
        }
    expected = sum(_count(summary, hour) or 0 for summary, _part in days) / len(days)
    hour_service = Histogram.added(p.get("service") for _s, p in days if p)
    chosen = hour_service if hour_service.count >= MIN_VISITS else fallback
    median_s = chosen.quantile_s(0.5) or 0.0
    walk_ins = points_needed(expected, median_s, rules.threshold_s, rules.target)
    return {
        "hour": hour,
        "expected_arrivals": round(expected, 1),
        "service_median_s": round(median_s, 1),
        "booked_minutes": booked,
        "points_needed": walk_ins + math.ceil(booked / 60),
        "weeks_used": len(days),
    }


def _count(summary: Mapping[str, Any] | None, hour: str) -> int | None:
    """Walk-in arrivals in an hour of a day with records (0 when none that hour): its
    tickets but a checked-in booking's; None for a day without records."""
    if summary is None:
        return None
    tickets = int(summary.get("hours", {}).get(hour, {}).get("tickets", 0))
    return tickets - int((summary.get("bookings") or {}).get("arrivals", {}).get(hour, 0))


def _points(summary: Mapping[str, Any] | None, hour: str) -> float | None:
    """Points staffed in an hour of a day with records; None for a day without any."""
    if summary is None:
        return None
    return round(float(summary.get("hours", {}).get(hour, {}).get("staffed_minutes", 0.0)) / 60, 1)


class _OfficeService:
    """The office's service times over the eight weeks before a day (the fallback median)."""

    def __init__(self, ordinary: Mapping[date, Mapping[str, Any]]) -> None:
        self._days = {
            d: Histogram.added(p.get("service") for p in s.get("hours", {}).values()).to_json()
            for d, s in ordinary.items()
        }
        self._seen: dict[date, Histogram] = {}

    def around(self, cutoff: date) -> Histogram:
        """Every service time of the ordinary days in the eight weeks before ``cutoff``."""
        if cutoff not in self._seen:
            first = cutoff - timedelta(weeks=WEEKS)
            self._seen[cutoff] = Histogram.added(
                h for d, h in self._days.items() if first <= d < cutoff
            )
        return self._seen[cutoff]


def _open_hours(hours_of: dict[str, Any], day: date) -> list[str]:
    """The local hours ("10", "11" …) the office is open in on a day."""
    out: list[str] = []
    for start, end in opening_times(hours_of, day):
        hour = start.hour
        while hour < end.hour or (hour == end.hour and end.minute > 0):
            if f"{hour:02d}" not in out:
                out.append(f"{hour:02d}")
            hour += 1
    return out


def _by_day(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per day: the peak points needed, and the hours of staffing needed, staffed that day
    and staffed the previous same weekday (None where no hour has the figure)."""
    sums = (
        ("expected_arrivals", "expected_arrivals"),
        ("arrivals", "arrivals"),
        ("booked_minutes", "booked_minutes"),
        ("point_hours", "points_needed"),
        ("staffed_hours", "points_staffed"),
        ("previous_hours", "points_previous"),
    )
    days: dict[str, dict[str, Any]] = {}
    for r in rows:
        d = days.setdefault(
            r["day"],
            {"day": r["day"], "previous_day": r["previous_day"], "peak_points": None}
            | {total: None for total, _key in sums},
        )
        if r["points_needed"] is not None:
            d["peak_points"] = max(d["peak_points"] or 0, r["points_needed"])
        for total, key in sums:
            if r[key] is not None:
                d[total] = round((d[total] or 0) + r[key], 1)
    return [days[d] for d in sorted(days)]
