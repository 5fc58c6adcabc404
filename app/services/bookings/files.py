"""A booking system's file of booked visits (CSV or iCalendar), read into rows.

Pure: bytes in, frozen rows out, nothing stored. A file is taken or refused whole, with
a :class:`BookingFileError` naming the first bad line and field in English and Swedish.
The format is described in docs/bookings.md.

Only the fields a check-in needs are read. An iCalendar event's SUMMARY, DESCRIPTION,
ATTENDEE and ORGANIZER may hold the visitor's name: they are never read, and no message
quotes a value from the file that could be one (a booking reference included).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import icalendar

from app.services import Message, ServiceError, say
from app.services.catalog.document import code_problem

MAX_BYTES = 5 * 1024 * 1024
MAX_BOOKINGS = 5000
MIN_MINUTES, MAX_MINUTES = 5, 480
CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar")

# CSV columns: name → (Swedish alias, required).
COLUMNS: dict[str, tuple[str, bool]] = {
    "booking_reference": ("bokningsnummer", True),
    "date": ("datum", True),
    "start": ("starttid", True),
    "minutes": ("minuter", True),
    "agency": ("myndighet", True),
    "errand_type": ("arendetyp", False),
    "language": ("sprak", False),
    "interpreter": ("tolk", False),
    "status": ("status", False),
}
_ALIASES = {name: name for name in COLUMNS} | {sv: name for name, (sv, _) in COLUMNS.items()}
_EN_COLUMNS, _SV_COLUMNS = ", ".join(COLUMNS), ", ".join(sv for sv, _ in COLUMNS.values())
_BOM = b"\xef\xbb\xbf"
_REFERENCE_RE = re.compile(r"^[A-Z0-9-]{4,64}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,12}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CLOCK_RE = re.compile(r"^(\d{1,2}):(\d{2})(?::00)?$")
_MINUTES_RE = re.compile(r"^\d{1,4}$")
# Text has no control characters but tab and line ends. A file with them is binary (an
# Excel workbook, a PDF) or UTF-16, which cp1252 would otherwise decode into nonsense.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTENT_LINE_RE = re.compile(r"^[A-Za-z0-9-]+[;:]")
_NEWLINE_RE = re.compile(r"\r\n|\n|\r")
_YES, _NO = frozenset({"yes", "ja", "true", "1"}), frozenset({"", "no", "nej", "false", "0"})
_BOOKED, _CANCELLED = frozenset({"", "booked", "bokad"}), frozenset({"cancelled", "avbokad"})
# A repeating event would be many visits under one reference: each booking is one event.
_RECURRENCE = ("RRULE", "RDATE", "EXDATE", "RECURRENCE-ID")

# What is wrong, in English (the screens word each id: app/ui/shell/refusals.py). Ids of
# "bookings.value" are about a field's value and read after the field's name: "Line 5:
# the column 'datum' is not a date …".
_TEXTS: dict[str, str] = {
    "bookings.value.empty": "is empty",
    "bookings.value.reference": "must be 4–64 of A–Z, 0–9 and '-'",
    "bookings.value.language": "must be 2–12 letters a–z, such as ar",
    "bookings.value.flag": "must be yes or no (ja/nej, 1/0)",
    "bookings.value.status": "must be booked, cancelled or empty",
    "bookings.value.whole": "is not a whole number of minutes",
    "bookings.value.range": "is {minutes} minutes, not {low}–{high}",
    "bookings.value.gap": "gives {at}, a time the clock skips",
    "bookings.value.date": "is not a date YYYY-MM-DD (2026-12-08)",
    "bookings.value.clock": "is not a time HH:MM (09:30)",
    "bookings.value.unreadable": "cannot be read, or is given twice",
    "bookings.value.missing": "is missing",
    "bookings.value.no_end": "is missing (or give DURATION)",
    "bookings.value.disagree": "does not agree with DTEND",
    "bookings.value.whole_day": "has no time of day (a whole-day event)",
    "bookings.value.repeats": "repeats it: a booking is one visit",
    "bookings.value.zone": (
        "names the unknown time zone '{zone}': use one such as Europe/Stockholm, or a VTIMEZONE"
    ),
    "bookings.file.big": "The file is larger than {limit} MB: export a day or a week at a time.",
    "bookings.file.many": "more than {limit} bookings: export a day or a week at a time.",
    "bookings.file.empty": "The file is empty.",
    "bookings.file.not_ics": "'{name}' is named .ics but is no calendar.",
    "bookings.file.not_text": (
        "not text in UTF-8 (or, for CSV, Windows-1252): save the file as CSV UTF-8."
    ),
    "bookings.file.twice": (
        "the same booking reference as line {first}: a booking may be in the file once."
    ),
    "bookings.file.no_header": "the first line must name the columns ({names}).",
    "bookings.file.unknown": "unknown column '{column}'. The columns are {names}.",
    "bookings.file.double": "the column '{name}' is there twice.",
    "bookings.file.lacking": "the column '{name}' (or '{sv}') is missing.",
    "bookings.file.quotes": "a quote mark is not closed, or stray.",
    "bookings.file.count": "{got} values for {want} columns.",
    "bookings.file.nameless": "a value in column {n}, which has no name.",
    "bookings.file.content": "not an iCalendar line (NAME:value).",
    "bookings.file.end": "END:{what} closes nothing begun.",
    "bookings.file.open": "BEGIN:{what} is never ended.",
    "bookings.file.invalid": "Not an iCalendar file (RFC 5545).",
    "bookings.file.apart": "Events could not be told apart.",
}
T = TypeVar("T")


@dataclass(frozen=True)
class BookingRow:
    """One booked visit as a booking system's file states it."""

    line: int  # where it is in the file (1-based; CSV: the physical line, header included)
    reference: str  # stripped, upper-cased; the caller hashes it and never stores it
    starts_at: datetime  # aware, UTC
    minutes: int  # MIN_MINUTES–MAX_MINUTES
    agency: str  # as written; the caller checks it against the catalog
    errand_type: str | None
    language: str | None  # a language code, None = not stated
    interpreter: bool  # an interpreter is booked
    cancelled: bool


class BookingFileError(ServiceError, ValueError):
    """A booking file refused whole: ``.english``, the message for the screen and the
    ``.line`` it names."""

    def __init__(self, english: str, message: Message, line: int | None = None) -> None:
        super().__init__(english, message)
        self.english = english
        self.line = line


class _Bad(Exception):
    """A field's value is wrong; the reader adds which field, and where."""

    def __init__(self, key: str, english: str | None = None, **values: object) -> None:
        # english given: final (the catalog's own words about a code).
        self.english = english if english is not None else _TEXTS[key].format(**values)
        self.message = say(key, **values)
        super().__init__(self.english)


def _error(
    line: int | None, key: str | Message, english: str = "", **values: object
) -> BookingFileError:
    """The file refused at a line (None: as a whole), for a key of _TEXTS or a message."""
    if isinstance(key, Message):
        message = key
    else:
        english, message = _TEXTS[key].format(**values), say(key, **values)
    if line is None:
        return BookingFileError(english, message)
    return BookingFileError(
        f"Line {line}: {english}", say("bookings.file.at_line", line=line, text=message), line
    )


def read_bookings(data: bytes, filename: str, tz: ZoneInfo) -> list[BookingRow]:
    """The bookings in a CSV or iCalendar file, in file order; a bad file raises whole.
    The content decides the format; a name ending .ics only forbids reading it as CSV."""
    if len(data) > MAX_BYTES:
        raise _error(None, "bookings.file.big", limit=MAX_BYTES // 2**20)
    head = data.removeprefix(_BOM).lstrip()
    if not head:
        raise _error(None, "bookings.file.empty")
    if head[:15].upper() == b"BEGIN:VCALENDAR":
        return _read_calendar(_decode(data, fallback=None), tz)
    if filename.lower().endswith(CALENDAR_SUFFIXES):
        raise _error(None, "bookings.file.not_ics", name=filename)
    return _read_csv(_decode(data, fallback="cp1252"), tz)


def _decode(data: bytes, fallback: str | None) -> str:
    """UTF-8 (with or without BOM), else the fallback (what Excel writes as plain "CSV")."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode(fallback or "utf-8")
        except UnicodeDecodeError as error:  # marked, to be found and named below
            text = data[: error.start].decode("utf-8", errors="replace") + "\x00"
    found = _CONTROL_RE.search(text)
    if found is not None:
        raise _error(text.count("\n", 0, found.start()) + 1, "bookings.file.not_text")
    return text


# ---------------------------------------------------------------- fields (both formats)


def _reference(raw: str) -> str:
    value = raw.strip().upper()
    if not _REFERENCE_RE.match(value):
        raise _Bad("bookings.value.reference" if value else "bookings.value.empty")
    return value


def _code(raw: str) -> str | None:
    value = raw.strip()
    problem = code_problem(value) if value else None
    if problem is not None:
        raise _Bad(problem[1], problem[0])  # in the catalog's own words
    return value or None


def _agency(raw: str) -> str:
    value = _code(raw)
    if value is None:
        raise _Bad("bookings.value.empty")
    return value


def _language(raw: str) -> str | None:
    value = raw.strip().lower()
    if value and not _LANGUAGE_RE.match(value):
        raise _Bad("bookings.value.language")
    return value or None


def _either(raw: str, true: frozenset[str], false: frozenset[str], key: str) -> bool:
    value = raw.strip().lower()
    if value not in true | false:
        raise _Bad(key)
    return value in true


def _whole_minutes(length: Any) -> int:
    if not isinstance(length, timedelta) or length.total_seconds() % 60:
        raise _Bad("bookings.value.whole")
    minutes = int(length.total_seconds()) // 60
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise _Bad("bookings.value.range", minutes=minutes, low=MIN_MINUTES, high=MAX_MINUTES)
    return minutes


def _utc(local: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time in a zone as UTC: a time the clocks skip is refused, and a time
    they pass twice is the first of the two (fold 0)."""
    local = local.replace(fold=0)
    aware = local.replace(tzinfo=zone)
    if aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local:
        raise _Bad("bookings.value.gap", at=f"{local:%Y-%m-%d %H:%M}")
    return aware.astimezone(UTC)


class _Seen(dict[str, int]):
    """The line of each reference so far: finds one given twice, and counts."""

    def add(self, row: BookingRow) -> BookingRow:
        first = self.setdefault(row.reference, row.line)
        if first != row.line:
            raise _error(row.line, "bookings.file.twice", first=first)
        if len(self) > MAX_BOOKINGS:
            raise _error(row.line, "bookings.file.many", limit=MAX_BOOKINGS)
        return row


# ---------------------------------------------------------------- CSV


def _header_key(name: str) -> str:
    """A header as matched: case, accents, spaces and dashes do not matter (Ärendetyp)."""
    folded = unicodedata.normalize("NFKD", name.strip().lower())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return plain.replace(" ", "_").replace("-", "_")


def _header(cells: list[str], line: int) -> list[str | None]:
    names = [_ALIASES.get(_header_key(cell)) for cell in cells]
    if not any(names):
        raise _error(line, "bookings.file.no_header", names=_EN_COLUMNS, sv_names=_SV_COLUMNS)
    for cell, name in zip(cells, names, strict=True):
        if name is None and cell.strip():
            raise _error(
                line,
                "bookings.file.unknown",
                column=cell.strip()[:40],
                names=_EN_COLUMNS,
                sv_names=_SV_COLUMNS,
            )
        if name is not None and names.count(name) > 1:
            raise _error(line, "bookings.file.double", name=name, sv=COLUMNS[name][0])
    for name, (sv, required) in COLUMNS.items():
        if required and name not in names:
            raise _error(line, "bookings.file.lacking", name=name, sv=sv)
    return names


def _read_csv(text: str, tz: ZoneInfo) -> list[BookingRow]:
    first = next((line for line in _NEWLINE_RE.split(text) if line.strip()), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    names: list[str | None] | None = None
    header: list[str] = []
    seen, rows, end = _Seen(), [], 0
    try:
        for cells in reader:
            line, end = end + 1, reader.line_num  # a quoted value may span lines
            if not any(cell.strip() for cell in cells):
                continue  # a blank line, or Excel's row of bare delimiters
            if names is None:
                names, header = _header(cells, line), cells
            else:
                rows.append(seen.add(_csv_row(cells, line, names, header, tz)))
    except csv.Error:
        raise _error(end + 1, "bookings.file.quotes") from None  # the line the bad row begins on
    return rows


def _csv_row(
    cells: list[str], line: int, names: list[str | None], header: list[str], tz: ZoneInfo
) -> BookingRow:
    if len(cells) < len(names) or any(cell.strip() for cell in cells[len(names) :]):
        raise _error(line, "bookings.file.count", got=len(cells), want=len(names))
    values: dict[str, str] = {}
    for index, name in enumerate(names):
        if name is not None:
            values[name] = cells[index]
        elif cells[index].strip():
            raise _error(line, "bookings.file.nameless", n=index + 1)

    def take(name: str, parse: Callable[[str], T]) -> T:
        try:
            return parse(values.get(name, ""))
        except _Bad as bad:
            shown = header[names.index(name)].strip()
            where = say("bookings.file.column", column=shown, problem=bad.message)
            raise _error(line, where, f"the column '{shown}' {bad.english}.") from None

    day = take("date", _date)
    return BookingRow(
        line=line,
        reference=take("booking_reference", _reference),
        starts_at=take("start", lambda raw: _utc(datetime.combine(day, _clock(raw)), tz)),
        minutes=take("minutes", _minutes_text),
        agency=take("agency", _agency),
        errand_type=take("errand_type", _code),
        language=take("language", _language),
        interpreter=take("interpreter", lambda raw: _either(raw, _YES, _NO, "bookings.value.flag")),
        cancelled=take(
            "status", lambda raw: _either(raw, _CANCELLED, _BOOKED, "bookings.value.status")
        ),
    )


def _date(raw: str) -> date:
    value = raw.strip()
    try:
        if _DATE_RE.match(value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise _Bad("bookings.value.date")


def _clock(raw: str) -> time:
    found = _CLOCK_RE.match(raw.strip())
    if found is None or int(found[1]) > 23 or int(found[2]) > 59:
        raise _Bad("bookings.value.clock")
    return time(int(found[1]), int(found[2]))


def _minutes_text(raw: str) -> int:
    if not _MINUTES_RE.match(raw.strip()):
        raise _Bad("bookings.value.whole")
    return _whole_minutes(timedelta(minutes=int(raw)))


# ---------------------------------------------------------------- iCalendar


def _event_lines(text: str) -> list[int]:
    """The line of each VEVENT's BEGIN (as an editor counts lines, folded lines included),
    checking the content lines and BEGIN/END nesting on the way, so that a broken file is
    refused naming its line: the library's own messages quote the file, names and all."""
    logical: list[tuple[int, str]] = []
    for number, raw in enumerate(_NEWLINE_RE.split(text), start=1):
        if raw[:1] in (" ", "\t") and logical:
            logical[-1] = (logical[-1][0], logical[-1][1] + raw[1:])  # RFC 5545 folding
        elif raw.strip():
            logical.append((number, raw if logical else raw.lstrip()))
    begins: list[int] = []
    open_: list[tuple[str, int]] = []
    for number, content in logical:
        if not _CONTENT_LINE_RE.match(content) or ":" not in content:
            raise _error(number, "bookings.file.content")
        name, value = content.split(":", 1)
        component = value.strip().upper()[:20]
        if name.upper() == "BEGIN":
            open_.append((component, number))
            begins += [number] if component == "VEVENT" else []
            if len(begins) > MAX_BOOKINGS:
                raise _error(number, "bookings.file.many", limit=MAX_BOOKINGS)
        elif name.upper() == "END":
            if component not in (what for what, _ in open_):
                raise _error(number, "bookings.file.end", what=component)
            if open_[-1][0] != component:  # it closes an outer one: the inner one is open
                raise _error(open_[-1][1], "bookings.file.open", what=open_[-1][0])
            open_.pop()
    if open_:
        raise _error(open_[-1][1], "bookings.file.open", what=open_[-1][0])
    return begins


def _read_calendar(text: str, tz: ZoneInfo) -> list[BookingRow]:
    begins = _event_lines(text)
    try:
        calendars = icalendar.Calendar.from_ical(text.lstrip(), multiple=True)
    except (ValueError, TypeError, AssertionError):
        raise _error(None, "bookings.file.invalid") from None
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if len(events) != len(begins):
        raise _error(None, "bookings.file.apart")
    seen = _Seen()
    return [seen.add(_event_row(event, at, tz)) for event, at in zip(events, begins, strict=True)]


def _event_row(event: Any, line: int, tz: ZoneInfo) -> BookingRow:
    broken = {str(name).upper() for name, _ in event.errors}

    def refuse(name: str, bad: _Bad) -> BookingFileError:
        where = say("bookings.file.property", name=name, problem=bad.message)
        return _error(line, where, f"the event's {name} {bad.english}.")

    def take(name: str, parse: Callable[[Any], T], decode: bool = True) -> T:
        """The property decoded (None if absent; CATEGORIES alone may repeat), parsed."""
        prop = event.get(name)
        try:
            if name in broken or (isinstance(prop, list) and name != "CATEGORIES"):
                raise _Bad("bookings.value.unreadable")
            return parse(_decoded(event, name) if decode and prop is not None else prop)
        except _Bad as bad:
            raise refuse(name, bad) from None

    def text(parse: Callable[[str], T]) -> Callable[[Any], T]:
        return lambda value: parse("" if value is None else str(value))

    def moment(value: Any, name: str) -> datetime | None:
        if value is not None and not isinstance(value, datetime):
            raise _Bad("bookings.value.whole_day")
        if value is not None and value.tzinfo is None and "TZID" in event[name].params:
            raise _Bad("bookings.value.zone", zone=str(event[name].params["TZID"])[:60])
        return None if value is None else _utc(value.replace(tzinfo=None), value.tzinfo or tz)

    for name in _RECURRENCE:
        if name in event:
            raise refuse(name, _Bad("bookings.value.repeats"))
    starts_at = take("DTSTART", lambda value: moment(value, "DTSTART"))
    ends_at = take("DTEND", lambda value: moment(value, "DTEND"))
    duration: Any = take("DURATION", lambda value: value)
    if starts_at is None:
        raise refuse("DTSTART", _Bad("bookings.value.missing"))
    if duration is None and ends_at is None:
        raise refuse("DTEND", _Bad("bookings.value.no_end"))
    if duration is not None and ends_at is not None and ends_at - starts_at != duration:
        raise refuse("DURATION", _Bad("bookings.value.disagree"))
    length = ("DTEND", ends_at - starts_at) if ends_at is not None else ("DURATION", duration)
    if "X-AGENCY" in event or "CATEGORIES" not in event:
        agency = take("X-AGENCY", text(_agency))
    else:
        agency = take("CATEGORIES", lambda prop: _agency(_first_category(prop)), decode=False)
    reference = "X-BOOKING-REFERENCE" if "X-BOOKING-REFERENCE" in event else "UID"
    return BookingRow(
        line=line,
        reference=take(reference, text(_reference)),
        starts_at=starts_at,
        minutes=take(length[0], lambda _: _whole_minutes(length[1])),
        agency=agency,
        errand_type=take("X-ERRAND-TYPE", text(_code)),
        language=take("X-LANGUAGE", text(_language)),
        interpreter=take(
            "X-INTERPRETER", text(lambda raw: _either(raw, _YES, _NO, "bookings.value.flag"))
        ),
        cancelled=take("STATUS", text(lambda raw: raw.strip().upper() == "CANCELLED")),
    )


def _decoded(event: Any, name: str) -> Any:
    """A property's value, text as ``str`` (icalendar 6 decodes an X- property to bytes)."""
    try:
        value = event.decoded(name)
    except (ValueError, TypeError, AssertionError):  # what icalendar 6 and 7 raise
        raise _Bad("bookings.value.unreadable") from None
    return value.decode(errors="replace") if isinstance(value, bytes) else value


def _first_category(prop: Any) -> str:
    """The first of CATEGORIES: one property, or a list of them when it is repeated."""
    groups = prop if isinstance(prop, list) else [prop]
    return next((str(category) for group in groups for category in group.cats), "")
