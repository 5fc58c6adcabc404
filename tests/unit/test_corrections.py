"""An errand can be corrected where it is found: a case worker's own visits of today, the
office manager's any day within retention. Every correction is audited field by field
(old and new code), moves the day's revision (so the statistics and the day's summary
follow), and a day past retention is closed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import DayRevision
from app.services.access.audit import list_events
from app.services.errands import logbook as errands
from app.services.errands.errors import (
    CorrectionTooLateError,
    NotYourVisitError,
    PastRetentionError,
)
from app.services.errands.records import ErrandInput
from app.services.errands.visits import day_visits
from app.services.office.clock import office_day
from app.services.queue import calling as q
from app.services.staff import accounts
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores


def _people(store, clock, desk):
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    accounts.add_staff(desk, "bo", "caseworker", "1357", "1357")
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    return {
        login: desk_for(store, clock, accounts.sign_in(desk, login, pin))
        for login, pin in (("anna", "2468"), ("bo", "1357"), ("karin", "864213"))
    }


def _served_by(people, who: str, desk, code_letter: str = "A") -> errands.VisitRef:
    ticket = q.issue_ticket(desk, code_letter)
    q.call_ticket(people[who], ticket.code, 1)
    return errands.finish_with_errands(
        people[who], ticket.code, [ErrandInput("FK", None, "resolved", language_code="sv")]
    )


def _revision(store, day) -> int:
    with store.read() as session:
        return session.scalar(select(DayRevision.revision).where(DayRevision.business_day == day))


def test_a_case_worker_corrects_her_own_visit_and_it_is_audited(store, clock, desk):
    people = _people(store, clock, desk)
    visit = _served_by(people, "anna", desk)
    assert [v.ticket_code for v in day_visits(people["anna"])] == ["A001"]
    assert day_visits(people["bo"]) == []  # his own only
    today = office_day(store, clock.now())
    before = _revision(store, today)
    errand = visit.errands[0]
    fixed = errands.correct_errand(
        people["anna"], errand.id, ErrandInput("FK", None, "documents", language_code="ar")
    )
    assert (fixed.outcome_code, fixed.language_code, fixed.corrected) == ("documents", "ar", True)
    assert _revision(store, today) > before  # figures recomputed, the summary sent again
    (event,) = list_events(store, kinds=["correction"])
    assert event.who == "anna"
    assert "changed=outcome:resolved>documents,language:sv>ar" in event.detail
    with pytest.raises(NotYourVisitError) as refused:
        errands.correct_errand(people["bo"], errand.id, ErrandInput("FK", None, "resolved"))
    assert "någon annan" in refusal_text(refused.value)
    added = errands.log_errands(
        people["anna"], visit.visit_id, [ErrandInput("SKV", None, "resolved")]
    )
    assert len(added.errands) == 2
    assert "added=1" in list_events(store, kinds=["correction"])[0].detail


def test_the_manager_corrects_any_day_within_retention_and_no_further(store, clock, desk):
    people = _people(store, clock, desk)
    visit = _served_by(people, "anna", desk)
    clock.advance(days=1)
    yesterday = visit.business_day
    with pytest.raises(CorrectionTooLateError):
        day_visits(people["anna"], yesterday)
    with pytest.raises(CorrectionTooLateError):
        errands.correct_errand(
            people["anna"], visit.errands[0].id, ErrandInput("FK", None, "documents")
        )
    listed = day_visits(people["karin"], yesterday)
    assert [(v.ticket_code, v.staff_login) for v in listed] == [("A001", "anna")]
    errands.correct_errand(
        people["karin"], visit.errands[0].id, ErrandInput("FK", None, "documents")
    )
    assert list_events(store, kinds=["correction"])[0].who == "karin"
    clock.advance(days=90)  # the office keeps 90 days: the visit's day is closed now
    with pytest.raises(PastRetentionError) as closed:
        errands.correct_errand(
            people["karin"], visit.errands[0].id, ErrandInput("FK", None, "resolved")
        )
    assert "gallringstiden" in refusal_text(closed.value)


def test_a_visit_revised_on_screen_is_kept_whole_or_not_at_all(store, clock, desk):
    people = _people(store, clock, desk)
    visit = _served_by(people, "anna", desk)
    errand = visit.errands[0]
    fixed = ErrandInput("FK", None, "documents")
    with pytest.raises(errands.UnknownCatalogEntryError):
        errands.revise_visit(
            people["anna"], visit.visit_id, {errand.id: fixed}, [ErrandInput("NOPE", None, "x")]
        )
    unchanged = errands.visit_errands(store, visit.visit_id)
    assert [e.outcome_code for e in unchanged.errands] == ["resolved"]  # nothing kept
    assert list_events(store, kinds=["correction"]) == []
    revised = errands.revise_visit(
        people["anna"], visit.visit_id, {errand.id: fixed}, [ErrandInput("SKV", None, "resolved")]
    )
    assert [(e.agency_code, e.outcome_code) for e in revised.errands] == [
        ("FK", "documents"),
        ("SKV", "resolved"),
    ]
    assert len(list_events(store, kinds=["correction"])) == 2  # the change and the addition
