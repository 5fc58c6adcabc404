"""Staff accounts and sign-in: add, list, disable, reset a PIN; wrong attempts lock out.

A login is a short code (``anna.l``); the display name is the staff member's
own name, shown to colleagues and in the manager's own statistics. Five wrong
PINs in a row lock the account, each time longer (:data:`LOCK_STEPS`); the right
PIN or a manager's reset lifts the lock. A PIN meets the office's rule for its
role (:mod:`app.services.staff.pins`); one that does not, or one a manager set,
is changed at the next sign-in. Every sign-in, failure, lock-out and account
change is audited.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import AuditEvent, Office, Staff
from app.services import ServiceError, say
from app.services.access.actor import ANYONE, MANAGER, ROLES, Actor, Desk, acting, allowed
from app.services.access.audit import record
from app.services.staff.pins import (
    PIN_MIN,
    PinRuleError,
    StaffError,
    check_new_pin,
    check_pin,
    hash_pin,
    pin_minimum,
)
from app.store.engine import Store

MAX_ATTEMPTS = 5
# Each lock-out since the account's last sign-in lasts longer: a guesser gets five tries
# per lock, 25 in the first day and 5 a day after, instead of some 1,150 a day.
LOCK_STEPS = (
    timedelta(minutes=5),
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=24),
)
LOGIN_RE = re.compile(r"^[a-z][a-z0-9._-]{1,39}$")


class SignInError(ServiceError):
    """A sign-in refused; the message never says whether the login exists."""

    exit_code = 4


class LockedOutError(SignInError):
    """Too many wrong PINs: the account is locked for a while."""

    def __init__(self, until: datetime, now: datetime) -> None:
        minutes = max(1, math.ceil((until - now).total_seconds() / 60))
        hours = math.ceil(minutes / 60)
        if minutes <= 60:
            en, message = f"{minutes} min", say("staff.locked_minutes", minutes=minutes)
        else:
            message = say("staff.locked_hour" if hours == 1 else "staff.locked_hours", hours=hours)
            en = f"{hours} h"
        super().__init__(f"Too many wrong attempts: try again in {en}.", message)
        self.until = until


@dataclass(frozen=True)
class StaffView:
    """One account as a manager sees it (never the hash)."""

    login: str
    display_name: str
    role: str
    active: bool
    locked_until: datetime | None


def check_login(login: str) -> str:
    """A login in its stored form (lowercase), or StaffError."""
    cleaned = login.strip().lower()
    if not LOGIN_RE.match(cleaned):
        raise StaffError(
            "A login is 2–40 characters: a letter first, then a–z, digits, '.', '_' or '-'.",
            "staff.login_rule",
        )
    return cleaned


def check_role(role: str) -> str:
    """One of the three roles, or StaffError."""
    if role not in ROLES:
        raise StaffError(
            f"The role must be one of {', '.join(ROLES)}.",
            "staff.role_rule",
        )
    return role


def _view(staff: Staff) -> StaffView:
    return StaffView(
        staff.login, staff.display_name, staff.role, bool(staff.active), staff.locked_until
    )


def _by_login(session: Session, login: str) -> Staff:
    staff = session.scalar(select(Staff).where(Staff.login == login.strip().lower()))
    if staff is None:
        raise StaffError(
            f"There is no staff member {login.strip()[:40]!r}.",
            "staff.unknown",
            login=login.strip()[:40],
        )
    return staff


@allowed(ANYONE)
def login_of(desk: Desk, staff_id: int) -> str | None:
    """A colleague's login, as the status bars show it (None for an unknown id)."""
    with desk.store.read() as session:
        return session.scalar(select(Staff.login).where(Staff.id == staff_id))


def has_staff(store: Store) -> bool:
    """Whether any account exists (none: the first-run wizard makes the first manager)."""
    with store.read() as session:
        return bool(session.scalar(select(func.count(Staff.id))))


@allowed("staff")
def list_staff(desk: Desk) -> list[StaffView]:
    """Every account, by login."""
    with desk.store.read() as session:
        return [_view(s) for s in session.scalars(select(Staff).order_by(Staff.login))]


@allowed("staff")
def add_staff(
    desk: Desk,
    login: str,
    role: str,
    pin: str,
    confirmation: str,
    *,
    display_name: str | None = None,
) -> StaffView:
    """Create an account."""
    return _add(desk, login, role, pin, confirmation, display_name, first=False)


@allowed(ANYONE)
def create_first_manager(
    desk: Desk, login: str, pin: str, confirmation: str, display_name: str | None = None
) -> StaffView:
    """The first-run wizard's manager: anyone may make it, only while there is no account."""
    return _add(desk, login, MANAGER, pin, confirmation, display_name, first=True)


def _add(
    desk: Desk,
    login: str,
    role: str,
    pin: str,
    confirmation: str,
    display_name: str | None,
    *,
    first: bool,
) -> StaffView:
    login, role = check_login(login), check_role(role)
    check_new_pin(pin, confirmation, pin_minimum(role, office_pin_minimum(desk.store)))
    name = (display_name or "").strip() or login
    if len(name) > 120:
        raise StaffError("The name is longer than 120 characters.", "staff.name_too_long")
    hashed = hash_pin(pin)  # slow: before the write transaction, not inside it
    now = desk.clock.now()
    with desk.store.write() as session:
        if first and session.scalar(select(func.count(Staff.id))):
            raise StaffError(
                "The office already has staff accounts.",
                "staff.has_accounts",
            )
        if session.scalar(select(Staff.id).where(Staff.login == login)) is not None:
            raise StaffError(f"The login {login} is taken.", "staff.login_taken", login=login)
        staff = Staff(login=login, display_name=name, role=role, pin_hash=hashed, active=True)
        session.add(staff)
        session.flush()
        record(session, now, "staff", action="added", login=login, role=role)
        return _view(staff)


def _active_managers(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count(Staff.id)).where(Staff.role == MANAGER, Staff.active.is_(True))
        )
        or 0
    )


@allowed("staff")
def set_active(desk: Desk, login: str, active: bool) -> StaffView:
    """Disable an account (kept, for the history it served) or enable it again."""
    now = desk.clock.now()
    with desk.store.write() as session:
        staff = _by_login(session, login)
        if bool(staff.active) == active:
            return _view(staff)
        if not active and staff.role == MANAGER and _active_managers(session) <= 1:
            raise StaffError(
                "The last active manager cannot be disabled.",
                "staff.last_manager_disable",
            )
        staff.active = active
        record(session, now, "staff", action="enabled" if active else "disabled", login=staff.login)
        return _view(staff)


@allowed("staff")
def set_role(desk: Desk, login: str, role: str) -> StaffView:
    """Give an account another role (never the office without an active manager)."""
    role = check_role(role)
    now = desk.clock.now()
    with desk.store.write() as session:
        staff = _by_login(session, login)
        if staff.role == role:
            return _view(staff)
        if staff.role == MANAGER and staff.active and _active_managers(session) <= 1:
            raise StaffError(
                "The last active manager must stay a manager.",
                "staff.last_manager_role",
            )
        staff.role = role
        record(session, now, "staff", action="role", login=staff.login, role=role)
        return _view(staff)


@allowed("staff")
def reset_pin(desk: Desk, login: str, pin: str, confirmation: str) -> StaffView:
    """Set a new PIN (and lift a lock-out). Set for someone else, it is theirs only until
    their next sign-in, where they choose their own."""
    with desk.store.read() as session:
        role = _by_login(session, login).role
    check_new_pin(pin, confirmation, pin_minimum(role, office_pin_minimum(desk.store)))
    hashed = hash_pin(pin)
    now = desk.clock.now()
    with desk.store.write() as session:
        staff = _by_login(session, login)
        staff.pin_hash, staff.failed_attempts, staff.locked_until = hashed, 0, None
        staff.pin_change_due = staff.id != desk.actor.staff_id
        record(session, now, "staff", action="pin_reset", login=staff.login)
        return _view(staff)


@allowed(ANYONE)
def change_own_pin(desk: Desk, current: str, pin: str, confirmation: str) -> StaffView:
    """The signed-in person's own new PIN, proved by the one they have (an attempt counted
    like any sign-in). It meets the office's rule for their role."""
    actor = desk.actor
    if actor.staff_id is None or actor.login is None:
        raise StaffError("Sign in to change your PIN.", "staff.sign_in_for_pin")
    if pin == current:
        raise PinRuleError("Choose a PIN other than the one you have.", "staff.same_pin")
    check_new_pin(pin, confirmation, pin_minimum(actor.role, office_pin_minimum(desk.store)))
    _sign_in(desk, actor.login, current)
    hashed = hash_pin(pin)
    now = desk.clock.now()
    with desk.store.write() as session:
        staff = session.get(Staff, actor.staff_id)
        if staff is None or not staff.active:
            raise StaffError("The account is gone.", "staff.gone")
        staff.pin_hash, staff.pin_change_due = hashed, False
        record(session, now, "staff", action="pin_changed", login=staff.login)
        return _view(staff)


def office_pin_minimum(store: Store) -> int:
    """The office's shortest PIN for everyone (Settings › Kontoret)."""
    with store.read() as session:
        return _office_minimum(session)


def _office_minimum(session: Session) -> int:
    return int(session.scalar(select(Office.pin_min_length)) or PIN_MIN)


@dataclass(frozen=True)
class SignedIn:
    """Who signed in, and whether they must choose a new PIN before they go on."""

    actor: Actor
    # "short": under the rule it meets now (a manager's six, the office's own); "reset": a
    # manager set it; None: the PIN may stay.
    new_pin_due: str | None = None
    shortest: int = PIN_MIN  # the shortest PIN this person may choose


_REFUSED = ("Wrong login or PIN.", "staff.wrong_pin")


@allowed(ANYONE)
def sign_in(desk: Desk, login: str, pin: str) -> Actor:
    """The signed-in actor for a login and PIN, or SignInError (audited either way)."""
    return _sign_in(desk, login, pin).actor


@allowed(ANYONE)
def sign_in_checked(desk: Desk, login: str, pin: str) -> SignedIn:
    """Sign in, and say whether the PIN must be changed before the screens open."""
    return _sign_in(desk, login, pin)


def _sign_in(desk: Desk, login: str, pin: str) -> SignedIn:
    """An attempt is counted before its PIN is checked, in one write transaction, so PCs
    signing in at the same instant share the five attempts: at most five PINs are
    checked before the account locks, and a locked account checks none.
    """
    now = desk.clock.now()
    wanted = login.strip().lower()
    attempt = _count_attempt(desk, wanted, now)
    stored = attempt.pin_hash if attempt is not None else None
    matched = check_pin(pin, stored)  # an unknown or disabled login costs the same
    if attempt is None:
        raise SignInError(*_REFUSED)
    due: str | None = None
    shortest = PIN_MIN
    with desk.store.write() as session:  # the answer is kept, whatever it is (no raise in here)
        staff = session.get(Staff, attempt.staff_id)
        assert staff is not None
        actor = _actor_of(staff)
        with acting(actor):
            if matched:
                staff.failed_attempts, staff.locked_until = 0, None
                record(session, now, "sign_in", login=staff.login)
                shortest = pin_minimum(staff.role, _office_minimum(session))
                due = "reset" if staff.pin_change_due else None
                due = due or ("short" if len(pin) < shortest else None)
            else:
                record(session, now, "sign_in_failed", login=staff.login, attempt=attempt.number)
            if not matched and attempt.locks is not None:
                minutes = int(attempt.locks.total_seconds() // 60)
                record(
                    session, now, "locked_out", login=staff.login, minutes=minutes, time=attempt.nth
                )
    if matched:
        return SignedIn(actor, due, shortest)
    if attempt.locks is None:
        raise SignInError(*_REFUSED)
    raise LockedOutError(now + attempt.locks, now)


@dataclass(frozen=True)
class _Attempt:
    """A sign-in attempt counted for an account, before its PIN is checked."""

    staff_id: int
    pin_hash: str | None
    number: int  # the attempt's number since the last lock-out or sign-in
    locks: timedelta | None  # the last allowed attempt: the lock-out it starts if it fails
    nth: int  # which lock-out since the account's last sign-in that would be


def _count_attempt(desk: Desk, wanted: str, now: datetime) -> _Attempt | None:
    """Count an attempt on this login; None for an unknown or disabled one. A locked
    account raises LockedOutError (audited) and counts nothing."""
    with desk.store.write() as session:
        staff = session.scalar(select(Staff).where(Staff.login == wanted).with_for_update())
        if staff is None or not staff.active:
            with acting(Actor()):  # the typed login is not kept: it may be anything
                reason = "disabled" if staff is not None else "unknown"
                record(session, now, "sign_in_failed", reason=reason)
            return None
        if staff.locked_until is not None and staff.locked_until > now:
            with acting(_actor_of(staff)):
                record(session, now, "sign_in_failed", login=wanted, reason="locked")
            locked = staff.locked_until
        else:
            number = (staff.failed_attempts or 0) + 1
            staff.failed_attempts, locks, nth = number, None, 0
            if number >= MAX_ATTEMPTS:  # the last try: the account locks now, the right
                nth = _lockouts_since_sign_in(session, staff.id) + 1  # PIN lifts it again
                locks = LOCK_STEPS[min(nth, len(LOCK_STEPS)) - 1]
                staff.failed_attempts, staff.locked_until = 0, now + locks
            return _Attempt(staff.id, staff.pin_hash, number, locks, nth)
    raise LockedOutError(locked, now)


def _lockouts_since_sign_in(session: Session, staff_id: int) -> int:
    """How many times the account was locked out since it last signed in (the audit)."""
    mine = AuditEvent.staff_id == staff_id
    last_in = select(func.max(AuditEvent.id)).where(mine, AuditEvent.action == "sign_in")
    return int(
        session.scalar(
            select(func.count()).where(
                mine,
                AuditEvent.action == "locked_out",
                AuditEvent.id > func.coalesce(last_in.scalar_subquery(), 0),
            )
        )
        or 0
    )


def _actor_of(staff: Staff | None) -> Actor:
    if staff is None:
        return Actor()
    return Actor(staff_id=staff.id, role=staff.role, login=staff.login)
