"""Booked visits in the figures, on both stores, against one day worked out by hand.

Tuesday 13 January 2026 (Stockholm UTC+1, open 10–16, booking tolerance 10 minutes).
The bookings file, taken in at 09:00:

======  ======  ====  ===========  ============================================
booking  agency  time  minutes      what happens
======  ======  ====  ===========  ============================================
R1       FK      10:30  30          checked in early at 10:05 (A002), called 10:25
R2       SKV     10:45  15          checked in on time at 10:40 (B002), called 10:52
R3       FK      11:00  30          checked in at 10:58 (A004), called 11:04
R4       FK      11:15  15          comes 11:30: refused (too late), takes a walk-in A005
R5       SKV     11:30  15          never comes
R6       SKV     12:00  15          cancelled in the file
R7       SKV     15:30  15          never comes (still to come at 12:30)
======  ======  ====  ===========  ============================================

Walk-ins: A001 (issued 10:00, called 10:10), B001 (10:02 → 10:30), A003 a priority
ticket without a booking (förtur, 10:50 → 10:55), C001 (11:00 → 11:10), A005 (R4's
visitor, 11:30 → 11:40). Every called visitor is finished: A001 10:20, B001 10:45,
A002 10:50, B002 11:05, A003 11:10, A004 11:20, C001 11:25, A005 11:50.

By hand:

- bookings (not cancelled) 6; checked in 3 (R1–R3); cancelled 1 (R6);
- booked visitors (served, with a booking) 3; walk-in visitors 5 (A001, B001, the
  priority A003, C001, A005);
- missed at 12:30: R4 (11:15 + 10 min) and R5 (11:40) = 2, 2/6 = 33.3 %, R7 still to
  come (1). At 16:00, with nothing recorded since: R7 too, 3, 3/6 = 50.0 %, none to come;
- punctuality (booked time → first call): R1 −5 min, R2 +7, R3 +4 → −300, 240, 420 s:
  median 240 s and p90 420 s (the histograms keep whole minutes: the median is read
  within its minute, 270 s; the p90 is the largest, 420 s exactly);
- booked visitors being served: 10:25–10:50 (R1), 10:52–11:05 (R2), 11:04–11:20 (R3).
  Walk-ins called inside those spans: B001 (10:30, waited 28 min), A003 (10:55, 5 min),
  C001 (11:10, 10 min): 3, median 10 min (read as 630 s within its minute); called
  at other times: A001 (10:10, 10 min) and A005 (11:40, 10 min): 2, median 600 s.

The staffing forecast, seen on Wednesday the 14th, for Tuesday the 20th: bookings there
X1 (FK 10:30, 45 min), X2 (SKV 10:00, 60 min), X3 (cancelled, 11:00, 30 min) take 30 + 60
= 90 booked minutes in hour 10 (two more points) and 15 in hour 11 (one more). Walk-ins
are learnt from the 13th alone (the 6th is Epiphany): 3 in hour 10 (six tickets less the
three bookings' A002, B002 and A004), 2 in hour 11. The service time, too few visits in
an hour, is the office's median of the 13th's eight visits (10, 10, 13, 15, 15, 15, 16,
25 min): the fourth of eight falls a third into minute 15, 920 s. Erlang C with 920 s,
15 minutes and 80 %: hour 10 (load 3 × 920 / 3600 = 0.77) one point serves 39 %, two
94 %: 2 + 2 = 4 points; hour 11 (load 0.51) one point 68 %, two: 2 + 1 = 3.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app.models import DaySummary
from app.services.bookings.day import LateBookingError, check_in, import_bookings
from app.services.bookings.files import BookingRow
from app.services.queue import calling as q
from app.services.stats.counting import compute_days
from app.services.stats.export import catalog_labels, export_figures
from app.services.stats.figures import Rules, period_figures
from app.services.stats.forecast import staffing_forecast
from app.sync.payload import DayPayload, build_payload
from tests.conftest import import_or_skip

pytestmark = pytest.mark.both_stores

DAY = date(2026, 1, 13)
AHEAD = date(2026, 1, 20)
RULES = Rules(threshold_s=15 * 60, target=0.8)


def local(hh: int, mm: int, day: date = DAY) -> datetime:
    """A time of a January day in Stockholm (UTC+1), as the UTC instant."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=hh - 1, minutes=mm)


def booking(line: int, ref: str, hh: int, mm: int, agency: str, minutes: int = 15, *,
            day: date = DAY, cancelled: bool = False) -> BookingRow:  # fmt: skip
    return BookingRow(line, ref, local(hh, mm, day), minutes, agency, None, None, False, cancelled)


FILE = [
    booking(2, "FK-R1", 10, 30, "FK", 30),
    booking(3, "SKV-R2", 10, 45, "SKV"),
    booking(4, "FK-R3", 11, 0, "FK", 30),
    booking(5, "FK-R4", 11, 15, "FK"),
    booking(6, "SKV-R5", 11, 30, "SKV"),
    booking(7, "SKV-R6", 12, 0, "SKV", cancelled=True),
    booking(8, "SKV-R7", 15, 30, "SKV"),
    booking(9, "FK-X1", 10, 30, "FK", 45, day=AHEAD),
    booking(10, "SKV-X2", 10, 0, "SKV", 60, day=AHEAD),
    booking(11, "SKV-X3", 11, 0, "SKV", 30, day=AHEAD, cancelled=True),
]


@pytest.fixture
def played(store, clock, desk):
    """The day above, played through the queue engine up to 12:30."""

    def at(hh: int, mm: int) -> None:
        clock.set(local(hh, mm))

    at(9, 0)
    import_bookings(desk, FILE)
    at(10, 0)
    assert q.issue_ticket(desk, "A").code == "A001"
    at(10, 2)
    assert q.issue_ticket(desk, "B").code == "B001"
    at(10, 5)
    assert check_in(desk, "FK-R1").ticket.code == "A002"  # early: due at 10:20
    at(10, 10)
    q.call_ticket(desk, "A001", 1)
    at(10, 20)
    q.finish(desk, "A001")
    at(10, 25)
    q.call_ticket(desk, "A002", 1)  # R1, five minutes before its time
    at(10, 30)
    q.call_ticket(desk, "B001", 2)
    at(10, 40)
    assert check_in(desk, "SKV-R2").ticket.code == "B002"
    at(10, 45)
    q.finish(desk, "B001")
    at(10, 50)
    q.finish(desk, "A002")
    assert q.issue_ticket(desk, "A", booked=True).code == "A003"  # förtur, no booking
    at(10, 52)
    q.call_ticket(desk, "B002", 2)  # R2, seven minutes late
    at(10, 55)
    q.call_ticket(desk, "A003", 1)
    at(10, 58)
    assert check_in(desk, "FK-R3").ticket.code == "A004"
    at(11, 0)
    assert q.issue_ticket(desk, "C").code == "C001"
    at(11, 4)
    q.call_ticket(desk, "A004", 3)  # R3, four minutes late
    at(11, 5)
    q.finish(desk, "B002")
    at(11, 10)
    q.finish(desk, "A003")
    q.call_ticket(desk, "C001", 2)
    at(11, 20)
    q.finish(desk, "A004")
    at(11, 25)
    q.finish(desk, "C001")
    at(11, 30)
    with pytest.raises(LateBookingError):
        check_in(desk, "FK-R4")
    assert q.issue_ticket(desk, "A").code == "A005"  # a walk-in instead
    at(11, 40)
    q.call_ticket(desk, "A005", 1)
    at(11, 50)
    q.finish(desk, "A005")
    at(12, 30)
    return store, clock


def test_every_booking_figure_of_the_day_is_the_one_worked_out_by_hand(played):
    store, clock = played
    figures = period_figures(store, DAY, DAY, clock.now(), RULES)
    b = figures["bookings"]
    assert (b["bookings"], b["checked_in"], b["cancelled_bookings"]) == (6, 3, 1)
    assert (b["booked_visitors"], b["walk_in_visitors"]) == (3, 5)
    assert (b["missed_bookings"], b["missed_share"], b["pending_bookings"]) == (2, 33.3, 1)
    assert b["punctuality_count"] == 3
    assert abs(b["punctuality_median_s"] - 240) <= 60  # within its minute
    assert b["punctuality_median_s"] == 270.0
    assert b["punctuality_p90_s"] == 420.0
    assert b["wait_during_booked_count"] == 3
    assert abs(b["wait_during_booked_median_s"] - 600) <= 60
    assert (b["wait_outside_booked_count"], b["wait_outside_booked_median_s"]) == (2, 600.0)
    (row,) = figures["booking_days"]
    assert row == {"day": "2026-01-13", **b}
    # The other figures are as before: eight served tickets, two of kind "booked" by their
    # flag beside the bookings' three (the priority ticket is flagged, not booked).
    assert (figures["totals"]["served"], figures["totals"]["booked"]) == (8, 4)


def test_a_booking_is_missed_once_its_time_and_tolerance_pass_without_a_new_summary(played):
    store, clock = played
    period_figures(store, DAY, DAY, clock.now(), RULES)
    with store.read() as session:
        kept = session.execute(
            select(DaySummary.computed_at, DaySummary.data).where(DaySummary.business_day == DAY)
        ).one()
    assert kept.data["bookings"]["checked_in"] == 3  # kept in the day's summary
    clock.set(local(16, 0))  # R7 (15:30 + 10 min) has passed: nothing recorded since
    b = period_figures(store, DAY, DAY, clock.now(), RULES)["bookings"]
    assert (b["missed_bookings"], b["missed_share"], b["pending_bookings"]) == (3, 50.0, 0)
    with store.read() as session:
        again = session.scalar(select(DaySummary.computed_at).where(DaySummary.business_day == DAY))
    assert again == kept.computed_at  # served from the summary, not counted again


def test_a_period_with_days_without_bookings_counts_their_walk_ins(played):
    store, clock = played
    figures = period_figures(store, DAY - timedelta(days=1), DAY, clock.now(), RULES)
    assert [d["bookings"] for d in figures["booking_days"]] == [0, 6]
    assert figures["booking_days"][0]["punctuality_median_s"] is None
    assert figures["bookings"]["walk_in_visitors"] == 5


def read_csv(path, delimiter=","):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def test_every_export_carries_the_booking_figures(played, tmp_path):
    store, clock = played
    clock.set(local(16, 0))
    figures = period_figures(store, DAY, DAY, clock.now(), RULES)
    scripts = export_figures(figures, "csv", tmp_path / "csv", store)
    (row,) = read_csv(scripts / "bookings.csv")
    assert row["day"] == "2026-01-13"
    assert (row["bookings"], row["missed_bookings"], row["cancelled_bookings"]) == ("6", "3", "1")
    assert (row["booked_visitors"], row["walk_in_visitors"]) == ("3", "5")
    assert float(row["punctuality_p90_s"]) == 420 and float(row["missed_share"]) == 50
    (totals,) = read_csv(scripts / "totals.csv")
    assert totals["missed_bookings"] == "3" and totals["visitors"] == "8"

    excel = export_figures(figures, "csv-excel", tmp_path / "excel", store)
    (sv,) = read_csv(excel / "Bokade besök.csv", ";")
    assert sv["Datum"] == "2026-01-13" and sv["Uteblivna bokningar"] == "3"
    assert sv["Uteblivna bokningar (%)"] == "50,0"
    assert sv["Bokad tid till upprop, 90 % (min)"] == "7,0"  # minutes, decimal comma
    assert sv["Betjänade med bokning"] == "3" and sv["Betjänade utan bokning"] == "5"

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(export_figures(figures, "xlsx", tmp_path / "s.xlsx", store))
    sheet = book["Bokade besök"]
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["Bokningar"] == 6 and values["Avbokade"] == 1
    assert values["Bokad tid till upprop, median (min)"] == pytest.approx(4.5)
    assert values["Utan bokning, uppropade övrig tid"] == 2
    period = {r[0]: r[1] for r in book["Hela perioden"].iter_rows(min_row=2, values_only=True)}
    assert period["Uteblivna bokningar"] == 3 and period["Incheckade"] == 3


def test_the_pdf_report_has_a_section_of_booked_visits(played, tmp_path, qapp):
    if shutil.which("pdftotext") is None:
        assert not os.environ.get("SERVICEDISK_CI"), ".ci/run installs poppler-utils"
        pytest.skip("pdftotext (poppler-utils) is not installed here; CI installs it")
    from app.ui.statistics.report import write_pdf

    store, clock = played
    clock.set(local(16, 0))
    figures = period_figures(store, DAY, DAY, clock.now(), RULES)
    path = write_pdf(figures, tmp_path / "day.pdf", "Exempelstad", catalog_labels(store))
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = " | ".join(" ".join(line.split()) for line in text.splitlines())
    assert "Bokade besök" in lines
    for shown in (
        "Bokningar 6",
        "Uteblivna bokningar 3 (50 %)",
        "Avbokade 1",
        "Betjänade med bokning 3",
        "Betjänade utan bokning 5",
        "Bokad tid till upprop, median +4,5 min",
        "Bokad tid till upprop, 90 % +7,0 min",
    ):
        assert shown in lines, (shown, text)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = [ln.split(":")[1].strip() for ln in info.stdout.splitlines() if ln.startswith("Pages")]
    assert pages == ["1"]


def test_the_central_summary_carries_the_days_booking_figures_and_keeps_the_schema(played):
    store, _clock = played
    summary = compute_days(store, [DAY])[DAY]
    payload = build_payload(summary, office="exempelstad", day=DAY, revision=9, threshold=3)
    sent = json.loads(payload.model_dump_json())
    assert sent["aggregates"]["bookings"] == {
        "bookings": 6,
        "checked_in": 3,
        "booked_visitors": 3,
        "walk_in_visitors": 5,
        "missed_bookings": 3,  # neither checked in nor cancelled at this revision
        "cancelled_bookings": 1,
        "punctuality_median_s": 270,
        "punctuality_p90_s": 420,
    }
    assert DayPayload.model_validate(sent) == payload  # the schema takes it back
    assert "open_starts" not in json.dumps(sent)  # no booking's time leaves the office
    # Three booked visitors called: below a threshold of five the punctuality is withheld.
    small = build_payload(summary, office="exempelstad", day=DAY, revision=9, threshold=5)
    withheld = json.loads(small.model_dump_json())["aggregates"]["bookings"]
    assert withheld["punctuality_median_s"] is None and withheld["punctuality_p90_s"] is None
    assert withheld["missed_bookings"] == 3  # counts are sent as the other counts are


def test_a_day_without_bookings_is_sent_as_before_the_field_existed(store, clock, desk):
    clock.set(local(10, 0))
    q.issue_ticket(desk, "A")
    summary = compute_days(store, [DAY])[DAY]
    assert "bookings" not in summary
    payload = build_payload(summary, office="exempelstad", day=DAY, revision=1, threshold=5)
    sent = json.loads(payload.model_dump_json())
    assert "bookings" not in sent["aggregates"]  # an older receiver takes it as ever
    assert DayPayload.model_validate(sent) == payload


def test_the_forecast_counts_the_booked_time_already_taken(played):
    store, clock = played
    clock.set(local(9, 0, date(2026, 1, 14)))  # the Wednesday after
    forecast = staffing_forecast(store, clock, DAY, days=8)
    rows = {(r["day"], r["hour"]): r for r in forecast["hours"]}
    ten, eleven = rows[("2026-01-20", "10")], rows[("2026-01-20", "11")]
    assert (ten["booked_minutes"], eleven["booked_minutes"]) == (90.0, 15.0)
    assert rows[("2026-01-20", "12")]["booked_minutes"] == 0.0  # X3 was cancelled
    assert (ten["expected_arrivals"], eleven["expected_arrivals"]) == (3.0, 2.0)
    assert ten["service_median_s"] == eleven["service_median_s"] == 920.0
    assert (ten["points_needed"], eleven["points_needed"]) == (4, 3)
    assert rows[("2026-01-20", "12")]["points_needed"] == 0  # nobody, nothing booked
    # The 13th itself, a past day: what came (walk-ins) and what was booked; no weeks to
    # learn from (the 6th is a holiday), so no forecast.
    past = rows[("2026-01-13", "10")]
    assert (past["arrivals"], past["booked_minutes"], past["points_needed"]) == (3, 45.0, None)
    assert rows[("2026-01-13", "11")]["booked_minutes"] == 60.0  # R3, R4 and R5
    assert rows[("2026-01-13", "15")]["booked_minutes"] == 15.0  # R7, missed: still taken
    by_day = {d["day"]: d for d in forecast["needed_by_day"]}
    assert by_day["2026-01-20"]["booked_minutes"] == 105.0


def test_the_receiver_takes_a_day_with_bookings_and_gives_it_back(played, tmp_path):
    import_or_skip("fastapi")  # the receiver's extra, in the test extras (and in CI)
    from fastapi.testclient import TestClient

    from tests.receiving import receiver_app, receiver_store

    store, _clock = played
    summary = compute_days(store, [DAY])[DAY]
    body = json.loads(
        build_payload(
            summary, office="exempelstad", day=DAY, revision=9, threshold=3
        ).model_dump_json()
    )
    engine = receiver_store(tmp_path / "receiver.sqlite3")
    try:
        with TestClient(receiver_app(engine)) as client:
            path, auth = "/v1/offices/exempelstad/days/2026-01-13", {"Authorization": "Bearer good"}
            assert client.put(path, json=body, headers=auth).status_code == 200
            held = client.get(path, headers=auth).json()
    finally:
        engine.dispose()
    assert held["aggregates"]["bookings"]["missed_bookings"] == 3
    assert held["aggregates"]["visitors"] == 8  # its headline figures as for any day


def test_the_statistics_tab_shows_booked_visits_only_for_a_period_with_bookings(played, qtbot):
    from app.ui.statistics.pages import PeriodPages

    store, clock = played
    pages = PeriodPages()
    qtbot.addWidget(pages)
    forecast = staffing_forecast(store, clock, DAY, days=1)
    booked = period_figures(store, DAY, DAY, clock.now(), RULES)
    pages.show_period(booked, forecast, catalog_labels(store))
    assert pages.isTabVisible(pages.indexOf(pages.bookings))
    model = pages.bookings.model
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    assert texts[:7] == ["2026-01-13", "6", "3", "5", "2", "33,3", "1"]
    assert texts[7] == "4,5 min"  # the punctuality's median
    quiet = DAY - timedelta(days=1)  # a day without bookings (nor anything else)
    pages.show_period(period_figures(store, quiet, quiet, clock.now(), RULES), forecast, {})
    assert not pages.isTabVisible(pages.indexOf(pages.bookings))
