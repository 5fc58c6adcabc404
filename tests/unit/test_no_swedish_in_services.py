"""The core says why it refused as data; only the UI holds the sentences a person reads.

Services, the store and sync raise errors with English (logs, the command line) and a
message id with its values. The screens word each id (app/ui/shell/refusals.py), in
Swedish or, through Qt's translator, in English.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import app
from app.models import states as st
from app.ui.shell.refusals import TEMPLATES, WORDS, placeholders

APP_DIR = Path(app.__file__).resolve().parent
CORE = ("services", "store", "sync")
SWEDISH = re.compile(
    r"[åäöÅÄÖ]|\b(inte|finns|försök|kontakta|välj|saknas|igen|kölapp|besökare|redan|eller|och"
    r"|det|ska|får|kan|Rad|Filen|Databasen)\b",
    re.IGNORECASE,
)
# Swedish by nature, not a sentence for a screen: each with why it stays.
ALLOWED: dict[str, str | frozenset[str]] = {
    # The statistics export is a document in Swedish: its column headers are its content.
    "services/stats/sheets.py": "export headers",
    # The export's sheet titles, likewise.
    "services/stats/export.py": frozenset(
        {
            "Per kö",
            "Ärenden per myndighet",
            "Ärendetyper",
            "Hänvisningar",
            "Språk",
            "Utlovad väntetid mot verklig",
            "Bokade besök",
        }
    ),
    # The public holidays' names in law (1989:253): data, as the calendar reports them.
    "services/office/calendar.py": "holiday names",
    # Swedish alphabetical order: å, ä and ö come after z.
    "services/office/visitor_texts.py": frozenset({"å", "ä", "ö"}),
    # A queue's code is made from its label: the letters transliterated to a–z.
    "services/setup/queues.py": frozenset({"åäöéüÅÄÖÉÜ"}),
    # A new service point's default name, stored as the office's data ("Lucka 3").
    "services/setup/points.py": frozenset({"Lucka "}),
    # The page recognises that default name, to say the number in the visitor's language.
    "sync/live.py": frozenset({"lucka "}),
}
ID = re.compile(r"^[a-z]+(\.[a-z0-9_]+)+$")
NOT_IDS = {"catalog.json", "bookings.ics", "bookings.csv"}  # file names, shaped alike


def _files(*packages: str) -> list[Path]:
    """The modules of these packages (not the migrations: their "queue.id" is a column)."""
    return [
        path
        for package in packages
        for path in sorted((APP_DIR / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        if isinstance(node, kinds) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal in the file but its docstrings (f-strings' parts included)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def _namespaces() -> set[str]:
    return {key.split(".")[0] for key in TEMPLATES}


def _ids_in(paths: list[Path]) -> dict[str, str]:
    """Every literal shaped like a message id of a known namespace → where it is."""
    spaces = _namespaces()
    return {
        text: f"{path.relative_to(APP_DIR)}:{line}"
        for path in paths
        for line, text in _strings(path)
        if ID.match(text) and text.split(".")[0] in spaces and text not in NOT_IDS
    }


@pytest.mark.parametrize("path", _files(*CORE), ids=lambda p: str(p.relative_to(APP_DIR)))
def test_the_core_holds_no_swedish_sentence_for_a_screen(path):
    where = str(path.relative_to(APP_DIR))
    allowed = ALLOWED.get(where, frozenset())
    if isinstance(allowed, str):
        return  # the whole file is Swedish data (see ALLOWED)
    said = [(line, text) for line, text in _strings(path) if SWEDISH.search(text)]
    stray = [(line, text) for line, text in said if text not in allowed]
    assert not stray, f"{where}: words for a screen belong in app/ui/shell/refusals: {stray}"


def test_every_message_id_the_core_raises_has_words():
    used = _ids_in(_files(*CORE, "ui"))
    missing = {text: at for text, at in used.items() if text not in TEMPLATES}
    assert len(used) > 150
    assert not missing, f"no template in app/ui/shell/refusal_texts*: {missing}"


def test_every_template_is_raised_somewhere():
    used = _ids_in(_files(*CORE, "ui")).keys() - {"store.failed"}
    unused = TEMPLATES.keys() - used - {"store.failed"}
    assert not unused, f"templates no one raises: {sorted(unused)}"


def _call_ids(node: ast.Call) -> list[str]:
    """The message ids a call names outright (a branch of ``a if c else b`` too)."""
    found = []
    for arg in node.args:
        for part in (arg.body, arg.orelse) if isinstance(arg, ast.IfExp) else (arg,):
            if isinstance(part, ast.Constant) and part.value in TEMPLATES:
                found.append(part.value)
    return found


def test_every_placeholder_of_a_template_is_given_where_the_id_is_raised():
    checked = 0
    for path in _files(*CORE, "ui"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            given = {k.arg for k in node.keywords}
            if None in given:  # **values: given at run time
                continue
            for message_id in _call_ids(node):
                checked += 1
                lacking = placeholders(TEMPLATES[message_id]) - given
                where = f"{path.relative_to(APP_DIR)}:{node.lineno}"
                assert not lacking, f"{where}: {message_id} lacks {sorted(lacking)}"
    assert checked > 150


def test_the_screens_have_a_word_for_every_role_and_every_kind_of_audit_event():
    from app.services.access.actor import NAMED_ROLES
    from app.services.access.audit import KINDS
    from app.ui.shell.words import AUDIT_KINDS, ROLES

    assert ROLES.keys() == set(NAMED_ROLES) == WORDS["role"].keys()
    assert AUDIT_KINDS.keys() == set(KINDS)


def test_words_name_every_ticket_state():
    states = {v for k, v in vars(st).items() if k.isupper() and isinstance(v, str)}
    assert states and states <= WORDS["state"].keys()


def test_words_name_every_action_a_ticket_may_be_refused():
    actions = set()
    for path in _files("services/queue", "services/errands", "ui/reception"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in (
                "require_state",
                "InvalidTransitionError",
            ):
                last = node.args[-1]
                if isinstance(last, ast.Constant):
                    actions.add(last.value)
            if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "done":
                value = node.value
                if isinstance(value, ast.Tuple) and isinstance(value.elts[-1], ast.Constant):
                    actions.add(value.elts[-1].value)
    assert len(actions) > 10
    assert actions <= WORDS["action"].keys(), actions - WORDS["action"].keys()


def test_a_refusal_reads_as_the_same_swedish_sentence_as_before():
    from datetime import UTC, datetime

    from app.services import ServiceError
    from app.services.bookings.files import read_bookings
    from app.services.setup.base import clean_label
    from app.store.errors import classify
    from app.ui.shell.refusals import refusal_text

    with pytest.raises(ServiceError) as long:
        clean_label("x" * 200, "office_name")
    assert refusal_text(long.value) == "Kontorets namn får vara högst 120 tecken långt."
    with pytest.raises(ServiceError) as bad:
        read_bookings(b"bokningsnummer;datum;starttid;minuter;myndighet\nAB-1234;x;9:00;30;FK\n",
                      "b.csv", __import__("zoneinfo").ZoneInfo("Europe/Stockholm"))  # fmt: skip
    assert refusal_text(bad.value) == (
        "Rad 2: kolumnen 'datum' är inget datum ÅÅÅÅ-MM-DD (2026-12-08)."
    )
    full = classify(OSError(28, "No space left on device"), None)
    assert refusal_text(full) == (
        "Disken där databasen ligger är full, så inget sparades. "
        "Be IT frigöra utrymme och försök igen."
    )
    at = ServiceError(
        "x", "queue.kept_for_booking", point=3, time=datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    )
    assert "nästa bokning är 10:30" in refusal_text(at)  # a time is shown in office time
