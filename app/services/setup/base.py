"""Shared parts of the set-up services: refusals, limits, label checks and the audit log."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from app.services import ServiceError
from app.services.access.audit import record
from app.services.catalog.document import unprintable

log = logging.getLogger(__name__)

LABEL_MAX = 120


# ---------------------------------------------------------------- errors


class SetupError(ServiceError):
    """A set-up change was refused; nothing was changed."""


class InvalidSettingError(SetupError):
    """A value is outside what the office's rules allow."""


class InvalidOpeningHoursError(SetupError):
    """Opening hours that are not HH:MM pairs, overlap, or end before they start."""


class LetterTakenError(SetupError):
    """Another queue in use already has that letter."""


class UnknownAgencyCodeError(SetupError):
    """A queue names an agency that is not in the active catalog."""


class QueueNotFoundError(SetupError):
    """No queue has that code."""


class QueueInUseError(SetupError):
    """The queue cannot be retired: visitors still wait in it, or a point serves only it."""


class PointNumberTakenError(SetupError):
    """Another service point already has that number."""


class PointNotFoundError(SetupError):
    """No service point has that number."""


class PointInUseError(SetupError):
    """The service point is serving a visitor right now."""


class InvalidProfileError(SetupError):
    """A work profile names a queue that is not in use, or one twice."""


class LastActiveError(SetupError):
    """The office needs at least one of these; the last one cannot be retired."""


# ---------------------------------------------------------------- helpers


def audit(session: Session, now: datetime, detail: str, kind: str = "config") -> None:
    """Log one configuration change: what changed, in codes (never a label's text)."""
    record(session, now, kind, change=detail)
    log.info("configuration changed: %s", detail)


# The labels clean_label checks, by id (the screens word them), in English.
LABELS_EN = {
    "office_name": "office name",
    "label": "label",
    "label_en": "label",
    "queue_name": "queue name",
    "queue_name_en": "English queue name",
    "point_name": "name",
}


def clean_label(value: str | None, what: str, limit: int = LABEL_MAX) -> str:
    """A trimmed, non-empty label within its length, or InvalidSettingError.

    ``what`` is the label's id in LABELS_EN."""
    text = (value or "").strip()
    what_en = LABELS_EN[what]
    if not text:
        raise InvalidSettingError(
            f"The {what_en} must not be empty.", "setup.label.empty", what=what
        )
    if len(text) > limit:
        raise InvalidSettingError(
            f"The {what_en} is longer than {limit} characters.",
            "setup.label.too_long",
            what=what,
            limit=limit,
        )
    bad = unprintable(text)
    if bad is not None:
        raise InvalidSettingError(
            f"The {what_en} holds a character that cannot be shown or printed ({bad}).",
            "setup.label.unprintable",
            what=what,
            char=bad,
        )
    return text


def clean_optional(value: str, what: str) -> str | None:
    """An optional label: blank clears it."""
    return clean_label(value, what) if value.strip() else None


def compact_order(rows: Iterable[Any], first: Any = None) -> None:
    """Number the active rows 0, 1, 2 … in their order, as a catalog import would.

    Keeps export then import of the same file a no-op after a hand edit. ``first``
    (a restored row) goes before any row that shares its old place.
    """
    active = sorted(
        (r for r in rows if r.active), key=lambda r: (r.sort_order, r is not first, r.code)
    )
    for index, row in enumerate(active):
        if row.sort_order != index:
            row.sort_order = index
