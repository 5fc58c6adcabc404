"""Why a store cannot be opened: plain exceptions, importable without SQLAlchemy."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be opened or used; the message says what to do."""


class UnreadableStoreError(StoreError):
    """The database file exists but is not a readable Servicedisk store."""


class NewerSchemaError(StoreError):
    """The database was written by a newer Servicedisk than this one."""
