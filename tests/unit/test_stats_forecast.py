"""The staffing forecast over any range of days: what it learns from, and what it is set against.

The Statistik tab's Bemanning page forecasts the days of the chosen period: a
day ahead from the weeks before today, a past day from the weeks before it (so
a past period shows what the model would have asked for), beside what was
actually staffed. Expected figures are worked out in the tests from the
tickets and calls they play.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.services.queue import calling as q
from app.services.stats.forecast import staffing_forecast
from tests.conftest import desk_for

TZ = ZoneInfo("Europe/Stockholm")


def local(day: date, hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=TZ).astimezone(UTC)


def tickets(store, clock, day: date, hour: int, count: int) -> None:
    """``count`` tickets issued within one hour of a day."""
    for n in range(count):
        clock.set(local(day, hour, n % 60, 30))
        q.issue_ticket(desk_for(store, clock), "A")


def served_hour(store, clock, day: date, hour: int) -> None:
    """One ticket in ``hour`` called and finished at point 1 over its whole hour."""
    clock.set(local(day, hour, 0))
    code = q.issue_ticket(desk_for(store, clock), "A").code
    q.call_ticket(desk_for(store, clock), code, 1)
    clock.set(local(day, hour, 59))
    q.finish(desk_for(store, clock), code)


def rows_of(forecast, day: date) -> dict[str, dict]:
    return {r["hour"]: r for r in forecast["hours"] if r["day"] == day.isoformat()}


def test_learning_days_are_the_eight_same_weekdays_before_the_day_or_before_today():
    from app.services.stats.forecast import learnt_from

    wednesday = date(2026, 11, 25)
    past = learnt_from(date(2026, 11, 16), wednesday)  # a Monday already gone
    assert past[0] == date(2026, 11, 9) and past[-1] == date(2026, 9, 21) and len(past) == 8
    ahead = learnt_from(date(2026, 12, 21), wednesday)  # a Monday four weeks ahead
    assert ahead[0] == date(2026, 11, 23)  # the last Monday before today, not 14/12
    assert learnt_from(date(2026, 12, 2), wednesday)[0] == date(2026, 11, 18)  # never today
    assert learnt_from(wednesday, wednesday)[0] == date(2026, 11, 18)


def test_a_past_day_is_forecast_from_its_own_weeks_and_set_against_what_came(store, clock):
    # Tuesdays 3/3 and 10/3 had 4 and 8 arrivals at ten; 17/3 had 30. Forecast 10/3–17/3 on
    # 25/3: the 17th learns from the 10th and 3rd (6 a day), the 10th from the 3rd alone (4):
    # each day from the weeks before it, as the model would have had them that morning.
    for day, count in ((date(2026, 3, 3), 4), (date(2026, 3, 10), 8), (date(2026, 3, 17), 30)):
        tickets(store, clock, day, 10, count)
    served_hour(store, clock, date(2026, 3, 17), 11)
    clock.set(local(date(2026, 3, 25), 9, 0))
    forecast = staffing_forecast(store, clock, date(2026, 3, 10), days=8)
    tenth, seventeenth = rows_of(forecast, date(2026, 3, 10)), rows_of(forecast, date(2026, 3, 17))
    assert tenth["10"]["expected_arrivals"] == 4.0 and tenth["10"]["weeks_used"] == 1
    assert seventeenth["10"]["expected_arrivals"] == 6.0 and seventeenth["10"]["weeks_used"] == 2
    assert seventeenth["10"]["arrivals"] == 30  # what came, beside what was expected
    assert seventeenth["11"]["arrivals"] == 1
    assert seventeenth["11"]["points_staffed"] == pytest.approx(1.0, abs=0.05)  # 59 min of 60
    assert seventeenth["10"]["previous_day"] == "2026-03-10"
    days = {d["day"]: d for d in forecast["needed_by_day"]}
    assert days["2026-03-17"]["arrivals"] == 31
    assert forecast["from"] == "2026-03-10" and forecast["to"] == "2026-03-17"


def test_a_day_ahead_learns_from_the_weeks_before_today_and_shows_no_staffing_yet(store, clock):
    for day, count in ((date(2026, 3, 17), 6), (date(2026, 3, 24), 12)):
        tickets(store, clock, day, 10, count)
    served_hour(store, clock, date(2026, 3, 24), 12)
    clock.set(local(date(2026, 3, 25), 9, 0))  # a Wednesday
    # Three weeks ahead, nothing recorded on the Tuesdays in between: the last two count.
    forecast = staffing_forecast(store, clock, date(2026, 4, 14), days=1)
    ten = rows_of(forecast, date(2026, 4, 14))["10"]
    assert ten["expected_arrivals"] == 9.0 and ten["weeks_used"] == 2
    assert ten["arrivals"] is None and ten["points_staffed"] is None  # not yet happened
    assert ten["previous_day"] == "2026-03-24"  # the staffing to plan against
    noon = rows_of(forecast, date(2026, 4, 14))["12"]
    assert noon["points_previous"] == pytest.approx(1.0, abs=0.05)


def test_today_is_not_learnt_from_and_only_its_ended_hours_are_counted(store, clock):
    tickets(store, clock, date(2026, 3, 18), 10, 6)  # last Wednesday
    tickets(store, clock, date(2026, 3, 25), 10, 40)  # this Wednesday so far
    clock.set(local(date(2026, 3, 25), 11, 20))
    forecast = staffing_forecast(store, clock, date(2026, 3, 25), days=8)
    today = rows_of(forecast, date(2026, 3, 25))
    assert today["10"]["expected_arrivals"] == 6.0 and today["10"]["arrivals"] == 40
    assert today["11"]["arrivals"] is None  # under way: its staffing is not whole yet
    next_week = rows_of(forecast, date(2026, 4, 1))["10"]
    assert next_week["expected_arrivals"] == 6.0  # today's 40 so far are no day's count yet
    assert next_week["previous_day"] == "2026-03-18"


def test_a_day_with_nothing_to_learn_from_has_no_forecast_rather_than_zero(store, clock):
    clock.set(local(date(2026, 3, 25), 9, 0))
    forecast = staffing_forecast(store, clock, date(2026, 3, 26), days=1)
    rows = rows_of(forecast, date(2026, 3, 26))
    assert rows and all(r["points_needed"] is None for r in rows.values())
    assert all(r["expected_arrivals"] is None and r["weeks_used"] == 0 for r in rows.values())
    (day,) = forecast["needed_by_day"]
    assert day["point_hours"] is None and day["peak_points"] is None


def test_the_open_hours_of_the_period_come_from_each_days_opening_hours(store, clock):
    clock.set(local(date(2026, 3, 25), 9, 0))
    wednesday = staffing_forecast(store, clock, date(2026, 3, 25), days=1)
    assert wednesday["open_hours"] == ["10", "11", "12", "13", "14", "15"]  # 10–16
    week = staffing_forecast(store, clock, date(2026, 3, 23), days=7)
    assert week["open_hours"] == ["10", "11", "12", "13", "14", "15", "16", "17"]  # Thu till 18
    assert {r["day"] for r in week["hours"]} == {
        (date(2026, 3, 23) + timedelta(days=n)).isoformat() for n in range(5)
    }  # closed at the weekend
    good_friday = staffing_forecast(store, clock, date(2026, 4, 3), days=1)
    assert good_friday["hours"] == [] and good_friday["open_hours"] == []
