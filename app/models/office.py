"""The office and its set-up: queues, service points, staff."""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime

KIOSK_LANGUAGES = "sv,en,ar,fa,so,ti,uk"


class Office(Base):
    """The one office this store belongs to, with its rules and its revision."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    time_zone: Mapped[str] = mapped_column(String(60), default="Europe/Stockholm")
    # Bumped by every write that changes what a screen shows; screens poll it.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    # {"mon": [["10:00", "16:00"]], …, "sun": []}
    opening_hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recalls_before_no_show: Mapped[int] = mapped_column(Integer, default=1)
    recall_min_seconds: Mapped[int] = mapped_column(Integer, default=5)
    # How many priority tickets may be called in a row while walk-ins wait (0: no limit).
    priority_ratio: Mapped[int] = mapped_column(Integer, default=2)
    retention_days: Mapped[int] = mapped_column(Integer, default=90)
    # How long automatic backups are kept (the newest sound one always stays).
    backup_days: Mapped[int] = mapped_column(Integer, default=14, server_default="14")
    # The service level: the share of visitors called within this many minutes …
    service_level_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    # … and the share (percent) the staffing forecast plans for.
    service_level_target: Mapped[int] = mapped_column(Integer, default=80, server_default="80")
    # Where the daily summaries go (https://…; http:// only to a loopback address).
    sync_url: Mapped[str | None] = mapped_column(String(300))
    small_count_threshold: Mapped[int] = mapped_column(Integer, default=5)
    # A staff screen left alone this long locks itself (0: never); never the display.
    idle_lock_minutes: Mapped[int] = mapped_column(Integer, default=5, server_default="5")
    # Visit-level rows of days before this were purged (retention); their summaries stay.
    purged_before: Mapped[date | None] = mapped_column(Date)
    # The shortest PIN for everyone (a manager's is never shorter than six).
    pin_min_length: Mapped[int] = mapped_column(Integer, default=4, server_default="4")
    # The command line asks for a manager's login and PIN before it changes staff, restores
    # or purges (off: it acts as the PC user, a trusted local manager).
    cli_sign_in: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The kiosk: its languages (visitor-text codes, in order), when it stops issuing
    # (minutes before closing), when it goes back to its first screen, and how many may
    # wait at once (None: no limit), the fire code's "max 30 inside".
    kiosk_languages: Mapped[str] = mapped_column(
        String(200), default=KIOSK_LANGUAGES, server_default=KIOSK_LANGUAGES
    )
    kiosk_cutoff_minutes: Mapped[int] = mapped_column(Integer, default=15, server_default="15")
    kiosk_idle_seconds: Mapped[int] = mapped_column(Integer, default=60, server_default="60")
    max_waiting: Mapped[int | None] = mapped_column(Integer)
    # Push a live snapshot for the follow-your-place page (where sync is set up).
    live_page: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Bookings: the key of the references' salted hashes (made with the office), and how
    # many minutes around its time a booking is called (and after which it is missed).
    booking_salt: Mapped[str | None] = mapped_column(
        String(64), default=lambda: secrets.token_hex(32)
    )
    booking_tolerance_minutes: Mapped[int] = mapped_column(Integer, default=10, server_default="10")


class QueueAgency(Base):
    """Which agencies a queue is for."""

    __tablename__ = "queue_agency"

    queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"), primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agency.id"), primary_key=True)


def spare_letters(used: Iterable[str]) -> Iterator[str]:
    """Placeholders for queues that gave their ticket letter up (retired, or moved aside).

    The letter column holds one character and is unique, so a retired queue
    parks on a character that is not a ticket letter (A–Z): digits, lowercase,
    then the Unicode private-use area, enough for thousands of retired queues.
    """
    taken = set(used)
    ordinary = "0123456789abcdefghijklmnopqrstuvwxyz"
    private = (chr(c) for c in range(0xE000, 0xF900))
    return (c for c in itertools.chain(ordinary, private) if c not in taken)


class Queue(Base):
    """A queue with its ticket letter (a placeholder from :func:`spare_letters` when retired)."""

    __tablename__ = "queue"
    __table_args__ = (UniqueConstraint("letter"), UniqueConstraint("code"))

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    letter: Mapped[str] = mapped_column(String(1))
    label: Mapped[str] = mapped_column(String(120))
    label_en: Mapped[str | None] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    agencies: Mapped[list[Any]] = relationship(
        "Agency", secondary="queue_agency", order_by="Agency.sort_order"
    )


class ServicePointQueue(Base):
    """The work profile of a service point: the queues it serves, in order."""

    __tablename__ = "service_point_queue"

    service_point_id: Mapped[int] = mapped_column(ForeignKey("service_point.id"), primary_key=True)
    queue_id: Mapped[int] = mapped_column(ForeignKey("queue.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ServicePoint(Base):
    """A lucka: where a case worker calls and serves visitors."""

    __tablename__ = "service_point"
    __table_args__ = (UniqueConstraint("number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # "longest_wait": across its queues, the longest waiting first;
    # "queue_order": its queues strictly in profile order.
    call_order: Mapped[str] = mapped_column(String(20), default="longest_wait")
    # Reserved for booked visits: it calls checked-in bookings first (early ones too) and
    # takes a walk-in only when no booking of its queues is due within this many minutes.
    # None: not reserved.
    booking_reserve_minutes: Mapped[int | None] = mapped_column(Integer)
    profile: Mapped[list[ServicePointQueue]] = relationship(
        order_by=ServicePointQueue.position, cascade="all, delete-orphan"
    )


class Staff(Base):
    """A staff member; identified for the manager's own statistics only."""

    __tablename__ = "staff"
    __table_args__ = (UniqueConstraint("login"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(60))
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Wrong PINs in a row, and until when sign-in is refused after too many.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Set by a manager's reset: the holder chooses their own PIN at the next sign-in.
    pin_change_due: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
