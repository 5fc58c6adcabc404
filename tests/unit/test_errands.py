"""Errand logging: ticket visits, quick visits, timing, validation and corrections."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from app.models import (
    Agency,
    DayRevision,
    Errand,
    ErrandType,
    Language,
    Staff,
    Ticket,
    Visit,
)
from app.services import ServiceError
from app.services.access.actor import SYSTEM, Actor, acting
from app.services.errands import logbook as er
from app.services.errands.logbook import ErrandInput
from app.services.office.clock import ManualClock, business_day
from app.services.queue import calling as q
from app.services.queue.errors import UnknownServicePointError, UnknownTicketError
from app.services.queue.views import office_revision
from app.store.engine import Store
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

pytestmark = pytest.mark.both_stores

RESOLVED = ErrandInput("FK", "foraldrapenning", "resolved")
REFERRED = ErrandInput("SKV", "folkbokforing", "referred", referral_target_code="MIGRATIONSVERKET")

# ---------------------------------------------------------------- helpers


def called(store: Store, clock: ManualClock, letter: str = "A", point: int = 1) -> str:
    """Issue a ticket, wait five minutes, call it to a point; returns its code."""
    desk = desk_for(store, clock)
    ref = q.issue_ticket(desk, letter)
    clock.advance(minutes=5)
    q.call_ticket(desk, ref.code, point)
    return ref.code


def add_staff(store: Store, login: str, role: str = "caseworker") -> int:
    with acting(SYSTEM), store.write() as session:
        staff = Staff(login=login, display_name=login.title(), role=role, active=True)
        session.add(staff)
        session.flush()
        return staff.id


def day_revision(store: Store, day) -> int:
    with store.read() as session:
        return int(
            session.scalar(select(DayRevision.revision).where(DayRevision.business_day == day)) or 0
        )


def retire(store: Store, model: type, code: str) -> None:
    with acting(SYSTEM), store.write() as session:
        session.execute(update(model).where(model.code == code).values(active=False))


# ---------------------------------------------------------------- finishing a ticket with errands


def test_finish_with_errands_stores_visit_and_errands(
    store: Store, clock: ManualClock, desk
) -> None:
    code = called(store, clock)
    call_at = clock.now()
    clock.advance(minutes=12)
    before = day_revision(store, business_day(clock.now()))

    ref = er.finish_with_errands(desk, code, [RESOLVED, REFERRED])

    assert ref.ticket_code == code and ref.channel == "ticket"
    assert ref.business_day == business_day(clock.now())
    first, second = ref.errands
    assert (first.position, second.position) == (0, 1)
    assert first.agency_code == "FK" and first.agency_label == "Försäkringskassan"
    assert first.errand_type_label == "Föräldrapenning"
    assert first.outcome_code == "resolved" and first.referral_target_code is None
    assert (first.language_code, first.interpreter_code) == ("sv", "none")
    assert second.referral_target_code == "MIGRATIONSVERKET"
    assert second.referral_target_label == "Migrationsverket"
    # Timing from the ticket's call and finish, split evenly.
    assert (first.duration_seconds, second.duration_seconds) == (360, 360)
    assert not first.corrected
    with store.read() as session:
        visit = session.get(Visit, ref.visit_id)
        ticket = session.scalar(select(Ticket).where(Ticket.code == code))
        assert visit is not None and ticket is not None
        assert visit.started_at == call_at and visit.ended_at == clock.now()
        assert not visit.timing_unreliable and visit.ticket_id == ticket.id
        assert ticket.state == "done"
    assert day_revision(store, ref.business_day) > before
    assert er.visit_errands(store, ref.visit_id) == ref


def test_own_durations_are_kept_and_the_rest_is_shared(
    store: Store, clock: ManualClock, desk
) -> None:
    code = called(store, clock)
    clock.advance(seconds=1000)
    entries = [
        ErrandInput("FK", "vab", "resolved", duration_seconds=100),
        ErrandInput("PM", "allman-pension", "e-service"),
        ErrandInput("PM", None, "documents"),
    ]
    ref = er.finish_with_errands(desk, code, entries)
    assert [e.duration_seconds for e in ref.errands] == [100, 450, 450]
    assert ref.errands[2].errand_type_code is None


def test_uneven_split_adds_up(store: Store, clock: ManualClock, desk) -> None:
    code = called(store, clock)
    clock.advance(seconds=100)
    ref = er.finish_with_errands(desk, code, [RESOLVED] * 3)
    assert [e.duration_seconds for e in ref.errands] == [34, 33, 33]


def test_languages_interpreters_and_staff(store: Store, clock: ManualClock, desk) -> None:
    worker = add_staff(store, "anna")
    code = called(store, clock)
    clock.advance(minutes=20)
    entry = ErrandInput("AF", "inskrivning", "meeting-booked", None, "ar", "phone")
    anna = desk_for(store, clock, Actor(staff_id=worker, role="caseworker"))
    ref = er.finish_with_errands(anna, code, [entry])
    assert (ref.errands[0].language_code, ref.errands[0].interpreter_code) == ("ar", "phone")
    with store.read() as session:
        errand = session.get(Errand, ref.errands[0].id)
        visit = session.get(Visit, ref.visit_id)
        assert errand is not None and visit is not None
        assert errand.staff_id == worker and visit.staff_id == worker


def test_a_visit_without_errands_then_errands_logged_later(
    store: Store, clock: ManualClock, desk
) -> None:
    code = called(store, clock)
    clock.advance(seconds=600)
    ref = er.finish_with_errands(desk, code, [])
    assert ref.errands == ()
    clock.advance(minutes=2)
    before = day_revision(store, ref.business_day)

    later = er.log_errands(desk, ref.visit_id, [RESOLVED, RESOLVED])
    assert [e.duration_seconds for e in later.errands] == [300, 300]
    assert day_revision(store, ref.business_day) == before + 1

    more = er.log_errands(desk, ref.visit_id, [REFERRED])
    assert [e.position for e in more.errands] == [0, 1, 2]
    assert more.errands[2].duration_seconds == 0  # the earlier errands took the whole time
    assert er.log_errands(desk, ref.visit_id, []) == more


def test_unreliable_timing_is_flagged_and_not_split(store: Store, clock: ManualClock, desk) -> None:
    code = called(store, clock)
    clock.advance(hours=3)
    entries = [RESOLVED, ErrandInput("PM", None, "resolved", duration_seconds=420)]
    ref = er.finish_with_errands(desk, code, entries, unreliable=True)
    assert [e.duration_seconds for e in ref.errands] == [None, 420]
    with store.read() as session:
        visit = session.get(Visit, ref.visit_id)
        assert visit is not None and visit.timing_unreliable


def test_a_bad_errand_leaves_the_ticket_unfinished(store: Store, clock: ManualClock, desk) -> None:
    code = called(store, clock)
    clock.advance(minutes=5)
    bad = ErrandInput("FK", "vab", "referred")  # no referral target
    with pytest.raises(er.ReferralRequiredError) as caught:
        er.finish_with_errands(desk, code, [RESOLVED, bad])
    assert str(caught.value).startswith("Errand 2: ")
    assert caught.value.message_id == "errand.numbered"
    assert caught.value.params["number"] == 2
    assert caught.value.params["text"].id == "errand.referral_required"
    assert refusal_text(caught.value).startswith("Ärende 2: Utfallet 'referred' kräver")
    assert caught.value.index == 1
    with store.read() as session:
        assert session.scalar(select(Ticket.state).where(Ticket.code == code)) == "called"
        assert session.scalar(select(func.count()).select_from(Visit)) == 0
        assert session.scalar(select(func.count()).select_from(Errand)) == 0


def test_finishing_needs_a_called_ticket_of_today(store: Store, clock: ManualClock, desk) -> None:
    ref = q.issue_ticket(desk, "A")
    with pytest.raises(q.InvalidTransitionError):
        er.finish_with_errands(desk, ref.code, [RESOLVED])
    with pytest.raises(UnknownTicketError):
        er.finish_with_errands(desk, "A999", [RESOLVED])


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        (ErrandInput("NOPE", None, "resolved"), er.UnknownCatalogEntryError),
        (ErrandInput("FK", "deklaration", "resolved"), er.ErrandTypeMismatchError),
        (ErrandInput("FK", "no-such-type", "resolved"), er.UnknownCatalogEntryError),
        (ErrandInput("FK", None, "no-such-outcome"), er.UnknownCatalogEntryError),
        (ErrandInput("FK", None, "referred"), er.ReferralRequiredError),
        (ErrandInput("FK", None, "referred", "NOWHERE"), er.UnknownCatalogEntryError),
        (ErrandInput("FK", None, "resolved", "SKV"), er.ReferralNotAllowedError),
        (ErrandInput("FK", None, "resolved", language_code="xx"), er.UnknownCatalogEntryError),
        (ErrandInput("FK", None, "resolved", interpreter_code="x"), er.UnknownCatalogEntryError),
        (ErrandInput("FK", None, "resolved", duration_seconds=-1), er.InvalidDurationError),
        (ErrandInput("FK", None, "resolved", duration_seconds=9 * 3600), er.InvalidDurationError),
    ],
)
def test_invalid_errands_are_refused_with_typed_errors(
    store: Store, clock: ManualClock, desk, entry: ErrandInput, error: type[ServiceError]
) -> None:
    with pytest.raises(error) as caught:
        er.log_quick_visit(desk, "desk", [entry])
    assert isinstance(caught.value, ServiceError)
    assert str(caught.value) and refusal_text(caught.value)
    assert not str(caught.value).startswith("Errand")  # one errand: no number
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 0


def test_retired_entries_cannot_be_chosen_for_new_errands(
    store: Store, clock: ManualClock, desk
) -> None:
    retire(store, Agency, "AF")
    retire(store, Language, "so")
    with acting(SYSTEM), store.write() as session:
        session.execute(update(ErrandType).where(ErrandType.code == "vab").values(active=False))
    for entry, kind in (
        (ErrandInput("AF", None, "resolved"), "agency"),
        (ErrandInput("FK", "vab", "resolved"), "errand_type"),
        (ErrandInput("FK", None, "resolved", language_code="so"), "language"),
    ):
        with pytest.raises(er.RetiredCatalogEntryError) as caught:
            er.log_quick_visit(desk, "phone", [entry], duration_seconds=60)
        assert caught.value.kind == kind
        assert "retired" in str(caught.value)


def test_unknown_staff_is_refused(store: Store, clock: ManualClock) -> None:
    with pytest.raises(er.UnknownStaffError):
        er.log_quick_visit(desk_for(store, clock, Actor(999, "caseworker")), "desk", [RESOLVED])


# ---------------------------------------------------------------- quick visits


def test_quick_visit_on_the_phone(store: Store, clock: ManualClock, desk) -> None:
    ref = er.log_quick_visit(desk, "phone", [RESOLVED, REFERRED], duration_seconds=480)
    assert ref.ticket_code is None and ref.channel == "phone"
    assert [e.duration_seconds for e in ref.errands] == [240, 240]
    with store.read() as session:
        visit = session.get(Visit, ref.visit_id)
        assert visit is not None and visit.ticket_id is None and visit.service_point_id is None
        assert visit.ended_at == clock.now()
        assert visit.started_at == clock.now() - timedelta(seconds=480)
        assert not visit.timing_unreliable and not visit.demo


def test_quick_visit_at_a_desk(store: Store, clock: ManualClock, desk) -> None:
    entry = ErrandInput("GEMENSAMT", "ta-emot-handlingar", "documents", duration_seconds=90)
    ref = er.log_quick_visit(desk, "desk", [entry], point_number=2)
    with store.read() as session:
        visit = session.get(Visit, ref.visit_id)
        assert visit is not None and visit.service_point_id is not None
        assert (visit.ended_at - visit.started_at).total_seconds() == 90
    assert ref.errands[0].duration_seconds == 90


def test_quick_visit_without_any_timing_is_unreliable(
    store: Store, clock: ManualClock, desk
) -> None:
    ref = er.log_quick_visit(desk, "desk", [RESOLVED])
    assert ref.errands[0].duration_seconds is None
    with store.read() as session:
        visit = session.get(Visit, ref.visit_id)
        assert visit is not None and visit.timing_unreliable


def test_quick_visit_refusals(store: Store, clock: ManualClock, desk) -> None:
    with pytest.raises(er.NoErrandsError):
        er.log_quick_visit(desk, "phone", [])
    with pytest.raises(er.InvalidChannelError):
        er.log_quick_visit(desk, "ticket", [RESOLVED])
    with pytest.raises(UnknownServicePointError):
        er.log_quick_visit(desk, "desk", [RESOLVED], point_number=42)
    with pytest.raises(er.InvalidDurationError):
        er.log_quick_visit(desk, "desk", [RESOLVED], duration_seconds=-5)


# ---------------------------------------------------------------- corrections


def test_same_day_correction_by_anyone(store: Store, clock: ManualClock, desk) -> None:
    worker = add_staff(store, "bo")
    ref = er.log_quick_visit(desk, "desk", [RESOLVED], duration_seconds=300)
    errand_id = ref.errands[0].id
    clock.advance(hours=1)
    before_day, before_office = day_revision(store, ref.business_day), office_revision(store)

    bo = desk_for(store, clock, Actor(staff_id=worker, role="caseworker"))
    view = er.correct_errand(bo, errand_id, REFERRED)

    assert view.agency_code == "SKV" and view.referral_target_code == "MIGRATIONSVERKET"
    assert view.corrected and view.duration_seconds == 300  # None keeps the duration
    assert day_revision(store, ref.business_day) == before_day + 1
    assert office_revision(store) > before_office
    with store.read() as session:
        errand = session.get(Errand, errand_id)
        assert errand is not None
        assert errand.corrected_at == clock.now() and errand.corrected_by_staff_id == worker


def test_correction_that_changes_nothing_bumps_nothing(
    store: Store, clock: ManualClock, desk
) -> None:
    ref = er.log_quick_visit(desk, "desk", [RESOLVED], duration_seconds=300)
    before = day_revision(store, ref.business_day)
    view = er.correct_errand(desk, ref.errands[0].id, RESOLVED)
    assert not view.corrected
    assert day_revision(store, ref.business_day) == before


def test_later_corrections_only_by_the_manager(store: Store, clock: ManualClock, desk) -> None:
    boss = add_staff(store, "chef", role="manager")
    ref = er.log_quick_visit(desk, "desk", [RESOLVED], duration_seconds=300)
    errand_id = ref.errands[0].id
    clock.advance(days=1)
    today = business_day(clock.now())
    worker = desk_for(store, clock, Actor(role="caseworker"))
    with pytest.raises(er.CorrectionTooLateError) as caught:
        er.correct_errand(worker, errand_id, REFERRED)
    assert "manager" in str(caught.value) and "kontorschefen" in refusal_text(caught.value)
    with pytest.raises(er.CorrectionTooLateError):
        er.log_errands(worker, ref.visit_id, [RESOLVED])
    before_past, before_today = day_revision(store, ref.business_day), day_revision(store, today)

    manager = desk_for(store, clock, Actor(staff_id=boss, role="manager"))
    view = er.correct_errand(
        manager, errand_id, ErrandInput("FK", "vab", "resolved", duration_seconds=200)
    )

    assert view.errand_type_code == "vab" and view.duration_seconds == 200 and view.corrected
    assert day_revision(store, ref.business_day) == before_past + 1  # the errand's own day
    assert day_revision(store, today) == before_today
    added = er.log_errands(manager, ref.visit_id, [RESOLVED])
    assert len(added.errands) == 2


def test_retired_entries_stay_valid_on_old_errands(store: Store, clock: ManualClock, desk) -> None:
    entry = ErrandInput("AF", "aktivitetsrapport", "resolved", language_code="so")
    ref = er.log_quick_visit(desk, "desk", [entry], duration_seconds=120)
    retire(store, Agency, "AF")
    retire(store, Language, "so")

    old = er.visit_errands(store, ref.visit_id).errands[0]
    assert old.agency_label == "Arbetsförmedlingen" and old.language_code == "so"
    # Correcting another field keeps the errand's own retired agency and language.
    kept = er.correct_errand(
        desk, old.id, ErrandInput("AF", "aktivitetsrapport", "not-helped", None, "so")
    )
    assert kept.outcome_code == "not-helped" and kept.agency_code == "AF"
    # … but a retired entry it did not have cannot be newly chosen.
    retire(store, Language, "ti")
    retire(store, Agency, "PM")
    with pytest.raises(er.RetiredCatalogEntryError):
        er.correct_errand(desk, old.id, ErrandInput("AF", None, "resolved", None, "ti"))
    with pytest.raises(er.RetiredCatalogEntryError):
        er.correct_errand(desk, old.id, ErrandInput("PM", None, "resolved", None, "so"))


def test_unknown_visit_and_errand(store: Store, clock: ManualClock, desk) -> None:
    with pytest.raises(er.UnknownVisitError):
        er.visit_errands(store, 12345)
    with pytest.raises(er.UnknownVisitError):
        er.log_errands(desk, 12345, [RESOLVED])
    with pytest.raises(er.UnknownErrandError):
        er.correct_errand(desk, 12345, RESOLVED)


# ---------------------------------------------------------------- choices


def test_catalog_choices_offer_active_entries_in_order(store: Store) -> None:
    choices = er.catalog_choices(store)
    assert [a.code for a in choices.agencies][:4] == ["FK", "SKV", "PM", "AF"]
    fk = choices.agencies[0]
    assert fk.errand_types[0] == er.Choice("foraldrapenning", "Föräldrapenning", "Parental benefit")
    referred = next(o for o in choices.outcomes if o.code == "referred")
    assert referred.requires_referral
    assert not next(o for o in choices.outcomes if o.code == "resolved").requires_referral
    assert choices.languages[0].code == "sv" and choices.interpreter_kinds[0].code == "none"
    assert choices.queue_agencies["A"] == ("FK", "PM")
    assert choices.queue_agencies["D"][0] == "GEMENSAMT"  # the usual one first
    assert any(t.code == "MIGRATIONSVERKET" for t in choices.referral_targets)


def test_catalog_choices_hide_retired_entries(store: Store) -> None:
    retire(store, Agency, "PM")
    retire(store, Language, "fi")
    with acting(SYSTEM), store.write() as session:
        session.execute(update(ErrandType).where(ErrandType.code == "vab").values(active=False))
    choices = er.catalog_choices(store)
    assert "PM" not in [a.code for a in choices.agencies]
    assert choices.queue_agencies["A"] == ("FK",)
    assert "fi" not in [x.code for x in choices.languages]
    assert "vab" not in [t.code for t in choices.agencies[0].errand_types]


def test_split_durations() -> None:
    assert er.split_durations(10, [None, None, None]) == [4, 3, 3]
    assert er.split_durations(10, [8, None]) == [8, 2]
    assert er.split_durations(10, [12, None]) == [12, 0]
    assert er.split_durations(None, [None, 5]) == [None, 5]
    assert er.split_durations(10, []) == []


def test_the_public_api_stays_in_one_module() -> None:
    """The UI and tests import all of it from app.services.errands.logbook, whatever holds it."""
    public = {
        "ErrandInput", "Choice", "AgencyChoice", "OutcomeChoice", "CatalogChoices", "ErrandView",
        "VisitRef", "catalog_choices", "finish_with_errands", "log_errands", "log_quick_visit",
        "correct_errand", "visit_errands", "DEFAULT_LANGUAGE", "DEFAULT_INTERPRETER",
        "split_durations", "ErrandError", "UnknownCatalogEntryError", "RetiredCatalogEntryError",
        "ErrandTypeMismatchError", "ReferralRequiredError", "ReferralNotAllowedError",
        "InvalidDurationError", "NoErrandsError", "InvalidChannelError", "UnknownVisitError",
        "UnknownErrandError", "UnknownStaffError", "CorrectionTooLateError",
    }  # fmt: skip
    assert public <= set(er.__all__)
    assert all(getattr(er, name) is not None for name in er.__all__)
    assert all(issubclass(getattr(er, n), er.ErrandError) for n in public if n.endswith("Error"))
    assert (er.DEFAULT_LANGUAGE, er.DEFAULT_INTERPRETER) == ("sv", "none")
