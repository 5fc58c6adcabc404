"""The store cannot hold who a visitor was: no identity columns, no free text on visit records.

The check reads the schema itself (the ORM metadata and the migrated database),
so a column added later is caught whatever it is for. A column that matches a
pattern but is not about visitors must be listed in ALLOWED with the reason.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import JSON, LargeBinary, String, Text, inspect
from sqlalchemy.types import TypeEngine

from app.models import Base
from app.store.engine import Store

# Names that suggest identity or free text, in English and Swedish. Matched
# against the column name in lower case with "_", "-" and spaces removed.
FORBIDDEN = (
    "name",
    "namn",
    "personnummer",
    "personnr",
    "pnr",
    "ssn",
    "socialsecurity",
    "samordningsnummer",
    "birth",
    "fodelse",
    "phone",
    "telefon",
    "mobil",
    "email",
    "epost",
    "mail",
    "address",
    "adress",
    "note",
    "anteckning",
    "comment",
    "kommentar",
    "freetext",
    "fritext",
    "remark",
)

# Matching columns that are not about visitors, each with the reason it may stay.
ALLOWED = {
    ("office", "name"): "the office's own name, shown on tickets and the display",
    ("service_point", "name"): "the service point's label (Lucka 3)",
    ("staff", "display_name"): "staff, for the manager's own statistics; never a visitor",
}

# The records of visitors: no exceptions and no unbounded text at all.
VISIT_TABLES = ("ticket", "visit", "errand", "call_event")


def suspicious(column_name: str) -> str | None:
    """The forbidden pattern a column name matches, or None."""
    flat = re.sub(r"[\s_\-]", "", column_name.lower())
    return next((word for word in FORBIDDEN if word in flat), None)


def unbounded(column_type: TypeEngine[object]) -> bool:
    """Whether a column can hold free text or arbitrary data of any length."""
    if isinstance(column_type, Text | JSON | LargeBinary):
        return True
    return isinstance(column_type, String) and column_type.length is None


def test_the_detector_catches_identity_and_free_text() -> None:
    for name in (
        "name",
        "visitor_name",
        "FirstName",
        "personnummer",
        "pnr",
        "ssn",
        "phone",
        "telefonnummer",
        "e_post",
        "email",
        "home_address",
        "adress",
        "note",
        "notes",
        "comment",
        "free_text",
        "fritext",
    ):
        assert suspicious(name), name
    for name in ("id", "code", "channel", "staff_id", "state", "business_day", "label"):
        assert suspicious(name) is None, name


def test_no_table_has_a_column_for_visitor_identity() -> None:
    found = [
        f"{table.name}.{column.name} (looks like {word!r})"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if (word := suspicious(column.name)) and (table.name, column.name) not in ALLOWED
    ]
    assert not found, "columns that could hold who a visitor is: " + ", ".join(found)


def test_the_allowed_exceptions_still_exist_and_are_not_visit_records() -> None:
    tables = Base.metadata.tables
    for table, column in ALLOWED:
        assert table in tables and column in tables[table].c, (table, column)
        assert table not in VISIT_TABLES


@pytest.mark.parametrize("table", VISIT_TABLES)
def test_visit_records_hold_no_unbounded_text(table: str) -> None:
    columns = Base.metadata.tables[table].columns
    loose = [c.name for c in columns if unbounded(c.type)]
    assert not loose, f"{table} has unbounded columns: {loose}"
    long_text = [
        c.name
        for c in columns
        if isinstance(c.type, String) and (c.type.length or 0) > 40 and c.name != "print_status"
    ]
    # Only codes live here; print_status holds "printed", "failed" or a PDF path.
    assert not long_text, f"{table} has long text columns: {long_text}"


def test_the_migrated_database_has_the_same_columns(store: Store) -> None:
    """A migration cannot slip in a column the models (and this test) do not know."""
    inspector = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        live = {c["name"] for c in inspector.get_columns(table.name)}
        assert live == {c.name for c in table.columns}, table.name
    extra = set(inspector.get_table_names()) - set(Base.metadata.tables) - {"alembic_version"}
    assert not extra, f"tables the models do not know: {extra}"
