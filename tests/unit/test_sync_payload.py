"""The document sent per office and day: one schema in code, committed, and always kept to."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from app.services.stats.counting import compute_days
from app.sync.payload import OTHER, DayPayload, build_payload, fold_small_cells, schema_text
from tests.conftest import desk_for
from tests.unit.test_stats import office, play_small_day  # noqa: F401 - the fixture

ROOT = Path(__file__).resolve().parents[2]
DAY = date(2026, 3, 10)


def test_the_committed_schema_is_the_codes():
    committed = (ROOT / "schema" / "day-payload.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        "run: python -m app.sync.payload > schema/day-payload.schema.json"
    )


def test_a_real_day_builds_a_document_that_keeps_the_schema(office):  # noqa: F811
    store, clock = office
    play_small_day(store, clock, DAY)
    summary = compute_days(store, [DAY])[DAY]
    assert "staff" in summary  # the office keeps its per-staff figures …
    payload = build_payload(summary, office="exempelstad", day=DAY, revision=7, threshold=5)
    sent = json.loads(payload.model_dump_json())
    assert "staff" not in sent["aggregates"]  # … and they never leave it
    assert set(sent) == {"schema_version", "office", "day", "revision", "app_version", "aggregates"}
    assert (sent["day"], sent["revision"], sent["aggregates"]["visitors"]) == ("2026-03-10", 7, 5)
    again = DayPayload.model_validate_json(payload.model_dump_json())
    assert again == payload


def test_small_cells_are_folded_into_other(office):  # noqa: F811
    store, clock = office
    play_small_day(store, clock, DAY)
    summary = compute_days(store, [DAY])[DAY]
    payload = build_payload(summary, office="exempelstad", day=DAY, revision=1, threshold=5)
    breakdowns = payload.aggregates.breakdowns
    assert breakdowns["referrals"] == {OTHER: 1}  # one referral to the social services
    assert breakdowns["languages"] == {OTHER: 2}
    assert fold_small_cells({"FK": 7, "PM": 2, "AF": 1}, 5) == {"FK": 7, OTHER: 3}
    assert fold_small_cells({"FK": 7}, 0) == {"FK": 7}


@pytest.mark.parametrize(
    "spoil",
    [
        lambda d: d["aggregates"].update(staff={"3": {"served": 4}}),
        lambda d: d["aggregates"].update(visitors=-1),
        lambda d: d.update(schema_version=2),
        lambda d: d.update(office="exempel stad"),
        lambda d: d["aggregates"]["hours"].update({"25": {}}),
        lambda d: d["aggregates"].update(visitor_name="Anna"),
    ],
)
def test_a_document_outside_the_schema_is_refused(office, spoil):  # noqa: F811
    store, clock = office
    play_small_day(store, clock, DAY)
    summary = compute_days(store, [DAY])[DAY]
    good = json.loads(
        build_payload(summary, office="x", day=DAY, revision=1, threshold=5).model_dump_json()
    )
    spoil(good)
    with pytest.raises(ValidationError):
        DayPayload.model_validate(good)


def test_every_day_of_a_demo_office_builds_a_valid_document(tmp_path):
    from datetime import UTC, datetime

    from app.config import resolve_settings
    from app.demo.fill import generate_demo
    from app.services.office.clock import ManualClock
    from app.services.office.info import seeder
    from app.services.stats.summary import day_summaries
    from app.store.engine import open_store

    clock = ManualClock(datetime(2026, 5, 4, 12, 0, tzinfo=UTC))
    store = open_store(
        resolve_settings(data_dir=tmp_path / "demo", env={}),
        now=clock.now,
        seed=seeder(clock),
    )
    try:
        desk = desk_for(store, clock)
        generate_demo(desk, days=21, seed=2, visits_per_day=200)
        summaries = day_summaries(store, date(2026, 4, 13), date(2026, 5, 4), clock.now())
        assert len(summaries) >= 14
        for day, summary in summaries.items():
            payload = build_payload(summary, office="demo", day=day, revision=1, threshold=5)
            DayPayload.model_validate_json(payload.model_dump_json())
            assert payload.aggregates.visitors == summary["visitors"]
    finally:
        store.close()
