"""Change the catalog by hand: add, rename, retire and restore entries; read it all.

The catalog is data: agencies with their errand types, outcomes, referral
targets, languages and interpreter kinds. A retired entry is hidden for new
errands and kept for history. Like :mod:`app.services.setup.office_setup`, each change is
one transaction that bumps the office revision and is audit-logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Agency,
    ErrandType,
    InterpreterKind,
    Language,
    Outcome,
    Queue,
    ReferralTarget,
)
from app.services import say
from app.services.access.actor import Desk, allowed
from app.services.catalog import transfer as catalog
from app.services.catalog.document import code_problem
from app.services.errands.records import DEFAULT_INTERPRETER, DEFAULT_LANGUAGE
from app.services.office.revision import bump
from app.services.setup.base import (
    InvalidSettingError,
    LastActiveError,
    SetupError,
    audit,
    clean_label,
    clean_optional,
    compact_order,
)
from app.store.engine import Store

MODELS: dict[str, type[Any]] = {
    "agency": Agency,
    "errand_type": ErrandType,
    "outcome": Outcome,
    "referral_target": ReferralTarget,
    "language": Language,
    "interpreter_kind": InterpreterKind,
}
KINDS = tuple(MODELS)
# The catalog file needs at least one of each of these (catalog.REQUIRED_NONEMPTY): the
# message that says so, by kind.
NEEDS_ONE = {
    "agency": "setup.catalog.last_agency",
    "outcome": "setup.catalog.last_outcome",
    "language": "setup.catalog.last_language",
    "interpreter_kind": "setup.catalog.last_interpreter_kind",
}
# What an errand gets when none is chosen (errand_rules): retiring it would make
# every errand logged without that choice fail.
DEFAULTS = {"language": DEFAULT_LANGUAGE, "interpreter_kind": DEFAULT_INTERPRETER}
DEFAULT_IDS = {
    "language": "setup.catalog.default_language",
    "interpreter_kind": "setup.catalog.default_interpreter_kind",
}


class CatalogEntryNotFoundError(SetupError):
    """No catalog entry of that kind has that code."""


class EntryInUseError(SetupError):
    """The entry cannot be retired while something in use depends on it."""


class DefaultEntryError(EntryInUseError):
    """The entry is what errands get when none is chosen, so it cannot be retired."""

    def __init__(self, kind: str, code: str, label: str) -> None:
        super().__init__(
            f"The {kind} {code!r} is the default for errands logged without one; "
            "it cannot be retired.",
            DEFAULT_IDS[kind],
            label=label,
        )
        self.kind, self.code = kind, code


@dataclass(frozen=True)
class CatalogItem:
    """A catalog entry, retired or not; errand types carry their agency's code."""

    kind: str
    code: str
    label: str
    label_en: str | None
    active: bool
    agency_code: str | None = None


@dataclass(frozen=True)
class AgencyItem:
    """An agency with all its errand types."""

    item: CatalogItem
    agency_kind: str
    errand_types: tuple[CatalogItem, ...]


@dataclass(frozen=True)
class CatalogOverview:
    """The whole catalog, retired entries included, in display order."""

    agencies: tuple[AgencyItem, ...]
    outcomes: tuple[CatalogItem, ...]
    referral_targets: tuple[CatalogItem, ...]
    languages: tuple[CatalogItem, ...]
    interpreter_kinds: tuple[CatalogItem, ...]


def _item(kind: str, row: Any) -> CatalogItem:
    agency = row.agency.code if kind == "errand_type" else None
    return CatalogItem(kind, row.code, row.label, row.label_en, row.active, agency)


def _ordered(rows: Any) -> list[Any]:
    return sorted(rows, key=lambda r: (not r.active, r.sort_order, r.code))


def catalog_overview(store: Store) -> CatalogOverview:
    """Every catalog entry with its active flag, entries in use first."""
    with store.read() as session:
        agencies = tuple(
            AgencyItem(
                _item("agency", a),
                a.kind,
                tuple(_item("errand_type", t) for t in _ordered(a.errand_types)),
            )
            for a in _ordered(session.scalars(select(Agency)))
        )

        def plain(kind: str) -> tuple[CatalogItem, ...]:
            return tuple(_item(kind, r) for r in _ordered(session.scalars(select(MODELS[kind]))))

        return CatalogOverview(
            agencies,
            plain("outcome"),
            plain("referral_target"),
            plain("language"),
            plain("interpreter_kind"),
        )


def _check_kind(kind: str) -> type[Any]:
    if kind not in MODELS:
        raise InvalidSettingError(
            f"Unknown catalog kind {kind!r}; one of {', '.join(KINDS)}.",
            "setup.catalog.unknown_kind",
        )
    return MODELS[kind]


def _agency(session: Session, code: str | None) -> Agency:
    agency = session.scalar(select(Agency).where(Agency.code == (code or "")))
    if agency is None:
        raise CatalogEntryNotFoundError(
            f"There is no agency {code!r}.",
            "setup.catalog.no_agency",
            code=code,
        )
    return agency


def _entry(session: Session, kind: str, code: str, agency_code: str | None) -> Any:
    model = _check_kind(kind)
    stmt = select(model).where(model.code == code)
    if kind == "errand_type":
        stmt = stmt.where(ErrandType.agency_id == _agency(session, agency_code).id)
    row = session.scalar(stmt)
    if row is None:
        where = f" of agency {agency_code}" if kind == "errand_type" else ""
        raise CatalogEntryNotFoundError(
            f"There is no {kind} {code!r}{where}.",
            "setup.catalog.not_found",
            kind=kind,
            code=code,
        )
    return row


def _name(kind: str, row: Any) -> str:
    return f"{kind} {row.agency.code}/{row.code}" if kind == "errand_type" else f"{kind} {row.code}"


def _check_can_retire(session: Session, kind: str, row: Any) -> None:
    if DEFAULTS.get(kind) == row.code:
        raise DefaultEntryError(kind, row.code, row.label)
    if kind in NEEDS_ONE:
        model = MODELS[kind]
        others = session.scalar(
            select(func.count(model.id)).where(model.active, model.id != row.id)
        )
        if not others:
            raise LastActiveError(
                f"The catalog needs at least one active {kind}.",
                NEEDS_ONE[kind],
            )
    if kind == "agency":
        letters = sorted(
            q.letter
            for q in session.scalars(select(Queue).where(Queue.active))
            if row in q.agencies
        )
        if letters:
            queues = ", ".join(letters)
            raise EntryInUseError(
                f"Agency {row.code} is used by queue(s) {queues}.",
                "setup.catalog.agency_in_queues",
                label=row.label,
                queues=queues,
            )


def _siblings(session: Session, kind: str, row: Any) -> list[Any]:
    model = MODELS[kind]
    stmt = select(model)
    if kind == "errand_type":
        stmt = stmt.where(ErrandType.agency_id == row.agency_id)
    return list(session.scalars(stmt))


def _check_agency_active(agency: Agency) -> None:
    if not agency.active:
        raise EntryInUseError(
            f"Agency {agency.code} is retired; restore it first.",
            "setup.catalog.agency_retired",
            label=agency.label,
        )


@allowed("configure")
def set_catalog_entry_active(
    desk: Desk,
    kind: str,
    code: str,
    active: bool,
    agency_code: str | None = None,
) -> CatalogItem:
    """Retire (hide for new errands, keep for history) or restore a catalog entry.

    An agency takes its errand types with it, as a catalog import does:
    retiring it retires them, restoring it restores them all.
    """
    now = desk.clock.now()
    with desk.store.write() as session:
        row = _entry(session, kind, code, agency_code)
        if row.active == active:
            return _item(kind, row)
        if active and kind == "errand_type":
            _check_agency_active(row.agency)
        else:
            _check_can_retire(session, kind, row)
        row.active = active
        compact_order(_siblings(session, kind, row), first=row if active else None)
        detail = f"{_name(kind, row)} {'restored' if active else 'retired'}"
        if kind == "agency":
            moved = [t for t in row.errand_types if t.active != active]
            for errand_type in moved:
                errand_type.active = active
            compact_order(row.errand_types)
            detail += f" with {len(moved)} errand type(s)"
        audit(session, now, detail, kind="catalog")
        bump(session, now, [])
        return _item(kind, row)


@allowed("configure")
def rename_catalog_entry(
    desk: Desk,
    kind: str,
    code: str,
    label: str,
    label_en: str | None = None,
    agency_code: str | None = None,
) -> CatalogItem:
    """Give an entry a new Swedish label (and English one; None keeps it, "" clears it)."""
    label = clean_label(label, "label")
    english = None if label_en is None else clean_optional(label_en, "label_en")
    now = desk.clock.now()
    with desk.store.write() as session:
        row = _entry(session, kind, code, agency_code)
        changes = []
        if row.label != label:
            row.label = label
            changes.append("label")
        if label_en is not None and row.label_en != english:
            row.label_en = english
            changes.append("English label")
        if changes:
            audit(
                session, now, f"{_name(kind, row)} renamed ({', '.join(changes)})", kind="catalog"
            )
            bump(session, now, [])
        return _item(kind, row)


@allowed("configure")
def add_catalog_entry(
    desk: Desk,
    kind: str,
    code: str,
    label: str,
    label_en: str = "",
    agency_code: str | None = None,
) -> CatalogItem:
    """Add an entry in use at the end of its list (an errand type under its agency)."""
    model = _check_kind(kind)
    code = code.strip()
    problem = code_problem(code)
    if problem is not None:
        raise InvalidSettingError(
            f"The code {problem[0]}.", "setup.catalog.code", problem=say(problem[1])
        )
    label = clean_label(label, "label")
    english = clean_optional(label_en, "label_en")
    now = desk.clock.now()
    with desk.store.write() as session:
        siblings = select(model)
        extra: dict[str, Any] = {}
        if kind == "errand_type":
            agency = _agency(session, agency_code)
            siblings = siblings.where(ErrandType.agency_id == agency.id)
            extra["agency_id"] = agency.id
            _check_agency_active(agency)
        rows = list(session.scalars(siblings))
        if any(r.code == code for r in rows):
            raise InvalidSettingError(
                f"There already is a {kind} with the code {code!r}.",
                "setup.catalog.code_taken",
                code=code,
            )
        compact_order(rows)
        order = sum(r.active for r in rows)
        row = model(
            code=code, label=label, label_en=english, active=True, sort_order=order, **extra
        )
        session.add(row)
        session.flush()
        audit(session, now, f"{_name(kind, row)} added", kind="catalog")
        bump(session, now, [])
        return _item(kind, row)


@allowed("configure")
def export_catalog_file(desk: Desk, path: Path) -> Path:
    """Write the active catalog to a file in the catalog format; returns the path."""
    with desk.store.read() as session:
        text = catalog.dump_catalog(catalog.export_catalog(session))
    path.write_text(text, encoding="utf-8")
    return path


@allowed("configure")
def import_catalog_file(desk: Desk, path: Path) -> catalog.ImportResult:
    """Validate a catalog file, then apply it all or nothing (CatalogError names a bad entry)."""
    doc = catalog.read_catalog_file(path)
    return catalog.import_catalog(desk, doc)
