"""Tickets, calls, visits and errands: the records of an office day.

Nothing here identifies a visitor: no name, personnummer, phone, e-mail or
free text. Errands are structured codes (a test inspects the schema).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime
from app.models.states import WAITING


class TicketCounter(Base):
    """The last number given per queue letter and business day (atomic allocation)."""

    __tablename__ = "ticket_counter"

    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    letter: Mapped[str] = mapped_column(String(1), primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    """A queue ticket (kölapp) and where it stands."""

    __tablename__ = "ticket"
    __table_args__ = (
        UniqueConstraint("business_day", "code"),
        Index("ix_ticket_day_state", "business_day", "state"),
        Index("ix_ticket_state", "state"),
        # A service point calls or serves one visitor at a time: the database holds the rule
        # too, so no interleaving of two workstations' calls can break it.
        Index(
            "uq_ticket_one_active_call_per_point",
            "business_day",
            "service_point_id",
            unique=True,
            sqlite_where=text("state IN ('called', 'serving')"),
            postgresql_where=text("state IN ('called', 'serving')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    business_day: Mapped[date] = mapped_column(Date)
    code: Mapped[str] = mapped_column(String(8))
    number: Mapped[int] = mapped_column(Integer)
    # The queue it was issued in (its letter) and the queue it waits in now.
    origin_queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"))
    queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"))
    booked: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(12), default=WAITING)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Its place in time: the issue time, kept across transfers and returns.
    place_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    recalls: Mapped[int] = mapped_column(Integer, default=0)
    # Service time before a park (the time after the last call is added at finish).
    served_seconds: Mapped[int] = mapped_column(Integer, server_default="0")
    # The wait the visitor was told at issue (printed, shown), to measure the estimates.
    estimate_minutes: Mapped[int | None] = mapped_column(Integer)
    service_point_id: Mapped[int | None] = mapped_column(ForeignKey("service_point.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # "printed", "failed", "pdf:<path>" or None when not printed (CLI, kiosk-less).
    print_status: Mapped[str | None] = mapped_column(String(300))
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # The language the visitor chose (a visitor-text code: "ar"), never who they are.
    language: Mapped[str | None] = mapped_column(String(12))
    # Where it was taken: "reception", "kiosk" or "cli" (None before this was kept).
    source: Mapped[str | None] = mapped_column(String(12))
    # The random key of its follow-your-place page on the central receiver.
    follow_key: Mapped[str | None] = mapped_column(String(24))
    # A checked-in booking's ticket is called ahead of walk-ins from this instant (its
    # booked time less the office's tolerance); None: a priority ticket due at once.
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # A checked-in booking's booked time (shown on screens and paper; due_at is from when
    # it is called, the booked time less the office's tolerance then).
    appointment_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    queue = relationship("Queue", foreign_keys=[queue_id])
    origin_queue = relationship("Queue", foreign_keys=[origin_queue_id])
    service_point = relationship("ServicePoint")


class Booking(Base):
    """A booked visit of the day, from an agency's booking system: when, how long, what about.

    No identity: the visitor's booking reference is kept only as a salted hash
    (:attr:`ref_hash`), enough to match the reference a visitor presents at check-in.
    """

    __tablename__ = "booking"
    __table_args__ = (
        UniqueConstraint("ref_hash"),
        Index("ix_booking_day", "business_day"),
        Index("ix_booking_ticket", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    business_day: Mapped[date] = mapped_column(Date)
    ref_hash: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    minutes: Mapped[int] = mapped_column(Integer)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    errand_type_id: Mapped[int | None] = mapped_column(ForeignKey("errand_type.id"))
    language: Mapped[str | None] = mapped_column(String(12))
    interpreter: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # "booked", "checked_in" or "cancelled" (missed: booked, and its time plus the
    # office's tolerance has passed: worked out, never stored).
    state: Mapped[str] = mapped_column(String(12), default="booked", server_default="booked")
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class HelpRequest(Base):
    """A visitor asked for help (förtur) at the kiosk: reception's screen shows it until
    someone answers it."""

    __tablename__ = "help_request"
    __table_args__ = (
        Index("ix_help_request_day", "business_day"),
        Index("ix_help_request_ticket", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    business_day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    source: Mapped[str] = mapped_column(String(12))
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class CallEvent(Base):
    """One call or recall of a ticket to a service point: what the display announces."""

    __tablename__ = "call_event"
    __table_args__ = (
        Index("ix_call_event_day", "business_day"),
        Index("ix_call_event_ticket", "ticket_id"),  # a ticket's calls (and its deletion)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    business_day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("ticket.id"))
    service_point_id: Mapped[int] = mapped_column(ForeignKey("service_point.id"))
    recall: Mapped[bool] = mapped_column(Boolean, default=False)
    # "next" (the point's turn by its work profile), "chosen" (out of turn) or "resume"
    # (a parked visitor): only "next" calls count for the office's fairness ratio.
    kind: Mapped[str] = mapped_column(String(8), server_default="next")


class Visit(Base):
    """A served contact: from a ticket, or a quick errand at a desk or on the phone."""

    __tablename__ = "visit"
    __table_args__ = (UniqueConstraint("ticket_id"), Index("ix_visit_day", "business_day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    business_day: Mapped[date] = mapped_column(Date)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("ticket.id"))
    channel: Mapped[str] = mapped_column(String(12), default="ticket")  # ticket, desk, phone
    service_point_id: Mapped[int | None] = mapped_column(ForeignKey("service_point.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The case worker forgot to finish, so the service time is not to be trusted.
    timing_unreliable: Mapped[bool] = mapped_column(Boolean, default=False)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)

    errands: Mapped[list[Errand]] = relationship(
        back_populates="visit", order_by="Errand.position", cascade="all, delete-orphan"
    )


class Errand(Base):
    """One errand of a visit, in codes only."""

    __tablename__ = "errand"
    __table_args__ = (Index("ix_errand_visit", "visit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"))
    errand_type_id: Mapped[int | None] = mapped_column(ForeignKey("errand_type.id"))
    outcome_id: Mapped[int] = mapped_column(ForeignKey("outcome.id"))
    referral_target_id: Mapped[int | None] = mapped_column(ForeignKey("referral_target.id"))
    language_id: Mapped[int | None] = mapped_column(ForeignKey("language.id"))
    interpreter_kind_id: Mapped[int | None] = mapped_column(ForeignKey("interpreter_kind.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    corrected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    corrected_by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    visit: Mapped[Visit] = relationship(back_populates="errands")


class DaySummary(Base):
    """A business day's figures, computed from its visit rows at a day revision.

    Statistics for a period read these; sync sends them; the retention purge
    keeps them when it deletes the visit rows, so old days stay reportable.
    """

    __tablename__ = "day_summary"

    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class SyncState(Base):
    """The latest revision of a business day the central receiver has acknowledged."""

    __tablename__ = "sync_state"

    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    acked_revision: Mapped[int] = mapped_column(Integer)
    acked_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncAttempt(Base):
    """One try to send a day (or to reach the receiver at all), for the manager's log."""

    __tablename__ = "sync_attempt"
    __table_args__ = (Index("ix_sync_attempt_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    business_day: Mapped[date | None] = mapped_column(Date)
    revision: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[int | None] = mapped_column(Integer)  # the HTTP status, if any came back
    outcome: Mapped[str] = mapped_column(String(20))  # acked, superseded, retry, stopped
    detail: Mapped[str | None] = mapped_column(String(300))


class DayRevision(Base):
    """Per business day, a counter bumped by every change to that day's records."""

    __tablename__ = "day_revision"

    business_day: Mapped[date] = mapped_column(Date, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEvent(Base):
    """A staff action worth keeping: logins, exports, configuration, purges, restores."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(String(40))
    # Structured detail about the action, in codes; never visitor data, never free text.
    detail: Mapped[str | None] = mapped_column(String(500))
    # The role acted in, and for the command line the operating-system user.
    role: Mapped[str | None] = mapped_column(String(20))
    os_user: Mapped[str | None] = mapped_column(String(64))
