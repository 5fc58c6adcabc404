"""Retention: visit rows older than the office's period go, every day's figures stay."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.config import resolve_settings
from app.demo.fill import generate_demo
from app.models import Errand, Ticket, Visit
from app.services.access.audit import list_events
from app.services.office.clock import ManualClock
from app.services.office.info import seeder
from app.services.stats.figures import period_figures
from app.services.upkeep.retention import plan, purge
from app.store.engine import open_store
from app.sync.client import pending
from tests.conftest import desk_for
from tests.postgres import new_database

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)  # a Tuesday afternoon


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def history(request, tmp_path_factory):
    """120 days of demo history; the office keeps 90 (the default). On SQLite, then a server."""
    clock = ManualClock(NOW)
    url = None
    if request.param == "postgresql":
        url = new_database(request.getfixturevalue("postgres_server"))
    folder = tmp_path_factory.mktemp("ret") / "office"
    settings = resolve_settings(data_dir=folder, database_url=url, env={})
    store = open_store(settings, now=clock.now, seed=seeder(clock))
    desk = desk_for(store, clock)
    generate_demo(desk, days=120, seed=5, visits_per_day=60)
    yield store, clock
    store.close()


def _count(store, model, before: date) -> int:
    with store.read() as session:
        if model is Errand:
            old = select(Visit.id).where(Visit.business_day < before)
            return session.scalar(select(func.count(Errand.id)).where(Errand.visit_id.in_(old)))
        return session.scalar(select(func.count(model.id)).where(model.business_day < before))


def test_a_purge_keeps_every_figure_of_every_day_and_resends_nothing(history):
    store, clock = history
    first, last = NOW.date() - timedelta(days=119), NOW.date()
    before_figures = period_figures(store, first, last, clock.now())
    waiting = pending(store)
    planned = plan(store, clock.now())
    horizon = NOW.date() - timedelta(days=90)
    assert planned.before == horizon
    assert planned.rows["ticket"] == _count(store, Ticket, horizon) > 0
    assert planned.rows["errand"] == _count(store, Errand, horizon) > 0
    desk = desk_for(store, clock)
    done = purge(desk)
    assert done.rows == planned.rows
    assert _count(store, Ticket, horizon) == _count(store, Visit, horizon) == 0
    assert _count(store, Errand, horizon) == 0
    assert _count(store, Ticket, last + timedelta(days=1)) > 0  # the kept days are still there
    after_figures = period_figures(store, first, last, clock.now())
    assert after_figures["days"] == before_figures["days"]  # each day, every figure
    assert after_figures["totals"] == before_figures["totals"]
    assert after_figures["hours"] == before_figures["hours"]
    assert pending(store) == waiting  # nothing to resend: no revision moved
    (event,) = [e for e in list_events(store) if e.kind == "purge"]
    assert f"before={horizon.isoformat()}" in event.detail and "ticket=" in event.detail
    assert purge(desk).total == 0  # again: nothing left to purge, nothing audited
    assert len([e for e in list_events(store) if e.kind == "purge"]) == 1


def test_a_purge_stopped_half_way_keeps_whole_days_and_the_figures(tmp_path, monkeypatch):
    """A purge goes a day at a time: stopped after some days (the PC switched off, the
    server gone), each day is either whole or gone and marked as purged, and every
    figure stays; the next purge finishes the rest."""
    from app.models import Office
    from app.services.upkeep import retention

    clock = ManualClock(NOW)
    store = open_store(resolve_settings(tmp_path / "office", env={}), seed=seeder(clock))
    desk = desk_for(store, clock)
    generate_demo(desk, days=100, seed=3, visits_per_day=30)
    first, last = NOW.date() - timedelta(days=99), NOW.date()
    figures = period_figures(store, first, last, clock.now())
    purged: list[date] = []
    real = retention._purge_day

    def stops_on_the_fourth(session, day):
        if len(purged) == 3:
            raise OSError("the PC was switched off")
        real(session, day)
        purged.append(day)

    monkeypatch.setattr(retention, "_purge_day", stops_on_the_fourth)
    with pytest.raises(OSError):
        purge(desk)
    with store.read() as session:
        marked = session.scalar(select(Office.purged_before))
        days = sorted(set(session.scalars(select(Ticket.business_day))))
    assert marked == purged[-1] + timedelta(days=1)  # the finished days, and only they
    assert days[0] >= marked and days[0] > purged[-1]
    assert period_figures(store, first, last, clock.now())["days"] == figures["days"]
    monkeypatch.setattr(retention, "_purge_day", real)
    assert purge(desk).rows["ticket"] > 0
    assert period_figures(store, first, last, clock.now())["days"] == figures["days"]
    store.close()
