"""One permission path that fails closed: every use case, for every role, refused or allowed.

The table below is written out by hand, from the issue: reception issues and
moves tickets; a case worker also calls, serves and logs errands; only a
manager reads statistics, exports, configures, manages staff, corrects an
earlier day, sends the figures and does the upkeep. Every use case in the app
(found by walking its modules, not only the desks) must be in the table, and
is called as each role: a refused role gets NotAllowedError before anything
happens; an allowed one does not (it may fail later for its dummy arguments,
which is not the point). A write outside any use case is refused by the store.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

import app
from app.services.access.actor import (
    ANYONE,
    NOBODY,
    SYSTEM,
    Actor,
    Desk,
    NotAllowedError,
    permission_of,
)
from app.services.access.audit import AuditDesk
from app.services.errands.desk import ErrandDesk
from app.services.errands.records import ErrandInput
from app.services.queue import calling as q
from app.services.queue.desk import KioskDesk, QueueDesk
from app.services.setup.desk import OfficeSetup
from app.services.staff.desk import StaffDesk
from app.services.stats.desk import StatsDesk
from app.services.upkeep.backups import StoreFiles
from app.store.acting import NoActorError
from app.ui.shell.refusals import refusal_text
from tests.conftest import desk_for

R, C, M, K = "reception", "caseworker", "manager", "kiosk"
EVERYONE, SERVING, MANAGER = {R, C, M}, {C, M}, {M}
KIOSK = {K, M}  # the self-service kiosk (no staff member is one; a manager may stand in)
# anyone, even before sign-in (what every screen shows, signing in), the kiosk too
OPEN = {R, C, M, K, None}

DESKS: dict[type, dict[str, set[str | None]]] = {
    QueueDesk: {
        "issue": EVERYONE, "set_print_status": EVERYONE, "cancel": EVERYONE,
        "walked_out": EVERYONE, "undo_walked_out": EVERYONE, "transfer": EVERYONE,
        "call_next": SERVING, "call_ticket": SERVING, "resume": SERVING, "recall": SERVING,
        "start_serving": SERVING, "finish": SERVING, "no_show": SERVING,
        "undo_no_show": SERVING, "park": SERVING, "return_to_queue": SERVING,
        "undo_return": SERVING, "take_over": SERVING,
        "snapshot": OPEN, "open_help_requests": EVERYONE, "answer_help": EVERYONE,
    },
    KioskDesk: {
        "rules": KIOSK, "state": KIOSK, "issue": KIOSK, "set_print_status": KIOSK, "snapshot": OPEN,
        "check_in": KIOSK,
    },
    ErrandDesk: {
        "finish_with_errands": SERVING, "log_quick_visit": SERVING, "log_errands": SERVING,
        "correct_errand": SERVING, "day_visits": SERVING,
        "find_errand": SERVING, "revise_visit": SERVING,
        "transfer_with_errands": SERVING, "choices": OPEN,
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
        "sign_in": OPEN, "sign_in_checked": OPEN, "change_own_pin": OPEN, "has_staff": OPEN,
        "login_of": OPEN,
        "create_first_manager": OPEN, "list": MANAGER, "add": MANAGER, "set_active": MANAGER,
        "set_role": MANAGER, "reset_pin": MANAGER, "recent_lockouts": MANAGER,
    },
    AuditDesk: {"events": MANAGER, "export_csv": MANAGER},
}  # fmt: skip
# Use cases that are plain functions (the command line, the upkeep, Settings' own pages).
PLAIN: dict[str, set[str | None]] = {
    "app.services.queue.issuing.record_estimate": EVERYONE,
    "app.services.catalog.transfer.import_catalog": MANAGER,
    "app.services.office.info.seed_store": MANAGER,
    "app.services.upkeep.backups.backup_now": MANAGER,
    "app.services.upkeep.backups.daily_backup": MANAGER,
    "app.services.upkeep.backups.restore_store": MANAGER,
    "app.services.upkeep.retention.purge": MANAGER,
    "app.services.upkeep.copying.copy_store_to": MANAGER,
    "app.services.upkeep.database.probe_database": MANAGER,
    "app.services.upkeep.database.use_database": MANAGER,
    "app.services.upkeep.retention.summaries_then_purge": MANAGER,
    "app.sync.client.save_token": MANAGER,
    "app.sync.client.send_pending": MANAGER,
    "app.sync.status.save_sync_settings": MANAGER,
    "app.demo.fill.generate_demo": MANAGER,
    "app.services.bookings.day.import_bookings": {R, M},
    "app.services.bookings.day.list_bookings": EVERYONE,
    "app.services.bookings.day.check_in": EVERYONE,
    "app.services.bookings.day.check_in_at_kiosk": KIOSK,
}
# Functions that write only inside the use case that calls them; the store refuses
# them anywhere else (test_a_write_outside_a_use_case_is_refused).
WRITE_INSIDE_A_USE_CASE = {
    "app.services.stats.summary.day_summaries": "keeps summaries, as SYSTEM, for the figures",
    "app.services.stats.summary.compute_past_days": "the same, for the hourly upkeep",
    "app.services.queue.issuing.keep_print_status": "reception's and the kiosk's print status",
}
CORE = ("app.services", "app.sync", "app.demo")


def _name(function: Any) -> str:
    inner = inspect.unwrap(function)
    return f"{inner.__module__}.{inner.__qualname__}"


def _core_modules() -> list[str]:
    names = []
    for package in CORE:
        pkg = importlib.import_module(package)
        names.append(package)
        names.extend(info.name for info in pkgutil.walk_packages(pkg.__path__, package + "."))
    return names


def _use_cases_in_the_app() -> set[str]:
    found = set()
    for name in _core_modules():
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                callable(value)
                and permission_of(value) is not None
                and getattr(inspect.unwrap(value), "__module__", "").startswith("app.")
            ):
                found.add(_name(value))
    return found


def _in_the_table() -> set[str]:
    names = {_name(getattr(desk, attr)) for desk, table in DESKS.items() for attr in table}
    return names | set(PLAIN)


def test_the_table_names_every_use_case_of_every_desk():
    for desk, table in DESKS.items():
        listed = {n for n in vars(desk) if not n.startswith("_") and callable(vars(desk)[n])}
        assert listed == set(table), desk.__name__
        assert all(permission_of(getattr(desk, n)) for n in listed), desk.__name__


def test_every_use_case_in_the_app_is_in_the_table():
    assert _use_cases_in_the_app() <= _in_the_table()
    assert {n for n in PLAIN if n not in _use_cases_in_the_app()} == set(), "not a use case"


def test_a_desk_only_lists_use_cases_written_once():
    """No desk method repeats a function's signature: a desk's body is assignments only."""
    for desk in DESKS:
        tree = ast.parse(inspect.getsource(desk))
        (cls,) = tree.body
        assert isinstance(cls, ast.ClassDef)
        kinds = {type(node).__name__ for node in cls.body[1:]}  # after the docstring
        assert kinds == {"Assign"}, desk.__name__


def _writes(function: ast.FunctionDef, private: dict[str, ast.FunctionDef], seen: set) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Attribute) and node.attr in ("write", "write_connection"):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            callee = private.get(node.func.id)
            if callee is not None and callee.name not in seen:
                seen.add(callee.name)
                if _writes(callee, private, seen):
                    return True
    return False


def test_every_function_that_writes_is_a_use_case():
    """A new public function that opens a write transaction without @allowed fails here."""
    root = Path(app.__file__).resolve().parent.parent
    unmarked = []
    for name in _core_modules():
        path = root / (name.replace(".", "/") + ".py")
        if not path.is_file():
            path = path.with_suffix("") / "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
        private = {k: v for k, v in functions.items() if k.startswith("_")}
        for fname, node in functions.items():
            if fname.startswith("_") or f"{name}.{fname}" in WRITE_INSIDE_A_USE_CASE:
                continue
            marked = any("allowed" in ast.unparse(d) for d in node.decorator_list)
            if not marked and _writes(node, private, {fname}):
                unmarked.append(f"{name}.{fname}")
    assert unmarked == []


def test_a_write_outside_a_use_case_is_refused_and_changes_nothing(store, clock):
    from sqlalchemy import update

    from app.models import Office
    from app.services.queue.views import office_revision

    before = office_revision(store)
    with pytest.raises(NoActorError), store.write() as session:
        session.execute(update(Office).values(revision=Office.revision + 1))
    with pytest.raises(NoActorError), store.write_connection() as conn:
        conn.execute(update(Office).values(revision=Office.revision + 1))
    assert office_revision(store) == before
    with pytest.raises(TypeError):
        Desk(store, clock)  # type: ignore[call-arg]  # a desk has an actor, always


def test_a_use_case_given_something_that_is_not_an_actor_is_refused(store, clock):
    with pytest.raises(TypeError, match="no actor"):
        q.issue_ticket(Desk(store, clock, None), "A")  # type: ignore[arg-type]
    assert q.snapshot(desk_for(store, clock, NOBODY)).waiting == ()


def _dummy_args(function: Any) -> list:
    params = list(inspect.signature(function).parameters.values())[1:]
    return [
        None
        for p in params
        if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD
    ]


CASES = [
    (desk, attr, role)
    for desk, table in DESKS.items()
    for attr in table
    for role in (R, C, M, K, None)
]


@pytest.mark.parametrize(
    ("desk", "name", "role"), CASES, ids=lambda v: getattr(v, "__name__", str(v))
)
def test_each_desk_use_case_is_refused_or_allowed_by_role(store, clock, desk, name, role):
    allowed = DESKS[desk][name]
    permission = permission_of(getattr(desk, name))
    assert (permission == ANYONE) == (allowed == OPEN)
    bound = desk(store, clock, Actor(role=role) if role else NOBODY)
    _call_as(role, allowed, lambda: getattr(bound, name)(*_dummy_args(getattr(desk, name))))


@pytest.mark.parametrize("name", sorted(PLAIN))
@pytest.mark.parametrize("role", [R, C, M, K, None])
def test_each_plain_use_case_is_refused_or_allowed_by_role(store, clock, settings, name, role):
    module, function_name = name.rsplit(".", 1)
    function = getattr(importlib.import_module(module), function_name)
    actor = Actor(role=role) if role else NOBODY
    first = (
        StoreFiles(settings, clock, actor)
        if function_name == "restore_store"
        else desk_for(store, clock, actor)
    )
    _call_as(role, PLAIN[name], lambda: function(first, *_dummy_args(function)))


def _call_as(role: str | None, allowed: set[str | None], call: Any) -> None:
    try:
        call()
    except NotAllowedError as exc:
        assert role not in allowed, f"refused to {role}"
        assert refusal_text(exc)  # the screen says why, in Swedish
        return
    except Exception:
        pass
    assert role in allowed, f"allowed to {role}"


def test_the_app_itself_may_do_what_its_upkeep_needs(store, clock):
    from app.services.upkeep.retention import summaries_then_purge

    assert summaries_then_purge(desk_for(store, clock, SYSTEM)).total == 0


def test_a_refused_action_changes_nothing(store, clock):
    reception = QueueDesk(store, clock, Actor(role=R))
    reception.issue("A")
    with pytest.raises(NotAllowedError) as refused:
        reception.call_next(1)
    assert refusal_text(refused.value) == "Som reception får du inte ropa upp och betjäna besökare."
    assert [t.code for t in reception.snapshot().waiting] == ["A001"]  # still waiting


def test_only_a_manager_corrects_an_earlier_day_and_it_is_audited(store, clock, desk):
    from app.services.access.audit import list_events

    worker = ErrandDesk(store, clock, Actor(role=C))
    q.issue_ticket(desk, "A")
    q.call_next(desk, 1)
    visit = worker.finish_with_errands("A001", [ErrandInput("FK", None, "resolved")])
    errand_id = visit.errands[0].id
    worker.correct_errand(errand_id, ErrandInput("FK", None, "documents"))  # today: fine
    (today,) = [e for e in list_events(store) if e.kind == "correction"]  # and audited
    assert "changed=outcome:resolved>documents" in today.detail and today.role == C
    clock.advance(days=1)
    with pytest.raises(Exception, match="manager") as late:
        worker.correct_errand(errand_id, ErrandInput("FK", None, "resolved"))
    assert "kontorschefen" in refusal_text(late.value)
    manager = ErrandDesk(store, clock, Actor(staff_id=None, role=M, login="karin"))
    manager.correct_errand(errand_id, ErrandInput("FK", None, "resolved"))
    event, _today = [e for e in list_events(store) if e.kind == "correction"]  # newest first
    day = (clock.now() - timedelta(days=1)).date().isoformat()
    assert f"day={day}" in event.detail and "outcome" in event.detail and event.role == M


def test_plain_use_cases_check_and_audit_the_actor_they_are_given(store, clock):
    """The sync settings and backups are plain functions: they check the desk's actor."""
    from app.services.access.audit import list_events
    from app.services.upkeep.backups import backup_now
    from app.sync.status import save_sync_settings

    anna = desk_for(store, clock, Actor(role=C, login="anna"))
    with pytest.raises(NotAllowedError):
        save_sync_settings(anna, "1234", "https://central.example/")
    with pytest.raises(NotAllowedError):
        backup_now(anna)
    save_sync_settings(desk_for(store, clock, Actor(role=M, os_user="it-admin")), "1234", "")
    (event,) = [e for e in list_events(store) if e.kind == "config"]
    assert event.who == "cli:it-admin" and event.role == M and "office_code" in event.detail


def test_every_visit_and_errand_records_who_served_it(store, clock, desk):
    from sqlalchemy import select

    from app.models import Errand, Visit
    from app.services.staff.accounts import add_staff, sign_in

    add_staff(desk, "anna", C, "2468", "2468")
    anna = sign_in(desk, "anna", "2468")
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
