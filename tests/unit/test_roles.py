"""Roles are enforced in the services: every protected action, for every role, refused or allowed.

The table below is written out by hand, from the issue: reception issues and
moves tickets; a case worker also calls, serves and logs errands; only a
manager reads statistics, exports, configures, manages staff, corrects an
earlier day and does the upkeep. Each desk method is called as each role: a
refused role must get NotAllowedError before anything happens; an allowed one
must not (it may fail later for its dummy arguments, which is not the point).
"""

from __future__ import annotations

import inspect
from datetime import timedelta

import pytest

from app.services.access.actor import NOBODY, Actor, NotAllowedError, permission_of
from app.services.errands.desk import ErrandDesk
from app.services.errands.records import ErrandInput
from app.services.queue import calling as q
from app.services.queue.desk import QueueDesk
from app.services.setup.desk import OfficeSetup
from app.services.staff.desk import StaffDesk
from app.services.stats.desk import StatsDesk

R, C, M = "reception", "caseworker", "manager"
EVERYONE, SERVING, MANAGER = {R, C, M}, {C, M}, {M}
OPEN = None  # anyone, even before sign-in (reads what every screen shows)

EXPECTED: dict[type, dict[str, set[str] | None]] = {
    QueueDesk: {
        "issue": EVERYONE, "set_print_status": EVERYONE, "cancel": EVERYONE,
        "walked_out": EVERYONE, "transfer": EVERYONE,
        "call_next": SERVING, "call_ticket": SERVING, "resume": SERVING, "recall": SERVING,
        "start_serving": SERVING, "finish": SERVING, "no_show": SERVING,
        "undo_no_show": SERVING, "park": SERVING, "return_to_queue": SERVING,
        "snapshot": OPEN,
    },
    ErrandDesk: {
        "finish_with_errands": SERVING, "log_quick_visit": SERVING, "log_errands": SERVING,
        "correct_errand": SERVING, "choices": OPEN,
    },
    OfficeSetup: {
        "office": OPEN, "catalog_overview": OPEN, "list_queue_setup": OPEN,
        "list_point_setup": OPEN,
        **{
            name: MANAGER
            for name in (
                "add_catalog_entry", "rename_catalog_entry", "set_catalog_entry_active",
                "export_catalog_file", "import_catalog_file", "add_queue", "update_queue",
                "set_queue_active", "add_service_point", "update_service_point",
                "set_service_point_active", "update_office",
            )
        },
    },
    StatsDesk: {"figures": MANAGER, "forecast": MANAGER, "export": MANAGER, "labels": OPEN},
    StaffDesk: {
        "sign_in": OPEN, "has_staff": OPEN, "create_first_manager": OPEN,
        "list": MANAGER, "add": MANAGER, "set_active": MANAGER, "set_role": MANAGER,
        "reset_pin": MANAGER,
    },
}  # fmt: skip
CASES = [
    (desk, name, role)
    for desk, methods in EXPECTED.items()
    for name in methods
    for role in (R, C, M, None)
]


def test_the_table_names_every_public_method_of_every_desk():
    for desk, methods in EXPECTED.items():
        public = {
            n for n, _ in inspect.getmembers(desk, inspect.isfunction) if not n.startswith("_")
        }
        assert public == set(methods), desk.__name__


def _dummy_args(method) -> list:
    params = list(inspect.signature(method).parameters.values())[1:]
    return [
        None
        for p in params
        if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD
    ]


@pytest.mark.parametrize(
    ("desk", "name", "role"), CASES, ids=lambda v: getattr(v, "__name__", str(v))
)
def test_each_action_is_refused_or_allowed_by_role(store, clock, desk, name, role):
    method = getattr(desk, name)
    allowed = EXPECTED[desk][name]
    bound = desk(store, clock, Actor(role=role) if role else NOBODY)
    assert (permission_of(method) is None) == (allowed is None)
    try:
        getattr(bound, name)(*_dummy_args(method))
    except NotAllowedError as exc:
        assert allowed is not None and role not in allowed, f"{name} refused to {role}"
        assert exc.swedish  # the screen says why, in Swedish
        return
    except Exception:
        pass
    assert allowed is None or role in allowed, f"{name} allowed to {role}"


def test_a_refused_action_changes_nothing(store, clock):
    reception = QueueDesk(store, clock, Actor(role=R))
    reception.issue("A")
    with pytest.raises(NotAllowedError) as refused:
        reception.call_next(1)
    assert refused.value.swedish == "Som reception får du inte ropa upp och betjäna besökare."
    assert [t.code for t in reception.snapshot().waiting] == ["A001"]  # still waiting


def test_only_a_manager_corrects_an_earlier_day_and_it_is_audited(store, clock):
    from app.services.access.audit import list_events

    worker = ErrandDesk(store, clock, Actor(role=C))
    q.issue_ticket(store, clock, "A")
    q.call_next(store, clock, 1)
    visit = worker.finish_with_errands("A001", [ErrandInput("FK", None, "resolved")])
    errand_id = visit.errands[0].id
    worker.correct_errand(errand_id, ErrandInput("FK", None, "documents"))  # today: fine
    assert not [e for e in list_events(store) if e.kind == "correction"]
    clock.advance(days=1)
    with pytest.raises(Exception, match="manager") as late:
        worker.correct_errand(errand_id, ErrandInput("FK", None, "resolved"))
    assert "kontorschefen" in late.value.swedish
    manager = ErrandDesk(store, clock, Actor(staff_id=None, role=M, login="karin"))
    manager.correct_errand(errand_id, ErrandInput("FK", None, "resolved"))
    (event,) = [e for e in list_events(store) if e.kind == "correction"]
    day = (clock.now() - timedelta(days=1)).date().isoformat()
    assert f"day={day}" in event.detail and "outcome" in event.detail and event.role == M


def test_plain_service_calls_check_the_person_they_run_for(store, clock):
    """The sync settings and backups are plain functions: they check the acting person."""
    from app.services.access.actor import acting
    from app.services.access.audit import list_events
    from app.services.upkeep.backups import backup_now
    from app.sync.status import set_sync_url

    with acting(Actor(role=C, login="anna")), pytest.raises(NotAllowedError):
        set_sync_url(store, clock, "https://central.example/")
    with acting(Actor(role=C, login="anna")), pytest.raises(NotAllowedError):
        backup_now(store, clock)
    with acting(Actor(role=M, os_user="it-admin")):
        backup_now(store, clock)
    (event,) = [e for e in list_events(store) if e.kind == "backup"]
    assert event.who == "cli:it-admin" and event.role == M


def test_every_visit_and_errand_records_who_served_it(store, clock):
    from sqlalchemy import select

    from app.models import Errand, Visit
    from app.services.staff.accounts import add_staff, sign_in

    add_staff(store, clock, "anna", C, "2468", "2468")
    anna = sign_in(store, clock, "anna", "2468")
    QueueDesk(store, clock, Actor(role=R)).issue("A")
    QueueDesk(store, clock, anna).call_next(1)
    ErrandDesk(store, clock, anna).finish_with_errands(
        "A001", [ErrandInput("FK", None, "resolved")]
    )
    ErrandDesk(store, clock, anna).log_quick_visit("phone", [ErrandInput("SKV", None, "resolved")])
    with store.read() as session:
        visits = session.scalars(select(Visit.staff_id)).all()
        errands = session.scalars(select(Errand.staff_id)).all()
    assert visits == [anna.staff_id, anna.staff_id] and errands == [anna.staff_id] * 2
