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
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select, update

from app.models import CallEvent, Errand, Office, Ticket, TicketCounter, Visit
from app.services.access.actor import Desk, allowed
from app.services.access.audit import record
from app.services.office.clock import office_day
from app.services.stats.summary import compute_past_days, day_summaries
from app.store.engine import Store
from app.store.server import unhurried

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
    """Purge what :func:`plan` names, keeping every day's summary; what was removed."""
    now = desk.clock.now()
    before = horizon(desk.store, now)
    with desk.store.read() as session:
        first = min(
            (
                d
                for d in (
                    session.scalar(select(func.min(Ticket.business_day))),
                    session.scalar(select(func.min(Visit.business_day))),
                )
                if d is not None
            ),
            default=None,
        )
    if first is not None and first < before:  # the summaries first, from the rows
        day_summaries(desk.store, first, before - timedelta(days=1), now)
    done = plan(desk.store, now)
    with desk.store.write() as session:
        unhurried(session)  # a long backlog may take a while; it runs off the GUI thread
        old_visits = select(Visit.id).where(Visit.business_day < before)
        session.execute(delete(Errand).where(Errand.visit_id.in_(old_visits)))
        session.execute(delete(CallEvent).where(CallEvent.business_day < before))
        session.execute(delete(Visit).where(Visit.business_day < before))
        session.execute(delete(Ticket).where(Ticket.business_day < before))
        session.execute(delete(TicketCounter).where(TicketCounter.business_day < before))
        held = session.scalar(select(Office.purged_before))
        if held is None or held < before:
            session.execute(update(Office).values(purged_before=before))
        if done.total:
            record(session, now, "purge", before=before, **done.rows)
    if done.total:
        log.info("purged %d rows of days before %s: %s", done.total, before, done.rows)
    return done


@allowed("maintenance")
def summaries_then_purge(desk: Desk) -> PurgePlan:
    """The hourly upkeep's share: past days' summaries brought up to date, then the purge.

    The programs run it as :data:`~app.services.access.actor.SYSTEM`; summaries
    stay when the rows they came from go.
    """
    compute_past_days(desk.store, desk.clock.now())
    return purge(desk)
