"""Statistics against figures worked out by hand, from the same day's events.

Each test plays a day through the queue engine with a clock that stands still
between steps, then reads the figures for it. The expected numbers are
computed in the test from the times it chose, not by the code under test.
"""

from __future__ import annotations

import statistics
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.config import resolve_settings
from app.models import DaySummary, Ticket
from app.services.access.actor import SYSTEM, Actor, acting
from app.services.errands import logbook as errands
from app.services.errands.records import ErrandInput
from app.services.office.clock import ManualClock, business_day
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.services.stats.erlang import erlang_c, points_needed, service_level
from app.services.stats.figures import Rules, period_figures
from app.services.stats.histogram import Histogram
from app.store.engine import Store, open_store
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores

TZ = ZoneInfo("Europe/Stockholm")
RULES = Rules(threshold_s=15 * 60, target=0.8)


def local(day: date, hh: int, mm: int) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, tzinfo=TZ).astimezone(UTC)


@pytest.fixture
def office(store):
    """The test's store (on each kind, in the modules marked both_stores) and a clock of its own."""
    return store, ManualClock(local(date(2026, 3, 10), 9, 0))


def at(clock: ManualClock, day: date, hh: int, mm: int) -> None:
    clock.set(local(day, hh, mm))


def play_small_day(store: Store, clock: ManualClock, day: date) -> None:
    """Four tickets and a phone call, at times chosen for easy sums."""
    at(clock, day, 10, 0)
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "A")  # A001
    at(clock, day, 10, 2)
    q.issue_ticket(desk, "A")  # A002
    at(clock, day, 10, 5)
    q.call_next(desk, 1)  # A001 waited 5 min
    at(clock, day, 10, 10)
    q.issue_ticket(desk, "B")  # B001: will walk out
    at(clock, day, 10, 15)
    errands.finish_with_errands(  # A001 served 10 min, one errand with a referral
        desk,
        "A001",
        [ErrandInput("FK", None, "referred", "SOCIALTJANST", "ar", "phone")],
    )
    at(clock, day, 10, 20)
    q.call_next(desk, 2)  # A002 waited 18 min
    at(clock, day, 10, 25)
    q.park(desk, "A002")  # 5 min served before the park
    at(clock, day, 10, 30)
    q.walked_out(desk, "B001")
    at(clock, day, 10, 40)
    q.resume(desk, "A002", 2)
    at(clock, day, 10, 50)
    q.finish(desk, "A002")  # 10 more: 15 min served in all
    at(clock, day, 11, 0)
    q.issue_ticket(desk, "B")  # B002
    at(clock, day, 11, 1)
    q.call_next(desk, 3)  # waited 1 min
    at(clock, day, 11, 3)
    q.recall(desk, "B002")
    q.no_show(desk, "B002")
    at(clock, day, 11, 30)
    errands.log_quick_visit(
        desk, "phone", [ErrandInput("SKV", None, "resolved")], duration_seconds=240
    )


def test_a_small_day_by_hand(office):
    store, clock = office
    day = date(2026, 3, 10)
    play_small_day(store, clock, day)
    figures = period_figures(store, day, day, clock.now(), RULES)
    totals = figures["totals"]
    assert (totals["visitors"], totals["tickets"], totals["served"]) == (5, 4, 3)
    assert (totals["no_shows"], totals["walked_out"], totals["quick_phone"]) == (1, 1, 1)
    waits = [5 * 60, 18 * 60, 1 * 60]
    assert totals["wait_count"] == 3
    assert totals["wait_mean_s"] == pytest.approx(statistics.mean(waits), abs=0.1)
    assert totals["wait_max_s"] == max(waits)
    assert abs(totals["wait_median_s"] - statistics.median(waits)) <= 60  # within a bin
    services = [10 * 60, 15 * 60, 4 * 60]  # A002 counts the 5 minutes before its park
    assert totals["service_mean_s"] == pytest.approx(statistics.mean(services), abs=0.1)
    assert totals["service_max_s"] == 15 * 60
    assert totals["service_level"] == pytest.approx(2 / 3 * 100, abs=0.1)
    (row,) = figures["days"]
    assert row["day"] == "2026-03-10" and row["visitors"] == 5
    hours = {h["hour"]: h for h in figures["hours"]}
    assert hours["10"]["arrivals"] == 3 and hours["11"]["arrivals"] == 1
    assert {r["code"]: r["count"] for r in figures["referrals"]} == {"SOCIALTJANST": 1}
    assert {r["code"]: r["count"] for r in figures["languages"]} == {"ar": 1, "sv": 1}
    assert {r["code"]: r["count"] for r in figures["interpreters"]} == {"phone": 1, "none": 1}
    queues = {r["queue"]: r for r in figures["queues"]}
    assert (queues["A"]["tickets"], queues["B"]["tickets"]) == (2, 2)
    assert queues["A"]["wait_max_s"] == 18 * 60


def test_staffed_minutes_run_from_each_points_first_call_to_its_last_visit(office):
    store, clock = office
    day = date(2026, 3, 10)
    play_small_day(store, clock, day)
    figures = period_figures(store, day, day, clock.now(), RULES)
    # Point 1 called A001 at 10:05 and served it to 10:15: 10 minutes. Point 2 called A002
    # at 10:20, parked it 10:25 and served it again 10:40–10:50; the 15-minute pause is not
    # a break (over 30 would be): 30 minutes. Point 3 called B002 at 11:01 and recalled it
    # at 11:03 before the no-show: 2 minutes. The phone call was at no point.
    assert figures["totals"]["staffed_minutes"] == 10 + 30 + 2
    hours = {h["hour"]: h for h in figures["hours"]}
    assert (hours["10"]["staffed_minutes"], hours["11"]["staffed_minutes"]) == (40, 2)
    assert hours["10"]["queue_max"] == 2  # A001 and A002 waiting at 10:02


def test_the_wait_told_at_issue_is_set_against_the_wait_that_followed(office):
    store, clock = office
    day = date(2026, 3, 10)
    play_small_day(store, clock, day)
    # What each visitor was told: A001 3 min (waited 5), A002 20 (waited 18), B002 0 (waited 1).
    desk = desk_for(store, clock)
    for code, minutes in (("A001", 3), ("A002", 20), ("B002", 0)):
        q.set_print_status(desk, code, "printed", estimate_minutes=minutes)
    q.set_print_status(desk, "A001", "printed", estimate_minutes=30)  # a reprint: kept
    q.issue_ticket(desk, "C")  # the day moves on, so its summary is computed again
    estimate = period_figures(store, day, day, clock.now(), RULES)["totals"]["estimate"]
    assert estimate["count"] == 3
    assert estimate["within_5_min"] == 100.0
    assert abs(estimate["median_abs_error_s"] - 120) <= 60  # errors 2, 2 and 1 minutes


def test_a_daylight_saving_night_counts_real_time(office):
    """On the night the clocks go forward an hour, 01:30 → 03:30 on the wall is one hour."""
    store, clock = office
    day = date(2026, 3, 29)
    at(clock, day, 1, 30)
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "A")
    at(clock, day, 3, 30)
    q.call_next(desk, 1)
    at(clock, day, 3, 40)
    q.finish(desk, "A001")
    assert business_day(clock.now()) == day
    figures = period_figures(store, day, day, clock.now(), RULES)
    assert figures["totals"]["wait_max_s"] == 3600
    assert figures["totals"]["service_max_s"] == 600
    assert [h["hour"] for h in figures["hours"]] == ["01"]  # the hour it was issued in


def test_closed_days_are_rows_of_zeros_and_the_range_is_whole(office):
    store, clock = office
    day = date(2026, 3, 10)
    play_small_day(store, clock, day)
    figures = period_figures(store, day - timedelta(days=2), day + timedelta(days=1), clock.now())
    assert [d["day"] for d in figures["days"]] == [
        "2026-03-08",
        "2026-03-09",
        "2026-03-10",
        "2026-03-11",
    ]
    assert [d["visitors"] for d in figures["days"]] == [0, 0, 5, 0]


def test_a_summary_is_computed_again_only_when_its_day_changed(office):
    store, clock = office
    day = date(2026, 3, 10)
    play_small_day(store, clock, day)
    period_figures(store, day, day, clock.now(), RULES)
    with store.read() as session:
        first = session.get(DaySummary, day)
        assert first is not None
        computed = first.computed_at
    clock.advance(minutes=5)
    assert period_figures(store, day, day, clock.now(), RULES)["totals"]["visitors"] == 5
    with store.read() as session:
        assert session.get(DaySummary, day).computed_at == computed  # fresh: read, not redone
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "C")  # a late change to the day
    assert period_figures(store, day, day, clock.now(), RULES)["totals"]["visitors"] == 6


def test_period_percentiles_from_stored_days_agree_with_the_raw_rows(tmp_path):
    from app.demo.fill import generate_demo

    clock = ManualClock(datetime(2026, 5, 4, 6, 0, tzinfo=UTC))
    settings = resolve_settings(data_dir=tmp_path / "demo", env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    try:
        desk = desk_for(store, clock)
        generate_demo(desk, days=40, seed=5, visits_per_day=150)
        first, last = date(2026, 3, 25), date(2026, 5, 3)
        figures = period_figures(store, first, last, clock.now(), RULES)
        with store.read() as session:
            rows = session.execute(
                select(Ticket.issued_at, Ticket.first_called_at).where(
                    Ticket.business_day >= first,
                    Ticket.business_day <= last,
                    Ticket.first_called_at.is_not(None),
                )
            ).all()
        waits = sorted((c - i).total_seconds() for i, c in rows)
        assert figures["totals"]["wait_count"] <= len(waits)  # the unreliable ones are out
        exact_median = statistics.median(waits)
        exact_p90 = statistics.quantiles(waits, n=10)[-1]
        assert abs(figures["totals"]["wait_median_s"] - exact_median) <= 60
        assert abs(figures["totals"]["wait_p90_s"] - exact_p90) <= 60
    finally:
        store.close()


def test_histograms_add_up():
    a, b = Histogram(), Histogram()
    for s in (10, 70, 130):
        a.add(s)
    for s in (250, 3600):
        b.add(s)
    whole = Histogram.added([a.to_json(), b.to_json()])
    assert (whole.count, whole.total_s, whole.max_s) == (5, 4060, 3600)
    assert abs(whole.quantile_s(0.5) - 130) <= 60


def test_a_histogram_counted_at_once_is_the_one_counted_value_by_value():
    import random

    rng = random.Random(3)
    values = [rng.uniform(-3, 5400) for _ in range(2000)] + [59.5, 60.5, 0.4, 119.5]
    one_by_one = Histogram()
    for value in values:
        one_by_one.add(value)
    assert Histogram.of(values) == one_by_one
    assert Histogram.of([]) == Histogram()
    parts = [Histogram.of(values[n : n + 300]) for n in range(0, len(values), 300)]
    stored = [p.to_json() for p in parts] + [None, Histogram().to_json()]
    assert Histogram.added(stored) == one_by_one


@pytest.mark.parametrize(
    ("load", "points", "expected"),
    [
        (2.0, 3, 4 / 9),  # by hand: (8/6·3) / (1 + 2 + 2 + 8/6·3) = 4/9
        (1.0, 2, 1 / 3),  # (1/2·2) / (1 + 1 + 1/2·2) = 1/3
        (10.0, 11, 0.6821),  # the textbook table
    ],
)
def test_erlang_c_against_hand_computed_values(load, points, expected):
    assert erlang_c(load, points) == pytest.approx(expected, abs=1e-4)


def test_points_needed_meets_the_target_and_one_fewer_does_not():
    # 30 visitors an hour, 10 minutes each: a load of 5 Erlangs. By hand, with 6 points:
    # Σ_{k<6} 5^k/k! = 91.417, 5^6/6!·6/(6−5) = 130.21, so P(wait) = 0.5875 and the share
    # called within 15 min is 1 − 0.5875·e^(−1·900/600) = 0.869. With 5 points, A = c: none.
    points = points_needed(30, 600, 15 * 60, 0.8)
    assert points == 6
    assert service_level(5.0, 6, 600, 900) == pytest.approx(0.869, abs=1e-3)
    assert service_level(5.0, 5, 600, 900) < 0.8


def test_the_forecast_learns_from_the_same_weekday_and_leaves_holidays_out(office):
    from app.services.stats.forecast import staffing_forecast

    store, clock = office
    # Three Tuesdays with 6, 9 and 12 arrivals between 10 and 11; the Tuesday after
    # Easter Monday (2026-04-07, next to a holiday) had 100 and must not count.
    for day, count in ((date(2026, 3, 17), 6), (date(2026, 3, 24), 9), (date(2026, 3, 31), 12)):
        for n in range(count):
            at(clock, day, 10, n)
            desk = desk_for(store, clock)
            q.issue_ticket(desk, "A")
    for n in range(100):
        clock.set(local(date(2026, 4, 7), 10, 0) + timedelta(seconds=20 * n))
        q.issue_ticket(desk, "B")
    at(clock, date(2026, 4, 13), 9, 0)
    forecast = staffing_forecast(store, clock, date(2026, 4, 14), days=1)
    ten = next(r for r in forecast["hours"] if r["hour"] == "10")
    assert ten["expected_arrivals"] == pytest.approx((6 + 9 + 12) / 3, abs=0.05)
    assert ten["weeks_used"] == 3
    assert [r["hour"] for r in forecast["hours"]] == ["10", "11", "12", "13", "14", "15"]


def test_per_staff_figures_stay_in_the_office(office):
    from app.models import Staff
    from app.services.stats.counting import compute_days
    from app.services.stats.summary import central_part

    store, clock = office
    with acting(SYSTEM), store.write() as session:
        anna = Staff(login="anna", display_name="Anna", role="caseworker", active=True)
        session.add(anna)
        session.flush()
        staff_id = anna.id
    day = date(2026, 3, 10)
    at(clock, day, 10, 0)
    q.issue_ticket(desk_for(store, clock), "A")
    anna_desk = desk_for(store, clock, Actor(staff_id=staff_id, role="caseworker"))
    q.call_next(anna_desk, 1)
    at(clock, day, 10, 8)
    errands.finish_with_errands(anna_desk, "A001", [])
    figures = period_figures(store, day, day, clock.now(), RULES)
    (row,) = figures["staff"]
    assert (row["staff_id"], row["served"], row["service_max_s"]) == (str(staff_id), 1, 480)
    summary = compute_days(store, [day])[day]
    assert "staff" in summary and "staff" not in central_part(summary)


def test_the_hourly_upkeep_computes_past_days_once_and_leaves_today(office):
    """Past days are ready before anyone opens the statistics; a late correction is redone;
    today, which moves with every call, is left to the statistics themselves."""
    from app.services.stats.summary import compute_past_days

    store, clock = office
    days = [date(2026, 3, 9), date(2026, 3, 10)]
    for day in days:
        play_small_day(store, clock, day)
    at(clock, date(2026, 3, 11), 9, 30)
    desk = desk_for(store, clock)
    q.issue_ticket(desk, "A")  # today has a record too
    assert compute_past_days(store, clock.now()) == 2
    with store.read() as session:
        kept = {s.business_day: s.revision for s in session.scalars(select(DaySummary))}
    assert sorted(kept) == days
    assert compute_past_days(store, clock.now()) == 0  # nothing moved: nothing redone
    before = period_figures(store, days[1], days[1], clock.now(), RULES)["totals"]["served"]
    with (
        acting(SYSTEM),
        store.write() as session,
    ):  # a manager's late correction moves the day's revision
        from app.services.office.revision import bump

        bump(session, clock.now(), [days[1]])
    assert compute_past_days(store, clock.now()) == 1
    assert period_figures(store, days[1], days[1], clock.now(), RULES)["totals"]["served"] == before
