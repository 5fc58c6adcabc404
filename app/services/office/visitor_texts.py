"""What a visitor reads and hears, in their own language: one checked JSON file per language.

The files live in ``app/resources/visitor/<code>.json``. Swedish is the reference: every
other file has exactly its keys and, in each text, exactly its placeholders. A file is
checked against that shape before any text from it is used; a bad file raises
:class:`VisitorTextError` naming the file and the key.
"""

from __future__ import annotations

import json
import logging
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app.config import RESOURCES_DIR

log = logging.getLogger(__name__)

VISITOR_DIR = RESOURCES_DIR / "visitor"
FORMAT = "servicedisk-visitor-texts"
VERSION = 1
REFERENCE = "sv"
FALLBACK = "en"
ALWAYS_ON = ("sv", "en")
DIRECTIONS = frozenset({"ltr", "rtl"})
REVIEWS = frozenset({"reviewed", "needs-native-review"})
MAX_TEXT_LENGTH = 400
FIELDS = frozenset(
    {"format", "version", "language", "name", "name_sv", "direction", "review", "speech", "texts"}
)
_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
# Swedish alphabetical order: å, ä, ö come after z.
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}"})


class VisitorTextError(ValueError):
    """A visitor text file that is missing or does not have the stated shape."""


@dataclass(frozen=True)
class VisitorLanguage:
    """One language's visitor texts, checked."""

    code: str
    name: str
    name_sv: str
    direction: str
    review: str
    speech: str | None
    texts: Mapping[str, str] = field(hash=False)

    @property
    def rtl(self) -> bool:
        """True when the language is written right to left."""
        return self.direction == "rtl"

    @property
    def reviewed(self) -> bool:
        """True when a native speaker has reviewed the texts."""
        return self.review == "reviewed"

    def text(self, key: str, /, **values: object) -> str:
        """The text for ``key`` with its placeholders filled from ``values``."""
        try:
            template = self.texts[key]
        except KeyError:
            raise KeyError(f"no visitor text {key!r} in {self.code}") from None
        return template.format(**values)


def placeholders(template: str) -> frozenset[str]:
    """The names in braces in a text; ValueError for a brace that does not pair."""
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


def _fail(path: Path, message: str) -> VisitorTextError:
    return VisitorTextError(f"visitor texts {path.name}: {message}")


def _required_str(path: Path, doc: Mapping[str, Any], name: str) -> str:
    value = doc.get(name)
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"field {name!r} must be a non-empty string")
    return value


def _check_text(path: Path, key: str, value: object, reference: str | None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, f"key {key!r} must be a non-empty string")
    if len(value) >= MAX_TEXT_LENGTH:
        raise _fail(path, f"key {key!r} is {len(value)} characters; keep it under 400")
    try:
        names = placeholders(value)
    except ValueError as exc:
        raise _fail(path, f"key {key!r} has a stray brace ({exc})") from None
    bad = sorted(name for name in names if not name.isidentifier())
    if bad:
        raise _fail(path, f"key {key!r} has placeholders that are not plain names: {bad}")
    if reference is not None:
        expected = placeholders(reference)
        if names != expected:
            raise _fail(
                path,
                f"key {key!r} has placeholders {sorted(names)}; "
                f"the Swedish text has {sorted(expected)}",
            )
    return value


def _check_texts(path: Path, texts: object, reference: Mapping[str, str] | None) -> dict[str, str]:
    if not isinstance(texts, dict):
        raise _fail(path, "field 'texts' must be an object of key: text")
    if reference is not None:
        missing = [key for key in reference if key not in texts]
        if missing:
            raise _fail(path, f"key {missing[0]!r} is missing (all missing: {missing})")
        unknown = sorted(key for key in texts if key not in reference)
        if unknown:
            raise _fail(path, f"key {unknown[0]!r} is unknown (all unknown: {unknown})")
    elif not texts:
        raise _fail(path, "field 'texts' is empty")
    return {
        key: _check_text(path, key, value, None if reference is None else reference[key])
        for key, value in texts.items()
    }


def _read(path: Path, reference: Mapping[str, str] | None = None) -> VisitorLanguage:
    """Read and check one file; ``reference`` is the Swedish texts (loaded when not given).

    The Swedish file itself is checked without a reference: it defines the keys.
    """
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise _fail(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise _fail(
            path, f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(doc, dict):
        raise _fail(path, "the file must hold one JSON object")
    if doc.get("format") != FORMAT:
        raise _fail(path, f"field 'format' must be {FORMAT!r}, not {doc.get('format')!r}")
    if doc.get("version") != VERSION:
        raise _fail(path, f"field 'version' must be {VERSION}, not {doc.get('version')!r}")
    missing = sorted(FIELDS - doc.keys())
    if missing:
        raise _fail(path, f"field {missing[0]!r} is missing")
    unknown = sorted(doc.keys() - FIELDS)
    if unknown:
        raise _fail(path, f"field {unknown[0]!r} is unknown")
    code = _required_str(path, doc, "language")
    if code != path.stem:
        raise _fail(path, f"field 'language' is {code!r} but the file is named {path.name}")
    if not _CODE.match(code):
        raise _fail(path, f"field 'language' {code!r} is not a language code like 'sv' or 'ar'")
    name = _required_str(path, doc, "name")
    name_sv = _required_str(path, doc, "name_sv")
    direction = doc["direction"]
    if direction not in DIRECTIONS:
        raise _fail(path, f"field 'direction' must be 'ltr' or 'rtl', not {direction!r}")
    review = doc["review"]
    if review not in REVIEWS:
        raise _fail(path, f"field 'review' must be one of {sorted(REVIEWS)}, not {review!r}")
    speech = doc["speech"]
    if speech is not None and (not isinstance(speech, str) or not speech.strip()):
        raise _fail(path, "field 'speech' must be an espeak-ng voice code or null")
    if reference is None and code != REFERENCE:
        reference = load(REFERENCE).texts
    texts = _check_texts(path, doc["texts"], reference)
    return VisitorLanguage(
        code=code,
        name=name,
        name_sv=name_sv,
        direction=direction,
        review=review,
        speech=speech,
        texts=MappingProxyType(texts),
    )


@cache
def load(code: str) -> VisitorLanguage:
    """The checked texts of one shipped language; VisitorTextError if missing or bad."""
    if not _CODE.match(code):
        raise VisitorTextError(f"visitor texts: {code!r} is not a language code")
    path = VISITOR_DIR / f"{code}.json"
    if not path.is_file():
        raise VisitorTextError(f"visitor texts: no file for language {code!r} ({path.name})")
    return _read(path)


def load_or_english(code: str) -> VisitorLanguage:
    """The language's texts, or English when there is no such language or its file is bad."""
    try:
        return load(code)
    except VisitorTextError as exc:
        if code != FALLBACK:
            log.warning("Visitor texts for %r not used, English instead: %s", code, exc)
            return load(FALLBACK)
        raise


def _swedish_sort_key(language: VisitorLanguage) -> tuple[str, str]:
    return (language.name_sv.casefold().translate(_SWEDISH_ORDER), language.code)


def available() -> list[str]:
    """Codes of the shipped languages: Swedish, English, then the rest by Swedish name.

    Swedish and English must load; another file that does not is logged and left out.
    """
    first = [load(code) for code in ALWAYS_ON]
    rest = []
    for path in sorted(VISITOR_DIR.glob("*.json")):
        if path.stem in ALWAYS_ON:
            continue
        try:
            rest.append(load(path.stem))
        except VisitorTextError as exc:
            log.error("Visitor language %r left out: %s", path.stem, exc)
    return [language.code for language in first + sorted(rest, key=_swedish_sort_key)]


def text(code: str, key: str, /, **values: object) -> str:
    """One text in one language with its placeholders filled."""
    return load(code).text(key, **values)


def topic(code: str, agency_code: str) -> str | None:
    """What a visitor comes to an agency for, in plain words; None when there is no text."""
    return load(code).texts.get(f"topic.{agency_code}")


def queue_label(code: str, queue_code: str) -> str | None:
    """A queue's plain label for visitors; None when there is no text."""
    return load(code).texts.get(f"queue.{queue_code}")


KEYS: frozenset[str] = frozenset(load(REFERENCE).texts)


MAX_KIOSK_LANGUAGES = 12


def parse_languages(text: str) -> tuple[str, ...]:
    """The office's kiosk languages from their stored form ("sv,en,ar"): Swedish and
    English always first, each once, at most :data:`MAX_KIOSK_LANGUAGES`."""
    codes = ["sv", "en"]
    for part in text.split(","):
        code = part.strip().lower()
        if code and code not in codes and code.isascii() and code.isalpha() and len(code) <= 12:
            codes.append(code)
    return tuple(codes[:MAX_KIOSK_LANGUAGES])
