"""Booked visitors checked in at three programs at once on one store, on SQLite and on a
PostgreSQL server: at reception's *Bokad tid* field (a scanner), at the kiosk's keypad and
from the command line. Every check-in is kept, each ticket is on reception's list within a
second of being shown, and the display says "Bokad tid" when the booked visitor is called."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.integration.test_kiosk_programs import WITHIN_S, TimedProgram
from tests.integration.test_office_programs import any_office, servicedisk

pytestmark = pytest.mark.slow
_ = any_office  # the fixture, used by name below

HEADER = "booking_reference,date,start,minutes,agency,errand_type,language,interpreter,status"


def _day_file(folder, minutes_from_now: dict[str, tuple[int, str]]):
    """Today's bookings, each so many minutes from now (kept within today)."""
    now = datetime.now(ZoneInfo("Europe/Stockholm")).replace(second=0, microsecond=0)
    last = now.replace(hour=23, minute=59)
    lines = [HEADER]
    for reference, (minutes, agency) in minutes_from_now.items():
        at = min(now + timedelta(minutes=minutes), last)
        lines.append(f"{reference},{now.date()},{at:%H:%M},20,{agency},,,nej,")
    path = folder / "bookings.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_check_ins_at_reception_the_kiosk_and_the_command_line_are_all_kept_and_shown(
    any_office, tmp_path
):
    office = any_office
    file = _day_file(tmp_path, {"SKV-RECEPT1": (2, "SKV"), "FK-KIOSK22": (30, "FK"),
                                "AF-CLI333": (45, "AF")})  # fmt: skip
    imported = servicedisk(office, "bookings", "import", str(file)).stdout.split()
    assert imported[:2] == ["3", "added,"]
    display = TimedProgram("display", str(office))
    reception = kiosk = None
    try:
        display.wait_for(lambda: display.words("READY"), "the display")
        reception = TimedProgram("reception", str(office), "0", "1000", "SKV-RECEPT1")
        kiosk = TimedProgram("kiosk-check-in", str(office), "FK-KIOSK22")
        by_cli = servicedisk(office, "ticket", "check-in", "AF-CLI333").stdout.split("\n")[0]
        reception.wait_for(lambda: reception.words("CHECKED-IN"), "reception's check-in")
        kiosk.wait_for(lambda: kiosk.words("KIOSK-CHECKED-IN"), "the kiosk's check-in", 90)
        ((at_reception,),) = reception.words("CHECKED-IN")
        ((at_kiosk,),) = kiosk.words("KIOSK-CHECKED-IN")
        codes = {at_reception, at_kiosk, by_cli}
        assert {code[0] for code in codes} == {"A", "B", "C"}  # each in its agency's queue
        reception.wait_for(
            lambda: codes <= {c for words in reception.words("WAITING") for c in words},
            "reception's list",
        )
        display.wait_for(lambda: ["A=1", "B=1", "C=1", "D=0"] in display.words("COUNTS"), "counts")
        late = []
        for code, program, kind in ((at_kiosk, kiosk, "KIOSK-CHECKED-IN"),
                                    (at_reception, reception, "CHECKED-IN")):  # fmt: skip
            shown = program.first(lambda w, c=code, k=kind: w[:2] == [k, c])
            listed = reception.first(lambda w, c=code: w[0] == "WAITING" and c in w[1:])
            assert shown is not None and listed is not None
            if listed - shown > WITHIN_S:
                late.append(f"{code}: reception {listed - shown:.2f} s")
        assert not late, late
        # The booking due first (reception's, two minutes from now) is called before the
        # others, who checked in early; the display says it had a booked time.
        called = servicedisk(office, "ticket", "call", "--point", "1").stdout.split()[0]
        assert called == at_reception
        display.wait_for(
            lambda: any(w[:2] == ["Bokad", "tid"] for w in display.words("BOOKED-NOTE")),
            "the display's booked time",
        )
    finally:
        for program in (kiosk, reception, display):
            if program is not None:
                assert program.terminate() == 0
    listed = json.loads(servicedisk(office, "bookings", "list", "--json").stdout)
    assert sorted((b["state"], b["ticket"]) for b in listed) == sorted(
        ("checked_in", code) for code in codes
    )
