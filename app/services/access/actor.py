"""Who acts, and what each role may do: checked in the services, not only by hidden buttons.

The typed services (``QueueDesk``, ``ErrandDesk``, ``OfficeSetup``,
``StatsDesk``, ``StaffDesk``) are bound to an :class:`Actor`, the signed-in staff
member, and every method that changes something or reads the manager's figures
is marked with :func:`allowed`: it refuses a role the table below does not
name, and while it runs the actor is the one the audit log records.

The command line on the office PC acts as a trusted local manager
(:meth:`Actor.command_line`), named in the audit by the operating-system user.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar

from app.services.queue.errors import ServiceError

RECEPTION, CASEWORKER, MANAGER = "reception", "caseworker", "manager"
ROLES = (RECEPTION, CASEWORKER, MANAGER)
ROLE_NAMES_SV = {RECEPTION: "reception", CASEWORKER: "handläggare", MANAGER: "kontorschef"}

# What each role may do. Everyone signed in sees the live queue.
PERMISSIONS: dict[str, frozenset[str]] = {
    "issue": frozenset(ROLES),  # issue, print, cancel, walked out, move to another queue
    "serve": frozenset({CASEWORKER, MANAGER}),  # call, recall, no-show, park, finish …
    "errands": frozenset({CASEWORKER, MANAGER}),  # log and correct today's errands
    "correct_past": frozenset({MANAGER}),  # change the errands of an earlier day
    "statistics": frozenset({MANAGER}),  # figures, forecast, exports
    "configure": frozenset({MANAGER}),  # office, queues, service points, catalog, sync
    "staff": frozenset({MANAGER}),  # staff accounts
    "maintenance": frozenset({MANAGER}),  # backup, restore, purge, the audit log
}
WHAT_SV = {
    "issue": "dela ut eller ändra kölappar",
    "serve": "ropa upp och betjäna besökare",
    "errands": "registrera ärenden",
    "correct_past": "rätta en tidigare dags ärenden",
    "statistics": "se statistiken eller exportera den",
    "configure": "ändra kontorets inställningar",
    "staff": "hantera personalens konton",
    "maintenance": "säkerhetskopiera, återställa, gallra eller läsa loggen",
}


@dataclass(frozen=True)
class Actor:
    """The acting staff member: their id, login and role (None before anyone signs in)."""

    staff_id: int | None = None
    role: str | None = None
    login: str | None = None
    os_user: str | None = None  # the command line's operating-system user

    @classmethod
    def command_line(cls) -> Actor:
        """The command line on the office PC: a trusted local manager."""
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no name for this uid (a container)
            user = "unknown"
        return cls(role=MANAGER, os_user=user[:64])

    def may(self, permission: str) -> bool:
        """Whether this actor's role may do that (the app's own upkeep may do all of it)."""
        return self.role == "system" or self.role in PERMISSIONS[permission]


NOBODY = Actor()  # no one signed in: may only look at the queue
SYSTEM = Actor(role="system")  # the app's own upkeep (the daily backup, the purge)

_current: ContextVar[Actor] = ContextVar("actor", default=SYSTEM)


class NotAllowedError(ServiceError):
    """The acting role may not do this."""

    exit_code = 4

    def __init__(self, actor: Actor, permission: str) -> None:
        role = actor.role or "nobody signed in"
        role_sv = ROLE_NAMES_SV.get(actor.role or "", "")
        swedish = (
            f"Som {role_sv} får du inte {WHAT_SV[permission]}."
            if role_sv
            else f"Logga in för att {WHAT_SV[permission]}."
        )
        super().__init__(f"{role} may not do this ({permission}).", swedish)
        self.permission = permission


def require(actor: Actor, permission: str) -> None:
    """Refuse unless the actor's role may do that."""
    if not actor.may(permission):
        raise NotAllowedError(actor, permission)


def current_actor() -> Actor:
    """Who the service running now acts for (what the audit records)."""
    return _current.get()


def require_current(permission: str) -> None:
    """Refuse unless the actor the running service acts for may do that.

    For services called as plain functions (the sync settings, backups): the
    screens run every call as the signed-in person (``ui/shell/action.py``),
    the command line as its local manager; the app's own upkeep may do it all.
    """
    require(current_actor(), permission)


@contextlib.contextmanager
def acting(actor: Actor) -> Iterator[None]:
    """Run the enclosed service calls for this actor."""
    token = _current.set(actor)
    try:
        yield
    finally:
        _current.reset(token)


class _HasActor(Protocol):
    @property
    def actor(self) -> Actor: ...


D = TypeVar("D", bound=_HasActor)
P = ParamSpec("P")
R = TypeVar("R")


def allowed(
    permission: str,
) -> Callable[[Callable[Concatenate[D, P], R]], Callable[Concatenate[D, P], R]]:
    """Mark a desk method: its actor's role must have ``permission``, and acts while it runs."""

    def mark(method: Callable[Concatenate[D, P], R]) -> Callable[Concatenate[D, P], R]:
        @functools.wraps(method)
        def checked(desk: D, *args: P.args, **kwargs: P.kwargs) -> R:
            require(desk.actor, permission)
            with acting(desk.actor):
                return method(desk, *args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        return checked

    return mark


def permission_of(method: Any) -> str | None:
    """The permission a desk method asks for (None: open to anyone signed in or not)."""
    return getattr(method, "permission", None)
