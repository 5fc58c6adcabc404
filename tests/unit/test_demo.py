"""Demo data: reproducible, shaped like an office's days, consistent with the queue engine."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.cli.main import main
from app.config import Settings, resolve_settings
from app.demo.fill import DemoRefused, generate_demo
from app.models import (
    Agency,
    CallEvent,
    DayRevision,
    Errand,
    ErrandType,
    InterpreterKind,
    Office,
    Outcome,
    Queue,
    ServicePoint,
    Ticket,
    TicketCounter,
    Visit,
)
from app.services.errands import logbook as er
from app.services.office.calendar import is_open
from app.services.office.clock import OFFICE_TZ, ManualClock, business_day
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.services.queue.views import queue_snapshot
from app.store.engine import Store, open_store
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

STOCKHOLM = ZoneInfo("Europe/Stockholm")
# A Tuesday, 11:00 in Stockholm: the office is open and busy.
LIVE = datetime(2025, 3, 11, 11, 0, tzinfo=STOCKHOLM)
HISTORY_DAYS = 70  # from nyårsdagen 2025


def make_store(path: Path, clock: ManualClock) -> Store:
    settings = resolve_settings(data_dir=path, env={})
    return open_store(settings, now=clock.now, seed=seeder(clock))


def digest(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every demo row, in id order."""
    with store.read() as session:
        return {
            model.__tablename__: [
                tuple(row) for row in session.execute(select(model.__table__).order_by("id"))
            ]
            for model in (Ticket, CallEvent, Visit, Errand)
        }


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, ManualClock]]:
    """A store holding 70 days of demo history up to a Tuesday 11:00 (read-only tests)."""
    clock = ManualClock(LIVE - timedelta(days=HISTORY_DAYS))
    store = make_store(tmp_path_factory.mktemp("history"), clock)
    clock.set(LIVE)
    desk = desk_for(store, clock)
    result = generate_demo(desk, days=HISTORY_DAYS, seed=11, visits_per_day=120)
    assert result.tickets > 0 and result.days > 0
    yield store, clock
    store.close()


def tickets_per_day(store: Store) -> dict[date, int]:
    with store.read() as session:
        rows = session.execute(
            select(Ticket.business_day, func.count()).group_by(Ticket.business_day)
        ).all()
        return {day: count for day, count in rows}


# ---------------------------------------------------------------- reproducible, and refusing


def test_the_same_seed_gives_the_same_history(tmp_path: Path) -> None:
    clock = ManualClock(LIVE)
    one = make_store(tmp_path / "one", clock)
    two = make_store(tmp_path / "two", clock)
    three = make_store(tmp_path / "three", clock)
    try:
        first = generate_demo(desk_for(one, clock), days=21, seed=5, visits_per_day=80)
        second = generate_demo(desk_for(two, clock), days=21, seed=5, visits_per_day=80)
        other = generate_demo(desk_for(three, clock), days=21, seed=6, visits_per_day=80)
        assert first == second
        assert digest(one) == digest(two)
        assert digest(one) != digest(three) and other.tickets > 0
    finally:
        for store in (one, two, three):
            store.close()


def test_a_server_gets_the_same_history_as_a_file(tmp_path: Path, postgres_url: str) -> None:
    """`servicedisk demo` onto a PostgreSQL server: the same rows as on SQLite, and the
    same figures for every day."""
    from app.services.stats.figures import period_figures

    clock = ManualClock(LIVE)
    on_file = make_store(tmp_path / "file", clock)
    settings = resolve_settings(data_dir=tmp_path / "server", database_url=postgres_url, env={})
    on_server = open_store(settings, now=clock.now, seed=seeder(clock))
    try:
        made = [
            generate_demo(desk_for(store, clock), days=14, seed=5, visits_per_day=60)
            for store in (on_file, on_server)
        ]
        assert made[0] == made[1] and made[0].tickets > 0
        assert digest(on_file) == digest(on_server)
        first, last = LIVE.date() - timedelta(days=14), LIVE.date()
        figures = [period_figures(s, first, last, clock.now()) for s in (on_file, on_server)]
        assert figures[0]["days"] == figures[1]["days"]
        assert figures[0]["totals"] == figures[1]["totals"]
    finally:
        on_file.close()
        on_server.close()


@pytest.mark.both_stores
def test_refuses_a_store_with_real_tickets(store: Store, clock: ManualClock, desk) -> None:
    q.issue_ticket(desk, "A")
    with pytest.raises(DemoRefused) as caught:
        generate_demo(desk, days=5)
    assert "real" in str(caught.value) and "never mix" in str(caught.value)
    assert refusal_text(caught.value)
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Ticket)) == 1
        assert session.scalar(select(func.count()).select_from(Visit)) == 0


def test_refuses_a_store_with_a_real_quick_visit(store: Store, clock: ManualClock, desk) -> None:
    er.log_quick_visit(desk, "phone", [er.ErrandInput("FK", None, "resolved")])
    with pytest.raises(DemoRefused):
        generate_demo(desk, days=5)


@pytest.mark.parametrize(("days", "per_day"), [(0, 120), (4000, 120), (5, 0), (5, 5000)])
def test_refuses_impossible_arguments(
    store: Store, clock: ManualClock, desk, days: int, per_day: int
) -> None:
    with pytest.raises(DemoRefused, match="must be between"):
        generate_demo(desk, days=days, visits_per_day=per_day)


# ---------------------------------------------------------------- the shape of the days


def test_closed_days_stay_empty(history: tuple[Store, ManualClock]) -> None:
    store, clock = history
    with store.read() as session:
        hours = session.scalar(select(Office.opening_hours))
        visit_days = set(session.scalars(select(Visit.business_day).distinct()))
    counts = tickets_per_day(store)
    first = business_day(clock.now()) - timedelta(days=HISTORY_DAYS - 1)
    days = [first + timedelta(days=i) for i in range(HISTORY_DAYS)]
    assert date(2025, 1, 1) in days and date(2025, 1, 6) in days
    for day in days:
        if is_open(hours, day):
            assert counts.get(day, 0) > 0, day
        else:
            assert day not in counts and day not in visit_days, day
    assert date(2025, 1, 6) not in counts  # trettondedag jul, a Monday


def test_monday_is_the_busiest_weekday(history: tuple[Store, ManualClock]) -> None:
    store, clock = history
    by_weekday: dict[int, list[int]] = defaultdict(list)
    for day, count in tickets_per_day(store).items():
        if day != business_day(clock.now()):
            by_weekday[day.weekday()].append(count)
    means = {wd: statistics.mean(counts) for wd, counts in by_weekday.items()}
    assert set(means) == {0, 1, 2, 3, 4}
    assert all(means[0] > means[wd] for wd in (1, 2, 3, 4)), means
    assert 90 < statistics.mean(c for cs in by_weekday.values() for c in cs) < 150


def test_ten_to_eleven_is_the_peak_hour(history: tuple[Store, ManualClock]) -> None:
    store, _ = history
    with store.read() as session:
        issued = session.scalars(select(Ticket.issued_at)).all()
    hours = Counter(t.astimezone(OFFICE_TZ).hour for t in issued)
    assert max(hours, key=lambda h: hours[h]) == 10, hours
    assert hours[10] > 1.3 * hours[12]
    assert set(hours) <= set(range(9, 18))  # within opening hours (booked check in early)


def test_today_has_a_live_queue(history: tuple[Store, ManualClock]) -> None:
    store, clock = history
    now = clock.now()
    today = business_day(now)
    with store.read() as session:
        tickets = session.scalars(select(Ticket).where(Ticket.business_day == today)).all()
        last_call = session.scalar(select(func.max(CallEvent.at)))
    states = Counter(t.state for t in tickets)
    assert states["waiting"] >= 2
    assert states["called"] + states["serving"] >= 1
    assert all(t.issued_at <= now for t in tickets)
    assert last_call is not None and last_call <= now
    busy_points = [t.service_point_id for t in tickets if t.state in ("called", "serving")]
    assert len(busy_points) == len(set(busy_points))  # one visitor per point
    snapshot = queue_snapshot(store, clock)
    assert len(snapshot.waiting) == states["waiting"]
    assert any(p.current for p in snapshot.points)
    assert snapshot.recent_calls


def test_earlier_days_are_closed_and_consistent(history: tuple[Store, ManualClock]) -> None:
    store, clock = history
    today = business_day(clock.now())
    with store.read() as session:
        office = session.scalar(select(Office))
        assert office is not None
        open_before = session.scalar(
            select(func.count())
            .select_from(Ticket)
            .where(Ticket.business_day < today, Ticket.state.in_(("waiting", "called")))
        )
        assert open_before == 0
        assert session.scalar(select(func.count()).where(Ticket.demo.is_(False))) == 0
        assert session.scalar(select(func.count()).where(Visit.demo.is_(False))) == 0
        calls = Counter(session.scalars(select(CallEvent.ticket_id)))
        rows = session.execute(select(Ticket, Visit).join(Visit, Visit.ticket_id == Ticket.id))
        for ticket, visit in rows:
            assert ticket.state == "done"
            assert visit.started_at == ticket.called_at and visit.ended_at == ticket.closed_at
            assert visit.business_day == ticket.business_day and visit.demo
            assert ticket.issued_at <= ticket.first_called_at <= ticket.called_at
            assert calls[ticket.id] >= 1 + ticket.recalls
        for ticket in session.scalars(select(Ticket).where(Ticket.state == "no_show")):
            assert ticket.recalls >= office.recalls_before_no_show
            assert calls[ticket.id] == 1 + ticket.recalls
        # Errand durations add up to the service time of visits with trusted timing.
        durations: dict[int, int] = defaultdict(int)
        for visit_id, seconds in session.execute(select(Errand.visit_id, Errand.duration_seconds)):
            durations[visit_id] += seconds or 0
        for visit in session.scalars(select(Visit).where(Visit.timing_unreliable.is_(False))):
            assert visit.ended_at is not None
            service = (visit.ended_at - visit.started_at).total_seconds()
            assert abs(durations[visit.id] - service) <= 2, visit.id


def test_referrals_match_their_outcomes(history: tuple[Store, ManualClock]) -> None:
    store, _ = history
    with store.read() as session:
        rows = session.execute(
            select(Outcome.requires_referral, Errand.referral_target_id).join(
                Outcome, Outcome.id == Errand.outcome_id
            )
        ).all()
    assert rows
    assert all((target is not None) == requires for requires, target in rows)
    assert sum(1 for requires, _ in rows if requires) > 0.05 * len(rows)


def test_the_history_has_the_variety_of_a_real_office(history: tuple[Store, ManualClock]) -> None:
    store, _ = history
    with store.read() as session:
        states = Counter(session.scalars(select(Ticket.state)))
        letters = dict(session.execute(select(Queue.id, Queue.letter)).all())
        booked = session.execute(select(Ticket.queue_id).where(Ticket.booked)).scalars().all()
        booked_errands = session.execute(
            select(Agency.code, ErrandType.code)
            .select_from(Errand)
            .join(Visit, Visit.id == Errand.visit_id)
            .join(Ticket, Ticket.id == Visit.ticket_id)
            .join(Agency, Agency.id == Errand.agency_id)
            .join(ErrandType, ErrandType.id == Errand.errand_type_id)
            .where(Ticket.booked)
        ).all()
        transfers = session.scalar(
            select(func.count()).where(Ticket.origin_queue_id != Ticket.queue_id)
        )
        per_visit = Counter(session.scalars(select(Errand.visit_id)))
        channels = Counter(session.scalars(select(Visit.channel)))
        languages = set(session.scalars(select(Errand.language_id)))
        no_interpreter = select(InterpreterKind.id).where(InterpreterKind.code == "none")
        interpreted = session.scalar(
            select(func.count()).where(
                Errand.interpreter_kind_id != no_interpreter.scalar_subquery()
            )
        )
        unreliable = session.scalar(select(func.count()).where(Visit.timing_unreliable))
        recalled = session.scalar(
            select(func.count()).where(Ticket.recalls > 0, Ticket.state == "done")
        )
    assert states["done"] > 0.85 * sum(states.values())
    assert states["no_show"] > 0 and states["walked_out"] > 0 and states["cancelled"] > 0
    assert booked and {letters[qid] for qid in booked} == {"B"}
    assert booked_errands and {a for a, _ in booked_errands} == {"SKV"}
    assert {t for _, t in booked_errands} <= {"id-kort", "id-kontroll"}
    assert transfers and transfers > 0
    assert max(per_visit.values()) >= 2 and sum(1 for n in per_visit.values() if n > 1) > 50
    assert channels["phone"] > 0 and channels["desk"] > 0
    assert len(languages) >= 6 and interpreted and interpreted > 0
    assert unreliable and recalled


def test_counters_and_revisions_follow_the_days_written(history: tuple[Store, ManualClock]) -> None:
    store, _ = history
    with store.read() as session:
        highest = {
            (day, code[0]): number
            for day, code, number in session.execute(
                select(
                    Ticket.business_day, func.min(Ticket.code), func.max(Ticket.number)
                ).group_by(Ticket.business_day, Ticket.origin_queue_id)
            )
        }
        counters = {
            (c.business_day, c.letter): c.last_number
            for c in session.scalars(select(TicketCounter))
        }
        revised = set(session.scalars(select(DayRevision.business_day)))
    assert counters == highest
    assert {day for day, _ in highest} <= revised


# ---------------------------------------------------------------- living with demo data


def test_reception_issues_the_next_free_number_after_demo(
    store: Store, clock: ManualClock, desk
) -> None:
    clock.set(LIVE)
    generate_demo(desk, days=3, seed=2)
    today = business_day(clock.now())
    with store.read() as session:
        last = session.scalar(
            select(func.max(Ticket.number)).where(
                Ticket.business_day == today, Ticket.code.like("A%")
            )
        )
    assert last
    clock.advance(minutes=1)
    ref = q.issue_ticket(desk, "A")
    assert ref.code == f"A{last + 1:03d}"
    with pytest.raises(DemoRefused):  # now the store holds a real ticket
        generate_demo(desk, days=3, seed=2)


def test_before_opening_today_is_empty(store: Store, clock: ManualClock, desk) -> None:
    clock.set(datetime(2025, 3, 11, 7, 30, tzinfo=STOCKHOLM))
    result = generate_demo(desk, days=2, seed=3)
    counts = tickets_per_day(store)
    assert date(2025, 3, 11) not in counts and counts[date(2025, 3, 10)] > 0
    assert result.days == 1


def test_a_second_run_fills_only_the_new_days(store: Store, clock: ManualClock, desk) -> None:
    clock.set(LIVE)
    first = generate_demo(desk, days=5, seed=4)
    clock.advance(days=1)
    second = generate_demo(desk, days=5, seed=4)
    # Friday 7 March fell out of the window; Monday and Tuesday were there already.
    assert (first.days, second.skipped_days, second.days) == (3, 2, 1)
    counts = tickets_per_day(store)
    assert counts[date(2025, 3, 12)] == second.tickets
    # What was live on Tuesday was closed as the queue engine closes a past day.
    with store.read() as session:
        left_open = session.scalar(
            select(func.count()).where(
                Ticket.business_day < date(2025, 3, 12),
                Ticket.state.in_(("waiting", "called", "serving")),
            )
        )
    assert left_open == 0


def test_a_large_office_gets_enough_service_points(store: Store, clock: ManualClock, desk) -> None:
    clock.set(LIVE)
    result = generate_demo(desk, days=1, seed=1, visits_per_day=600)
    assert result.added_points > 0
    with store.read() as session:
        names = session.scalars(select(ServicePoint.name).order_by(ServicePoint.number)).all()
    assert len(names) == 6 + result.added_points and names[6] == "Lucka 7"


def test_cli_demo(settings: Settings, capsys: Any, restore_logging: None) -> None:
    data_dir = str(settings.data_dir)
    assert main(["--data-dir", data_dir, "demo", "--days", "3", "--visits-per-day", "40"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(" days\n") and "tickets" in out and "errands" in out
    assert main(["--data-dir", data_dir, "ticket", "issue", "A"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", data_dir, "demo", "--days", "3"]) == 1
    err = capsys.readouterr().err
    assert "real tickets or visits" in err and "Traceback" not in err
