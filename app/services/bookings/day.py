"""The day's bookings in the store: taken in from a file, listed, checked in.

No identity is kept. A booking reference is stored only as an HMAC of it under
the office's own salt (:func:`reference_hash`): a visitor who presents the
reference is found, and nothing in the store says whose it is.

Taking in a file (:func:`import_bookings`) is one transaction that checks every
row against the catalog first: a bad row changes nothing and its line is named.
The same file twice changes nothing; a changed booking is updated, a cancelled
one withdrawn.

Checking in (:func:`check_in`) issues the booking's ticket: a priority ticket in
the queue of its agency, due at the booked time less the office's tolerance
(before that, walk-ins go first: :mod:`app.services.queue.calling`). Too late
(after the booked time plus the tolerance) it is refused, and the screen offers
a walk-in ticket. Two check-ins of one booking at once give one ticket.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.models import Agency, Booking, ErrandType, Language, Office, Queue, QueueAgency, Ticket
from app.services import ServiceError, say
from app.services.access.actor import Desk, allowed
from app.services.access.audit import record
from app.services.office.clock import office_day, office_zone
from app.services.office.revision import bump, bump_screens
from app.services.queue.base import TicketRef
from app.services.queue.issuing import _close_stale_once, insert_ticket
from app.store.server import CALL_TURN_KEY, take_turn

if TYPE_CHECKING:
    from app.services.bookings.files import BookingRow

BOOKED, CHECKED_IN, CANCELLED, MISSED = "booked", "checked_in", "cancelled", "missed"


class BookingError(ServiceError):
    """A booking that cannot be checked in (the screens say what to do instead): where
    there is one, the queue and language of the walk-in ticket to offer."""

    exit_code = 1

    def __init__(
        self, english: str, message: str, starts_at: datetime | None = None, **params: object
    ) -> None:
        super().__init__(english, message, **params)
        self.starts_at = starts_at
        self.queue_letter: str | None = None
        self.language: str | None = None

    def offering(self, letter: str | None, language: str | None) -> BookingError:
        """This refusal, offering a walk-in ticket in that queue and language."""
        self.queue_letter, self.language = letter, language
        return self


class UnknownBookingError(BookingError):
    """No booking today has that reference."""

    def __init__(self) -> None:
        super().__init__(
            "No booking today has that reference.",
            "booking.unknown",
        )


class BookingCancelledError(BookingError):
    """The booking was cancelled."""

    def __init__(self) -> None:
        super().__init__(
            "That booking was cancelled.",
            "booking.cancelled",
        )


class LateBookingError(BookingError):
    """Checked in after the booked time plus the office's tolerance."""

    def __init__(self, starts_at: datetime) -> None:
        super().__init__(
            "Too late for the booked time: offer a walk-in ticket.",
            "booking.late",
            starts_at,
        )


class AlreadyCheckedInError(BookingError):
    """The booking has its ticket already."""

    def __init__(self, code: str) -> None:
        super().__init__(
            f"That booking is checked in already, as ticket {code}.",
            "booking.checked_in",
            code=code,
        )
        self.code = code


class BookingImportError(ServiceError):
    """A file whose rows do not fit the catalog: nothing was changed."""


@dataclass(frozen=True)
class ImportResult:
    """What a file changed."""

    added: int
    updated: int
    withdrawn: int
    unchanged: int


@dataclass(frozen=True)
class BookingView:
    """A booking as the day list shows it: never the reference, never a name."""

    id: int
    starts_at: datetime
    minutes: int
    agency: str
    errand_type: str | None
    language: str | None
    interpreter: bool
    state: str  # booked, checked_in, cancelled, missed
    ticket_code: str | None
    checked_in_at: datetime | None


@dataclass(frozen=True)
class CheckedIn:
    """The ticket a check-in gave, and the booking's time."""

    ticket: TicketRef
    starts_at: datetime
    due_at: datetime
    errand_type: str | None


def clean_reference(reference: str) -> str:
    """A reference as typed or scanned, the way the file's are compared."""
    return "".join(reference.split()).upper()


def reference_hash(salt: str, reference: str) -> str:
    """The reference's HMAC-SHA256 under the office's salt, hex."""
    key = salt.encode("utf-8")
    return hmac.new(key, clean_reference(reference).encode("utf-8"), hashlib.sha256).hexdigest()


def _salt(conn: Connection) -> str:
    salt = conn.scalar(select(Office.booking_salt).limit(1))
    if not salt:
        raise RuntimeError("the office has no booking salt")
    return str(salt)


@allowed("bookings")
def import_bookings(desk: Desk, rows: Sequence[BookingRow]) -> ImportResult:
    """Take in a file's bookings in one transaction; all or nothing."""
    now = desk.clock.now()
    tz = office_zone(desk.store)
    with desk.store.write_connection(desk=True) as conn:
        agencies = dict(conn.execute(select(Agency.code, Agency.id)).all())
        errands = {
            (agency_id, code): id_
            for id_, agency_id, code in conn.execute(
                select(ErrandType.id, ErrandType.agency_id, ErrandType.code)
            ).all()
        }
        languages = set(conn.scalars(select(Language.code)))
        salt = _salt(conn)
        wanted = []
        days: set[date] = set()
        for row in rows:
            agency_id = agencies.get(row.agency)
            if agency_id is None:
                raise _refused(
                    row,
                    f"agency {row.agency!r} is not in the catalog",
                    "bookings.import.unknown_agency",
                    agency=row.agency,
                )
            errand_id = None
            if row.errand_type is not None:
                errand_id = errands.get((agency_id, row.errand_type))
                if errand_id is None:
                    raise _refused(
                        row,
                        f"errand type {row.errand_type!r} is not one of {row.agency}'s",
                        "bookings.import.unknown_errand_type",
                        errand_type=row.errand_type,
                        agency=row.agency,
                    )
            if row.language is not None and row.language not in languages:
                raise _refused(
                    row,
                    f"language {row.language!r} is not in the catalog",
                    "bookings.import.unknown_language",
                    language=row.language,
                )
            day = row.starts_at.astimezone(tz).date()
            days.add(day)
            values = {
                "business_day": day,
                "starts_at": row.starts_at,
                "minutes": row.minutes,
                "agency_id": agency_id,
                "errand_type_id": errand_id,
                "language": row.language,
                "interpreter": row.interpreter,
            }
            wanted.append((reference_hash(salt, row.reference), row.cancelled, values))
        result = _apply(conn, wanted, now)
        if result.added or result.updated or result.withdrawn:
            # A day that has begun changes its records (and is sent again); a day to come
            # only changes what the screens show: it is sent once it has begun.
            today = office_day(desk.store, now)
            begun = sorted(d for d in days if d <= today)
            if begun:
                bump(conn, now, begun)
            if len(begun) < len(days):
                bump_screens(conn)
    with desk.store.write() as session:
        record(session, now, "config", action="bookings import", added=result.added,
               updated=result.updated, withdrawn=result.withdrawn)  # fmt: skip
    return result


def _refused(row: BookingRow, english: str, message: str, **params: object) -> BookingImportError:
    return BookingImportError(
        f"line {row.line}: {english}; nothing was imported",
        "bookings.import.at_line",
        line=row.line,
        text=say(message, **params),
    )


_FIELDS = ("starts_at", "minutes", "agency_id", "errand_type_id", "language", "interpreter")


def _apply(
    conn: Connection, wanted: list[tuple[str, bool, dict[str, object]]], now: datetime
) -> ImportResult:
    added = updated = withdrawn = unchanged = 0
    held = {
        row.ref_hash: row
        for row in conn.execute(
            select(Booking).where(Booking.ref_hash.in_([h for h, _c, _v in wanted]))
        ).all()
    }
    new: list[dict[str, Any]] = []
    for ref_hash, cancelled, values in wanted:
        old = held.get(ref_hash)
        if old is None:  # a cancelled one is kept too: its visitor is told so at check-in
            state = CANCELLED if cancelled else BOOKED
            new.append({"ref_hash": ref_hash, "state": state, "imported_at": now, **values})
            added, withdrawn = added + (not cancelled), withdrawn + cancelled
            continue
        if cancelled:
            if old.state == BOOKED:
                # Guarded as it is written: a check-in on another PC since the read stands.
                conn.execute(
                    update(Booking)
                    .where(Booking.id == old.id, Booking.state == BOOKED)
                    .values(state=CANCELLED)
                )
                withdrawn += 1
            else:
                unchanged += 1  # checked in already, or withdrawn before
            continue
        changes = {k: v for k, v in values.items() if getattr(old, k) != v}
        if old.state == CANCELLED:
            changes["state"] = BOOKED  # booked again
        if changes and old.state != CHECKED_IN:
            conn.execute(
                update(Booking)
                .where(Booking.id == old.id, Booking.state != CHECKED_IN)
                .values(**changes)
            )
            updated += 1
        else:
            unchanged += 1
    if new:  # one statement for the file's new bookings (a week's file is hundreds)
        conn.execute(insert(Booking), new)
    return ImportResult(added, updated, withdrawn, unchanged)


@allowed("issue")
def list_bookings(desk: Desk, day: date | None = None) -> list[BookingView]:
    """A day's bookings in time order (today by default), each with its state now."""
    now = desk.clock.now()
    day = day or office_day(desk.store, now)
    with desk.store.read() as session:
        tolerance = timedelta(minutes=_tolerance(session))
        rows = session.execute(
            select(
                Booking.id,
                Booking.starts_at,
                Booking.minutes,
                Agency.code,
                ErrandType.code,
                Booking.language,
                Booking.interpreter,
                Booking.state,
                Ticket.code,
                Booking.checked_in_at,
            )
            .join(Agency, Agency.id == Booking.agency_id)
            .outerjoin(ErrandType, ErrandType.id == Booking.errand_type_id)
            .outerjoin(Ticket, Ticket.id == Booking.ticket_id)
            .where(Booking.business_day == day)
            .order_by(Booking.starts_at, Booking.id)
        ).all()
    views = []
    for id_, starts, minutes, agency, errand, language, interpreter, state, code, checked in rows:
        state = MISSED if state == BOOKED and starts + tolerance < now else state
        views.append(
            BookingView(
                id_,
                starts,
                minutes,
                agency,
                errand,
                language,
                bool(interpreter),
                state,
                code,
                checked,
            )
        )
    return views


def _tolerance(session: Session | Connection) -> int:
    value = session.scalar(select(Office.booking_tolerance_minutes).limit(1))
    return int(value if value is not None else 10)


_OFFICE_RULES = select(
    Office.booking_salt, Office.booking_tolerance_minutes.label("tolerance")
).limit(1)
# A booking by its reference's hash, with what its check-in needs: its ticket's code (if
# checked in), its errand type's code, and the queue of its ticket (its agency's first
# active queue, else the office's first).
_AGENCY_QUEUE = (
    select(Queue.letter)
    .join(QueueAgency, QueueAgency.queue_id == Queue.id)
    .where(QueueAgency.agency_id == Booking.agency_id, Queue.active)
    .order_by(Queue.sort_order, Queue.letter)
    .limit(1)
    .scalar_subquery()
)
_FIRST_QUEUE = (
    select(Queue.letter).where(Queue.active).order_by(Queue.sort_order).limit(1).scalar_subquery()
)
_BOOKING_BY_HASH = (
    select(
        Booking.id,
        Booking.state,
        Booking.starts_at,
        Booking.language,
        Booking.business_day,
        ErrandType.code.label("errand_code"),
        Ticket.code.label("ticket_code"),
        func.coalesce(_AGENCY_QUEUE, _FIRST_QUEUE).label("letter"),
    )
    .outerjoin(ErrandType, ErrandType.id == Booking.errand_type_id)
    .outerjoin(Ticket, Ticket.id == Booking.ticket_id)
    .where(Booking.ref_hash == bindparam("ref_hash"))
)


@allowed("issue")
def check_in(desk: Desk, reference: str, source: str = "reception") -> CheckedIn:
    """Reception checks a booked visitor in with their reference: the booking's ticket."""
    return _check_in(desk, reference, source)


@allowed("kiosk")
def check_in_at_kiosk(desk: Desk, reference: str) -> CheckedIn:
    """A booked visitor checks in at the kiosk with their reference."""
    return _check_in(desk, reference, "kiosk")


def _check_in(desk: Desk, reference: str, source: str) -> CheckedIn:
    now = desk.clock.now()
    day = office_day(desk.store, now)
    _close_stale_once(desk.store, day, now)
    with desk.store.write_connection(desk=True) as conn:
        # The call turn whole, before any read: a call at a point reserved for bookings reads
        # the waiting tickets and then the bookings still to come, and must see this
        # check-in in both or in neither (app.services.queue.calling._keep_free).
        take_turn(conn, CALL_TURN_KEY)
        office = conn.execute(_OFFICE_RULES).one()
        if not office.booking_salt:
            raise RuntimeError("the office has no booking salt")
        wanted = reference_hash(str(office.booking_salt), reference)
        booking = conn.execute(_BOOKING_BY_HASH, {"ref_hash": wanted}).first()
        if booking is None or booking.business_day != day:
            raise UnknownBookingError
        letter = booking.letter
        if booking.state == CANCELLED:
            raise BookingCancelledError().offering(letter, booking.language)
        if booking.state == CHECKED_IN:
            raise AlreadyCheckedInError(str(booking.ticket_code))
        tolerance = timedelta(minutes=int(office.tolerance if office.tolerance is not None else 10))
        if now > booking.starts_at + tolerance:
            raise LateBookingError(booking.starts_at).offering(letter, booking.language)
        due = booking.starts_at - tolerance
        ref = insert_ticket(conn, day, now, str(letter), True, False, booking.language, source,
                            due_at=due, appointment_at=booking.starts_at)  # fmt: skip
        taken = conn.execute(
            update(Booking)
            .where(Booking.id == booking.id, Booking.state == BOOKED)
            .values(state=CHECKED_IN, ticket_id=ref.id, checked_in_at=now)
        )
        if not taken.rowcount:  # another check-in of it went first: this one never was
            raise AlreadyCheckedInError("?")
    return CheckedIn(ref, booking.starts_at, due, booking.errand_code)
