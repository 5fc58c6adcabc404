"""The self-service kiosk: a visitor takes a ticket in their own language, or asks for help.

The kiosk acts as :data:`~app.services.access.actor.KIOSK`, a role no staff
member has: it may issue at the kiosk and nothing else. It issues while the
office is open, until the cut-off the manager set before each closing, and,
where the office caps how many may wait (the fire code's "max 30 inside"),
only under the cap: the kiosks take the kiosk turn to count and issue, so two
of them never both take the last place. Reception is never capped or cut off:
it decides who may still queue.

"I need help" (förtur) issues a priority ticket and a :class:`HelpRequest`
that reception's screens show until someone answers it, in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, func, insert, select, update
from sqlalchemy.orm import Session

from app.models import HelpRequest, Office, Queue, Ticket
from app.models import states as st
from app.services import ServiceError
from app.services.access.actor import Desk, allowed
from app.services.office.calendar import OpeningHours, opening_intervals
from app.services.office.clock import office_day, zone
from app.services.office.revision import bump
from app.services.office.visitor_texts import parse_languages
from app.services.queue.base import TicketRef
from app.services.queue.issuing import (
    _close_stale_once,
    _letter,
    checked_language,
    insert_ticket,
    keep_print_status,
)
from app.store.rows import document
from app.store.server import KIOSK_TURN_KEY, take_turn

KIOSK_SOURCE = "kiosk"


class KioskClosedError(ServiceError):
    """The kiosk issues no more tickets today (or not yet)."""

    def __init__(self) -> None:
        super().__init__(
            "The kiosk issues no tickets now: the office is closed or past its cut-off.",
            "queue.kiosk_closed",
        )


class OfficeFullError(ServiceError):
    """As many wait as the office allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"{limit} people are waiting already, as many as the office allows.",
            "queue.office_full",
            limit=limit,
        )
        self.limit = limit


@dataclass(frozen=True)
class KioskRules:
    """What the kiosk needs of the office: its name, languages and rules."""

    office_code: str
    office_name: str
    languages: tuple[str, ...]
    cutoff_minutes: int
    idle_seconds: int
    max_waiting: int | None
    live_page: bool
    sync_url: str | None


@dataclass(frozen=True)
class KioskState:
    """Whether the kiosk issues now, and if not why: "closed" or "full"."""

    issuing: bool
    reason: str | None
    waiting: int
    cutoff_at: datetime | None  # today's next cut-off (None: closed for the rest of the day)


@dataclass(frozen=True)
class HelpView:
    """A visitor's open call for help, as reception's screen shows it."""

    id: int
    at: datetime
    code: str | None
    queue_letter: str | None
    language: str | None


@allowed("kiosk")
def kiosk_rules(desk: Desk) -> KioskRules:
    """The office's kiosk rules, read once when the kiosk starts and on every change."""
    with desk.store.read() as session:
        office = session.scalar(select(Office))
        assert office is not None, "the store has no office"
        return KioskRules(
            office_code=office.code,
            office_name=office.name,
            languages=parse_languages(office.kiosk_languages or ""),
            cutoff_minutes=office.kiosk_cutoff_minutes,
            idle_seconds=office.kiosk_idle_seconds,
            max_waiting=office.max_waiting,
            live_page=bool(office.live_page),
            sync_url=office.sync_url,
        )


def _cutoff(
    hours: OpeningHours | None, time_zone: str, cutoff_minutes: int, now: datetime
) -> tuple[bool, datetime | None]:
    """Whether ``now`` falls in an opening interval before its cut-off, and that cut-off."""
    tz = zone(time_zone)
    day = now.astimezone(tz).date()
    margin = timedelta(minutes=max(0, cutoff_minutes))
    for start, end in opening_intervals(hours or {}, day, tz):
        if now < end - margin:
            return start <= now, end - margin
    return False, None


def _waiting(conn: Session | Connection, day: date) -> int:
    query = select(func.count(Ticket.id)).where(
        Ticket.business_day == day, Ticket.state == st.WAITING
    )
    return int(conn.scalar(query) or 0)


@allowed("kiosk")
def kiosk_state(desk: Desk) -> KioskState:
    """Whether a visitor may take a ticket at the kiosk now."""
    now = desk.clock.now()
    with desk.store.read() as session:
        office = session.scalar(select(Office))
        assert office is not None, "the store has no office"
        open_now, cutoff_at = _cutoff(
            office.opening_hours, office.time_zone, office.kiosk_cutoff_minutes, now
        )
        waiting = _waiting(session, office_day(desk.store, now))
        limit = office.max_waiting
    if not open_now:
        return KioskState(False, "closed", waiting, cutoff_at)
    if limit is not None and waiting >= limit:
        return KioskState(False, "full", waiting, cutoff_at)
    return KioskState(True, None, waiting, cutoff_at)


@allowed("kiosk")
def issue_at_kiosk(
    desk: Desk, letter: str | None, language: str | None, *, help: bool = False
) -> TicketRef:
    """A visitor's ticket from the kiosk, in their language; with ``help`` a priority
    ticket and a call for help to reception (no ``letter``: the office's first queue)."""
    now = desk.clock.now()
    day = office_day(desk.store, now)
    language = checked_language(desk.store, language)
    _close_stale_once(desk.store, day, now)
    with desk.store.write_connection(desk=True) as conn:
        office = conn.execute(
            select(
                Office.opening_hours,
                Office.time_zone,
                Office.kiosk_cutoff_minutes,
                Office.max_waiting,
            )
        ).one()
        hours = document(office.opening_hours)
        if not _cutoff(hours, office.time_zone, office.kiosk_cutoff_minutes, now)[0]:
            raise KioskClosedError
        if office.max_waiting is not None:
            take_turn(conn, KIOSK_TURN_KEY)
            if _waiting(conn, day) >= office.max_waiting:
                raise OfficeFullError(office.max_waiting)
        if letter is None:
            letter = conn.scalar(
                select(Queue.letter).where(Queue.active).order_by(Queue.sort_order, Queue.letter)
            )
        ref = insert_ticket(
            conn, day, now, _letter(letter or "?"), help, False, language, KIOSK_SOURCE
        )
        if help:
            conn.execute(
                insert(HelpRequest).values(
                    business_day=day, at=now, ticket_id=ref.id, source=KIOSK_SOURCE
                )
            )
    return ref


@allowed("kiosk")
def kiosk_print_status(
    desk: Desk, code: str, status: str, *, estimate_minutes: int | None = None
) -> None:
    """How the kiosk's printout of a ticket went, as reception's ``set_print_status``."""
    keep_print_status(desk, code, status, estimate_minutes)


@allowed("issue")
def open_help_requests(desk: Desk) -> list[HelpView]:
    """Today's calls for help nobody has answered yet, oldest first."""
    day = office_day(desk.store, desk.clock.now())
    with desk.store.read() as session:
        rows = session.execute(
            select(HelpRequest.id, HelpRequest.at, Ticket.code, Queue.letter, Ticket.language)
            .outerjoin(Ticket, Ticket.id == HelpRequest.ticket_id)
            .outerjoin(Queue, Queue.id == Ticket.queue_id)
            .where(HelpRequest.business_day == day, HelpRequest.handled_at.is_(None))
            .order_by(HelpRequest.at, HelpRequest.id)
        ).all()
    return [HelpView(*row) for row in rows]


@allowed("issue")
def answer_help(desk: Desk, request_id: int) -> bool:
    """Someone at reception goes to the visitor: the call leaves every reception screen.
    False when another had answered it already (the first answer stands)."""
    now = desk.clock.now()
    with desk.store.write_connection(desk=True) as conn:
        day = conn.scalar(
            update(HelpRequest)
            .where(HelpRequest.id == request_id, HelpRequest.handled_at.is_(None))
            .values(handled_at=now, handled_by=desk.actor.staff_id)
            .returning(HelpRequest.business_day)
        )
        if day is None:
            return False
        bump(conn, now, [day])
    return True
