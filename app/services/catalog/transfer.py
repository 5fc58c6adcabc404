"""The catalog as a file: validate, import (all or nothing) and export.

The file format is documented in docs/catalog-format.md. Import validates the
whole document before it changes anything and names the first bad entry
(``agencies[2].errand_types[5]: code missing``). Entries absent from the file
are retired (hidden for new errands, kept for history), never deleted.

This module applies, imports and exports; the format itself (constants, the
document dataclasses, validation and reading a file) lives in
:mod:`app.services.catalog.document` and is re-exported here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Agency, ErrandType, Outcome, Queue, ServicePoint, Ticket
from app.models.catalog import CatalogEntry
from app.models.office import spare_letters
from app.models.states import ACTIVE_STATES
from app.services.access.actor import Desk, allowed
from app.services.access.audit import record
from app.services.catalog.document import (
    AGENCY_KINDS,
    CODE_RE,
    FORMAT,
    PLAIN_SECTIONS,
    REQUIRED_NONEMPTY,
    VERSION,
    AgencyDoc,
    CatalogDoc,
    CatalogError,
    EntryDoc,
    QueueDoc,
    parse_catalog,
    read_catalog_file,
)
from app.services.office.revision import bump

__all__ = [
    "AGENCY_KINDS",
    "CODE_RE",
    "FORMAT",
    "PLAIN_SECTIONS",
    "REQUIRED_NONEMPTY",
    "VERSION",
    "AgencyDoc",
    "CatalogDoc",
    "CatalogError",
    "EntryDoc",
    "ImportResult",
    "QueueDoc",
    "apply_catalog",
    "dump_catalog",
    "export_catalog",
    "import_catalog",
    "parse_catalog",
    "read_catalog_file",
]


@dataclass(frozen=True)
class ImportResult:
    """What an import changed."""

    added: int
    updated: int
    retired: int
    # Entries that only moved in the order (as the ones after a retired entry do).
    reordered: int = 0

    @property
    def changed(self) -> bool:
        """Whether anything at all changed."""
        return bool(self.added or self.updated or self.retired or self.reordered)


# ---------------------------------------------------------------- apply


class _Tally:
    def __init__(self) -> None:
        self.added = self.updated = self.retired = self.reordered = 0

    def result(self) -> ImportResult:
        return ImportResult(self.added, self.updated, self.retired, self.reordered)


def _upsert(
    session: Session,
    tally: _Tally,
    existing: dict[str, Any],
    model: type[Any],
    doc: EntryDoc | AgencyDoc | QueueDoc,
    order: int,
    **extra: Any,
) -> Any:
    values = {"label": doc.label, "label_en": doc.label_en, "active": True, "sort_order": order}
    values.update(extra)
    row = existing.get(doc.code)
    if row is None:
        row = model(code=doc.code, **values)
        session.add(row)
        tally.added += 1
        return row
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for key in changed:
        setattr(row, key, values[key])
    if changed == ["sort_order"]:
        tally.reordered += 1
    elif changed:
        tally.updated += 1
    return row


def _retire(tally: _Tally, rows: Iterable[CatalogEntry | Queue], keep: set[str]) -> None:
    for row in rows:
        if row.code not in keep and row.active:
            row.active = False
            tally.retired += 1


def apply_catalog(session: Session, doc: CatalogDoc) -> ImportResult:
    """Make the store's catalog match the document, in the caller's transaction."""
    tally = _Tally()
    agencies = {a.code: a for a in session.scalars(select(Agency))}
    for order, adoc in enumerate(doc.agencies):
        agency = _upsert(session, tally, agencies, Agency, adoc, order, kind=adoc.kind)
        agencies[adoc.code] = agency
        session.flush()
        types = {
            t.code: t
            for t in session.scalars(select(ErrandType).where(ErrandType.agency_id == agency.id))
        }
        for torder, tdoc in enumerate(adoc.errand_types):
            _upsert(session, tally, types, ErrandType, tdoc, torder, agency_id=agency.id)
        _retire(tally, types.values(), {t.code for t in adoc.errand_types})
    _retire(tally, agencies.values(), {a.code for a in doc.agencies})
    for retired in (a for a in agencies.values() if not a.active):
        _retire(tally, retired.errand_types, set())

    for key, model in PLAIN_SECTIONS.items():
        rows = {r.code: r for r in session.scalars(select(model))}
        for order, edoc in enumerate(doc.plain[key]):
            extra = {"requires_referral": edoc.requires_referral} if model is Outcome else {}
            _upsert(session, tally, rows, model, edoc, order, **extra)
        _retire(tally, rows.values(), {e.code for e in doc.plain[key]})

    _apply_queues(session, tally, doc, agencies)
    session.flush()
    return tally.result()


def _apply_queues(
    session: Session, tally: _Tally, doc: CatalogDoc, agencies: dict[str, Agency]
) -> None:
    queues = {q.code: q for q in session.scalars(select(Queue))}
    in_file = {q.code for q in doc.queues}
    _check_retiring_queues(
        session, [q for q in queues.values() if q.active and q.code not in in_file]
    )
    wanted = {q.letter for q in doc.queues}
    # Letters are unique: first move every letter that will change (or that a
    # retired queue holds) out of the way, to a lowercase placeholder no queue
    # holds yet (earlier imports may have parked retired queues on some).
    spare = spare_letters(q.letter for q in queues.values())
    by_code = {q.code: q for q in doc.queues}
    for queue in queues.values():
        target = by_code.get(queue.code)
        if (target is None and queue.letter in wanted) or (
            target and target.letter != queue.letter
        ):
            queue.letter = next(spare)
    session.flush()
    for order, qdoc in enumerate(doc.queues):
        queue = _upsert(session, tally, queues, Queue, qdoc, order, letter=qdoc.letter)
        refs = [agencies[c] for c in qdoc.agencies]
        # The link table keeps no order (a queue's agencies follow the agencies'
        # own order), so compare as sets: a reordered list is no change.
        if {a.code for a in queue.agencies} != set(qdoc.agencies):
            if queue not in session.new:
                tally.updated += 1
            queue.agencies = refs
    _retire(tally, queues.values(), set(by_code))


def _check_retiring_queues(session: Session, retiring: list[Queue]) -> None:
    """Refuse to retire a queue someone still waits in or that a point serves alone.

    Otherwise visitors would be stranded: shown as waiting, never called. A
    retired queue also leaves every work profile.
    """
    for queue in retiring:
        active = session.scalar(
            select(func.count(Ticket.id)).where(
                Ticket.queue_id == queue.id, Ticket.state.in_(ACTIVE_STATES)
            )
        )
        if active:
            raise CatalogError(
                f"queues: queue '{queue.code}' ({queue.letter}) is missing from the file but "
                f"{active} visitor(s) still wait or are served in it; import it when it is empty",
                "catalog.queue_waited_in",
                letter=queue.letter,
                count=active,
            )
        for point in session.scalars(select(ServicePoint).where(ServicePoint.active)):
            remaining = [p for p in point.profile if p.queue_id != queue.id]
            if point.profile and not remaining:
                raise CatalogError(
                    f"queues: queue '{queue.code}' ({queue.letter}) is missing from the file but "
                    f"{point.name} serves only that queue; change its work profile first",
                    "catalog.queue_served_alone",
                    letter=queue.letter,
                    point=point.name,
                )
            point.profile = remaining


@allowed("configure")
def import_catalog(desk: Desk, doc: CatalogDoc) -> ImportResult:
    """Apply a validated catalog in one transaction; audit-logged when it changed anything.

    The audit records counts only: not the file's name, which comes from outside
    and may say anything.
    """
    now = desk.clock.now()
    with desk.store.write() as session:
        result = apply_catalog(session, doc)
        if result.changed:
            record(
                session,
                now,
                "catalog",
                action="import",
                added=result.added,
                updated=result.updated,
                retired=result.retired,
            )
            bump(session, now, [])
    return result


# ---------------------------------------------------------------- export


def _entry_dict(row: CatalogEntry, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"code": row.code, "label": row.label}
    if row.label_en:
        out["label_en"] = row.label_en
    out.update(extra)
    return out


def _active(rows: Iterable[Any]) -> list[Any]:
    return sorted((r for r in rows if r.active), key=lambda r: (r.sort_order, r.code))


def export_catalog(session: Session) -> dict[str, Any]:
    """The store's active catalog as a document in the file format."""
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "agencies": []}
    for agency in _active(session.scalars(select(Agency))):
        doc["agencies"].append(
            _entry_dict(
                agency,
                kind=agency.kind,
                errand_types=[_entry_dict(t) for t in _active(agency.errand_types)],
            )
        )
    for key, model in PLAIN_SECTIONS.items():
        rows = _active(session.scalars(select(model)))
        if model is Outcome:
            doc[key] = [_entry_dict(r, requires_referral=r.requires_referral) for r in rows]
        else:
            doc[key] = [_entry_dict(r) for r in rows]
    doc["queues"] = []
    for queue in _active(session.scalars(select(Queue))):
        item: dict[str, Any] = {"code": queue.code, "letter": queue.letter, "label": queue.label}
        if queue.label_en:
            item["label_en"] = queue.label_en
        item["agencies"] = [a.code for a in queue.agencies if a.active]
        doc["queues"].append(item)
    return doc


def dump_catalog(doc: dict[str, Any]) -> str:
    """The catalog document as UTF-8 JSON text: indented, letters not escaped."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
