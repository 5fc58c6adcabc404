"""Daily summaries: one business day's figures, stored with the day's revision.

A summary is computed from the day's visit-level rows
(:mod:`app.services.stats.counting`) and stored in ``day_summary`` with the
revision it was computed from; it is computed again when the revision has
moved. Statistics, sync and the retention purge all read summaries from here.

The summary holds no visitor identity. It holds per-staff figures under
``staff``, for the manager's own view; :func:`central_part` is what may leave
the office.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from app.models import (
    DayRevision,
    DaySummary,
    Office,
)
from app.services.access.actor import SYSTEM, acting
from app.services.office.clock import office_day
from app.services.stats.counting import SUMMARY_VERSION, compute_days
from app.store.engine import Store

log = logging.getLogger(__name__)

STORE_BATCH_DAYS = 7
BATCH_DAYS = 28  # days computed per read when many summaries are due


@contextlib.contextmanager
def _collector_resting() -> Iterator[None]:
    """Hold Python's cycle collector while the rows are counted.

    The rows make many short-lived objects and no cycles; a full collection in
    the middle would stop every thread of the process (the GUI's too) for a
    tenth of a second. Their memory is freed as usual meanwhile.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def central_part(summary: dict[str, Any]) -> dict[str, Any]:
    """What of a summary may leave the office: everything but the per-staff figures."""
    return {k: v for k, v in summary.items() if k != "staff"}


def day_summaries(
    store: Store, first: date, last: date, now: datetime, *, only_stale: bool = False
) -> dict[date, dict]:
    """The stored summary of every business day in [first, last] with records.

    Days whose revision moved since their summary was computed (or that have
    none) are computed now, in one transaction, and stored. Days without any
    record are left out (a closed day: zeros). With ``only_stale``, just the
    days computed now are returned.
    """
    with store.read() as session:
        revisions = dict(
            session.execute(
                select(DayRevision.business_day, DayRevision.revision).where(
                    DayRevision.business_day >= first, DayRevision.business_day <= last
                )
            ).all()
        )
        stored = {  # plain rows, not ORM objects: a year is 365 of them to read, not to track
            row.business_day: row
            for row in session.execute(
                select(DaySummary.business_day, DaySummary.revision, DaySummary.data).where(
                    DaySummary.business_day >= first, DaySummary.business_day <= last
                )
            )
        }
        stale = sorted(
            d
            for d, rev in revisions.items()
            if d not in stored
            or stored[d].revision != rev
            or stored[d].data.get("version") != SUMMARY_VERSION
        )
        purged_before = session.scalar(select(Office.purged_before))
        if purged_before is not None:  # their rows are gone: what is stored is what there is
            stale = [d for d in stale if d >= purged_before or d not in stored]
        out = {d: s.data for d, s in stored.items() if d in revisions and d not in stale}
        fresh: dict[date, dict[str, Any]] = {}
        # A few weeks at a time: each read stays short, so a screen's thread is never held
        # for long by one big fetch (the GUI thread waits for the interpreter meanwhile).
        with _collector_resting():
            for start in range(0, len(stale), BATCH_DAYS):
                fresh.update(compute_days(store, stale[start : start + BATCH_DAYS]))
    # Kept a few days per write transaction: a ticket press waits for one batch at most.
    days = list(fresh)
    for start in range(0, len(days), STORE_BATCH_DAYS):
        took = time.perf_counter()
        _store(store, {d: fresh[d] for d in days[start : start + STORE_BATCH_DAYS]}, revisions, now)
        if start + STORE_BATCH_DAYS < len(days):
            store.give_way(time.perf_counter() - took)
    if only_stale:
        return fresh
    out.update(fresh)
    return dict(sorted(out.items()))


def compute_past_days(store: Store, now: datetime) -> int:
    """Bring every past day's stored summary up to date; the number of days computed.

    The programs of an office call this once an hour in the background (the
    daily upkeep), so a manager who opens the statistics after an upgrade, a
    restore or a late correction finds the days computed already. Today is
    left to the statistics themselves: its revision moves with every call.
    """
    today = office_day(store, now)
    with store.read() as session:
        first = session.scalar(select(func.min(DayRevision.business_day)))
        if first is None or first >= today:
            return 0
        fresh = session.scalar(
            select(func.count())
            .select_from(DayRevision)
            .join(DaySummary, DaySummary.business_day == DayRevision.business_day)
            .where(DayRevision.business_day < today, DaySummary.revision == DayRevision.revision)
        )
        past = session.scalar(
            select(func.count()).select_from(DayRevision).where(DayRevision.business_day < today)
        )
    if fresh == past and store.memo.get("summaries_checked"):
        return 0  # the hourly check costs two counts when no revision moved
    # The first pass of a process reads every summary: one of an older version is due too.
    before = time.perf_counter()
    computed = len(day_summaries(store, first, today - timedelta(days=1), now, only_stale=True))
    store.memo["summaries_checked"] = True
    log.info(
        "daily summaries brought up to date: %d days in %.1f s",
        computed,
        time.perf_counter() - before,
    )
    return computed


def _store(
    store: Store, fresh: dict[date, dict], revisions: dict[date, int], now: datetime
) -> None:
    """Keep the computed summaries, each with the revision it was computed from.

    A summary is what the day's rows say, kept so it need not be counted again:
    the app keeps it as SYSTEM, whoever's figures asked for it (the figures
    themselves are checked by the use case that reads them).
    """
    with acting(SYSTEM), store.write() as session:
        rows = session.scalars(select(DaySummary).where(DaySummary.business_day.in_(list(fresh))))
        kept = {row.business_day: row for row in rows}  # one read, not one per day
        for d, data in fresh.items():
            row = kept.get(d)
            if row is None:
                session.add(
                    DaySummary(business_day=d, revision=revisions[d], computed_at=now, data=data)
                )
            else:
                row.revision, row.computed_at, row.data = revisions[d], now, data
