"""Who the running use case acts for: the store refuses a write transaction without one.

Set only by :func:`app.services.access.actor.allowed` (and, within a use case,
:func:`~app.services.access.actor.acting`). A path that forgot its actor then
fails closed instead of acting for everyone. Kept apart from the engine so the
start-up path can name actors without loading SQLAlchemy.
"""

from __future__ import annotations

from contextvars import ContextVar

acting_for: ContextVar[object | None] = ContextVar("acting_for", default=None)


class NoActorError(RuntimeError):
    """A write was begun outside any use case: nobody it acts for."""


def require_actor() -> None:
    """Refuse unless a use case is running (for an actor it was given)."""
    if acting_for.get() is None:
        raise NoActorError("a write transaction outside a use case: it acts for nobody")
