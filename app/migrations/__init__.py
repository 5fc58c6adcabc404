"""Alembic migrations. HEAD_REVISION lets a store check its schema without loading Alembic."""

# A test checks that this is the head of versions/.
HEAD_REVISION = "0002"
