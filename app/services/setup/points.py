"""Change the office's service points and their work profiles; read them all.

A work profile is an ordered list of queue letters; an empty one serves
every queue in use. A retired point is kept for history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Queue, ServicePoint, ServicePointQueue, Ticket
from app.models import states as st
from app.services.access.actor import Desk, allowed
from app.services.office.clock import session_day
from app.services.office.revision import bump
from app.services.setup.base import (
    InvalidProfileError,
    InvalidSettingError,
    LastActiveError,
    PointInUseError,
    PointNotFoundError,
    PointNumberTakenError,
    audit,
    clean_label,
)
from app.store.engine import Store

CALL_ORDERS = ("longest_wait", "queue_order")
MAX_POINT = 99
RESERVE_MIN, RESERVE_MAX = 5, 120
POINT_NAME_MAX = 60


@dataclass(frozen=True)
class PointSetup:
    """A service point and its work profile; an empty profile serves every active queue."""

    number: int
    name: str
    call_order: str
    profile: tuple[str, ...]
    active: bool
    # Reserved for booked visits: walk-ins only when no booking is due within this many
    # minutes (None: not reserved; see app.services.queue.calling).
    reserve_minutes: int | None = None


def _point_setup(session: Session, point: ServicePoint) -> PointSetup:
    letters = {i: letter for i, letter in session.execute(select(Queue.id, Queue.letter))}
    return PointSetup(
        point.number,
        point.name,
        point.call_order,
        tuple(letters[p.queue_id] for p in point.profile),
        point.active,
        point.booking_reserve_minutes,
    )


def list_point_setup(store: Store) -> list[PointSetup]:
    """Every service point, by number, with its own profile (empty: all queues)."""
    with store.read() as session:
        points = session.scalars(select(ServicePoint).order_by(ServicePoint.number))
        return [_point_setup(session, p) for p in points]


def _check_number(number: int) -> int:
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= MAX_POINT:
        raise InvalidSettingError(
            f"A service point number is 1–{MAX_POINT}, not {number!r}.",
            "setup.point.number",
            max=MAX_POINT,
        )
    return number


def _point_by_number(session: Session, number: int) -> ServicePoint:
    point = session.scalar(select(ServicePoint).where(ServicePoint.number == number))
    if point is None:
        raise PointNotFoundError(
            f"There is no service point {number}.",
            "setup.point.not_found",
            number=number,
        )
    return point


def _free_number(session: Session, number: int, point: ServicePoint | None) -> None:
    holder = session.scalar(select(ServicePoint).where(ServicePoint.number == number))
    if holder is None or holder is point:
        return
    raise PointNumberTakenError(
        f"Service point number {number} is taken ({holder.name}).",
        "setup.point.number_taken" if holder.active else "setup.point.number_retired",
        number=number,
        name=holder.name,
    )


def _check_reserve(minutes: int) -> int | None:
    """0: not reserved; else the minutes a reserved point keeps free before a booking."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        minutes = -1
    if minutes == 0:
        return None
    if not RESERVE_MIN <= minutes <= RESERVE_MAX:
        raise InvalidSettingError(
            f"A reserved point keeps {RESERVE_MIN}–{RESERVE_MAX} minutes free, not {minutes!r}.",
            "setup.point.reserve",
            low=RESERVE_MIN,
            high=RESERVE_MAX,
        )
    return minutes


def _check_call_order(call_order: str) -> str:
    if call_order not in CALL_ORDERS:
        raise InvalidSettingError(
            f"Call order must be one of {', '.join(CALL_ORDERS)}.",
            "setup.point.call_order",
        )
    return call_order


def _profile_rows(session: Session, letters: Sequence[str]) -> list[ServicePointQueue]:
    by_letter = {q.letter: q for q in session.scalars(select(Queue).where(Queue.active))}
    rows: list[ServicePointQueue] = []
    seen: set[str] = set()
    for position, raw in enumerate(letters):
        letter = raw.strip().upper()
        if letter in seen:
            raise InvalidProfileError(
                f"Work profile: queue {letter} is listed twice.",
                "setup.profile.twice",
                letter=letter,
            )
        if letter not in by_letter:
            raise InvalidProfileError(
                f"Work profile: {letter!r} is no queue in use.",
                "setup.profile.unknown",
                letter=letter,
            )
        seen.add(letter)
        rows.append(ServicePointQueue(queue_id=by_letter[letter].id, position=position))
    return rows


@allowed("configure")
def add_service_point(
    desk: Desk,
    number: int,
    name: str = "",
    *,
    call_order: str = "longest_wait",
    profile: Sequence[str] = (),
    reserve_minutes: int = 0,
) -> PointSetup:
    """Add a service point in use; an empty profile serves every queue (``reserve_minutes``:
    reserved for booked visits, see :func:`update_service_point`)."""
    number = _check_number(number)
    reserve = _check_reserve(reserve_minutes)
    name = clean_label(name or f"Lucka {number}", "point_name", POINT_NAME_MAX)
    call_order = _check_call_order(call_order)
    now = desk.clock.now()
    with desk.store.write() as session:
        _free_number(session, number, None)
        point = ServicePoint(
            number=number,
            name=name,
            active=True,
            call_order=call_order,
            booking_reserve_minutes=reserve,
        )
        point.profile = _profile_rows(session, profile)
        session.add(point)
        session.flush()
        audit(session, now, f"service point {number} added")
        bump(session, now, [])
        return _point_setup(session, point)


@allowed("configure")
def update_service_point(
    desk: Desk,
    number: int,
    *,
    new_number: int | None = None,
    name: str | None = None,
    call_order: str | None = None,
    profile: Sequence[str] | None = None,
    reserve_minutes: int | None = None,
) -> PointSetup:
    """Change a service point's number, name, call order, work profile (letters, in order)
    or its reservation for booked visits (``reserve_minutes``: 0 ends it; None: unchanged)."""
    if new_number is not None:
        _check_number(new_number)
    if name is not None:
        name = clean_label(name, "point_name", POINT_NAME_MAX)
    if call_order is not None:
        _check_call_order(call_order)
    reserve = _check_reserve(reserve_minutes) if reserve_minutes is not None else None
    now = desk.clock.now()
    with desk.store.write() as session:
        point = _point_by_number(session, number)
        before = _point_setup(session, point)
        changes = []
        if new_number is not None and new_number != point.number:
            _free_number(session, new_number, point)
            point.number = new_number
            changes.append(f"number -> {new_number}")
        if name is not None and name != point.name:
            point.name = name
            changes.append("name")
        if call_order is not None and call_order != point.call_order:
            point.call_order = call_order
            changes.append(f"call order {call_order}")
        if reserve_minutes is not None and reserve != point.booking_reserve_minutes:
            point.booking_reserve_minutes = reserve
            changes.append(f"reserved for bookings {reserve} min" if reserve else "not reserved")
        if profile is not None:
            rows = _profile_rows(session, profile)
            wanted = tuple(p.strip().upper() for p in profile)
            if wanted != before.profile:
                point.profile = []
                session.flush()
                point.profile = rows
                changes.append(f"profile {','.join(wanted) or 'all queues'}")
        if changes:
            session.flush()
            audit(session, now, f"service point {number} changed: {'; '.join(changes)}")
            bump(session, now, [])
        return _point_setup(session, point)


@allowed("configure")
def set_service_point_active(desk: Desk, number: int, active: bool) -> PointSetup:
    """Retire a service point (kept for history) or put it back in use."""
    now = desk.clock.now()
    with desk.store.write() as session:
        point = _point_by_number(session, number)
        if point.active == active:
            return _point_setup(session, point)
        if not active:
            current = session.scalar(
                select(Ticket.code).where(
                    Ticket.service_point_id == point.id,
                    Ticket.business_day == session_day(session, now),
                    Ticket.state.in_((st.CALLED, st.SERVING)),
                )
            )
            if current:
                raise PointInUseError(
                    f"Service point {number} is serving {current}; it was not retired.",
                    "setup.point.in_use",
                    name=point.name,
                    code=current,
                )
            others = session.scalar(
                select(func.count(ServicePoint.id)).where(
                    ServicePoint.active, ServicePoint.id != point.id
                )
            )
            if not others:
                raise LastActiveError(
                    "The office needs at least one service point in use.",
                    "setup.point.last",
                )
        point.active = active
        session.flush()
        audit(session, now, f"service point {number} {'restored' if active else 'retired'}")
        bump(session, now, [])
        return _point_setup(session, point)
