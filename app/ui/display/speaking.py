"""What a call sounds like: Swedish first, then the called visitor's own language.

Swedish is always said. A visitor who chose another language with visitor texts
hears the call again in it, right after the Swedish sentence; one who chose
English hears English. A call without a chosen language (or in a language that
has no visitor texts) is followed by English, as the display has always done,
unless the office has turned English off.
"""

from __future__ import annotations

from app.services.office.visitor_texts import FALLBACK, REFERENCE
from app.services.queue.telling import texts_for

# Languages that are on the display anyway: a missing voice for them is the general notice.
ALWAYS_SPOKEN = frozenset({REFERENCE, FALLBACK})


def call_texts(
    code: str,
    point_number: int,
    language: str | None,
    *,
    swedish: str,
    english: str,
    always_english: bool = True,
) -> list[tuple[str, str]]:
    """(language, sentence) pairs for a call; ``always_english`` False: the office has it off."""
    texts = [(REFERENCE, swedish)]
    if language == REFERENCE:
        return texts
    own = texts_for(language) if language != FALLBACK else None
    if own is not None:
        point = own.text("point", number=point_number)
        texts.append((own.code, own.text("call_spoken", code=code, point=point)))
    elif language == FALLBACK or always_english:
        texts.append((FALLBACK, english))
    return texts
