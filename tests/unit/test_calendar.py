"""The Swedish holiday calendar and opening hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from app.services.office.calendar import (
    easter_sunday,
    holiday_name,
    holidays,
    is_holiday,
    is_open,
    is_open_at,
    opening_intervals,
    opening_times,
)

SEED_HOURS = {
    "mon": [["10:00", "16:00"]],
    "tue": [["10:00", "16:00"]],
    "wed": [["10:00", "16:00"]],
    "thu": [["10:00", "18:00"]],
    "fri": [["10:00", "16:00"]],
    "sat": [],
    "sun": [],
}


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),
        (2011, date(2011, 4, 24)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter
    assert easter.weekday() == 6


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 4, 18), "långfredagen"),
        (date(2025, 4, 20), "påskdagen"),
        (date(2025, 4, 21), "annandag påsk"),
        (date(2025, 5, 29), "Kristi himmelsfärdsdag"),
        (date(2024, 3, 29), "långfredagen"),
        (date(2024, 4, 1), "annandag påsk"),
        (date(2024, 5, 9), "Kristi himmelsfärdsdag"),
        (date(2026, 4, 3), "långfredagen"),
        (date(2026, 4, 6), "annandag påsk"),
        (date(2026, 5, 14), "Kristi himmelsfärdsdag"),
    ],
)
def test_easter_based_holidays(day: date, name: str) -> None:
    assert holiday_name(day) == name


@pytest.mark.parametrize(
    ("year", "eve", "all_saints"),
    [
        (2024, date(2024, 6, 21), date(2024, 11, 2)),
        (2025, date(2025, 6, 20), date(2025, 11, 1)),
        (2026, date(2026, 6, 19), date(2026, 10, 31)),
        (2027, date(2027, 6, 25), date(2027, 11, 6)),
    ],
)
def test_midsummer_and_all_saints(year: int, eve: date, all_saints: date) -> None:
    days = holidays(year)
    assert days[eve] == "midsommarafton" and eve.weekday() == 4
    assert days[date(eve.year, eve.month, eve.day + 1)] == "midsommardagen"
    assert days[all_saints] == "alla helgons dag" and all_saints.weekday() == 5


@pytest.mark.parametrize(
    ("month", "day", "name"),
    [
        (1, 1, "nyårsdagen"),
        (1, 6, "trettondedag jul"),
        (5, 1, "första maj"),
        (6, 6, "Sveriges nationaldag"),
        (12, 24, "julafton"),
        (12, 25, "juldagen"),
        (12, 26, "annandag jul"),
        (12, 31, "nyårsafton"),
    ],
)
def test_fixed_holidays(month: int, day: int, name: str) -> None:
    for year in (2024, 2025, 2026):
        assert holiday_name(date(year, month, day)) == name


def test_ordinary_days_are_not_holidays() -> None:
    assert not is_holiday(date(2025, 3, 10))
    assert holiday_name(date(2025, 6, 23)) is None  # the Monday after midsommar
    assert not is_holiday(date(2025, 10, 31))  # alla helgons afton is a working day


def test_is_open_follows_hours_weekends_and_holidays() -> None:
    assert is_open(SEED_HOURS, date(2025, 3, 10))  # Monday
    assert not is_open(SEED_HOURS, date(2025, 3, 15))  # Saturday
    assert not is_open(SEED_HOURS, date(2025, 6, 6))  # nationaldagen, a Friday
    assert not is_open(SEED_HOURS, date(2025, 12, 24))
    assert is_open(SEED_HOURS, date(2025, 6, 6), closed_on_holidays=False)
    assert not is_open({}, date(2025, 3, 10))


def test_opening_times_and_intervals() -> None:
    thursday = date(2025, 3, 13)
    assert opening_times(SEED_HOURS, thursday) == [(time(10), time(18))]
    # Before and after the change to summer time (30 March 2025): 10:00 local.
    (winter,) = opening_intervals(SEED_HOURS, date(2025, 3, 28))
    (summer,) = opening_intervals(SEED_HOURS, date(2025, 3, 31))
    assert winter[0] == datetime(2025, 3, 28, 9, 0, tzinfo=UTC)
    assert summer[0] == datetime(2025, 3, 31, 8, 0, tzinfo=UTC)
    assert summer[1] == datetime(2025, 3, 31, 14, 0, tzinfo=UTC)


def test_split_day_and_is_open_at() -> None:
    hours = {"mon": [["13:00", "16:00"], ["09:00", "12:00"]]}
    monday = date(2025, 3, 10)
    assert opening_times(hours, monday) == [(time(9), time(12)), (time(13), time(16))]
    assert is_open_at(hours, datetime(2025, 3, 10, 8, 30, tzinfo=UTC))  # 09:30 local
    assert not is_open_at(hours, datetime(2025, 3, 10, 11, 30, tzinfo=UTC))  # lunch
    assert not is_open_at(hours, datetime(2025, 3, 10, 15, 0, tzinfo=UTC))  # 16:00, closed
