"""Booking files per office and day: a booking system delivers them, the office fetches them.

- ``PUT /v1/offices/{office}/bookings/{day}``: the day's file as the body (CSV or
  iCalendar, as ``servicedisk bookings import`` takes it; docs/bookings.md), at most
  5 MB. The token is checked as for a day (401, 403, 429 per token) before the body
  is read (413 past the limit); the file is then read whole with the office's own
  reader (:func:`~app.services.bookings.files.read_bookings`, Europe/Stockholm) and
  refused with 422 naming the line, before anything is kept, when it is not a file
  the office would take in, or when a booking in it is on another day than the
  path's. A good file replaces the day's previous one.
- ``GET /v1/offices/{office}/bookings/{day}``: the day's bookings as a CSV file of
  the documented columns only, with its SHA-256 as the ``ETag``; ``If-None-Match``
  with that ETag gets 304 and no body.

The receiver keeps what the office's reader took from the file, written again as
CSV (:func:`as_csv`), never the bytes as delivered: the names a booking system may
have put in a calendar's SUMMARY, DESCRIPTION or ATTENDEE are never read and never
kept. A file is kept until its day has passed plus :data:`KEEP_DAYS` days: older
ones are deleted at each delivery and each fetch.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Path, Request, Response
from pydantic import BaseModel
from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from app.receiver.access import Token
from app.receiver.db import booking_file
from app.receiver.guard import RateLimit, bounded_body
from app.services.bookings.files import MAX_BYTES, BookingFileError, BookingRow, read_bookings
from app.services.office.clock import OFFICE_TZ

KEEP_DAYS = 7  # a file is kept until its day has passed plus this many days
AHEAD_DAYS = 366  # a day further ahead than this is refused (a mistyped year)
OFFICE_PATTERN = r"^[A-Za-z0-9_.\-]{1,40}$"  # as the day's document names an office
OfficePath = Annotated[str, Path(pattern=OFFICE_PATTERN)]
CALENDAR, CSV = "text/calendar", "text/csv"
_BOM = b"\xef\xbb\xbf"
_PRIVATE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


class BookingsKept(BaseModel):
    """The file was kept: for which office and day, its ETag, how many bookings it holds."""

    office: str
    day: date
    sha256: str
    bookings: int


def routes(
    app: FastAPI, *, rate: RateLimit, today: Callable[[], date], max_body: int = MAX_BYTES
) -> None:
    """The booking files' routes on the receiver's application."""
    engine: Engine = app.state.single

    @app.put(
        "/v1/offices/{office}/bookings/{day}",
        response_model=BookingsKept,
        responses=_said(401, 403, 413, 422, 429),
        openapi_extra={"requestBody": {"required": True, "content": _FILE_CONTENT}},
    )
    async def put_bookings(office: OfficePath, day: date, request: Request, who: Token) -> Response:
        """Keep the office's booking file for the day, replacing the one before."""
        if not who.may_act_for(office):
            raise HTTPException(403, f"this token may not act for office {office}")
        rate.check(who.id)
        now_day = today()
        if day < now_day - timedelta(days=KEEP_DAYS):
            raise HTTPException(422, f"the day has passed more than {KEEP_DAYS} days ago")
        if day > now_day + timedelta(days=AHEAD_DAYS):
            raise HTTPException(422, "the day is more than a year ahead")
        body = await bounded_body(request, max_body)
        sent_as = request.headers.get("content-type", "").partition(";")[0].strip().lower()
        if sent_as == CALENDAR and _kind(body) != CALENDAR:
            raise HTTPException(
                422, "sent as text/calendar, but the body is no calendar; nothing was kept"
            )
        try:
            rows = await run_in_threadpool(read_bookings, body, "delivered", OFFICE_TZ)
        except BookingFileError as exc:
            raise HTTPException(422, f"{exc.english.rstrip('.')}; nothing was kept") from None
        _on_the_day(rows, day)
        kept_body = as_csv(rows)
        sha = hashlib.sha256(kept_body).hexdigest()
        await run_in_threadpool(keep_file, engine, office, day, sha, kept_body, now_day)
        kept = {"office": office, "day": day.isoformat(), "sha256": sha, "bookings": len(rows)}
        return Response(json.dumps(kept), media_type="application/json")

    @app.get(
        "/v1/offices/{office}/bookings/{day}",
        response_class=Response,
        responses={
            200: {
                "description": "The file as delivered; `ETag` is its SHA-256",
                "content": _FILE_CONTENT,
            },
            304: {"description": "`If-None-Match` names the file held: not sent again"},
            **_said(401, 403, 404, 422),
        },
    )
    def get_bookings(
        office: OfficePath,
        day: date,
        who: Token,
        if_none_match: Annotated[str | None, Header()] = None,
    ) -> Response:
        """The office's booking file for the day as delivered, or 304 when it is the one named."""
        if not who.may_act_for(office):
            raise HTTPException(403, f"this token may not act for office {office}")
        found = held(engine, office, day, today())
        if found is None:
            raise HTTPException(404, "no booking file for this office and day")
        sha, received_at, body = found
        headers = {
            **_PRIVATE,
            "ETag": f'"{sha}"',
            "Last-Modified": format_datetime(received_at, usegmt=True),
        }
        if _names(if_none_match, sha):
            return Response(status_code=304, headers=headers)
        return Response(body, headers={**headers, "Content-Type": CSV + "; charset=utf-8"})


HEADER = ("booking_reference", "date", "start", "minutes", "agency", "errand_type", "language",
          "interpreter", "status")  # fmt: skip


def as_csv(rows: list[BookingRow]) -> bytes:
    """The bookings as the documented CSV (UTF-8, Stockholm times), in the file's order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in rows:
        local = row.starts_at.astimezone(OFFICE_TZ)
        writer.writerow(
            [row.reference, local.date().isoformat(), local.strftime("%H:%M"), row.minutes,
             row.agency, row.errand_type or "", row.language or "",
             "yes" if row.interpreter else "no", "cancelled" if row.cancelled else "booked"]
        )  # fmt: skip
    return out.getvalue().encode("utf-8")


def keep_file(engine: Engine, office: str, day: date, sha: str, body: bytes, today: date) -> None:
    """The day's file replaced, and every file past its keeping deleted."""
    insert = (postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert)(
        booking_file
    )
    statement = insert.values(
        office=office, day=day, sha256=sha, received_at=datetime.now(UTC), body=body
    )
    statement = statement.on_conflict_do_update(
        index_elements=[booking_file.c.office, booking_file.c.day],
        set_={
            "sha256": statement.excluded.sha256,
            "received_at": statement.excluded.received_at,
            "body": statement.excluded.body,
        },
    )
    with engine.begin() as conn:
        conn.execute(delete(booking_file).where(booking_file.c.day < _oldest(today)))
        conn.execute(statement)


def held(engine: Engine, office: str, day: date, today: date) -> tuple[str, datetime, bytes] | None:
    """The day's file (its SHA-256, when it came, its bytes), or None; files past their
    keeping are deleted first, so none is served a day longer than it may be kept."""
    with engine.begin() as conn:
        conn.execute(delete(booking_file).where(booking_file.c.day < _oldest(today)))
        row = conn.execute(
            select(booking_file.c.sha256, booking_file.c.received_at, booking_file.c.body).where(
                booking_file.c.office == office, booking_file.c.day == day
            )
        ).first()
    if row is None:
        return None
    at = row.received_at if row.received_at.tzinfo else row.received_at.replace(tzinfo=UTC)
    return str(row.sha256), at.astimezone(UTC), bytes(row.body)


def _oldest(today: date) -> date:
    """The first day whose file is still kept."""
    return today - timedelta(days=KEEP_DAYS)


def _on_the_day(rows: list[BookingRow], day: date) -> None:
    """422 naming the first booking that is not on the path's day (office time)."""
    for row in rows:
        on = row.starts_at.astimezone(OFFICE_TZ).date()
        if on != day:
            raise HTTPException(
                422,
                f"Line {row.line}: the booking is on {on.isoformat()}, not on {day.isoformat()}: "
                "deliver each day's bookings under its own date; nothing was kept",
            )


def _kind(body: bytes) -> str:
    """The file's media type, told by its content as the reader tells it."""
    head = body.removeprefix(_BOM).lstrip()[:15].upper()
    return CALENDAR if head == b"BEGIN:VCALENDAR" else CSV


def _names(if_none_match: str | None, sha: str) -> bool:
    """Whether an ``If-None-Match`` header names this file (or any, with ``*``)."""
    if not if_none_match:
        return False
    for tag in if_none_match.split(",")[:50]:
        tag = tag.strip().removeprefix("W/")
        if tag == "*" or tag == f'"{sha}"':
            return True
    return False


_FILE_CONTENT: dict[str, Any] = {
    CSV: {"schema": {"type": "string"}},
    CALENDAR: {"schema": {"type": "string"}},
}


def _said(*codes: int) -> dict[int | str, dict[str, Any]]:
    said = {
        401: "No token, or one the receiver does not know (or revoked)",
        403: "The token may not act for this office",
        404: "No booking file held for this office and day",
        413: f"The file is larger than {MAX_BYTES} bytes",
        422: "Not a booking file the office would take in (the line named, never a value that "
        "could be a name), a booking on another day, or a day outside the kept range",
        429: "Too many at once: try again after `Retry-After` seconds",
    }
    return {code: {"description": said[code]} for code in codes}
