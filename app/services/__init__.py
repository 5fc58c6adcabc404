"""Use cases: plain Python, no Qt. Each use case is one unit of work, for an actor it is given."""

from __future__ import annotations

from app.message import Message, Worded, say

__all__ = ["Message", "ServiceError", "say"]


class ServiceError(Worded):
    """A use case refused: ``str(error)`` is English (logs, CLI); ``error.message`` is the
    id and parameters the screen words (app/ui/shell/refusals.py)."""

    exit_code = 1
