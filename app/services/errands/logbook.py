"""Errand logging: the errands of a visit, in catalog codes only, and their corrections.

A visit comes from a finished ticket or is a quick errand at a desk or on the
phone. Each errand names an agency, errand type, outcome (with a referral
target exactly when the outcome asks for one), service language, interpreter,
who served and how long it took. Timing comes from the ticket's call and
finish; errands without their own duration share what is left of the visit's
service time evenly. Retired catalog entries cannot be chosen for new errands
but stay valid on old ones. Nothing here can hold who the visitor was.

This module holds the use cases; the records they take and give are in
:mod:`~app.services.errands.records`, the rules in :mod:`~app.services.errands.rules`
and the errors in :mod:`~app.services.errands.errors`. All are importable from here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Errand, ErrandType, Queue, ServicePoint, Staff, Ticket, Visit
from app.models import states as st
from app.services.access.actor import Desk, allowed
from app.services.access.audit import record
from app.services.errands.errors import (
    MAX_DURATION_SECONDS,
    CorrectionTooLateError,
    ErrandError,
    ErrandTypeMismatchError,
    InvalidChannelError,
    InvalidDurationError,
    NoErrandsError,
    ReferralNotAllowedError,
    ReferralRequiredError,
    RetiredCatalogEntryError,
    UnknownCatalogEntryError,
    UnknownErrandError,
    UnknownStaffError,
    UnknownVisitError,
)
from app.services.errands.records import (
    DEFAULT_INTERPRETER,
    DEFAULT_LANGUAGE,
    AgencyChoice,
    CatalogChoices,
    Choice,
    ErrandInput,
    ErrandView,
    OutcomeChoice,
    VisitRef,
)
from app.services.errands.rules import (
    QUICK_CHANNELS,
    Catalog,
    by_sort,
    check_correctable,
    check_duration,
    service_seconds,
    split_durations,
)
from app.services.office.clock import office_day
from app.services.office.revision import bump
from app.services.queue import calling as queue_service
from app.services.queue.after import open_visit, transfer_in
from app.services.queue.base import require_state, todays_ticket
from app.services.queue.errors import UnknownServicePointError
from app.store.engine import Store
from app.store.server import CALL_TURN_KEY, take_turn

__all__ = [
    "DEFAULT_INTERPRETER",
    "DEFAULT_LANGUAGE",
    "MAX_DURATION_SECONDS",
    "QUICK_CHANNELS",
    "AgencyChoice",
    "CatalogChoices",
    "Choice",
    "CorrectionTooLateError",
    "ErrandError",
    "ErrandInput",
    "ErrandTypeMismatchError",
    "ErrandView",
    "InvalidChannelError",
    "InvalidDurationError",
    "NoErrandsError",
    "OutcomeChoice",
    "ReferralNotAllowedError",
    "ReferralRequiredError",
    "RetiredCatalogEntryError",
    "UnknownCatalogEntryError",
    "UnknownErrandError",
    "UnknownStaffError",
    "UnknownVisitError",
    "VisitRef",
    "catalog_choices",
    "correct_errand",
    "finish_with_errands",
    "log_errands",
    "log_quick_visit",
    "revise_visit",
    "split_durations",
    "transfer_with_errands",
    "visit_errands",
]


def _check_staff(session: Session, staff_id: int | None) -> None:
    if staff_id is not None and session.get(Staff, staff_id) is None:
        raise UnknownStaffError(staff_id)


def _add_errands(
    session: Session,
    visit: Visit,
    values: list[dict[str, Any]],
    now: datetime,
    staff_id: int | None,
    *,
    seconds: int | None = None,
) -> None:
    """Add errands to a visit; those without a duration share ``seconds`` (default: what
    is left of the visit's service time) evenly."""
    existing = list(visit.errands)
    total = seconds if seconds is not None else service_seconds(visit)
    if total is not None and seconds is None:
        # The service time the statistics count: this call's, and the time served before a
        # park or a transfer (on the ticket), less what earlier errands took of it.
        before = 0
        if visit.ticket_id is not None:
            served = select(Ticket.served_seconds).where(Ticket.id == visit.ticket_id)
            before = int(session.scalar(served) or 0)
        total = max(0, total + before - sum(e.duration_seconds or 0 for e in existing))
    durations = split_durations(total, [v["duration_seconds"] for v in values])
    start = max((e.position for e in existing), default=-1) + 1
    for offset, (value, duration) in enumerate(zip(values, durations, strict=True)):
        errand = Errand(
            **{**value, "duration_seconds": duration},
            position=start + offset,
            staff_id=staff_id if staff_id is not None else visit.staff_id,
            created_at=now,
        )
        visit.errands.append(errand)
    session.flush()


def _visit_ref(session: Session, visit: Visit, catalog: Catalog | None = None) -> VisitRef:
    catalog = catalog or Catalog(session)
    code = None
    if visit.ticket_id is not None:
        code = session.scalar(select(Ticket.code).where(Ticket.id == visit.ticket_id))
    return VisitRef(
        visit_id=visit.id,
        ticket_code=code,
        channel=visit.channel,
        business_day=visit.business_day,
        errands=tuple(catalog.view(e) for e in visit.errands),
    )


@allowed("errands")
def finish_with_errands(
    desk: Desk,
    code: str,
    errands: Sequence[ErrandInput],
    *,
    unreliable: bool = False,
) -> VisitRef:
    """Finish today's called or serving ticket and log its errands, in one transaction.

    An empty list is allowed (a visit without errands; add them later with
    :func:`log_errands`). `unreliable` flags the timing (the case worker forgot
    to finish): errands without their own duration then get none.
    """
    now = desk.clock.now()
    staff_id = desk.actor.staff_id
    # A queue press like finish: it locks the ticket it finishes and adds a new visit.
    with desk.store.write(desk=True) as session:
        catalog = Catalog(session)
        values = catalog.resolve_all(errands)
        _check_staff(session, staff_id)
        visit = queue_service.finish_in(session, now, code, unreliable=unreliable)
        if visit.staff_id is None:
            visit.staff_id = staff_id
        _add_errands(session, visit, values, now, staff_id)
        return _visit_ref(session, visit, catalog)


@allowed("errands")
def transfer_with_errands(
    desk: Desk,
    code: str,
    letter: str,
    errands: Sequence[ErrandInput],
) -> VisitRef:
    """Move a called visitor to another queue and log the errands handled here first, in
    one transaction: they stay on the visit, which the point that finishes it completes,
    and the time served here counts in its service time (not the wait in between)."""
    now = desk.clock.now()
    staff_id = desk.actor.staff_id
    with desk.store.write(desk=True) as session:
        catalog = Catalog(session)
        values = catalog.resolve_all(errands)
        _check_staff(session, staff_id)
        take_turn(session, CALL_TURN_KEY)  # as every press that moves a ticket: the turn first
        ticket = todays_ticket(session, code, office_day(desk.store, now))
        require_state(ticket, (st.CALLED, st.SERVING), "transfer")
        visit, served = open_visit(session, ticket, now)
        transfer_in(session, now, code, letter, part=True)
        _add_errands(session, visit, values, now, staff_id, seconds=served)
        return _visit_ref(session, visit, catalog)


def _visit(session: Session, visit_id: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise UnknownVisitError(visit_id)
    return visit


@allowed("errands")
def log_errands(
    desk: Desk,
    visit_id: int,
    errands: Sequence[ErrandInput],
) -> VisitRef:
    """Add errands to an existing visit: a case worker to her own of today, the manager to
    any within retention (audited, as :func:`revise_visit`)."""
    return revise_visit(desk, visit_id, {}, errands)


@allowed("errands")
def log_quick_visit(
    desk: Desk,
    channel: str,
    errands: Sequence[ErrandInput],
    *,
    point_number: int | None = None,
    duration_seconds: int | None = None,
) -> VisitRef:
    """Log a visit without a ticket (at a desk or on the phone) that ends now.

    Its length is `duration_seconds`, else the sum of the errands' own
    durations; with neither, its timing is unknown and flagged unreliable.
    """
    if channel not in QUICK_CHANNELS:
        raise InvalidChannelError(channel)
    if not errands:
        raise NoErrandsError()
    check_duration(duration_seconds)
    now = desk.clock.now()
    staff_id = desk.actor.staff_id
    # Only adds a visit of its own: it runs beside the queue's presses (app/store/server.py).
    with desk.store.write(desk=True) as session:
        catalog = Catalog(session)
        values = catalog.resolve_all(errands)
        _check_staff(session, staff_id)
        point_id = None
        if point_number is not None:
            point_id = session.scalar(
                select(ServicePoint.id).where(
                    ServicePoint.number == point_number, ServicePoint.active
                )
            )
            if point_id is None:
                raise UnknownServicePointError(point_number)
        given = [v["duration_seconds"] for v in values]
        length = duration_seconds
        if length is None and any(d is not None for d in given):
            length = sum(d or 0 for d in given)
        visit = Visit(
            business_day=office_day(desk.store, now),
            ticket_id=None,
            channel=channel,
            service_point_id=point_id,
            staff_id=staff_id,
            started_at=now - timedelta(seconds=length or 0),
            ended_at=now,
            timing_unreliable=length is None,
            demo=False,
        )
        session.add(visit)
        session.flush()
        _add_errands(session, visit, values, now, staff_id)
        bump(session, now, [visit.business_day])
        return _visit_ref(session, visit, catalog)


_CORRECTABLE = (
    "agency_id",
    "errand_type_id",
    "outcome_id",
    "referral_target_id",
    "language_id",
    "interpreter_kind_id",
    "duration_seconds",
)


@allowed("errands")
def correct_errand(
    desk: Desk,
    errand_id: int,
    new: ErrandInput,
) -> ErrandView:
    """Correct a logged errand: a case worker their own visits of today, the manager any
    visit within the office's retention.

    The errand's own (even retired) entries may stay; a retired one cannot be
    newly chosen. A duration of None keeps the errand's duration. Every change is
    audited (each field, its old and new code) and bumps the day's revision, so the
    statistics count it and the day's summary is sent again.
    """
    now = desk.clock.now()
    with desk.store.write() as session:
        errand = session.get(Errand, errand_id)
        if errand is None:
            raise UnknownErrandError(errand_id)
        check_correctable(session, errand.visit, office_day(desk.store, now), desk.actor)
        catalog = Catalog(session)
        after = _correct(session, catalog, errand, new, now, desk.actor.staff_id)
        if after is None:
            return catalog.view(errand)
        bump(session, now, [errand.visit.business_day])
        session.flush()
        return after


@allowed("errands")
def revise_visit(
    desk: Desk,
    visit_id: int,
    corrected: Mapping[int, ErrandInput],
    added: Sequence[ErrandInput] = (),
) -> VisitRef:
    """Correct some of a visit's errands and add others, in one go (the screens' form):
    each correction and addition is checked and audited as on its own, and either all
    are kept or none."""
    now = desk.clock.now()
    staff_id = desk.actor.staff_id
    with desk.store.write() as session:
        visit = _visit(session, visit_id)
        check_correctable(session, visit, office_day(desk.store, now), desk.actor)
        catalog = Catalog(session)
        mine = {errand.id: errand for errand in visit.errands}
        changed = False
        for errand_id, new in corrected.items():
            if errand_id not in mine:
                raise UnknownErrandError(errand_id)
            changed |= _correct(session, catalog, mine[errand_id], new, now, staff_id) is not None
        if added:
            values = catalog.resolve_all(added)
            _check_staff(session, staff_id)
            _add_errands(session, visit, values, now, staff_id)
            record(
                session,
                now,
                "correction",
                day=visit.business_day,
                visit=visit.id,
                added=len(values),
            )
            changed = True
        if changed:
            bump(session, now, [visit.business_day])
        session.flush()
        return _visit_ref(session, visit, catalog)


def _correct(
    session: Session,
    catalog: Catalog,
    errand: Errand,
    new: ErrandInput,
    now: datetime,
    staff_id: int | None,
) -> ErrandView | None:
    """Change an errand to ``new`` and audit each changed field; None when nothing changed."""
    values = catalog.resolve(new, None, keep=errand)
    if values["duration_seconds"] is None:
        values["duration_seconds"] = errand.duration_seconds
    if all(getattr(errand, k) == values[k] for k in _CORRECTABLE):
        return None
    _check_staff(session, staff_id)
    before = catalog.view(errand)
    for key in _CORRECTABLE:
        setattr(errand, key, values[key])
    errand.corrected_at = now
    errand.corrected_by_staff_id = staff_id
    after = catalog.view(errand)
    record(
        session,
        now,
        "correction",
        day=errand.visit.business_day,
        visit=errand.visit_id,
        errand=errand.id,
        changed=changes(before, after),
    )
    return after


_AUDITED = (
    ("agency", "agency_code"),
    ("errand_type", "errand_type_code"),
    ("outcome", "outcome_code"),
    ("referral", "referral_target_code"),
    ("language", "language_code"),
    ("interpreter", "interpreter_code"),
    ("duration", "duration_seconds"),
)


def changes(before: ErrandView, after: ErrandView) -> list[str]:
    """Each changed field with its old and new code: "outcome:resolved>referred"."""
    return [
        f"{name}:{getattr(before, field) or '-'}>{getattr(after, field) or '-'}"
        for name, field in _AUDITED
        if getattr(before, field) != getattr(after, field)
    ]


# ---------------------------------------------------------------- reading


def visit_errands(store: Store, visit_id: int) -> VisitRef:
    """A visit and its errands."""
    with store.read() as session:
        return _visit_ref(session, _visit(session, visit_id))


def _choice(row: Any) -> Choice:
    return Choice(row.code, row.label, row.label_en)


def _in_use(rows: Any) -> list[Any]:
    return by_sort(r for r in rows if r.active)


def catalog_choices(store: Store) -> CatalogChoices:
    """What the errand form offers: active entries only, in sort order."""
    with store.read() as session:
        catalog = Catalog(session)
        types_of: dict[int, list[ErrandType]] = {}
        for t in _in_use(catalog.types.values()):
            types_of.setdefault(t.agency_id, []).append(t)
        agencies = tuple(
            AgencyChoice(a.code, a.label, a.label_en, tuple(map(_choice, types_of.get(a.id, []))))
            for a in _in_use(catalog.agencies.values())
        )

        def active(rows: dict[str, Any]) -> tuple[Choice, ...]:
            return tuple(map(_choice, _in_use(rows.values())))

        queues = session.scalars(
            select(Queue).where(Queue.active).order_by(Queue.sort_order, Queue.letter)
        )
        return CatalogChoices(
            agencies=agencies,
            outcomes=tuple(
                OutcomeChoice(o.code, o.label, o.label_en, o.requires_referral)
                for o in _in_use(catalog.outcomes.values())
            ),
            referral_targets=active(catalog.targets),
            languages=active(catalog.languages),
            interpreter_kinds=active(catalog.interpreters),
            queue_agencies={q.letter: tuple(a.code for a in _in_use(q.agencies)) for q in queues},
        )
