"""Alembic migrations. HEAD_REVISION lets a store check its schema without loading Alembic."""

from pathlib import Path

# A test checks that this is the head of versions/.
HEAD_REVISION = "0011"
# Every revision this version can open (and upgrade): the numbered files in versions/.
KNOWN_REVISIONS = frozenset(
    path.name.split("_", 1)[0] for path in (Path(__file__).parent / "versions").glob("[0-9]*_*.py")
)
