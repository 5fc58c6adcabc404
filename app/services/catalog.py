"""The catalog as a file: validate, import (all or nothing) and export.

The file format is documented in docs/catalog-format.md. Import validates the
whole document before it changes anything and names the first bad entry
(``agencies[2].errand_types[5]: code missing``). Entries absent from the file
are retired (hidden for new errands, kept for history), never deleted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Agency,
    AuditEvent,
    ErrandType,
    InterpreterKind,
    Language,
    Outcome,
    Queue,
    ReferralTarget,
    ServicePoint,
    Ticket,
)
from app.models.catalog import CatalogEntry
from app.models.db import Store
from app.models.visit import ACTIVE_STATES
from app.services.clock import Clock
from app.services.errand_rules import DEFAULT_INTERPRETER, DEFAULT_LANGUAGE
from app.services.revision import bump

FORMAT = "servicedisk-catalog"
VERSION = 1
AGENCY_KINDS = ("agency", "municipality", "region", "common", "other")
# Sections of plain entries: file key → model.
PLAIN_SECTIONS: dict[str, type[Any]] = {
    "outcomes": Outcome,
    "referral_targets": ReferralTarget,
    "languages": Language,
    "interpreter_kinds": InterpreterKind,
}
REQUIRED_NONEMPTY = ("agencies", "outcomes", "languages", "interpreter_kinds", "queues")
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,39}$")


class CatalogError(ValueError):
    """A catalog file is wrong; names the entry and the reason, in English and in Swedish."""

    def __init__(self, english: str, swedish: str | None = None) -> None:
        super().__init__(english)
        self.swedish = swedish or english


@dataclass(frozen=True)
class EntryDoc:
    """A catalog entry as read from a file."""

    code: str
    label: str
    label_en: str | None = None
    requires_referral: bool = False


@dataclass(frozen=True)
class AgencyDoc:
    """An agency with its errand types, as read from a file."""

    code: str
    label: str
    label_en: str | None
    kind: str
    errand_types: tuple[EntryDoc, ...]


@dataclass(frozen=True)
class QueueDoc:
    """A queue, as read from a file."""

    code: str
    letter: str
    label: str
    label_en: str | None
    agencies: tuple[str, ...]


@dataclass(frozen=True)
class CatalogDoc:
    """A whole validated catalog."""

    agencies: tuple[AgencyDoc, ...]
    plain: dict[str, tuple[EntryDoc, ...]]
    queues: tuple[QueueDoc, ...]


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


# ---------------------------------------------------------------- validation


def _fail(where: str, message: str, swedish: str) -> CatalogError:
    if not where:
        return CatalogError(message, swedish)
    return CatalogError(f"{where}: {message}", f"{where}: {swedish}")


def _obj(value: Any, where: str, allowed: Iterable[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, "must be an object", "måste vara ett objekt")
    if not value:
        raise _fail(where, "empty object", "tomt objekt")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise _fail(where, f"unknown field '{unknown[0]}'", f"okänt fält '{unknown[0]}'")
    return value


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise _fail(where, f"{key} missing", f"{key} saknas")
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"{key} must be a non-empty text", f"{key} måste vara en text")
    if len(value) > 120:
        raise _fail(where, f"{key} is longer than 120 characters", f"{key} är längre än 120 tecken")
    return value.strip()


def _code(entry: dict[str, Any], where: str, seen: set[str]) -> str:
    code = _text(entry, "code", where)
    assert code is not None
    if not CODE_RE.match(code):
        raise _fail(
            where,
            f"code '{code}' may hold only letters A–Z, digits, '-', '_' and '.'",
            f"koden '{code}' får bara innehålla bokstäverna A–Z, siffror, '-', '_' och '.'",
        )
    if code in seen:
        raise _fail(where, f"duplicate code '{code}'", f"koden '{code}' finns redan")
    seen.add(code)
    return code


def _list(doc: dict[str, Any], key: str, where: str = "") -> list[Any]:
    value = doc.get(key)
    path = f"{where}.{key}" if where else key
    if value is None:
        raise _fail(path, "missing", "saknas")
    if not isinstance(value, list):
        raise _fail(path, "must be a list", "måste vara en lista")
    if key in REQUIRED_NONEMPTY and not value:
        raise _fail(path, "must hold at least one entry", "måste ha minst en post")
    return value


def _entry(raw: Any, where: str, seen: set[str], *, outcome: bool = False) -> EntryDoc:
    allowed = ["code", "label", "label_en"] + (["requires_referral"] if outcome else [])
    entry = _obj(raw, where, allowed)
    code = _code(entry, where, seen)
    label = _text(entry, "label", where)
    assert label is not None
    requires = entry.get("requires_referral", False)
    if not isinstance(requires, bool):
        raise _fail(
            where,
            "requires_referral must be true or false",
            "requires_referral måste vara true eller false",
        )
    return EntryDoc(code, label, _text(entry, "label_en", where, required=False), requires)


def parse_catalog(data: Any) -> CatalogDoc:
    """Validate a decoded catalog document; raises CatalogError naming the first bad entry."""
    if not isinstance(data, dict) or not data:
        raise _fail(
            "",
            "the catalog must be a JSON object with 'format' and 'version'",
            "katalogen måste vara ett JSON-objekt med 'format' och 'version'",
        )
    if data.get("format") != FORMAT:
        raise _fail("format", f"must be '{FORMAT}'", f"måste vara '{FORMAT}'")
    if data.get("version") != VERSION:
        raise _fail("version", f"must be {VERSION}", f"måste vara {VERSION}")
    known = {"format", "version", "agencies", "queues", *PLAIN_SECTIONS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise _fail(unknown[0], "unknown section", "okänd del")

    agencies: list[AgencyDoc] = []
    agency_codes: set[str] = set()
    for i, raw in enumerate(_list(data, "agencies")):
        where = f"agencies[{i}]"
        entry = _obj(raw, where, ["code", "label", "label_en", "kind", "errand_types"])
        code = _code(entry, where, agency_codes)
        label = _text(entry, "label", where)
        assert label is not None
        kind = entry.get("kind", "agency")
        if kind not in AGENCY_KINDS:
            raise _fail(
                where,
                f"kind must be one of {', '.join(AGENCY_KINDS)}",
                f"kind måste vara en av {', '.join(AGENCY_KINDS)}",
            )
        type_codes: set[str] = set()
        types = tuple(
            _entry(t, f"{where}.errand_types[{j}]", type_codes)
            for j, t in enumerate(_list(entry, "errand_types", where))
        )
        agencies.append(
            AgencyDoc(code, label, _text(entry, "label_en", where, required=False), kind, types)
        )

    plain: dict[str, tuple[EntryDoc, ...]] = {}
    for key in PLAIN_SECTIONS:
        seen: set[str] = set()
        plain[key] = tuple(
            _entry(raw, f"{key}[{i}]", seen, outcome=key == "outcomes")
            for i, raw in enumerate(_list(data, key))
        )
    # Errands logged without a choice use these: retiring them would break logging.
    for key, default in (
        ("languages", DEFAULT_LANGUAGE),
        ("interpreter_kinds", DEFAULT_INTERPRETER),
    ):
        if default not in {e.code for e in plain[key]}:
            raise _fail(
                key,
                f"must keep the entry with code '{default}' (the default)",
                f"måste behålla posten med koden '{default}' (standardvalet)",
            )

    queues: list[QueueDoc] = []
    queue_codes: set[str] = set()
    letters: set[str] = set()
    for i, raw in enumerate(_list(data, "queues")):
        where = f"queues[{i}]"
        entry = _obj(raw, where, ["code", "letter", "label", "label_en", "agencies"])
        code = _code(entry, where, queue_codes)
        letter = entry.get("letter")
        if not isinstance(letter, str) or not re.fullmatch("[A-Z]", letter):
            raise _fail(
                where,
                "letter must be one capital letter A–Z",
                "letter måste vara en stor bokstav A–Z",
            )
        if letter in letters:
            raise _fail(where, f"duplicate letter '{letter}'", f"bokstaven '{letter}' finns redan")
        letters.add(letter)
        label = _text(entry, "label", where)
        assert label is not None
        refs = entry.get("agencies", [])
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            raise _fail(
                where,
                "agencies must be a list of agency codes",
                "agencies måste vara en lista med myndighetskoder",
            )
        for j, ref in enumerate(refs):
            if ref not in agency_codes:
                raise _fail(
                    f"{where}.agencies[{j}]",
                    f"unknown agency '{ref}'",
                    f"okänd myndighet '{ref}'",
                )
        queues.append(
            QueueDoc(
                code,
                letter,
                label,
                _text(entry, "label_en", where, required=False),
                tuple(dict.fromkeys(refs)),
            )
        )
    return CatalogDoc(tuple(agencies), plain, tuple(queues))


def read_catalog_file(path: Path) -> CatalogDoc:
    """Read and validate a catalog file; CatalogError says what is wrong and where."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CatalogError(f"{path}: no such file", f"{path}: filen finns inte") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(
            f"{path}: cannot be read ({exc})", f"{path}: filen kan inte läsas ({exc})"
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            f"{path}: inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno})",
        ) from exc
    return parse_catalog(data)


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
    in_use = {q.letter for q in queues.values()}
    spare = iter(c for c in "abcdefghijklmnopqrstuvwxyz0123456789" if c not in in_use)
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
                f"kö {queue.letter} saknas i filen men {active} besökare väntar eller betjänas "
                "i den; importera när kön är tom",
            )
        for point in session.scalars(select(ServicePoint).where(ServicePoint.active)):
            remaining = [p for p in point.profile if p.queue_id != queue.id]
            if point.profile and not remaining:
                raise CatalogError(
                    f"queues: queue '{queue.code}' ({queue.letter}) is missing from the file but "
                    f"{point.name} serves only that queue; change its work profile first",
                    f"kö {queue.letter} saknas i filen men {point.name} betjänar bara den kön; "
                    "ändra luckans arbetsprofil först",
                )
            point.profile = remaining


def import_catalog(store: Store, clock: Clock, doc: CatalogDoc, *, source: str) -> ImportResult:
    """Apply a validated catalog in one transaction; audit-logged when it changed anything."""
    now = clock.now()
    with store.write() as session:
        result = apply_catalog(session, doc)
        if result.changed:
            session.add(
                AuditEvent(
                    at=now,
                    action="catalog_import",
                    detail=f"{source}: {result.added} added, {result.updated} updated, "
                    f"{result.retired} retired",
                )
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
