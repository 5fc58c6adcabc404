"""The office and its set-up: seed a new store, read the office, queues and points."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.config import RESOURCES_DIR
from app.models import Office, Queue, ServicePoint, ServicePointQueue
from app.services.access.actor import SYSTEM, Desk, allowed
from app.services.office.clock import Clock
from app.services.office.revision import bump
from app.services.queue.views import REVISION_SQL, fill_profiles
from app.store.engine import Store

log = logging.getLogger(__name__)

SEED_DIR = RESOURCES_DIR / "seed"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class OfficeInfo:
    """The office, its opening hours and its queue rules."""

    code: str
    name: str
    time_zone: str
    revision: int
    opening_hours: dict[str, list[list[str]]]
    recalls_before_no_show: int
    recall_min_seconds: int
    priority_ratio: int
    retention_days: int
    small_count_threshold: int
    backup_days: int
    idle_lock_minutes: int = 5
    pin_min_length: int = 4
    cli_sign_in: bool = False
    kiosk_languages: tuple[str, ...] = ("sv", "en")
    kiosk_cutoff_minutes: int = 15
    kiosk_idle_seconds: int = 60
    max_waiting: int | None = None
    live_page: bool = False
    booking_tolerance_minutes: int = 10  # a booked visit is called from this long before


@dataclass(frozen=True)
class QueueInfo:
    """A queue as screens and the command line show it."""

    id: int
    code: str
    letter: str
    label: str
    label_en: str | None
    agency_codes: tuple[str, ...]


@dataclass(frozen=True)
class ServicePointInfo:
    """A service point and the queue letters it serves, in its profile's order."""

    id: int
    number: int
    name: str
    call_order: str
    queue_letters: tuple[str, ...]


def seeder(clock: Clock) -> Callable[[Store], bool]:
    """What :func:`~app.store.engine.open_store` calls on a store: the seed office, put in
    by the app itself (:data:`~app.services.access.actor.SYSTEM`) where there is none."""
    return lambda store: seed_store(Desk(store, clock, SYSTEM))


@allowed("configure")
def seed_store(desk: Desk, seed_dir: Path = SEED_DIR) -> bool:
    """Fill an empty store with the seed office; returns whether it did anything."""
    # Only a new store needs the catalog's code: an everyday start does without loading it.
    from app.services.catalog import transfer as catalog

    with desk.store.write() as session:
        if session.scalar(select(Office.id)) is not None:
            return False
        data = json.loads((seed_dir / "office.json").read_text(encoding="utf-8"))
        office: dict[str, Any] = data["office"]
        session.add(
            Office(
                code=office["code"],
                name=office["name"],
                time_zone=office["time_zone"],
                opening_hours={d: office["opening_hours"].get(d, []) for d in WEEKDAYS},
            )
        )
        doc = catalog.read_catalog_file(seed_dir / "catalog.json")
        catalog.apply_catalog(session, doc)
        for point in data["service_points"]:
            session.add(ServicePoint(number=point["number"], name=point["name"]))
        bump(session, desk.clock.now(), [])
    log.info("seeded a new store with %s", office["name"])
    return True


def _office(session: Session) -> Office:
    office = session.scalar(select(Office))
    if office is None:
        raise LookupError("the store has no office; it was not seeded")
    return office


def get_office(store: Store) -> OfficeInfo:
    """The office of this store."""
    with store.read() as session:
        o = _office(session)
        return OfficeInfo(
            code=o.code,
            name=o.name,
            time_zone=o.time_zone,
            revision=int(session.scalar(text(REVISION_SQL)) or 0),
            opening_hours=dict(o.opening_hours),
            recalls_before_no_show=o.recalls_before_no_show,
            recall_min_seconds=o.recall_min_seconds,
            priority_ratio=o.priority_ratio,
            retention_days=o.retention_days,
            small_count_threshold=o.small_count_threshold,
            backup_days=o.backup_days,
            idle_lock_minutes=o.idle_lock_minutes,
            pin_min_length=o.pin_min_length,
            cli_sign_in=bool(o.cli_sign_in),
            kiosk_languages=tuple(c for c in (o.kiosk_languages or "").split(",") if c),
            kiosk_cutoff_minutes=o.kiosk_cutoff_minutes,
            kiosk_idle_seconds=o.kiosk_idle_seconds,
            max_waiting=o.max_waiting,
            live_page=bool(o.live_page),
            booking_tolerance_minutes=o.booking_tolerance_minutes,
        )


def queue_info(queue: Queue) -> QueueInfo:
    """The read model of a queue row."""
    return QueueInfo(
        queue.id,
        queue.code,
        queue.letter,
        queue.label,
        queue.label_en,
        tuple(a.code for a in queue.agencies),
    )


def list_queues(store: Store) -> list[QueueInfo]:
    """The active queues, in display order."""
    with store.read() as session:
        rows = session.scalars(
            select(Queue).where(Queue.active).order_by(Queue.sort_order, Queue.letter)
        )
        return [queue_info(q) for q in rows]


def list_languages(store: Store) -> list[tuple[str, str]]:
    """The catalog's active languages as (code, Swedish label), in the catalog's order."""
    from app.models import Language

    with store.read() as session:
        rows = session.execute(
            select(Language.code, Language.label)
            .where(Language.active)
            .order_by(Language.sort_order, Language.id)
        ).all()
    return [(code, label) for code, label in rows]


def agency_names(store: Store) -> dict[str, str]:
    """The active agencies' own names by code ("FK" → "Försäkringskassan"); not the common
    desk, the municipality or the region, whose names say little of what they do."""
    from app.models import Agency

    with store.read() as session:
        rows = session.execute(
            select(Agency.code, Agency.label).where(Agency.active, Agency.kind == "agency")
        ).all()
    return {code: label for code, label in rows}


def point_queue_map(session: Session, point_ids: Iterable[int]) -> dict[int, list[int]]:
    """The queues each point serves, in profile order; every active queue when not narrowed.

    Two reads however many points there are.
    """
    pairs = session.execute(
        select(ServicePointQueue.service_point_id, ServicePointQueue.queue_id).order_by(
            ServicePointQueue.service_point_id, ServicePointQueue.position
        )
    )
    every = session.scalars(
        select(Queue.id).where(Queue.active).order_by(Queue.sort_order, Queue.letter)
    )
    return fill_profiles(pairs, point_ids, list(every))


def list_service_points(store: Store) -> list[ServicePointInfo]:
    """The active service points with their work profiles."""
    with store.read() as session:
        letters = {row.id: row.letter for row in session.execute(select(Queue.id, Queue.letter))}
        points = list(
            session.scalars(
                select(ServicePoint).where(ServicePoint.active).order_by(ServicePoint.number)
            )
        )
        profiles = point_queue_map(session, (p.id for p in points))
        return [
            ServicePointInfo(
                p.id, p.number, p.name, p.call_order, tuple(letters[i] for i in profiles[p.id])
            )
            for p in points
        ]
