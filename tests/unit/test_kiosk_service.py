"""The kiosk's rules, as a visitor meets them: a ticket in their language while the office
is open, none after the cut-off or over the office's cap, and a call for help that reaches
reception until someone answers it. On both stores."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.services.access.actor import KIOSK, NotAllowedError
from app.services.office import visitor_texts
from app.services.queue import calling as q
from app.services.queue import kiosk
from app.services.queue.desk import KioskDesk, QueueDesk
from app.services.queue.errors import UnknownLanguageError
from app.services.setup.base import InvalidSettingError
from app.services.setup.office_setup import update_office
from app.ui.shell.refusals import refusal_text

pytestmark = pytest.mark.both_stores

# Tuesday 13 January 2026 in Stockholm (UTC+1): open 10:00–16:00.
OPEN = datetime(2026, 1, 13, 9, 30, tzinfo=UTC)  # 10:30
CUT_OFF = datetime(2026, 1, 13, 14, 45, tzinfo=UTC)  # 15:45, fifteen minutes before closing
EARLY = datetime(2026, 1, 13, 8, 50, tzinfo=UTC)  # 09:50


@pytest.fixture
def at_kiosk(store, clock):
    clock.set(OPEN)
    return KioskDesk(store, clock, KIOSK)


def test_a_kiosk_ticket_keeps_the_language_and_where_it_was_taken(at_kiosk, store, clock, desk):
    ref = at_kiosk.issue("B", "ar")
    assert (ref.code, ref.language) == ("B001", "ar")
    waiting = q.snapshot(desk).waiting
    assert [(t.code, t.language) for t in waiting] == [("B001", "ar")]
    called = q.call_next(desk, 1)
    assert called.language == "ar"  # the case worker sees it at the call
    assert q.snapshot(desk).recent_calls[0].language == "ar"  # and the display


def test_a_language_not_in_the_catalog_issues_nothing(at_kiosk, desk):
    with pytest.raises(UnknownLanguageError) as refused:
        at_kiosk.issue("A", "xx")
    assert (refused.value.message_id, refused.value.params) == (
        "queue.unknown_language",
        {"code": "xx"},
    )
    assert "språk" in refusal_text(refused.value)
    assert q.snapshot(desk).waiting == ()


def test_the_kiosk_issues_only_while_open_and_before_the_cut_off(at_kiosk, clock, desk):
    clock.set(EARLY)
    assert at_kiosk.state().reason == "closed"
    with pytest.raises(kiosk.KioskClosedError):
        at_kiosk.issue("A", "sv")
    clock.set(CUT_OFF.replace(minute=44))
    assert at_kiosk.state().issuing
    at_kiosk.issue("A", "sv")
    clock.set(CUT_OFF)
    state = at_kiosk.state()
    assert (state.issuing, state.reason) == (False, "closed")
    with pytest.raises(kiosk.KioskClosedError) as closed:
        at_kiosk.issue("A", "sv")
    assert "stängt" in refusal_text(closed.value)
    assert QueueDesk.of(desk).issue("A").code == "A002"  # reception decides, always


def test_the_office_cap_stops_the_kiosk_not_reception(at_kiosk, desk):
    update_office(desk, max_waiting=2)
    at_kiosk.issue("A", "sv")
    at_kiosk.issue("C", "uk")
    assert at_kiosk.state().reason == "full"
    with pytest.raises(kiosk.OfficeFullError) as full:
        at_kiosk.issue("A", "sv")
    assert (full.value.message_id, full.value.params) == ("queue.office_full", {"limit": 2})
    assert "2 personer väntar" in refusal_text(full.value)
    QueueDesk.of(desk).issue("A")  # reception lets someone in
    q.call_next(desk, 1)
    q.call_next(desk, 2)
    assert at_kiosk.state().issuing  # two called: room again
    update_office(desk, max_waiting=0)  # no cap
    assert kiosk.kiosk_rules(at_kiosk).max_waiting is None


def test_help_issues_a_priority_ticket_and_reception_sees_it_until_answered(
    at_kiosk, store, clock, desk
):
    at_kiosk.issue("A", "sv")
    ref = at_kiosk.issue(None, "fa", help=True)
    assert ref.booked and ref.queue_letter == "A"
    reception = QueueDesk(store, clock, desk.actor)
    (alert,) = reception.open_help_requests()
    assert (alert.code, alert.language) == (ref.code, "fa")
    assert q.call_next(desk, 1).code == ref.code  # förtur: called before A001
    assert reception.answer_help(alert.id) is True
    assert reception.answer_help(alert.id) is False  # the first answer stands
    assert reception.open_help_requests() == []


def test_the_kiosk_may_do_nothing_else(at_kiosk, store, clock):
    as_kiosk = QueueDesk(store, clock, KIOSK)
    with pytest.raises(NotAllowedError):
        as_kiosk.issue("A")
    with pytest.raises(NotAllowedError):
        as_kiosk.cancel("A001")


def test_the_kiosk_languages_are_languages_with_visitor_texts(desk, at_kiosk):
    update_office(desk, kiosk_languages=["ar", "uk", "ar"])
    assert kiosk.kiosk_rules(at_kiosk).languages == ("sv", "en", "ar", "uk")
    with pytest.raises(InvalidSettingError):
        update_office(desk, kiosk_languages=["pl"])  # in the catalog, no visitor texts yet
    assert visitor_texts.parse_languages("ar, EN,,sv;x") == ("sv", "en", "ar")


def test_two_kiosks_never_both_take_the_last_place(store, clock, desk):
    """Eight presses at once on kiosks under a cap of three: three tickets, five refusals."""
    import threading

    clock.set(OPEN)
    update_office(desk, max_waiting=3)
    results: list[str] = []
    start = threading.Barrier(8)

    def press(n: int) -> None:
        kiosk_desk = KioskDesk(store, clock, KIOSK)
        start.wait()
        try:
            results.append(kiosk_desk.issue("ABCD"[n % 4], "sv").code)
        except kiosk.OfficeFullError:
            results.append("full")

    threads = [threading.Thread(target=press, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results).count("full") == 5, results
    assert len(q.snapshot(desk).waiting) == 3
