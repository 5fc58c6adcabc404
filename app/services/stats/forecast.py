"""The staffing forecast: how many staffed points each hour of the coming days needs.

For every opening hour of the days ahead:

- expected arrivals: the mean over the same weekday and hour of the last
  eight weeks' days with records, leaving out public holidays and the days
  next to them (a bridge day or the day after Easter is not an ordinary day);
- the median service time of those weeks (the office's, when an hour has
  too few visits of its own);
- the points needed for the office's service level (the share called within
  its threshold), from Erlang C (:mod:`app.services.stats.erlang`);
- beside it, the points actually staffed in that hour one week earlier.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from app.models import Office
from app.services.office.calendar import is_holiday, opening_times
from app.services.office.clock import Clock
from app.services.stats.erlang import points_needed
from app.services.stats.figures import office_rules
from app.services.stats.histogram import Histogram
from app.services.stats.summary import day_summaries
from app.store.engine import Store

WEEKS = 8
MIN_VISITS = 20  # fewer visits in an hour of the past weeks: use the office's median instead


def near_holiday(day: date) -> bool:
    """A public holiday, or a day right before or after one."""
    return any(is_holiday(day + timedelta(days=d)) for d in (-1, 0, 1))


def staffing_forecast(store: Store, clock: Clock, start: date, days: int = 7) -> dict[str, Any]:
    """Hour by hour for ``days`` days from ``start``: arrivals, service time, points needed."""
    rules = office_rules(store)
    with store.read() as session:
        office = session.scalar(select(Office))
        assert office is not None
        hours_of = dict(office.opening_hours)
    history_start = start - timedelta(weeks=WEEKS)
    past = day_summaries(store, history_start, start - timedelta(days=1), clock.now())
    ordinary = {d: s for d, s in past.items() if not near_holiday(d)}
    all_service = Histogram.added(
        part.get("service") for s in ordinary.values() for part in s.get("hours", {}).values()
    )
    rows: list[dict[str, Any]] = []
    for offset in range(days):
        day = start + timedelta(days=offset)
        open_hours = _open_hours(hours_of, day)
        if not open_hours:
            continue
        same_weekday = [
            d
            for d in (day - timedelta(weeks=w) for w in range(1, WEEKS + 1))
            if d in ordinary  # a day with records: before the office began, nothing to go by
        ]
        week_before = past.get(day - timedelta(weeks=1), {})
        for hour in open_hours:
            arrivals: list[int] = []
            service: list[dict[str, Any]] = []
            for d in same_weekday:
                part = ordinary.get(d, {}).get("hours", {}).get(hour)
                arrivals.append(int(part.get("tickets", 0)) if part else 0)
                if part:
                    service.append(part.get("service"))
            hour_service = Histogram.added(service)
            chosen = hour_service if hour_service.count >= MIN_VISITS else all_service
            median_s = chosen.quantile_s(0.5) or 0.0
            expected = sum(arrivals) / len(arrivals) if arrivals else 0.0
            staffed = week_before.get("hours", {}).get(hour, {}).get("staffed_minutes", 0.0)
            rows.append(
                {
                    "day": day.isoformat(),
                    "hour": hour,
                    "expected_arrivals": round(expected, 1),
                    "service_median_s": round(median_s, 1),
                    "points_needed": points_needed(
                        expected, median_s, rules.threshold_s, rules.target
                    ),
                    "points_week_before": round(float(staffed) / 60, 1),
                    "weeks_used": len(same_weekday),
                }
            )
    return {
        "from": start.isoformat(),
        "days": days,
        "service_level_threshold_min": rules.threshold_s // 60,
        "service_level_target": round(rules.target * 100),
        "hours": rows,
        "needed_by_day": _by_day(rows),
    }


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
    peak: dict[str, int] = defaultdict(int)
    hours: dict[str, float] = defaultdict(float)
    for r in rows:
        peak[r["day"]] = max(peak[r["day"]], r["points_needed"])
        hours[r["day"]] += r["points_needed"]
    return [{"day": d, "peak_points": peak[d], "point_hours": hours[d]} for d in sorted(peak)]
