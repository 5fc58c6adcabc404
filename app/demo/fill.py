"""Demo data: a believable office history, generated fast and reproducibly.

`generate_demo` fills the N calendar days that end today (today only up to
the clock's "now", so a live queue is on screen) following the office's
opening hours and the Swedish holidays. Each open day is planned (visitors
shaped by weekday, season and hour; staffing planned from the expected load)
and then simulated: service points call by the queue engine's rules (booked
first, within the office's fairness ratio), visitors are served, recalled,
transferred, walk out or do not show. Every draw comes from a
``random.Random`` seeded by the seed and the day, so the same seed gives the
same history. Rows are bulk inserted in one transaction and marked demo.

The parts: :mod:`~app.demo.rhythm` (the weights and shares),
:mod:`~app.demo.world` (the office and its pickers),
:mod:`~app.demo.plan` (a day's visitors and staffing),
:mod:`~app.demo.sim` (the day run) and :mod:`~app.demo.write`
(the bulk insert).
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.plan import DayPlan, plan_day
from app.demo.sim import simulate, state_at
from app.demo.world import DemoRefused, World
from app.demo.write import Writer
from app.models import CallEvent, Errand, Ticket, Visit
from app.models import states as st
from app.services.access.actor import Desk, allowed
from app.services.office.clock import office_day
from app.services.office.revision import bump
from app.services.queue.calling import close_stale_days

__all__ = ["DemoRefused", "DemoResult", "generate_demo"]

log = logging.getLogger(__name__)

MAX_DAYS = 3660
MAX_VISITS_PER_DAY = 1500
FLUSH_ROWS = 20_000


@dataclass(frozen=True)
class DemoResult:
    """What the demo generator wrote."""

    tickets: int
    visits: int
    errands: int
    days: int  # days it wrote records for
    calls: int = 0
    skipped_days: int = 0  # days that already held (demo) records, left as they were
    added_points: int = 0


def _day_history(
    world: World, day: date, key: str, mean: int, cut: float, today: bool
) -> DayPlan | None:
    """Plan and simulate a day; today, make sure a queue is live when the office is open."""

    def run(live: tuple[float, random.Random] | None) -> DayPlan | None:
        rng = random.Random(key)  # seeded afresh: a day depends only on the seed and the date
        plan = plan_day(world, day, rng, mean, live)
        if plan is not None:
            simulate(world, plan, rng)
        return plan

    plan = run(None)
    if plan is None or not today or not any(a <= cut < b for a, b in plan.intervals):
        return plan
    states = [state_at(tk, cut) for tk in plan.tickets if tk.issued <= cut]
    waiting = sum(1 for s in states if s.state == st.WAITING)
    busy = sum(1 for s in states if s.state in (st.CALLED, st.SERVING))
    if waiting >= 2 and busy >= 1:
        return plan
    return run((cut, random.Random(key + ":live")))


# ---------------------------------------------------------------- the use case


def _refuse(days: int, visits_per_day: int) -> None:
    if not 1 <= days <= MAX_DAYS:
        raise DemoRefused(
            f"--days must be between 1 and {MAX_DAYS}, not {days}.",
            f"Antal dagar måste vara mellan 1 och {MAX_DAYS}.",
        )
    if not 1 <= visits_per_day <= MAX_VISITS_PER_DAY:
        raise DemoRefused(
            f"--visits-per-day must be between 1 and {MAX_VISITS_PER_DAY}, not {visits_per_day}.",
            f"Besök per dag måste vara mellan 1 och {MAX_VISITS_PER_DAY}.",
        )


def _refuse_real_records(session: Session) -> None:
    for model in (Ticket, Visit):
        if session.scalar(select(model.id).where(model.demo.is_(False)).limit(1)) is not None:
            raise DemoRefused(
                "This store holds real tickets or visits, so no demo data was added: demo data "
                "must never mix with an office's real records. Use an empty data dir "
                "(servicedisk --data-dir DIR demo ...).",
                "Databasen innehåller riktiga kölappar eller besök, så ingen demodata lades "
                "till: demodata får aldrig blandas med kontorets riktiga uppgifter.",
            )


def _days_with_records(session: Session, first: date, last: date) -> set[date]:
    found: set[date] = set()
    for model in (Ticket, Visit):
        day = model.business_day
        found.update(session.scalars(select(day).where(day.between(first, last)).distinct()))
    return found


# The demo office's staff: login, name, role. Every demo PIN is DEMO_PIN (README).
DEMO_STAFF = (
    ("chef", "Karin Chef", "manager"),
    ("anna", "Anna Handläggare", "caseworker"),
    ("bo", "Bo Handläggare", "caseworker"),
    ("rut", "Rut Reception", "reception"),
)
DEMO_PIN = "123456"


def _demo_staff(desk: Desk) -> None:
    """Sign-in accounts for a demo office that has none (a real office's are never touched)."""
    from app.services.staff.accounts import add_staff, has_staff

    if has_staff(desk.store):
        return
    for login, name, role in DEMO_STAFF:
        add_staff(desk, login, role, DEMO_PIN, DEMO_PIN, display_name=name)


@allowed("configure")
def generate_demo(desk: Desk, *, days: int, seed: int = 1, visits_per_day: int = 120) -> DemoResult:
    """Fill the N days ending today with demo history (today up to now); see the module doc.

    Refuses (DemoRefused) a store holding any real ticket or visit. Days that
    already hold (demo) records are left as they are. May add service points
    when the office has too few for the volume asked for.
    """
    store, clock = desk.store, desk.clock
    _refuse(days, visits_per_day)
    now = clock.now()
    with store.read() as session:  # before any account is added, too
        _refuse_real_records(session)
    _demo_staff(desk)
    today = office_day(store, now)
    first = today - timedelta(days=days - 1)
    cut = now.timestamp()
    with store.write() as session:
        _refuse_real_records(session)
        # What an earlier run left live on an earlier day ends as the engine ends a day.
        close_stale_days(session, today, now)
        world = World(session)
        added = world.size_points(session, visits_per_day)
        taken = _days_with_records(session, first, today)
        writer = Writer(session, world)
        for offset in range(days):
            day = first + timedelta(days=offset)
            if day in taken:
                continue
            key = f"servicedisk-demo:{seed}:{day.isoformat()}"
            plan = _day_history(world, day, key, visits_per_day, cut, day == today)
            if plan is not None:
                writer.add(plan, cut)
            if writer.pending >= FLUSH_ROWS:
                writer.flush()
        writer.finish()
        if writer.days:
            bump(session, now, writer.days)
    result = DemoResult(
        tickets=writer.counts[Ticket],
        visits=writer.counts[Visit],
        errands=writer.counts[Errand],
        days=len(writer.days),
        calls=writer.counts[CallEvent],
        skipped_days=len(taken),
        added_points=added,
    )
    log.info("demo data: %s", result)
    return result
