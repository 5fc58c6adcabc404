"""The manager's statistics."""
