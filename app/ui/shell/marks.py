"""Translation marks that need no Qt: lupdate reads them, ``tr()`` translates when shown."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark a text for translation in ``context``: the class whose ``tr()`` shows it."""
    return text
