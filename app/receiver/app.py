"""The reference receiver: ``PUT /v1/offices/{office}/days/{day}``, the highest revision kept.

A real HTTP service (FastAPI on uvicorn) on its own database (a SQLite file or
a server URL). Every request needs ``Authorization: Bearer <token>``; the
tokens file keeps, per token hash, the offices it may send for (``"*"``: any;
see :mod:`app.receiver.tokens`). Answers: 200 stored (or the same revision
again), 409 an older revision than the one held (the body says which), 401 no
or a wrong token, 403 a token not for that office, 422 a document outside the
schema or not matching the path.

For the central office: ``GET /v1/days?from=&to=[&office=]`` (the held
documents as JSON), ``GET /v1/days.csv`` (one row per office and day) and
``GET /`` (an HTML overview: offices, last day received, working days missing;
HTTP Basic with the token as the password, for a browser). Each request is
logged as one line (method, path, answer, time), never with its body.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import io
import json
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from html import escape
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse
from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from app.receiver.tokens import offices_of, read_tokens
from app.services.office.calendar import is_holiday
from app.services.office.clock import OFFICE_TZ
from app.services.stats.figures import COUNTS, durations
from app.services.stats.histogram import Histogram
from app.sync.payload import DayPayload

__all__ = ["create_app", "make_store", "read_tokens"]

log = logging.getLogger(__name__)

# Module level: FastAPI reads the (postponed) annotations of the handlers from here.
Authorization = Annotated[str | None, Header()]

metadata = MetaData()
received = Table(
    "received_day",
    metadata,
    Column("office", String(40), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("revision", Integer, nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("document", Text, nullable=False),
)


def make_store(database_url: str) -> Engine:
    """The receiver's own database, its table made if missing."""
    if database_url.startswith("sqlite"):
        engine = create_engine(database_url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _wal(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # BEGIN is ours (below)
            dbapi_connection.execute("PRAGMA journal_mode = WAL")
            dbapi_connection.execute("PRAGMA synchronous = FULL")

        @event.listens_for(engine, "begin")
        def _immediate(conn: Any) -> None:  # writers queue up instead of failing to upgrade
            conn.connection.driver_connection.execute("BEGIN IMMEDIATE")
    else:
        engine = create_engine(database_url, pool_pre_ping=True)
    metadata.create_all(engine)
    return engine


def create_app(
    engine: Engine,
    tokens: Mapping[str, set[str]],
    *,
    today: Callable[[], date] | None = None,
) -> FastAPI:
    """The receiver as an ASGI application; ``today`` for the overview's missing days."""
    app = FastAPI(
        title="Servicedisk central receiver",
        version="1",
        description="Each office's daily summaries; the highest revision per office and day.",
    )
    local_today = today or (lambda: datetime.now(OFFICE_TZ).date())

    @app.middleware("http")
    async def request_log(request: Request, call_next: Any) -> Response:
        """One line per request: method, path, answer, time. Never a body or a token."""
        started = time.perf_counter()
        response = await call_next(request)
        log.info(
            "%s %s %d %.1f ms",
            request.method,
            request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )
        return response

    def allowed_offices(authorization: str | None, *, browser: bool = False) -> set[str]:
        """The offices the request's token may act for: ``Bearer <token>``, or HTTP Basic
        with the token as the password (a browser's prompt, for the overview page)."""
        scheme, _, credentials = (authorization or "").partition(" ")
        token = ""
        if scheme.lower() == "bearer":
            token = credentials
        elif scheme.lower() == "basic":
            with contextlib.suppress(ValueError, UnicodeDecodeError):
                token = base64.b64decode(credentials, validate=True).decode().partition(":")[2]
        found = offices_of(tokens, token) if token else None
        if found is None:
            challenge = {"WWW-Authenticate": 'Basic realm="servicedisk"'} if browser else None
            raise HTTPException(401, "missing or unknown bearer token", headers=challenge)
        return found

    def office_allowed(office: str, authorization: str | None) -> None:
        allowed = allowed_offices(authorization)
        if office not in allowed and "*" not in allowed:
            raise HTTPException(403, f"this token may not send for office {office}")

    def keep(office: str, day: date, revision: int, body: str) -> int:
        """Keep the document unless a newer revision is held; the revision held after.

        Safe with senders at once on a server database too: the held row is locked
        while it is compared, and a first insert that loses a race reads the winner's.
        """
        key = (received.c.office == office, received.c.day == day)
        held_now = select(received.c.revision).where(*key).with_for_update()
        with engine.begin() as conn:
            held = conn.execute(held_now).scalar()
            if held is None:
                try:
                    with conn.begin_nested():
                        conn.execute(
                            received.insert().values(
                                office=office,
                                day=day,
                                revision=revision,
                                received_at=datetime.now(UTC),
                                document=body,
                            )
                        )
                    return revision
                except IntegrityError:  # another request stored the first one meanwhile
                    held = conn.execute(held_now).scalar_one()
            if held < revision:
                conn.execute(
                    received.update()
                    .where(*key)
                    .values(revision=revision, received_at=datetime.now(UTC), document=body)
                )
                return revision
            return int(held)

    @app.put("/v1/offices/{office}/days/{day}")
    def put_day(
        office: str, day: date, document: DayPayload, authorization: Authorization = None
    ) -> dict[str, Any]:
        office_allowed(office, authorization)
        if document.office != office or document.day != day:
            raise HTTPException(422, "the document's office and day must match the path")
        held = keep(office, day, document.revision, document.model_dump_json())
        if held > document.revision:
            raise HTTPException(409, {"held": held, "sent": document.revision})
        return {"office": office, "day": day.isoformat(), "held": held}

    @app.get("/v1/offices/{office}/days/{day}")
    def get_day(office: str, day: date, authorization: Authorization = None) -> dict[str, Any]:
        office_allowed(office, authorization)
        with engine.connect() as conn:
            found = conn.execute(
                select(received.c.document).where(
                    received.c.office == office, received.c.day == day
                )
            ).scalar()
        if found is None:
            raise HTTPException(404, "no such day")
        return dict(json.loads(found))

    def held_days(
        authorization: str | None, first: date, last: date, office: str | None
    ) -> list[Any]:
        if last < first:
            raise HTTPException(422, "'to' is before 'from'")
        if (last - first).days >= MAX_RANGE_DAYS:
            raise HTTPException(422, f"at most {MAX_RANGE_DAYS} days at a time")
        allowed = allowed_offices(authorization)
        query = (
            select(received.c.office, received.c.day, received.c.revision, received.c.document)
            .where(received.c.day >= first, received.c.day <= last)
            .order_by(received.c.office, received.c.day)
        )
        if office is not None:
            query = query.where(received.c.office == office)
        if "*" not in allowed:
            query = query.where(received.c.office.in_(sorted(allowed)))
        with engine.connect() as conn:
            return list(conn.execute(query))

    @app.get("/v1/days")
    def list_days(
        first: FromDay,
        last: ToDay,
        office: OfficeFilter = None,
        authorization: Authorization = None,
    ) -> dict[str, Any]:
        """Every office's held documents for a range of days (the token's offices only)."""
        rows = held_days(authorization, first, last, office)
        return {
            "from": first.isoformat(),
            "to": last.isoformat(),
            "days": [json.loads(row.document) for row in rows],
        }

    @app.get("/v1/days.csv", response_class=Response)
    def list_days_csv(
        first: FromDay,
        last: ToDay,
        office: OfficeFilter = None,
        authorization: Authorization = None,
    ) -> Response:
        """The same as one CSV row per office and day: the day's headline figures."""
        rows = held_days(authorization, first, last, office)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(csv_row(row.office, row.day, row.revision, json.loads(row.document)))
        return Response(
            "\ufeff" + out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="days-{first}-{last}.csv"'},
        )

    @app.get("/", response_class=HTMLResponse)
    def overview(authorization: Authorization = None) -> HTMLResponse:
        """Offices, the last day received from each, and the working days missing."""
        allowed = allowed_offices(authorization, browser=True)
        query = select(received.c.office, received.c.day, received.c.received_at)
        if "*" not in allowed:
            query = query.where(received.c.office.in_(sorted(allowed)))
        with engine.connect() as conn:
            rows = list(conn.execute(query))
        return HTMLResponse(overview_page(rows, local_today()))

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


MAX_RANGE_DAYS = 400
FromDay = Annotated[date, Query(alias="from")]
ToDay = Annotated[date, Query(alias="to")]
OfficeFilter = Annotated[str | None, Query(max_length=40)]

CSV_COLUMNS = [
    "office",
    "day",
    "revision",
    *COUNTS,
    "wait_count",
    "wait_mean_s",
    "wait_median_s",
    "wait_p90_s",
    "wait_max_s",
    "service_count",
    "service_mean_s",
    "service_median_s",
    "service_p90_s",
    "service_max_s",
    "staffed_minutes",
]


def csv_row(office: str, day: date, revision: int, document: Mapping[str, Any]) -> dict[str, Any]:
    """One office's day as a CSV row: its counts and duration figures."""
    aggregates = document.get("aggregates", {})
    return {
        "office": office,
        "day": day.isoformat(),
        "revision": revision,
        **{name: int(aggregates.get(name, 0)) for name in COUNTS},
        **durations("wait", Histogram.from_json(aggregates.get("wait"))),
        **durations("service", Histogram.from_json(aggregates.get("service"))),
        "staffed_minutes": aggregates.get("staffed_minutes", 0),
    }


def working_days(first: date, last: date) -> list[date]:
    """Monday to Friday, public holidays left out: the days an office is expected to send."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [d for d in days if d.weekday() < 5 and not is_holiday(d)]


def overview_page(rows: Iterable[Any], today: date) -> str:
    """The overview as a small HTML page (no script, no outside resources)."""
    by_office: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_office[row.office].append(row)
    yesterday = today - timedelta(days=1)
    lines = []
    for office, held in sorted(by_office.items()):
        days = {r.day for r in held}
        last = max(held, key=lambda r: r.day)
        missing = [d for d in working_days(min(days), yesterday) if d not in days]
        shown = ", ".join(d.isoformat() for d in missing[-5:])
        more = f" … ({len(missing)} in all)" if len(missing) > 5 else ""
        lines.append(
            f"<tr><td>{escape(office)}</td><td>{len(days)}</td><td>{last.day}</td>"
            f"<td>{last.received_at:%Y-%m-%d %H:%M}</td>"
            f"<td class='{'bad' if missing else 'ok'}'>{len(missing)}</td>"
            f"<td>{escape(shown)}{more}</td></tr>"
        )
    body = "\n".join(lines) or "<tr><td colspan='6'>No office has sent a day yet.</td></tr>"
    return OVERVIEW.format(today=today.isoformat(), rows=body, offices=len(by_office))


OVERVIEW = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Servicedisk receiver</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; }}
th, td {{ border-bottom: 1px solid #ddd; padding: .3em .8em; text-align: left; }}
td.bad {{ color: #a61c00; font-weight: bold; }} td.ok {{ color: #256b2a; }}
</style></head><body>
<h1>Servicedisk receiver</h1>
<p>{offices} offices, as of {today}. Days missing: working days (Monday to Friday,
public holidays left out) from each office's first day received up to yesterday.</p>
<table><thead><tr><th>Office</th><th>Days received</th><th>Last day</th>
<th>Last received (UTC)</th><th>Days missing</th><th>Latest missing</th></tr></thead>
<tbody>
{rows}
</tbody></table>
</body></html>
"""
