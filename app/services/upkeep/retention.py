"""Retention: visit- and errand-level rows older than the office's period are purged.

Once a day (the programs' hourly upkeep) and on `servicedisk purge`, every row
of tickets, calls, visits and errands of business days more than
``office.retention_days`` ago is deleted, with the days' ticket counters. The
daily summaries stay: before anything is deleted, every such day's summary is
brought up to date, and ``office.purged_before`` marks the horizon so a
summary of a purged day is never computed again (it would come out empty).
Statistics and sync of old days therefore give the same figures before and
after. Revisions do not move: a purge resends nothing. Every purge is audited.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from app.models import (
    Booking,
    CallEvent,
    Errand,
    HelpRequest,
    Office,
    Ticket,
    TicketCounter,
    Visit,
)
from app.services.access.actor import Desk, allowed
from app.services.access.audit import record
from app.services.office.clock import office_day
from app.services.stats.summary import compute_past_days, day_summaries
from app.store.engine import Store

log = logging.getLogger(__name__)

# What goes, child rows first (each refers to the next).
TABLES = ("errand", "call_event", "visit", "ticket", "ticket_counter")


@dataclass(frozen=True)
class PurgePlan:
    """What a purge removes: the horizon, and the rows per table."""

    before: date  # rows of business days before this go
    rows: dict[str, int]

    @property
    def total(self) -> int:
        """All rows together."""
        return sum(self.rows.values())


def horizon(store: Store, now: datetime) -> date:
    """The first business day that is kept."""
    with store.read() as session:
        days = int(session.scalar(select(Office.retention_days)) or 90)
    return office_day(store, now) - timedelta(days=days)


def plan(store: Store, now: datetime) -> PurgePlan:
    """How many rows per table a purge now would remove (nothing is changed)."""
    before = horizon(store, now)
    with store.read() as session:
        old_visits = select(Visit.id).where(Visit.business_day < before)
        rows = {
            "errand": session.scalar(
                select(func.count(Errand.id)).where(Errand.visit_id.in_(old_visits))
            ),
            "call_event": session.scalar(
                select(func.count(CallEvent.id)).where(CallEvent.business_day < before)
            ),
            "help_request": session.scalar(
                select(func.count(HelpRequest.id)).where(HelpRequest.business_day < before)
            ),
            "booking": session.scalar(
                select(func.count(Booking.id)).where(Booking.business_day < before)
            ),
            "visit": session.scalar(
                select(func.count(Visit.id)).where(Visit.business_day < before)
            ),
            "ticket": session.scalar(
                select(func.count(Ticket.id)).where(Ticket.business_day < before)
            ),
            "ticket_counter": session.scalar(
                select(func.count())
                .select_from(TicketCounter)
                .where(TicketCounter.business_day < before)
            ),
        }
    return PurgePlan(before, {k: int(v or 0) for k, v in rows.items()})


@allowed("maintenance")
def purge(desk: Desk) -> PurgePlan:
    """Purge what :func:`plan` names, keeping every day's summary; what was removed.

    One business day at a time, oldest first, each in a short write transaction of
    its own that also moves ``office.purged_before`` past it: a ticket press waits
    for one day's rows at most, never for the whole backlog, and a purge stopped
    half-way leaves every day either whole or gone and marked so.
    """
    now = desk.clock.now()
    before = horizon(desk.store, now)
    first = _first_day(desk.store, date.min, before)
    if first is not None:  # the summaries first, from the rows
        day_summaries(desk.store, first, before - timedelta(days=1), now)
    done = plan(desk.store, now)
    day = first
    while day is not None:
        took = time.perf_counter()
        with desk.store.write() as session:
            _purge_day(session, day)
            _mark_purged(session, day + timedelta(days=1))
        desk.store.give_way(time.perf_counter() - took)
        day = _first_day(desk.store, day, before)
    with desk.store.write() as session:
        _mark_purged(session, before)
        if done.total:
            record(session, now, "purge", before=before, **done.rows)
    if done.total:
        log.info("purged %d rows of days before %s: %s", done.total, before, done.rows)
    return done


def _first_day(store: Store, after: date, before: date) -> date | None:
    """The first business day after ``after`` and before ``before`` with rows to purge."""
    with store.read() as session:
        days = [
            session.scalar(
                select(func.min(model.business_day)).where(
                    model.business_day > after, model.business_day < before
                )
            )
            for model in (Ticket, Visit, CallEvent, HelpRequest, Booking, TicketCounter)
        ]
    return min((d for d in days if d is not None), default=None)


def _purge_day(session: Session, day: date) -> None:
    """Delete one business day's rows, child rows first."""
    visits = select(Visit.id).where(Visit.business_day == day)
    session.execute(delete(Errand).where(Errand.visit_id.in_(visits)))
    for model in (CallEvent, HelpRequest, Booking, Visit, Ticket, TicketCounter):
        session.execute(delete(model).where(model.business_day == day))


def _mark_purged(session: Session, before: date) -> None:
    """``office.purged_before`` moves forward only: no summary of a purged day is made again."""
    held = session.scalar(select(Office.purged_before))
    if held is None or held < before:
        session.execute(update(Office).values(purged_before=before))


@allowed("maintenance")
def summaries_then_purge(desk: Desk) -> PurgePlan:
    """The hourly upkeep's share: past days' summaries brought up to date, then the purge.

    The programs run it as :data:`~app.services.access.actor.SYSTEM`; summaries
    stay when the rows they came from go.
    """
    compute_past_days(desk.store, desk.clock.now())
    return purge(desk)
