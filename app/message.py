"""Words for a screen as data: a stable id and its values, worded (and translated) by the UI.

The core (store, services, sync) says what happened as a :class:`Message`; the screens
turn it into a sentence in Swedish or English (app/ui/shell/refusals.py). English for
logs and the command line stays with the exception itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """A message id and its parameters; a parameter may itself be a Message (a part)."""

    id: str
    params: dict[str, Any] = field(default_factory=dict)


def say(message_id: str, /, **params: Any) -> Message:
    """A message id with its parameters."""
    return Message(message_id, params)


class Worded(Exception):
    """A refusal or failure: ``str(error)`` is English (logs, the command line);
    ``error.message`` the id and parameters a screen words (app/ui/shell/refusals.py)."""

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
