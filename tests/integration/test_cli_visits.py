"""`servicedisk visits` lists a day's visits with their errands; `servicedisk errand correct`
changes the fields given, audited, and the day's figures follow."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.cli.main import main

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.fixture
def office(tmp_path, monkeypatch):
    monkeypatch.delenv("SERVICEDISK_DATABASE_URL", raising=False)
    folder = tmp_path / "office"
    assert main(["--data-dir", str(folder), "demo", "--days", "10", "--visits-per-day", "8"]) == 0
    return ["--data-dir", str(folder)]


def _json(capsys, *args: str):
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def test_a_days_visits_and_a_correction_from_the_command_line(office, capsys):
    day = None
    for back in range(1, 10):  # the latest day the demo office was open
        candidate = (date.today() - timedelta(days=back)).isoformat()
        listed = _json(capsys, *office, "visits", "--day", candidate, "--json")
        if listed:
            day = candidate
            break
    assert day is not None and listed[0]["errands"]
    errand = listed[0]["errands"][0]
    other = "documents" if errand["outcome"] != "documents" else "e-service"
    before = _json(capsys, *office, "stats", "--from", day, "--to", day, "--json")
    fixed = _json(capsys, *office, "errand", "correct", str(errand["errand"]), "--outcome", other)
    assert fixed["outcome"] == other and fixed["corrected"]
    assert fixed["agency"] == errand["agency"] and fixed["language"] == errand["language"]
    again = _json(capsys, *office, "visits", "--day", day, "--json")
    assert again[0]["errands"][0]["outcome"] == other
    (event,) = _json(capsys, *office, "audit", "--kind", "correction", "--json")
    assert (
        f"outcome:{errand['outcome']}>{other}" in event["detail"]
        and f"day={day}" in event["detail"]
    )
    after = _json(capsys, *office, "stats", "--from", day, "--to", day, "--json")
    counted = {r["code"]: r["count"] for r in after["outcomes"]}
    was = {r["code"]: r["count"] for r in before["outcomes"]}
    assert counted.get(other, 0) == was.get(other, 0) + 1  # the figures follow at once
    assert main([*office, "errand", "correct", str(errand["errand"])]) == 2  # nothing to change
