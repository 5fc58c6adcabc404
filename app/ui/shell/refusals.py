"""Why something was refused, in words: the core's message ids turned into sentences.

Services, the store and sync say what happened as data (a message id and its values,
:class:`app.message.Message`) and keep English for logs and the command line. The
screens say it here, in Swedish or (through Qt's translator, context "Refusal") in
English. Every screen shows a refusal with :func:`refusal_text`.
"""

from __future__ import annotations

import logging
import string
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.message import Message
from app.ui.shell import refusal_texts, refusal_texts_setup
from app.ui.shell.office_time import hhmm

log = logging.getLogger(__name__)

CONTEXT = "Refusal"
TEMPLATES: dict[str, str] = {
    key: str(text)
    for key, text in (refusal_texts.TEMPLATES | refusal_texts_setup.TEMPLATES).items()
}
WORDS: dict[str, dict[str, str]] = {
    name: {code: str(word) for code, word in words.items()}
    for name, words in refusal_texts_setup.WORDS.items()
}
# The words for the settings a value is refused for, by field (the audit log says them too).
FIELD_SV = WORDS["field"]


def refusal_text(exc: BaseException) -> str:
    """What the screen says for a refused action: its message worded, else its text."""
    message = getattr(exc, "message", None)
    if isinstance(message, Message):
        return message_text(message)
    return str(exc)


def message_text(message: Message) -> str:
    """A message in the screen's language (Swedish, or its translation)."""
    template = TEMPLATES.get(message.id)
    if template is None:  # a test asserts none is missing; never show an id to a person
        log.error("no words for the message %r", message.id)
        return QCoreApplication.translate(CONTEXT, TEMPLATES["store.failed"])
    values = {name: _value(name, value) for name, value in message.params.items()}
    # "{What}" is the value of "what" with a capital first letter (a sentence's start).
    values |= {name[:1].upper() + name[1:]: _capital(v) for name, v in values.items()}
    return QCoreApplication.translate(CONTEXT, template).format(**values)


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses ("What" counts as "what")."""
    names = {field for _, field, _, _ in string.Formatter().parse(template) if field}
    return {name[:1].lower() + name[1:] for name in names}


def _value(name: str, value: Any) -> Any:
    if isinstance(value, Message):
        return message_text(value)
    if isinstance(value, datetime):
        return hhmm(value)
    word = WORDS.get(name, {}).get(value) if isinstance(value, str) else None
    return value if word is None else QCoreApplication.translate(CONTEXT, word)


def _capital(value: Any) -> Any:
    return value[:1].upper() + value[1:] if isinstance(value, str) else value
