"""Keeping the store well: checks, backups and restore, the retention purge."""
