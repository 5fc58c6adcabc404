"""The typed ORM of the store. No Qt, no use cases."""

from app.models.base import Base, UTCDateTime
from app.models.catalog import (
    Agency,
    ErrandType,
    InterpreterKind,
    Language,
    Outcome,
    ReferralTarget,
)
from app.models.office import Office, Queue, QueueAgency, ServicePoint, ServicePointQueue, Staff
from app.models.visit import (
    AuditEvent,
    CallEvent,
    DayRevision,
    Errand,
    Ticket,
    TicketCounter,
    Visit,
)

__all__ = [
    "Agency",
    "AuditEvent",
    "Base",
    "CallEvent",
    "DayRevision",
    "Errand",
    "ErrandType",
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
    "Ticket",
    "TicketCounter",
    "UTCDateTime",
    "Visit",
]
