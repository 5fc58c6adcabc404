"""Who acts, and what each role may do: one mechanism, checked in the services, failing closed.

A use case is a function whose first argument is a :class:`Desk`: the store,
the clock and the :class:`Actor` it acts for, given explicitly by whoever
calls it. :func:`allowed` marks it with the permission it needs; it refuses a
role the table below does not name, and while it runs the actor is the one
the audit log records and the one the store lets write. A write outside any
use case is refused by the store itself (:mod:`app.store.acting`),
so a path that forgets its actor fails instead of acting for everyone.

The capability objects the screens use (``QueueDesk``, ``ErrandDesk`` …) are
:class:`Desk` subclasses that list their use cases, each written once.

Who acts where nobody signs in is named, never assumed: the command line on
the office PC is a trusted local manager (:meth:`Actor.command_line`, audited
as the operating-system user); the app's own upkeep and the sender act as
:data:`SYSTEM`.
"""

from __future__ import annotations

import contextlib
import functools
import getpass
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, Protocol, Self, TypeVar

from app.services import ServiceError
from app.store.acting import acting_for

if TYPE_CHECKING:
    from app.services.office.clock import Clock
    from app.store.engine import Store

RECEPTION, CASEWORKER, MANAGER = "reception", "caseworker", "manager"
ROLES = (RECEPTION, CASEWORKER, MANAGER)
# The self-service kiosk: no one signs in at it; it may issue at the kiosk, nothing else.
KIOSK_ROLE = "kiosk"
# The roles a refusal names (the screens say their words: app/ui/shell/words.py).
NAMED_ROLES = (*ROLES, KIOSK_ROLE)
SYSTEM_ROLE = "system"  # the app's own upkeep and the sender: may do everything

ANYONE = "anyone"  # the live queue, the office's lists, signing in: even before sign-in
# What each role may do. Everyone signed in sees the live queue.
PERMISSIONS: dict[str, frozenset[str | None]] = {
    ANYONE: frozenset({*ROLES, KIOSK_ROLE, None}),
    "issue": frozenset(ROLES),  # issue, print, cancel, walked out, move to another queue
    "kiosk": frozenset({KIOSK_ROLE, MANAGER}),  # a visitor takes a ticket, asks for help
    "bookings": frozenset({RECEPTION, MANAGER}),  # take in the day's bookings from a file
    "serve": frozenset({CASEWORKER, MANAGER}),  # call, recall, no-show, park, finish …
    "errands": frozenset({CASEWORKER, MANAGER}),  # log and correct today's errands
    "correct_past": frozenset({MANAGER}),  # change the errands of an earlier day
    "statistics": frozenset({MANAGER}),  # figures, forecast, exports
    "configure": frozenset({MANAGER}),  # office, queues, service points, catalog, sync
    "staff": frozenset({MANAGER}),  # staff accounts
    "maintenance": frozenset({MANAGER}),  # backup, restore, purge, the audit log
    "sync": frozenset({MANAGER}),  # send the daily summaries to the central office now
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
        return self.role == SYSTEM_ROLE or self.role in PERMISSIONS[permission]


NOBODY = Actor()  # no one signed in: may only look at the queue and sign in
SYSTEM = Actor(role=SYSTEM_ROLE)  # the app's own upkeep (the daily backup, the purge), the sender
KIOSK = Actor(role=KIOSK_ROLE, login="kiosk")  # the self-service kiosk


@dataclass(frozen=True)
class Desk:
    """What a use case works with: the store, the clock and the actor it acts for."""

    store: Store
    clock: Clock
    actor: Actor

    @classmethod
    def of(cls, desk: Desk) -> Self:
        """The same store, clock and actor, as this capability (``StatsDesk.of(desk)``)."""
        return cls(desk.store, desk.clock, desk.actor)


class NotAllowedError(ServiceError):
    """The acting role may not do this."""

    exit_code = 4

    def __init__(self, actor: Actor, permission: str) -> None:
        role = actor.role or "nobody signed in"
        if actor.role in NAMED_ROLES:
            super().__init__(
                f"{role} may not do this ({permission}).",
                "access.not_allowed",
                role=actor.role,
                permission=permission,
            )
        else:
            super().__init__(
                f"{role} may not do this ({permission}).",
                "access.sign_in",
                permission=permission,
            )
        self.permission = permission


def require(actor: Actor, permission: str) -> None:
    """Refuse unless the actor's role may do that."""
    if not actor.may(permission):
        raise NotAllowedError(actor, permission)


def current_actor() -> Actor:
    """Who the use case running now acts for (what the audit records); never assumed."""
    actor = acting_for.get()
    if not isinstance(actor, Actor):
        raise RuntimeError("no use case is running: nobody to act for")
    return actor


@contextlib.contextmanager
def acting(actor: Actor) -> Iterator[None]:
    """Within a use case, record what follows for this actor (sign-in names who signed in)."""
    token = acting_for.set(actor)
    try:
        yield
    finally:
        acting_for.reset(token)


class _HasActor(Protocol):
    @property
    def actor(self) -> Actor: ...


D = TypeVar("D", bound=_HasActor)
P = ParamSpec("P")
R = TypeVar("R")


def allowed(
    permission: str,
) -> Callable[[Callable[Concatenate[D, P], R]], Callable[Concatenate[D, P], R]]:
    """Mark a use case: its desk's actor must have ``permission``, and acts while it runs."""
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")

    def mark(use_case: Callable[Concatenate[D, P], R]) -> Callable[Concatenate[D, P], R]:
        @functools.wraps(use_case)
        def checked(desk: D, *args: P.args, **kwargs: P.kwargs) -> R:
            actor = desk.actor
            if not isinstance(actor, Actor):
                raise TypeError(f"{use_case.__qualname__} was given no actor")
            require(actor, permission)
            with acting(actor):
                return use_case(desk, *args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        return checked

    return mark


def permission_of(use_case: Any) -> str | None:
    """The permission a use case asks for (None: not a use case)."""
    return getattr(use_case, "permission", None)


def open_read(read: Callable[[Store], R]) -> Callable[[Desk], R]:
    """A use case anyone may run that reads with the store alone (the office, its lists)."""

    @allowed(ANYONE)
    def use_case(desk: Desk) -> R:
        return read(desk.store)

    return functools.wraps(read)(use_case)
