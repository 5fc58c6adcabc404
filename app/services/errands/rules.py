"""The rules an errand is held to: catalog codes resolved to entries, durations, who may correct.

Codes resolve against the whole (small) catalog of one session. Retired
entries cannot be chosen for new errands but stay valid on old ones. An
errand without its own duration shares what is left of its visit's service
time evenly.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Agency,
    Errand,
    ErrandType,
    InterpreterKind,
    Language,
    Office,
    Outcome,
    ReferralTarget,
    Visit,
)
from app.services.access.actor import Actor
from app.services.errands.errors import (
    MAX_DURATION_SECONDS,
    CorrectionTooLateError,
    ErrandTypeMismatchError,
    InvalidDurationError,
    NotYourVisitError,
    PastRetentionError,
    ReferralNotAllowedError,
    ReferralRequiredError,
    RetiredCatalogEntryError,
    UnknownCatalogEntryError,
)
from app.services.errands.records import (
    DEFAULT_INTERPRETER,
    DEFAULT_LANGUAGE,
    ErrandInput,
    ErrandView,
)

QUICK_CHANNELS = ("desk", "phone")


def check_duration(seconds: int | None, index: int | None = None) -> None:
    """Refuse a duration outside 0 s … 8 h (None, not given, is fine)."""
    if seconds is not None and not 0 <= seconds <= MAX_DURATION_SECONDS:
        raise InvalidDurationError(seconds, index)


def check_correctable(session: Session, visit: Visit, today: date, actor: Actor) -> None:
    """Refuse changing a visit's errands unless the actor may: a case worker their own
    visits of today, the office manager any visit within the office's retention."""
    office = session.scalar(select(Office))
    kept = today - timedelta(days=office.retention_days if office else 90)
    if office is not None and office.purged_before is not None:
        kept = max(kept, office.purged_before)
    if visit.business_day < kept:
        raise PastRetentionError(visit.business_day)
    if actor.may("correct_past"):
        return
    if visit.business_day != today:
        raise CorrectionTooLateError(visit.business_day)
    if visit.staff_id is not None and visit.staff_id != actor.staff_id:
        raise NotYourVisitError()


# ---------------------------------------------------------------- the catalog in a session


def by_sort(rows: Any) -> list[Any]:
    """Catalog rows in their sort order (code breaks ties)."""
    return sorted(rows, key=lambda r: (r.sort_order, r.code))


class Catalog:
    """The whole (small) catalog of one session, by code and by id."""

    def __init__(self, session: Session) -> None:
        self.agencies = {a.code: a for a in session.scalars(select(Agency))}
        self.types = {(t.agency_id, t.code): t for t in session.scalars(select(ErrandType))}
        self.outcomes = {o.code: o for o in session.scalars(select(Outcome))}
        self.targets = {r.code: r for r in session.scalars(select(ReferralTarget))}
        self.languages = {lang.code: lang for lang in session.scalars(select(Language))}
        self.interpreters = {k.code: k for k in session.scalars(select(InterpreterKind))}
        self.by_id: dict[tuple[str, int], Any] = {}
        for kind, rows in (
            ("agency", self.agencies),
            ("errand_type", self.types),
            ("outcome", self.outcomes),
            ("referral_target", self.targets),
            ("language", self.languages),
            ("interpreter", self.interpreters),
        ):
            for row in rows.values():
                self.by_id[kind, row.id] = row

    def row(self, kind: str, row_id: int | None) -> Any:
        """The entry of that kind with that id (None for None)."""
        return None if row_id is None else self.by_id[kind, row_id]

    def resolve(
        self, entry: ErrandInput, index: int | None, keep: Errand | None = None
    ) -> dict[str, Any]:
        """The errand's column values; `keep`'s own (maybe retired) entries stay allowed."""

        def pick(kind: str, rows: dict[Any, Any], key: Any, code: str, kept: int | None) -> Any:
            row = rows.get(key)
            if row is None:
                raise UnknownCatalogEntryError(kind, code, index)
            if not row.active and row.id != kept:
                raise RetiredCatalogEntryError(kind, code, index)
            return row

        def kept(column: str) -> int | None:
            return getattr(keep, column) if keep is not None else None

        agency = pick(
            "agency", self.agencies, entry.agency_code, entry.agency_code, kept("agency_id")
        )
        type_id = None
        if entry.errand_type_code is not None:
            code = entry.errand_type_code
            if (agency.id, code) not in self.types:
                if any(c == code for _, c in self.types):
                    raise ErrandTypeMismatchError(agency.code, code, index)
                raise UnknownCatalogEntryError("errand_type", code, index)
            type_id = pick(
                "errand_type", self.types, (agency.id, code), code, kept("errand_type_id")
            ).id
        outcome = pick(
            "outcome", self.outcomes, entry.outcome_code, entry.outcome_code, kept("outcome_id")
        )
        target_id = None
        if outcome.requires_referral:
            if not entry.referral_target_code:
                raise ReferralRequiredError(outcome.code, index)
            code = entry.referral_target_code
            target_id = pick(
                "referral_target", self.targets, code, code, kept("referral_target_id")
            ).id
        elif entry.referral_target_code:
            raise ReferralNotAllowedError(outcome.code, index)
        language = entry.language_code or DEFAULT_LANGUAGE
        interpreter = entry.interpreter_code or DEFAULT_INTERPRETER
        duration = entry.duration_seconds
        check_duration(duration, index)
        return {
            "agency_id": agency.id,
            "errand_type_id": type_id,
            "outcome_id": outcome.id,
            "referral_target_id": target_id,
            "language_id": pick(
                "language", self.languages, language, language, kept("language_id")
            ).id,
            "interpreter_kind_id": pick(
                "interpreter",
                self.interpreters,
                interpreter,
                interpreter,
                kept("interpreter_kind_id"),
            ).id,
            "duration_seconds": duration,
        }

    def resolve_all(self, errands: Sequence[ErrandInput]) -> list[dict[str, Any]]:
        """Validate every errand before anything is written."""
        several = len(errands) > 1
        return [self.resolve(e, i if several else None) for i, e in enumerate(errands)]

    def view(self, errand: Errand) -> ErrandView:
        """The errand with its entries' codes and labels."""
        agency = self.row("agency", errand.agency_id)
        errand_type = self.row("errand_type", errand.errand_type_id)
        outcome = self.row("outcome", errand.outcome_id)
        target = self.row("referral_target", errand.referral_target_id)
        language = self.row("language", errand.language_id)
        interpreter = self.row("interpreter", errand.interpreter_kind_id)
        return ErrandView(
            id=errand.id,
            visit_id=errand.visit_id,
            position=errand.position,
            agency_code=agency.code,
            agency_label=agency.label,
            errand_type_code=errand_type.code if errand_type else None,
            errand_type_label=errand_type.label if errand_type else None,
            outcome_code=outcome.code,
            outcome_label=outcome.label,
            referral_target_code=target.code if target else None,
            referral_target_label=target.label if target else None,
            language_code=language.code if language else None,
            interpreter_code=interpreter.code if interpreter else None,
            duration_seconds=errand.duration_seconds,
            corrected=errand.corrected_at is not None,
        )


# ---------------------------------------------------------------- timing


def split_durations(total: int | None, given: Sequence[int | None]) -> list[int | None]:
    """Durations for errands: given ones kept, the rest share what is left of `total` evenly.

    With no trustworthy total (None), errands without a duration stay unknown.
    """
    missing = [i for i, d in enumerate(given) if d is None]
    out = list(given)
    if total is None or not missing:
        return out
    rest = max(0, total - sum(d for d in given if d is not None))
    share, extra = divmod(rest, len(missing))
    for k, i in enumerate(missing):
        out[i] = share + (1 if k < extra else 0)
    return out


def service_seconds(visit: Visit) -> int | None:
    """A visit's service time in whole seconds; None when its timing is not to be trusted."""
    if visit.timing_unreliable or visit.ended_at is None:
        return None
    return max(0, int((visit.ended_at - visit.started_at).total_seconds()))
