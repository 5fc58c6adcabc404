"""Use cases: plain Python, no Qt. Each use case is one unit of work, for an actor it is given."""

from __future__ import annotations

from typing import Any

from app.message import Message, say

__all__ = ["Message", "ServiceError", "say"]


class ServiceError(Exception):
    """A use case refused: ``str(error)`` is English (logs, CLI); ``error.message`` is the
    id and parameters the screen words (app/ui/shell/refusals.py)."""

    exit_code = 1

    def __init__(self, english: str, message: str | Message, /, **params: Any) -> None:
        super().__init__(english)
        self.message = message if isinstance(message, Message) else Message(message, params)

    @property
    def message_id(self) -> str:
        """The stable id of what the screen says."""
        return self.message.id

    @property
    def params(self) -> dict[str, Any]:
        """The values the screen's sentence names."""
        return self.message.params
