"""The command line for booked visits, and the visitor's language, as scripts use them:
`bookings import FILE`, `bookings list [--json]`, `ticket check-in REFERENCE`,
`ticket issue QUEUE --language CODE`, `queue --json`."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from tests.unit.test_cli import assert_one_sentence
from tests.unit.test_cli import data_dir as data_dir
from tests.unit.test_cli import run as run

HEADER = "booking_reference,date,start,minutes,agency,errand_type,language,interpreter,status"


def _now_here() -> datetime:
    return datetime.now(ZoneInfo("Europe/Stockholm")).replace(second=0, microsecond=0)


def _day_file(tmp_path, *lines: str):
    path = tmp_path / "bookings.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_a_day_of_bookings_imported_listed_and_checked_in(run, tmp_path):
    now = _now_here()  # booked now: on time whenever the test runs, and today
    day, at = now.date().isoformat(), now.strftime("%H:%M")
    path = _day_file(
        tmp_path,
        f"SKV-7F3K9Q,{day},{at},15,SKV,,ar,nej,",
        f"FK-22AB9,{day},{at},30,FK,,,ja,",
        f"PM-CANCEL1,{day},{at},15,PM,,,,avbokad",
    )
    code, out, _ = run("bookings", "import", str(path))
    assert (code, out) == (0, ["2 added, 0 updated, 1 withdrawn, 0 unchanged"])
    code, out, _ = run("bookings", "import", str(path))
    assert out == ["0 added, 0 updated, 0 withdrawn, 3 unchanged"]  # the same file: nothing
    code, out, err = run("ticket", "check-in", "skv-7f3k9q")
    assert code == 0, err
    assert out[0] == "B001" and out[1] == f"booked {at}, called from {out[1][-5:]}"
    code, out, err = run("ticket", "check-in", "PM-CANCEL1")
    assert code == 1
    assert_one_sentence(err)
    assert "cancelled" in err
    code, out, _ = run("bookings", "list", "--json")
    listed = json.loads("\n".join(out))
    assert [(b["agency"], b["state"], b["ticket"]) for b in listed] == [
        ("SKV", "checked_in", "B001"),
        ("FK", "booked", None),
        ("PM", "cancelled", None),
    ]
    assert "SKV-7F3K9Q" not in "\n".join(out)  # never the reference
    code, out, _ = run("queue", "--json")
    waiting = json.loads("\n".join(out))["waiting"]
    assert [(t["code"], t["booked"], t["language"]) for t in waiting] == [("B001", True, "ar")]


def test_a_bad_file_is_refused_whole_naming_its_line(run, tmp_path):
    day = _now_here().date().isoformat()
    path = _day_file(
        tmp_path, f"OK-123456,{day},10:00,15,FK,,,,", f"BAD-99999,{day},25:00,15,FK,,,,"
    )
    code, _, err = run("bookings", "import", str(path))
    assert code == 1
    assert_one_sentence(err)
    assert "line 3:" in err.lower() and ".;" not in err
    code, out, _ = run("bookings", "list")
    assert out == []  # nothing imported, not even the good line


def test_a_ticket_in_the_visitors_language(run):
    code, out, _ = run("ticket", "issue", "C", "--language", "uk")
    assert (code, out[0]) == (0, "C001")
    code, out, _ = run("queue")
    assert out == [out[0]] and out[0].startswith("C001\twaiting\tC\t") and "language=uk" in out[0]
    code, _, err = run("ticket", "issue", "C", "--language", "xx")
    assert code == 1 and "language" in err
    assert_one_sentence(err)
