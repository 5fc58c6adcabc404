"""The typed ORM of the store. No Qt, no use cases.

The ORM classes load on first use (PEP 562), so that the modules of this package
that need no SQLAlchemy (:mod:`states`, :mod:`rows`) can be imported without it:
start-up shows the first window from them before SQLAlchemy has loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.models.base import Base, UTCDateTime
    from app.models.catalog import (
        Agency,
        ErrandType,
        InterpreterKind,
        Language,
        Outcome,
        ReferralTarget,
    )
    from app.models.office import (
        Office,
        Queue,
        QueueAgency,
        ServicePoint,
        ServicePointQueue,
        Staff,
    )
    from app.models.visit import (
        AuditEvent,
        Booking,
        CallEvent,
        DayRevision,
        DaySummary,
        Errand,
        HelpRequest,
        SyncAttempt,
        SyncState,
        Ticket,
        TicketCounter,
        Visit,
    )

__all__ = [
    "Agency",
    "AuditEvent",
    "Base",
    "Booking",
    "CallEvent",
    "DayRevision",
    "DaySummary",
    "Errand",
    "ErrandType",
    "HelpRequest",
    "InterpreterKind",
    "Language",
    "Office",
    "Outcome",
    "Queue",
    "QueueAgency",
    "ReferralTarget",
    "ServicePoint",
    "ServicePointQueue",
    "Staff",
    "SyncAttempt",
    "SyncState",
    "Ticket",
    "TicketCounter",
    "UTCDateTime",
    "Visit",
]

# The modules of the ORM, in the order they load.
_MODULES = ("base", "catalog", "office", "visit")


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # Every table at once: a mapper may name the others' classes in its relationships.
    modules = [importlib.import_module(f"{__name__}.{module}") for module in _MODULES]
    return next(getattr(m, name) for m in modules if hasattr(m, name))
