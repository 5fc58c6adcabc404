"""The queue engine after the call: serve, no-show, return, park, cancel, transfer, finish.

Also closes what earlier business days left open. Each public function is one
unit of work in one write transaction and bumps the office and day revisions.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CallEvent, Ticket, Visit
from app.models import states as st
from app.services.access.actor import Desk, allowed
from app.services.office.clock import business_day, office_day, zone
from app.services.office.revision import bump, bump_screens
from app.services.queue.base import (
    TicketRef,
    active_point,
    active_queue,
    lock_point,
    office_row,
    require_free,
    require_state,
    ticket_ref,
    todays_ticket,
)
from app.services.queue.errors import NotThisPointError, TooFewRecallsError
from app.store.server import CALL_TURN_KEY, take_turn

# ---------------------------------------------------------------- day rollover


def close_stale_days(session: Session, today: date, now: datetime) -> int:
    """Close what earlier business days left open; returns how many tickets it closed.

    Waiting and parked tickets become not served (they are not carried into
    today). Called or serving ones are finished with their timing flagged
    unreliable: the case worker forgot to finish them.
    """
    stale = list(
        session.scalars(
            select(Ticket).where(Ticket.state.in_(st.ACTIVE_STATES), Ticket.business_day < today)
        )
    )
    if not stale:
        return 0
    for ticket in stale:
        if ticket.state in (st.CALLED, st.SERVING):
            _finish(session, ticket, now, unreliable=True)
        else:
            ticket.state, ticket.closed_at = st.NOT_SERVED, now
    bump(session, now, [t.business_day for t in stale])
    return len(stale)


# ---------------------------------------------------------------- after the call


@allowed("serve")
def start_serving(desk: Desk, code: str) -> TicketRef:
    """The called visitor has arrived at the service point."""
    return _transition(desk, code, (st.CALLED,), st.SERVING, "start serving")


@allowed("serve")
def no_show(desk: Desk, code: str) -> TicketRef:
    """The called visitor did not come, after the office's number of recalls."""
    now = desk.clock.now()
    with desk.store.write(desk=True) as session:
        ticket = todays_ticket(session, code, office_day(desk.store, now))
        require_state(ticket, (st.CALLED,), "mark as no-show")
        needed = office_row(session).recalls_before_no_show - ticket.recalls
        if needed > 0:
            raise TooFewRecallsError(ticket.code, needed)
        ticket.state, ticket.closed_at = st.NO_SHOW, now
        bump(session, now, [ticket.business_day])
        return ticket_ref(ticket)


@allowed("serve")
def undo_no_show(desk: Desk, code: str, point_number: int) -> TicketRef:
    """Take back a no-show marked by mistake: the ticket is called at its point again.

    Only today's ticket, only at the point that marked it, and only while that
    point has taken nobody else. Nothing is announced again.
    """
    now = desk.clock.now()
    day = office_day(desk.store, now)
    with desk.store.write(desk=True) as session:
        lock_point(session, point_number)
        point = active_point(session, point_number)
        ticket = todays_ticket(session, code, day)
        require_state(ticket, (st.NO_SHOW,), "undo the no-show of")
        if ticket.service_point_id != point.id:
            raise NotThisPointError(ticket.code, point_number)
        require_free(session, point, day)
        ticket.state, ticket.closed_at = st.CALLED, None
        bump(session, now, [day])
        return ticket_ref(ticket)


@allowed("serve")
def return_to_queue(desk: Desk, code: str) -> TicketRef:
    """Put a called ticket back in its queue, in its old place."""
    done = (st.CALLED, st.SERVING), st.WAITING, "return to the queue"
    return _transition(desk, code, *done, unassign=True, reorders=True)


@allowed("serve")
def undo_return(desk: Desk, code: str, point_number: int) -> TicketRef:
    """Take back "Tillbaka i kön" pressed by mistake: the ticket is called at the point that
    put it back, as it was. Only while it still waits and that point has taken nobody else.
    Nothing is announced again."""
    now = desk.clock.now()
    day = office_day(desk.store, now)
    with desk.store.write(desk=True) as session:
        lock_point(session, point_number, turn="whole")  # a waiting ticket leaves the queue
        point = active_point(session, point_number)
        ticket = todays_ticket(session, code, day)
        require_state(ticket, (st.WAITING,), "undo the return of")
        last_call = session.scalar(
            select(CallEvent.service_point_id)
            .where(CallEvent.ticket_id == ticket.id)
            .order_by(CallEvent.at.desc(), CallEvent.id.desc())
            .limit(1)
        )
        if ticket.called_at is None or last_call != point.id:
            raise NotThisPointError(ticket.code, point_number)
        require_free(session, point, day)
        ticket.state, ticket.service_point = st.CALLED, point
        bump(session, now, [day])
        return ticket_ref(ticket)


@allowed("serve")
def take_over(desk: Desk, code: str, point_number: int) -> TicketRef:
    """The next person at a point takes over the visitor the last one called there: the
    visit is theirs from now on (its errands, its statistics)."""
    now = desk.clock.now()
    with desk.store.write(desk=True) as session:
        lock_point(session, point_number)
        point = active_point(session, point_number)
        ticket = todays_ticket(session, code, office_day(desk.store, now))
        require_state(ticket, (st.CALLED, st.SERVING), "take over")
        if ticket.service_point_id != point.id:
            raise NotThisPointError(ticket.code, point_number)
        ticket.staff_id = desk.actor.staff_id
        bump_screens(session)
        return ticket_ref(ticket)


@allowed("serve")
def park(desk: Desk, code: str) -> TicketRef:
    """Set a visitor aside (filling in a form); call them back later with :func:`resume`.

    The time served so far is kept on the ticket, so the visit's service time
    counts it when the visitor is finished after the resume.
    """
    now = desk.clock.now()
    with desk.store.write(desk=True) as session:
        ticket = todays_ticket(session, code, office_day(desk.store, now))
        require_state(ticket, (st.CALLED, st.SERVING), "park")
        if ticket.called_at is not None:
            served = max(0, round((now - ticket.called_at).total_seconds()))
            ticket.served_seconds = (ticket.served_seconds or 0) + served
        ticket.state = st.PARKED
        ticket.service_point_id, ticket.service_point = None, None
        bump(session, now, [ticket.business_day])
        return ticket_ref(ticket)


_NOT_CALLED = (st.WAITING, st.PARKED)


@allowed("issue")
def cancel(desk: Desk, code: str) -> TicketRef:
    """Cancel a ticket that is not being served (issued by mistake)."""
    done = st.CANCELLED, "cancel"
    return _transition(desk, code, _NOT_CALLED, *done, close=True, reorders=True)


@allowed("issue")
def walked_out(desk: Desk, code: str) -> TicketRef:
    """The visitor left before being called (not the same as a no-show)."""
    done = st.WALKED_OUT, "mark as walked out"
    return _transition(desk, code, _NOT_CALLED, *done, close=True, reorders=True)


@allowed("issue")
def undo_walked_out(desk: Desk, code: str) -> TicketRef:
    """Take back "Gick innan upprop" marked by mistake (the visitor was only outside): the
    ticket waits in its old place again, or is set aside again if it was."""
    now = desk.clock.now()
    with desk.store.write(desk=True) as session:
        take_turn(session, CALL_TURN_KEY)  # it joins the queue again
        ticket = todays_ticket(session, code, office_day(desk.store, now))
        require_state(ticket, (st.WALKED_OUT,), "undo walked out for")
        ticket.state = st.PARKED if ticket.served_seconds else st.WAITING
        ticket.closed_at = None
        bump(session, now, [ticket.business_day])
        return ticket_ref(ticket)


def _transition(
    desk: Desk,
    code: str,
    allowed: tuple[str, ...],
    target: str,
    action: str,
    *,
    unassign: bool = False,
    close: bool = False,
    reorders: bool = False,
) -> TicketRef:
    now = desk.clock.now()
    with desk.store.write(desk=True) as session:
        if reorders:
            take_turn(session, CALL_TURN_KEY)
        ticket = todays_ticket(session, code, office_day(desk.store, now))
        require_state(ticket, allowed, action)
        ticket.state = target
        if unassign:
            ticket.service_point_id = None
            ticket.service_point = None
        if close:
            ticket.closed_at = now
        bump(session, now, [ticket.business_day])
        return ticket_ref(ticket)


@allowed("issue")
def transfer(desk: Desk, code: str, letter: str) -> TicketRef:
    """Move a ticket to another queue, keeping its place in time and its number."""
    now = desk.clock.now()
    with desk.store.write(desk=True) as session:
        ticket = transfer_in(session, now, code, letter)
        return ticket_ref(ticket)


def transfer_in(
    session: Session, now: datetime, code: str, letter: str, *, part: bool = False
) -> Ticket:
    """Move today's ticket to another queue within the caller's transaction. With ``part``
    (a called visitor whose errands so far are logged) the time served here is kept on the
    ticket, as a park keeps it, and its visit is opened (:func:`open_visit`) first."""
    queue = active_queue(session, letter)
    take_turn(session, CALL_TURN_KEY)
    ticket = todays_ticket(session, code, business_day(now, zone(office_row(session).time_zone)))
    allowed = (st.CALLED, st.SERVING) if part else (st.WAITING, st.CALLED, st.SERVING, st.PARKED)
    require_state(ticket, allowed, "transfer")
    ticket.queue_id, ticket.queue = queue.id, queue
    ticket.state = st.WAITING
    ticket.service_point_id, ticket.service_point = None, None
    bump(session, now, [ticket.business_day])
    return ticket


def open_visit(session: Session, ticket: Ticket, now: datetime) -> tuple[Visit, int]:
    """The visit a called ticket's errands so far are logged on before it moves on (its
    own, kept open until the point that finishes it completes it), and the seconds served
    here, added to the ticket's time served as a park adds them."""
    assert ticket.called_at is not None
    served = max(0, round((now - ticket.called_at).total_seconds()))
    ticket.served_seconds = (ticket.served_seconds or 0) + served
    visit = _visit_of(session, ticket)
    if visit is None:
        visit = Visit(
            business_day=ticket.business_day,
            ticket_id=ticket.id,
            channel="ticket",
            service_point_id=ticket.service_point_id,
            staff_id=ticket.staff_id,
            started_at=ticket.called_at,
            ended_at=None,
            timing_unreliable=False,
            demo=ticket.demo,
        )
        session.add(visit)
        session.flush()
    return visit, served


def _visit_of(session: Session, ticket: Ticket) -> Visit | None:
    return session.scalar(select(Visit).where(Visit.ticket_id == ticket.id))


def _finish(session: Session, ticket: Ticket, now: datetime, *, unreliable: bool = False) -> Visit:
    """The ticket's visit, ended now: a new one, or the one opened when part of its errands
    was logged before a transfer (from the last call here; the earlier part's time is in
    the ticket's time served)."""
    assert ticket.called_at is not None
    visit = _visit_of(session, ticket)
    if visit is None:
        visit = Visit(
            business_day=ticket.business_day,
            ticket_id=ticket.id,
            channel="ticket",
            demo=ticket.demo,
        )
        session.add(visit)
    visit.service_point_id, visit.staff_id = ticket.service_point_id, ticket.staff_id
    visit.started_at, visit.ended_at = ticket.called_at, now
    visit.timing_unreliable = unreliable
    ticket.state, ticket.closed_at = st.DONE, now
    session.flush()
    return visit


def finish_in(session: Session, now: datetime, code: str, *, unreliable: bool = False) -> Visit:
    """Finish today's ticket within the caller's transaction; returns the new visit."""
    today = business_day(now, zone(office_row(session).time_zone))
    ticket = todays_ticket(session, code, today)
    require_state(ticket, (st.CALLED, st.SERVING), "finish")
    visit = _finish(session, ticket, now, unreliable=unreliable)
    bump(session, now, [ticket.business_day])
    return visit


@allowed("serve")
def finish(desk: Desk, code: str, *, unreliable: bool = False) -> TicketRef:
    """Finish serving a ticket; the visit is stored and its errands can be logged."""
    now = desk.clock.now()
    with desk.store.write(desk=True) as session:
        visit = finish_in(session, now, code, unreliable=unreliable)
        ticket = session.get(Ticket, visit.ticket_id)
        assert ticket is not None
        return ticket_ref(ticket, visit.id)
