"""The set-up services: office rules, queues, service points and catalog entries."""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from sqlalchemy import select

from app.models import AuditEvent
from app.services.catalog import transfer as catalog
from app.services.office.info import get_office, list_queues, list_service_points
from app.services.queue import calling as queue
from app.services.queue.errors import UnknownQueueError
from app.services.queue.views import office_revision
from app.services.setup import office_setup as setup
from app.ui.shell.refusals import refusal_text

pytestmark = pytest.mark.both_stores


def audit_details(store) -> list[str]:
    with store.read() as session:
        rows = session.scalars(
            select(AuditEvent).where(AuditEvent.action.in_(("config", "catalog")))
        )
        return [r.detail.removeprefix("change=") for r in rows]


@contextmanager
def refused(store, error=setup.SetupError, swedish: str = "", english: str = ""):
    """Expect a refusal that changes nothing: same revision, same set-up, no audit event."""
    before = (
        office_revision(store),
        get_office(store),
        setup.list_queue_setup(store),
        setup.list_point_setup(store),
        setup.catalog_overview(store),
        audit_details(store),
    )
    with pytest.raises(error) as caught:
        yield caught
    if isinstance(caught.value, setup.SetupError):
        assert refusal_text(caught.value), "a refusal needs a Swedish sentence for the screen"
        assert swedish in refusal_text(caught.value)
    assert english in str(caught.value)
    after = (
        office_revision(store),
        get_office(store),
        setup.list_queue_setup(store),
        setup.list_point_setup(store),
        setup.catalog_overview(store),
        audit_details(store),
    )
    assert after == before


def active_export(store) -> dict:
    with store.read() as session:
        return catalog.export_catalog(session)


# ---------------------------------------------------------------- the office


def test_update_office_saves_name_hours_and_rules(store, clock, desk):
    revision = office_revision(store)
    hours = {d: [["09:00", "15:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
    hours["thu"] = [["13:00", "18:00"], ["09:00", "12:00"]]
    info = setup.update_office(
        desk,
        name="Servicekontoret Nystad",
        opening_hours=hours,
        retention_days=120,
        small_count_threshold=3,
        priority_ratio=0,
        recalls_before_no_show=2,
        recall_min_seconds=30,
    )
    assert info == get_office(store)
    assert info.name == "Servicekontoret Nystad"
    assert info.opening_hours["thu"] == [["09:00", "12:00"], ["13:00", "18:00"]]
    assert info.opening_hours["sat"] == [] and info.opening_hours["sun"] == []
    assert (info.retention_days, info.small_count_threshold, info.priority_ratio) == (120, 3, 0)
    assert (info.recalls_before_no_show, info.recall_min_seconds) == (2, 30)
    assert office_revision(store) == revision + 1
    details = audit_details(store)
    assert len(details) == 7
    assert "office name changed" in details
    assert "retention_days changed from 90 to 120" in details
    assert not any("Nystad" in d for d in details)


def test_update_office_with_nothing_new_changes_nothing(store, clock, desk):
    office = get_office(store)
    revision = office_revision(store)
    setup.update_office(desk, name=office.name, opening_hours=office.opening_hours)
    assert office_revision(store) == revision
    assert audit_details(store) == []


@pytest.mark.parametrize(
    ("hours", "swedish"),
    [
        ({"mon": [["16:00", "10:00"]]}, "slutar innan det börjar"),
        ({"mon": [["10:00", "10:00"]]}, "slutar innan det börjar"),
        ({"tue": [["9:00", "16:00"]]}, "inte en tid"),
        ({"tue": [["10:00", "24:00"]]}, "inte en tid"),
        ({"wed": [["08:00", "10:00"], ["11:00", "12:00"], ["13:00", "14:00"]]}, "högst 2 pass"),
        ({"thu": [["10:00", "13:00"], ["12:00", "16:00"]]}, "överlappar"),
        ({"fri": [["10:00"]]}, "start- och en sluttid"),
        ({"fri": "10-16"}, "par av tider"),
        ({"holiday": []}, "okänd veckodag"),
    ],
)
def test_update_office_refuses_bad_opening_hours(store, clock, desk, hours, swedish):
    with refused(store, setup.InvalidOpeningHoursError, swedish):
        setup.update_office(desk, name="Annat namn", opening_hours=hours)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("retention_days", 0),
        ("retention_days", 3651),
        ("small_count_threshold", 51),
        ("small_count_threshold", -1),
        ("recalls_before_no_show", 11),
        ("recall_min_seconds", 601),
        ("priority_ratio", 21),
        ("priority_ratio", True),
    ],
)
def test_update_office_refuses_numbers_out_of_range(store, clock, desk, field, value):
    with refused(store, setup.InvalidSettingError, "ska vara ett heltal"):
        setup.update_office(desk, name="Annat namn", **{field: value})


def test_update_office_refuses_an_empty_name(store, clock, desk):
    with refused(store, setup.InvalidSettingError, "kontorets namn"):
        setup.update_office(desk, name="   ", retention_days=30)


# ---------------------------------------------------------------- queues


def test_add_queue_appears_last_with_its_agencies(store, clock, desk):
    revision = office_revision(store)
    added = setup.add_queue(
        desk, "e", " Migrationsverket ", label_en="Migration", agencies=["FK", "PM"]
    )
    assert (added.letter, added.label, added.agency_codes) == (
        "E",
        "Migrationsverket",
        ("FK", "PM"),
    )
    assert added.active and added.code == "migrationsverket"
    assert [q.letter for q in list_queues(store)] == ["A", "B", "C", "D", "E"]
    assert office_revision(store) == revision + 1
    assert audit_details(store) == ["queue E added (migrationsverket)"]
    assert queue.issue_ticket(desk, "E").code == "E001"


@pytest.mark.parametrize(
    ("letter", "label", "agencies", "error", "swedish"),
    [
        ("A", "Ny kö", [], setup.LetterTakenError, "används redan"),
        ("Å", "Ny kö", [], setup.InvalidSettingError, "A–Z"),
        ("EF", "Ny kö", [], setup.InvalidSettingError, "A–Z"),
        ("", "Ny kö", [], setup.InvalidSettingError, "A–Z"),
        ("E", "  ", [], setup.InvalidSettingError, "köns namn"),
        ("E", "x" * 121, [], setup.InvalidSettingError, "högst 120"),
        ("E", "Ny\nkö", [], setup.InvalidSettingError, "U+000A"),
        ("E", "\u202eök yN", [], setup.InvalidSettingError, "U+202E"),
        ("E", "Ny kö", ["CSN"], setup.UnknownAgencyCodeError, "CSN"),
    ],
)
def test_add_queue_refusals_change_nothing(
    store, clock, desk, letter, label, agencies, error, swedish
):
    with refused(store, error, swedish):
        setup.add_queue(desk, letter, label, agencies=agencies)


def test_add_queue_refuses_a_retired_agency(store, clock, desk):
    setup.add_queue(desk, "E", "Kommunen", agencies=["K-EXEMPEL"])
    setup.update_queue(desk, "korta", agencies=["GEMENSAMT"])
    setup.update_queue(desk, "kommunen", agencies=[])
    setup.set_catalog_entry_active(desk, "agency", "K-EXEMPEL", False)
    with refused(store, setup.UnknownAgencyCodeError, "K-EXEMPEL"):
        setup.add_queue(desk, "F", "Kommunen igen", agencies=["K-EXEMPEL"])


def test_update_queue_changes_letter_names_and_agencies(store, clock, desk):
    changed = setup.update_queue(
        desk, "af", letter="F", label="Arbete", label_en="", agencies=["AF", "FK"]
    )
    assert (changed.letter, changed.label, changed.label_en) == ("F", "Arbete", None)
    assert changed.agency_codes == ("AF", "FK")
    assert "F" in [q.letter for q in list_queues(store)]
    assert len(audit_details(store)) == 1
    revision = office_revision(store)
    setup.update_queue(desk, "af", letter="f", label="Arbete")
    assert office_revision(store) == revision  # nothing new


def test_update_queue_refusals(store, clock, desk):
    with refused(store, setup.LetterTakenError, "Skatteverket"):
        setup.update_queue(desk, "af", letter="B")
    with refused(store, setup.QueueNotFoundError, "finns inte"):
        setup.update_queue(desk, "nope", label="X")
    with refused(store, setup.InvalidSettingError, "köns namn"):
        setup.update_queue(desk, "af", label="", letter="F")


def test_retire_a_queue_with_nobody_waiting(store, clock, desk):
    setup.update_service_point(desk, 3, profile=["C", "A"])
    queue.issue_ticket(desk, "C")
    queue.call_next(desk, 1)  # C001 is called: nobody waits any more …
    queue.finish(desk, "C001")  # … and finished.
    revision = office_revision(store)
    retired = setup.set_queue_active(desk, "af", False)
    assert not retired.active
    assert "C" not in [q.letter for q in list_queues(store)]
    assert next(p for p in list_service_points(store) if p.number == 3).queue_letters == ("A",)
    assert office_revision(store) == revision + 1
    assert audit_details(store)[-1] == "queue C retired"
    with pytest.raises(UnknownQueueError):
        queue.issue_ticket(desk, "C")
    assert [q.code for q in setup.list_queue_setup(store)][-1] == "af"  # kept, listed last


def test_refuse_retiring_a_queue_with_a_waiting_ticket(store, clock, desk):
    queue.issue_ticket(desk, "B")
    with refused(store, setup.QueueInUseError, "Kö B har 1 besökare som väntar"):
        setup.set_queue_active(desk, "skv", False)


def test_a_waiting_ticket_from_yesterday_does_not_block(store, clock, desk):
    queue.issue_ticket(desk, "B")
    clock.advance(days=1)
    assert not setup.set_queue_active(desk, "skv", False).active


def test_refuse_retiring_the_only_queue_of_a_point_or_the_last_queue(store, clock, desk):
    setup.update_service_point(desk, 4, profile=["D"])
    with refused(store, setup.QueueInUseError, "Lucka 4 betjänar bara kö D"):
        setup.set_queue_active(desk, "korta", False)
    setup.update_service_point(desk, 4, profile=[])
    for code in ("fk-pm", "skv", "af"):
        setup.set_queue_active(desk, code, False)
    with refused(store, setup.LastActiveError, "minst en kö"):
        setup.set_queue_active(desk, "korta", False)


def test_restore_a_queue_and_reuse_a_retired_letter(store, clock, desk):
    setup.set_queue_active(desk, "af", False)
    assert setup.set_queue_active(desk, "af", True).letter == "C"
    assert [q.letter for q in list_queues(store)] == ["A", "B", "C", "D"]
    setup.set_queue_active(desk, "af", False)
    newcomer = setup.add_queue(desk, "C", "Ny C-kö")
    old = next(q for q in setup.list_queue_setup(store) if q.code == "af")
    assert newcomer.letter == "C" and not old.has_letter
    with refused(store, setup.InvalidSettingError, "ingen bokstav"):
        setup.set_queue_active(desk, "af", True)
    setup.update_queue(desk, "af", letter="G")
    assert setup.set_queue_active(desk, "af", True).letter == "G"


# ---------------------------------------------------------------- service points


def test_point_profile_narrowed_to_one_queue_and_back(store, clock, desk):
    revision = office_revision(store)
    point = setup.update_service_point(
        desk, 2, profile=["b"], call_order="queue_order", name="Disk 2"
    )
    assert (point.profile, point.call_order, point.name) == (("B",), "queue_order", "Disk 2")
    shown = next(p for p in list_service_points(store) if p.number == 2)
    assert shown.queue_letters == ("B",)
    assert office_revision(store) == revision + 1
    assert audit_details(store) == [
        "service point 2 changed: name; call order queue_order; profile B"
    ]
    setup.update_service_point(desk, 2, profile=["D", "A"])
    assert next(p for p in list_service_points(store) if p.number == 2).queue_letters == (
        "D",
        "A",
    )
    setup.update_service_point(desk, 2, profile=[])
    assert next(p for p in list_service_points(store) if p.number == 2).queue_letters == (
        "A",
        "B",
        "C",
        "D",
    )


def test_add_point_and_renumber(store, clock, desk):
    added = setup.add_service_point(desk, 7, profile=["A"])
    assert (added.number, added.name, added.profile) == (7, "Lucka 7", ("A",))
    setup.update_service_point(desk, 7, new_number=8, name="Lucka 8")
    assert [p.number for p in list_service_points(store)] == [1, 2, 3, 4, 5, 6, 8]


@pytest.mark.parametrize(
    ("kwargs", "error", "swedish"),
    [
        ({"number": 3}, setup.PointNumberTakenError, "Lucka 3"),
        ({"number": 0}, setup.InvalidSettingError, "1 till 99"),
        ({"number": 100}, setup.InvalidSettingError, "1 till 99"),
        ({"number": 7, "call_order": "random"}, setup.InvalidSettingError, "ordning"),
        ({"number": 7, "profile": ["Z"]}, setup.InvalidProfileError, "kö Z finns inte"),
        ({"number": 7, "profile": ["A", "a"]}, setup.InvalidProfileError, "två gånger"),
        ({"number": 7, "name": "x" * 61}, setup.InvalidSettingError, "högst 60"),
    ],
)
def test_add_point_refusals_change_nothing(store, clock, desk, kwargs, error, swedish):
    with refused(store, error, swedish):
        setup.add_service_point(desk, **kwargs)


def test_update_point_refusals(store, clock, desk):
    with refused(store, setup.PointNotFoundError, "finns inte"):
        setup.update_service_point(desk, 42, name="X")
    with refused(store, setup.PointNumberTakenError, "Lucka 1"):
        setup.update_service_point(desk, 2, new_number=1, profile=["A"])
    setup.set_queue_active(desk, "af", False)
    with refused(store, setup.InvalidProfileError, "kö C finns inte"):
        setup.update_service_point(desk, 2, profile=["C"])


def test_retire_and_restore_a_point(store, clock, desk):
    queue.issue_ticket(desk, "A")
    queue.call_next(desk, 5)
    with refused(store, setup.PointInUseError, "Lucka 5 betjänar A001 just nu"):
        setup.set_service_point_active(desk, 5, False)
    queue.finish(desk, "A001")
    assert not setup.set_service_point_active(desk, 5, False).active
    assert 5 not in [p.number for p in list_service_points(store)]
    with refused(store, setup.PointNumberTakenError, "återställ den"):
        setup.add_service_point(desk, 5)
    assert setup.set_service_point_active(desk, 5, True).active
    assert audit_details(store)[-2:] == ["service point 5 retired", "service point 5 restored"]


def test_refuse_retiring_the_last_point(store, clock, desk):
    for number in range(1, 6):
        setup.set_service_point_active(desk, number, False)
    with refused(store, setup.LastActiveError, "minst en lucka"):
        setup.set_service_point_active(desk, 6, False)


def test_backups_are_never_kept_longer_than_visits(store, clock, desk):
    with refused(store, setup.InvalidSettingError, "högst lika länge"):
        setup.update_office(desk, backup_days=100)  # visits are kept 90 days
    assert setup.update_office(desk, backup_days=30).backup_days == 30
    with refused(store, setup.InvalidSettingError, "gallrade besök"):
        setup.update_office(desk, retention_days=20)
