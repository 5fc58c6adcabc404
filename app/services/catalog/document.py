"""The catalog file format: its constants, the document it decodes to, and validation.

The format is documented in docs/catalog-format.md. :func:`parse_catalog`
validates a whole decoded document before anything is applied and raises a
:class:`CatalogError` naming the first bad entry
(``agencies[2].errand_types[5]: code missing``). Nothing here touches the store.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.models import InterpreterKind, Language, Outcome, ReferralTarget
from app.services import Message, ServiceError, say
from app.services.errands.rules import DEFAULT_INTERPRETER, DEFAULT_LANGUAGE

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
# A catalog code is a short key, never text about anyone: it is counted in the central
# summaries. Letters A–Z, digits, '-' and '_', at most 40, and no run of six digits or
# more (a personnummer, a date of birth, a phone number), even split by '-' or '+'.
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,39}$")
_DIGIT_RUN = re.compile(r"\d(?:[-+_]?\d){5,}")
CODE_RULE = (
    "may hold only letters A–Z, digits, '-' and '_' (at most 40), and no run of six digits",
    "catalog.code.rule",
)


def code_problem(code: str) -> tuple[str, str] | None:
    """Why this is not a catalog code (English, message id), or None for a good one."""
    if not CODE_RE.match(code):
        return CODE_RULE
    if _DIGIT_RUN.search(code):
        return (
            "looks like a personnummer, a date or a phone number (six digits or more in a row)",
            "catalog.code.digits",
        )
    return None


class CatalogError(ServiceError, ValueError):
    """A catalog file is wrong; names the entry and the reason (English, and a message)."""

    def __init__(self, english: str, message: str | Message, /, **params: Any) -> None:
        super().__init__(english, message, **params)


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


# ---------------------------------------------------------------- validation


def _fail(where: str, english: str, message_id: str, **params: Any) -> CatalogError:
    message = say(message_id, **params)
    if not where:
        return CatalogError(english, message)
    return CatalogError(f"{where}: {english}", say("catalog.where", where=where, text=message))


def _obj(value: Any, where: str, allowed: Iterable[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, "must be an object", "catalog.not_object")
    if not value:
        raise _fail(where, "empty object", "catalog.empty_object")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise _fail(
            where, f"unknown field '{unknown[0]}'", "catalog.unknown_field", name=unknown[0]
        )
    return value


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
    value = entry.get(key)
    if value is None:
        if required:
            raise _fail(where, f"{key} missing", "catalog.key_missing", key=key)
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"{key} must be a non-empty text", "catalog.not_text", key=key)
    if len(value) > 120:
        raise _fail(where, f"{key} is longer than 120 characters", "catalog.too_long", key=key)
    bad = unprintable(value)
    if bad is not None:
        raise _fail(
            where,
            f"{key} holds a character that cannot be shown or printed ({bad})",
            "catalog.unprintable",
            key=key,
            char=bad,
        )
    return value.strip()


def unprintable(text: str) -> str | None:
    """The first character a label must not hold, named (U+0007), or None.

    Control characters (NUL, newline, ESC, BEL …), direction overrides and
    isolates (U+202A–U+202E, U+2066–U+2069) that could make a label read
    backwards on the display, lone surrogates and other unassigned or
    private characters are refused; ordinary letters of any script are not.
    """
    for char in text:
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn") or char in _DIRECTION_CONTROLS:
            return f"U+{ord(char):04X}"
    return None


_DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _code(entry: dict[str, Any], where: str, seen: set[str]) -> str:
    code = _text(entry, "code", where)
    assert code is not None
    problem = code_problem(code)
    if problem is not None:  # not shown: it may be the very text that must not spread
        raise _fail(where, f"the code {problem[0]}", "catalog.code", problem=say(problem[1]))
    if code in seen:
        raise _fail(where, f"duplicate code '{code}'", "catalog.duplicate_code", code=code)
    seen.add(code)
    return code


def _list(doc: dict[str, Any], key: str, where: str = "") -> list[Any]:
    value = doc.get(key)
    path = f"{where}.{key}" if where else key
    if value is None:
        raise _fail(path, "missing", "catalog.missing")
    if not isinstance(value, list):
        raise _fail(path, "must be a list", "catalog.not_list")
    if key in REQUIRED_NONEMPTY and not value:
        raise _fail(path, "must hold at least one entry", "catalog.no_entries")
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
            "catalog.requires_referral",
        )
    return EntryDoc(code, label, _text(entry, "label_en", where, required=False), requires)


def parse_catalog(data: Any) -> CatalogDoc:
    """Validate a decoded catalog document; raises CatalogError naming the first bad entry."""
    if not isinstance(data, dict) or not data:
        raise _fail(
            "",
            "the catalog must be a JSON object with 'format' and 'version'",
            "catalog.not_catalog",
        )
    if data.get("format") != FORMAT:
        raise _fail("format", f"must be '{FORMAT}'", "catalog.format", format=FORMAT)
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # true == 1 in Python, not here
        raise _fail("version", f"must be {VERSION}", "catalog.version", version=VERSION)
    known = {"format", "version", "agencies", "queues", *PLAIN_SECTIONS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise _fail(unknown[0], "unknown section", "catalog.unknown_section")

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
                "catalog.kind",
                kinds=", ".join(AGENCY_KINDS),
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
                "catalog.keep_default",
                code=default,
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
                "catalog.letter",
            )
        if letter in letters:
            raise _fail(
                where, f"duplicate letter '{letter}'", "catalog.duplicate_letter", letter=letter
            )
        letters.add(letter)
        label = _text(entry, "label", where)
        assert label is not None
        refs = entry.get("agencies", [])
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            raise _fail(
                where,
                "agencies must be a list of agency codes",
                "catalog.agency_list",
            )
        for j, ref in enumerate(refs):
            if ref not in agency_codes:
                raise _fail(
                    f"{where}.agencies[{j}]",
                    f"unknown agency '{ref}'",
                    "catalog.unknown_agency",
                    agency=ref,
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
        raise CatalogError(f"{path}: no such file", "catalog.no_file", path=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(
            f"{path}: cannot be read ({exc})", "catalog.unreadable", path=str(path), error=str(exc)
        ) from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            "catalog.not_json",
            path=str(path),
            line=exc.lineno,
            column=exc.colno,
        ) from exc
    return parse_catalog(data)
