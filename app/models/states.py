"""Ticket states: plain names, importable without loading SQLAlchemy.

Active ones are still the office's business today.
"""

from __future__ import annotations

WAITING = "waiting"
CALLED = "called"
SERVING = "serving"
PARKED = "parked"
DONE = "done"
NO_SHOW = "no_show"
WALKED_OUT = "walked_out"
CANCELLED = "cancelled"
NOT_SERVED = "not_served"  # still waiting when the business day ended
ACTIVE_STATES = (WAITING, CALLED, SERVING, PARKED)
