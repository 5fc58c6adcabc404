"""A business day's visits with their errands: where an errand is found to be corrected.

A case worker sees their own visits of today; the office manager every visit of any
day still within the office's retention (older days are purged: only their summaries
stay). The command line (``servicedisk visits``) reads them as the manager does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.models import Queue, ServicePoint, Staff, Ticket, Visit
from app.services.access.actor import Desk, allowed
from app.services.errands.errors import CorrectionTooLateError
from app.services.errands.records import ErrandView
from app.services.errands.rules import Catalog
from app.services.office.clock import office_day


@dataclass(frozen=True)
class DayVisit:
    """One visit as the list of a day shows it."""

    visit_id: int
    business_day: date
    ticket_code: str | None
    queue_letter: str | None
    channel: str  # "ticket", "desk" or "phone"
    started_at: datetime
    ended_at: datetime | None
    point_number: int | None
    staff_login: str | None
    errands: tuple[ErrandView, ...]


@allowed("errands")
def day_visits(desk: Desk, day: date | None = None) -> list[DayVisit]:
    """The visits of ``day`` (today when None), in the order they began: a case worker's own
    of today, or, for the office manager, everyone's."""
    today = office_day(desk.store, desk.clock.now())
    day = day or today
    everyone = desk.actor.may("correct_past")
    if day != today and not everyone:
        raise CorrectionTooLateError(day)
    query = (
        select(Visit, Ticket.code, Queue.letter, ServicePoint.number, Staff.login)
        .outerjoin(Ticket, Ticket.id == Visit.ticket_id)
        .outerjoin(Queue, Queue.id == Ticket.queue_id)
        .outerjoin(ServicePoint, ServicePoint.id == Visit.service_point_id)
        .outerjoin(Staff, Staff.id == Visit.staff_id)
        .where(Visit.business_day == day, Visit.ended_at.is_not(None))
        .options(selectinload(Visit.errands))
        .order_by(Visit.started_at, Visit.id)
    )
    if not everyone:
        query = query.where(Visit.staff_id == desk.actor.staff_id)
    with desk.store.read() as session:
        catalog = Catalog(session)
        return [
            DayVisit(
                visit_id=visit.id,
                business_day=visit.business_day,
                ticket_code=code,
                queue_letter=letter,
                channel=visit.channel,
                started_at=visit.started_at,
                ended_at=visit.ended_at,
                point_number=number,
                staff_login=login,
                errands=tuple(catalog.view(e) for e in visit.errands),
            )
            for visit, code, letter, number, login in session.execute(query)
        ]


@allowed("errands")
def find_errand(desk: Desk, errand_id: int) -> ErrandView:
    """One logged errand, as it is now (to correct some of its fields)."""
    from app.models import Errand
    from app.services.errands.errors import UnknownErrandError

    with desk.store.read() as session:
        errand = session.get(Errand, errand_id)
        if errand is None:
            raise UnknownErrandError(errand_id)
        return Catalog(session).view(errand)
