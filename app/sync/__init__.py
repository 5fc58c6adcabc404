"""Sending the office's daily summaries to the central receiver (docs/sync-protocol.md)."""
