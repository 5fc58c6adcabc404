"""The kiosk, reception and the display as separate programs on one store, on SQLite and on
a PostgreSQL server: a visitor's ticket from the kiosk is on reception's list and the
display's counts within a second, and a call for help reaches reception."""

from __future__ import annotations

import time

import pytest

from tests.integration.test_office_programs import Program, any_office, stored_tickets

pytestmark = pytest.mark.slow
_ = any_office  # the fixture, used by name below

WITHIN_S = 1.0


class TimedProgram(Program):
    """A program whose report lines are kept with the moment they arrived."""

    def _read(self) -> None:
        assert self.process.stdout is not None
        self.arrived: list[tuple[float, str]] = []
        for line in self.process.stdout:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self.arrived.append((time.monotonic(), line.rstrip("\n")))
                self._changed.notify_all()

    def first(self, test) -> float | None:
        """When the first line that passes ``test(words)`` arrived."""
        with self._changed:
            for at, line in getattr(self, "arrived", []):
                if test(line.split(" ")):
                    return at
        return None


def test_a_kiosk_ticket_reaches_reception_and_the_display_and_help_reaches_reception(
    any_office,
):
    office = any_office
    display = TimedProgram("display", str(office))
    reception = TimedProgram("reception", str(office), "0", "1000")
    kiosk = None
    try:
        display.wait_for(lambda: display.words("READY"), "the display")
        reception.wait_for(lambda: reception.words("READY"), "reception")
        kiosk = TimedProgram("kiosk", str(office), "3", "1500")
        kiosk.wait_for(lambda: len(kiosk.words("KIOSK-HELP")) == 1, "the kiosk's visitors", 90)
        issued = [words[0] for words in kiosk.words("KIOSK-ISSUED")]
        (helped,) = [words[0] for words in kiosk.words("KIOSK-HELP")]
        assert issued == ["B001", "B002", "B003"]
        every = [*issued, helped]
        reception.wait_for(
            lambda: set(every) <= {c for words in reception.words("WAITING") for c in words},
            "reception's list",
        )
        reception.wait_for(lambda: [helped] in reception.words("ALERTS"), "the call for help")
        display.wait_for(lambda: ["A=1", "B=3", "C=0", "D=0"] in display.words("COUNTS"), "counts")
        late = []
        for code in every:
            shown = kiosk.first(lambda w, c=code: w[0].startswith("KIOSK-") and w[1] == c)
            at_reception = reception.first(lambda w, c=code: w[0] == "WAITING" and c in w[1:])
            assert shown is not None and at_reception is not None
            if at_reception - shown > WITHIN_S:
                late.append(f"{code}: reception {at_reception - shown:.2f} s")
        number = {"B001": "B=1", "B002": "B=2", "B003": "B=3"}
        for code, count in number.items():
            shown = kiosk.first(lambda w, c=code: w[:2] == ["KIOSK-ISSUED", c])
            on_display = display.first(lambda w, n=count: w[0] == "COUNTS" and n in w[1:])
            assert shown is not None and on_display is not None
            if on_display - shown > WITHIN_S:
                late.append(f"{code}: display {on_display - shown:.2f} s")
        alert = reception.first(lambda w: w[0] == "ALERTS" and helped in w[1:])
        asked = kiosk.first(lambda w: w[0] == "KIOSK-HELP")
        assert alert is not None and asked is not None
        if alert - asked > WITHIN_S:
            late.append(f"help: {alert - asked:.2f} s")
        assert not late, late
    finally:
        for program in (kiosk, reception, display):
            if program is not None:
                assert program.terminate() == 0
    stored = dict(stored_tickets(office))
    assert all(stored[code] == "waiting" for code in every)
