"""Alembic environment of the receiver's database: runs on the connection it is handed."""

from __future__ import annotations

from alembic import context

from app.receiver.db import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
