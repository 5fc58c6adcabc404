"""Storage plumbing: the engine and sessions, identifying a store, backups, errors, migrations."""
