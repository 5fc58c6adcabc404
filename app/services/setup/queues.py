"""Change the office's queues: add, edit, retire and restore; read them all.

A retired queue is kept for history and issues no tickets; it gives up its
letter when another queue needs it. Each function is one transaction that
bumps the office revision and audit-logs the change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Agency, Queue, ServicePoint, Ticket
from app.models import states as st
from app.models.office import spare_letters
from app.services.access.actor import Desk, allowed
from app.services.office.clock import session_day
from app.services.office.revision import bump
from app.services.setup.base import (
    InvalidSettingError,
    LastActiveError,
    LetterTakenError,
    QueueInUseError,
    QueueNotFoundError,
    UnknownAgencyCodeError,
    audit,
    clean_label,
    clean_optional,
    compact_order,
)
from app.store.engine import Store


@dataclass(frozen=True)
class QueueSetup:
    """A queue as the settings screen shows it, retired ones included."""

    code: str
    letter: str
    label: str
    label_en: str | None
    agency_codes: tuple[str, ...]
    active: bool

    @property
    def has_letter(self) -> bool:
        """Whether it holds a ticket letter (a retired queue may have given it up)."""
        return bool(re.fullmatch("[A-Z]", self.letter))


def _queue_setup(queue: Queue) -> QueueSetup:
    return QueueSetup(
        queue.code,
        queue.letter,
        queue.label,
        queue.label_en,
        tuple(a.code for a in queue.agencies),
        queue.active,
    )


def list_queue_setup(store: Store) -> list[QueueSetup]:
    """Every queue, in use first, in display order."""
    with store.read() as session:
        rows = session.scalars(
            select(Queue).order_by(Queue.active.desc(), Queue.sort_order, Queue.letter)
        )
        return [_queue_setup(q) for q in rows]


def _queue_by_code(session: Session, code: str) -> Queue:
    queue = session.scalar(select(Queue).where(Queue.code == code))
    if queue is None:
        raise QueueNotFoundError(
            f"There is no queue with the code {code!r}.",
            "setup.queue.not_found",
        )
    return queue


def _clean_letter(letter: str) -> str:
    letter = (letter or "").strip().upper()
    if not re.fullmatch("[A-Z]", letter):
        raise InvalidSettingError(
            f"A queue letter is one letter A–Z, not {letter!r}.",
            "setup.queue.letter",
        )
    return letter


def _take_letter(session: Session, letter: str, queue: Queue | None) -> None:
    """Make the letter free for this queue: refuse one in use, move a retired holder aside."""
    holder = session.scalar(select(Queue).where(Queue.letter == letter))
    if holder is None or holder is queue:
        return
    if holder.active:
        raise LetterTakenError(
            f"Queue {letter} ({holder.label}) already has that letter.",
            "setup.queue.letter_taken",
            letter=letter,
            label=holder.label,
        )
    # A retired queue keeps its history but gives its letter up.
    holder.letter = next(spare_letters(session.scalars(select(Queue.letter))))
    session.flush()


def _agencies(session: Session, codes: Iterable[str]) -> list[Agency]:
    wanted = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    found = {a.code: a for a in session.scalars(select(Agency).where(Agency.active))}
    for code in wanted:
        if code not in found:
            raise UnknownAgencyCodeError(
                f"There is no agency in use with the code {code!r}.",
                "setup.queue.unknown_agency",
                code=code,
            )
    return [found[c] for c in wanted]


def _new_code(session: Session, label: str) -> str:
    table = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuAAOEU")
    base = re.sub(r"[^a-z0-9]+", "-", label.translate(table).lower()).strip("-")[:30] or "queue"
    taken = set(session.scalars(select(Queue.code)))
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    return code


@allowed("configure")
def add_queue(
    desk: Desk,
    letter: str,
    label: str,
    *,
    label_en: str = "",
    agencies: Sequence[str] = (),
) -> QueueSetup:
    """Add a queue in use with its ticket letter, after the others."""
    letter = _clean_letter(letter)
    label = clean_label(label, "queue_name")
    english = clean_optional(label_en, "queue_name_en")
    now = desk.clock.now()
    with desk.store.write() as session:
        _take_letter(session, letter, None)
        others = list(session.scalars(select(Queue)))
        compact_order(others)
        queue = Queue(
            code=_new_code(session, label),
            letter=letter,
            label=label,
            label_en=english,
            active=True,
            sort_order=sum(q.active for q in others),
        )
        queue.agencies = _agencies(session, agencies)
        session.add(queue)
        session.flush()
        audit(session, now, f"queue {letter} added ({queue.code})")
        bump(session, now, [])
        return _queue_setup(queue)


@allowed("configure")
def update_queue(
    desk: Desk,
    code: str,
    *,
    letter: str | None = None,
    label: str | None = None,
    label_en: str | None = None,
    agencies: Sequence[str] | None = None,
) -> QueueSetup:
    """Change a queue's letter, names or agencies; None leaves a field, "" clears label_en."""
    new_letter = _clean_letter(letter) if letter is not None else None
    new_label = clean_label(label, "queue_name") if label is not None else None
    now = desk.clock.now()
    with desk.store.write() as session:
        queue = _queue_by_code(session, code)
        changes = []
        if new_letter is not None and new_letter != queue.letter:
            _take_letter(session, new_letter, queue)
            changes.append(f"letter {queue.letter} -> {new_letter}")
            queue.letter = new_letter
        if new_label is not None and new_label != queue.label:
            queue.label = new_label
            changes.append("name")
        if label_en is not None:
            english = clean_optional(label_en, "queue_name_en")
            if english != queue.label_en:
                queue.label_en = english
                changes.append("English name")
        if agencies is not None:
            refs = _agencies(session, agencies)
            if [a.code for a in refs] != [a.code for a in queue.agencies]:
                queue.agencies = refs
                changes.append("agencies " + ",".join(a.code for a in refs))
        if changes:
            session.flush()
            audit(session, now, f"queue {queue.code} changed: {'; '.join(changes)}")
            bump(session, now, [])
        return _queue_setup(queue)


def _check_can_retire_queue(session: Session, queue: Queue, now: datetime) -> None:
    waiting = session.scalar(
        select(func.count(Ticket.id)).where(
            Ticket.queue_id == queue.id,
            Ticket.business_day == session_day(session, now),
            Ticket.state.in_(st.ACTIVE_STATES),
        )
    )
    if waiting:
        raise QueueInUseError(
            f"Queue {queue.letter} still has {waiting} visitor(s) today; it was not retired.",
            "setup.queue.waited_in",
            letter=queue.letter,
            count=waiting,
        )
    others = session.scalar(select(func.count(Queue.id)).where(Queue.active, Queue.id != queue.id))
    if not others:
        raise LastActiveError(
            "The office needs at least one queue in use.",
            "setup.queue.last",
        )
    for point in session.scalars(select(ServicePoint).where(ServicePoint.active)):
        ids = [p.queue_id for p in point.profile]
        if ids == [queue.id]:
            raise QueueInUseError(
                f"Service point {point.number} serves only queue {queue.letter}.",
                "setup.queue.served_alone",
                point=point.name,
                letter=queue.letter,
            )


@allowed("configure")
def set_queue_active(desk: Desk, code: str, active: bool) -> QueueSetup:
    """Retire a queue (kept for history, no new tickets) or put it back in use."""
    now = desk.clock.now()
    with desk.store.write() as session:
        queue = _queue_by_code(session, code)
        if queue.active == active:
            return _queue_setup(queue)
        if active:
            if not re.fullmatch("[A-Z]", queue.letter):
                raise InvalidSettingError(
                    f"Queue {queue.code} has no letter; give it one before restoring it.",
                    "setup.queue.no_letter",
                    label=queue.label,
                )
            retired = [a for a in queue.agencies if not a.active]
            if retired:
                raise QueueInUseError(
                    f"Queue {queue.code} is for the retired agency {retired[0].code}.",
                    "setup.queue.retired_agency",
                    label=queue.label,
                    agency=retired[0].label,
                )
        else:
            _check_can_retire_queue(session, queue, now)
            for point in session.scalars(select(ServicePoint)):
                point.profile = [p for p in point.profile if p.queue_id != queue.id]
        queue.active = active
        compact_order(session.scalars(select(Queue)), first=queue if active else None)
        session.flush()
        audit(session, now, f"queue {queue.letter} {'restored' if active else 'retired'}")
        bump(session, now, [])
        return _queue_setup(queue)
