"""Figures for any date range, added up from the stored daily summaries.

:func:`period_figures` is what the dashboard, ``servicedisk stats`` and every
export read: totals, one row per business day of the range (closed days with
zeros), the breakdowns per queue, hour, agency, errand type, outcome,
referral, language and interpreter, and the booked visits
(:mod:`app.services.stats.bookings`). Medians and p90 come from the days'
histograms added together, never from per-day medians.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from app.models import Office
from app.services.stats.bookings import booking_figures
from app.services.stats.histogram import Histogram
from app.services.stats.summary import day_summaries
from app.store.engine import Store

COUNTS = (
    "visitors",
    "tickets",
    "booked",
    "walk_in",
    "served",
    "no_shows",
    "walked_out",
    "cancelled",
    "not_served",
    "unreliable",
    "quick_desk",
    "quick_phone",
    "errands",
)
_COUNTED = frozenset(COUNTS)
BREAKDOWNS = ("agencies", "errand_types", "outcomes", "referrals", "languages", "interpreters")


@dataclass(frozen=True)
class Rules:
    """The office's service-level threshold (seconds) and the forecast's target share."""

    threshold_s: int = 15 * 60
    target: float = 0.8


def office_rules(store: Store) -> Rules:
    """The office's service-level settings."""
    with store.read() as session:
        office = session.scalar(select(Office))
        assert office is not None
        return Rules(office.service_level_minutes * 60, office.service_level_target / 100)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def durations(prefix: str, h: Histogram) -> dict[str, Any]:
    """count, mean, median, p90 and max of a histogram, as ``<prefix>_median_s`` …"""
    return {
        f"{prefix}_count": h.count,
        f"{prefix}_mean_s": _round(h.mean_s()),
        f"{prefix}_median_s": _round(h.quantile_s(0.5)),
        f"{prefix}_p90_s": _round(h.quantile_s(0.9)),
        f"{prefix}_max_s": h.max_s if h.count else None,
    }


def _part(parts: Iterable[Mapping[str, Any]], rules: Rules) -> dict[str, Any]:
    """Counts and duration figures of slices added together."""
    parts = list(parts)
    counts = dict.fromkeys(COUNTS, 0)
    for p in parts:  # each slice holds only the counts it has: a few of these
        for k in _COUNTED.intersection(p):
            counts[k] += int(p[k])
    wait = Histogram.added(p.get("wait") for p in parts)
    service = Histogram.added(p.get("service") for p in parts)
    level = wait.share_within(rules.threshold_s)
    return {
        **counts,
        **durations("wait", wait),
        **durations("service", service),
        "service_level": _round(level * 100 if level is not None else None),
    }


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def period_figures(
    store: Store, first: date, last: date, now: datetime, rules: Rules | None = None
) -> dict[str, Any]:
    """Every figure of the range [first, last], as one JSON-able object."""
    if last < first:
        raise ValueError("the range ends before it starts")
    rules = rules or office_rules(store)
    summaries = day_summaries(store, first, last, now)
    range_days = _days(first, last)
    days = []
    for d in range_days:
        s = summaries.get(d, {})
        staffed = float(s.get("staffed_minutes", 0.0))
        row = {"day": d.isoformat(), **_part([s] if s else [], rules)}
        row["staffed_minutes"] = staffed
        row["visitors_per_staffed_hour"] = (
            round(row["served"] / (staffed / 60), 2) if staffed else None
        )
        days.append(row)
    present = list(summaries.values())
    totals = _part(present, rules)
    staffed_total = sum(float(s.get("staffed_minutes", 0.0)) for s in present)
    totals["staffed_minutes"] = round(staffed_total, 1)
    totals["visitors_per_staffed_hour"] = (
        round(totals["served"] / (staffed_total / 60), 2) if staffed_total else None
    )
    totals["wait_booked"] = durations(
        "wait", Histogram.added(s.get("wait_booked") for s in present)
    )
    totals["wait_walk_in"] = durations(
        "wait", Histogram.added(s.get("wait_walk_in") for s in present)
    )
    totals["estimate"] = _estimate([s.get("estimate", {}) for s in present])
    waits = Histogram.added(s.get("wait") for s in present)
    return {
        "from": first.isoformat(),
        "to": last.isoformat(),
        "service_level_threshold_min": rules.threshold_s // 60,
        "totals": totals,
        "days": days,
        "queues": _grouped(present, "queues", "queue", rules),
        "hours": _hours(present, rules),
        **{name: _counted(present, name) for name in BREAKDOWNS},
        "wait_distribution": distribution(waits),
        # Per staff member, for the manager's own view: never in a central summary.
        "staff": [
            {"staff_id": row.pop("queue"), **row}
            for row in _grouped(present, "staff", "queue", rules)
        ],
        "estimate_queues": _estimates(present, "queues", "queue"),
        "estimate_hours": _estimates(present, "hours", "hour"),
        # Booked visits: the period's figures and one row per day (``bookings``, ``booking_days``).
        **booking_figures(store, summaries, range_days, now),
    }


def distribution(h: Histogram, width: int = 5, last: int = 60) -> list[dict[str, Any]]:
    """Waits in buckets of ``width`` minutes up to ``last``, then one bucket for the rest."""
    buckets: list[dict[str, Any]] = [
        {"from_min": start, "to_min": start + width, "count": 0} for start in range(0, last, width)
    ]
    buckets.append({"from_min": last, "to_min": None, "count": 0})
    for minute, n in enumerate(h.bins):
        buckets[min(minute // width, len(buckets) - 1)]["count"] += n
    return buckets


def _grouped(
    summaries: Sequence[Mapping[str, Any]], key: str, label: str, rules: Rules
) -> list[dict[str, Any]]:
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for s in summaries:
        for name, part in s.get(key, {}).items():
            groups[name].append(part)
    return [{label: name, **_part(parts, rules)} for name, parts in sorted(groups.items())]


def _hours(summaries: Sequence[Mapping[str, Any]], rules: Rules) -> list[dict[str, Any]]:
    rows = _grouped(summaries, "hours", "hour", rules)
    for row in rows:
        parts = [s["hours"][row["hour"]] for s in summaries if row["hour"] in s.get("hours", {})]
        row["arrivals"] = row["tickets"]
        row["staffed_minutes"] = round(sum(float(p.get("staffed_minutes", 0)) for p in parts), 1)
        row["queue_max"] = max((int(p.get("queue_max", 0)) for p in parts), default=0)
        row["days"] = len(parts)
    return rows


def _counted(summaries: Sequence[Mapping[str, Any]], name: str) -> list[dict[str, Any]]:
    total: dict[str, int] = defaultdict(int)
    for s in summaries:
        for code, n in s.get("breakdowns", {}).get(name, {}).items():
            total[code] += int(n)
    return [{"code": code, "count": n} for code, n in sorted(total.items(), key=lambda i: -i[1])]


def _estimate(parts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    count = sum(int(p.get("count", 0)) for p in parts)
    within = sum(int(p.get("within_5_min", 0)) for p in parts)
    error = Histogram.added(p.get("wait") for p in parts)
    return {
        "count": count,
        "median_abs_error_s": _round(error.quantile_s(0.5)),
        "within_5_min": round(within / count * 100, 1) if count else None,
    }


def _estimates(
    summaries: Sequence[Mapping[str, Any]], key: str, label: str
) -> list[dict[str, Any]]:
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for s in summaries:
        for name, part in s.get("estimate", {}).get(key, {}).items():
            groups[name].append(part)
    return [{label: name, **_estimate(parts)} for name, parts in sorted(groups.items())]
