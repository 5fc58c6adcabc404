"""The central receiver as an ASGI application: ``PUT /v1/offices/{office}/days/{day}``, and reads.

Every office sends one document per business day; the highest revision is kept
(:mod:`app.receiver.keeping`). Every request needs a token
(``Authorization: Bearer <token>``; HTTP Basic with the token as the password
for a browser on the overview), looked up before anything else is read: 401
none or unknown, 403 not for that office, 413 a body over the limit, 429 too
many at once (``Retry-After``), 422 a document outside the schema (only where,
never what was sent), 409 an older revision than the one held.

Reads are bounded whatever the range: ``GET /v1/days`` in pages (``limit`` and
the ``next`` cursor), ``GET /v1/days.csv`` streamed a page at a time, and the
overview (:mod:`app.receiver.overview`) from the figures kept beside each day.
``/health`` says the process lives; ``/ready`` that its database answers and
is at the receiver's schema.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

import anyio.to_thread
from fastapi import FastAPI, HTTPException, Query, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import (
    HTTPBasic,
    HTTPBearer,
)
from pydantic import BaseModel, ValidationError
from sqlalchemy import select, tuple_
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from app.receiver import bookings, db, live, overview
from app.receiver.access import Token
from app.receiver.db import received
from app.receiver.guard import MAX_BODY, RateLimit, RequestLog, bounded_body
from app.receiver.keeping import keep
from app.receiver.tokens import Holder
from app.services.office.clock import OFFICE_TZ
from app.sync.payload import DayPayload

__all__ = ["create_app"]

PAGE_DEFAULT, PAGE_MAX = 100, 500
bearer = HTTPBearer(
    auto_error=False, description="A token made by `servicedisk-receiver token add`"
)
basic = HTTPBasic(
    auto_error=False, description="For a browser: any user name, the token as password"
)


class Problem(BaseModel):
    """Why a request was refused."""

    detail: Any


class Kept(BaseModel):
    """The revision held after a PUT."""

    office: str
    day: date
    held: int


def _documented(*codes: int) -> dict[int | str, dict[str, Any]]:
    said = {
        400: "The request cannot be read (a bad Content-Length)",
        401: "No token, or one the receiver does not know (or revoked)",
        403: "The token may not act for this office",
        404: "No such day held",
        409: "A newer revision of this day is held: `detail.held`; the sender is done with it",
        413: f"The body is larger than the limit ({MAX_BODY} bytes by default)",
        422: "Outside the schema: where, never what was sent",
        429: "Too many documents at once: try again after `Retry-After` seconds",
    }
    return {code: {"model": Problem, "description": said[code]} for code in codes}


def create_app(
    engine: Engine,
    *,
    today: Callable[[], date] | None = None,
    max_body: int = MAX_BODY,
    rate: RateLimit | None = None,
) -> FastAPI:
    """The receiver on this database (at head: see ``servicedisk-receiver upgrade``)."""
    app = FastAPI(
        lifespan=_few_threads,
        title="Servicedisk central receiver",
        version="2",
        description="Each office's daily summaries, the highest revision per office and day.",
    )
    # On a server each of the hot path's steps is one statement: run without BEGIN and COMMIT
    # around it (three round trips become one); SQLite's transactions stay as they are.
    single = (
        engine.execution_options(isolation_level="AUTOCOMMIT")
        if engine.dialect.name == "postgresql"
        else engine
    )
    app.state.single = single  # the token look-up's (app.receiver.access)
    local_today = today or (lambda: datetime.now(OFFICE_TZ).date())
    limit = rate or RateLimit()

    def for_office(office: str, who: Holder) -> None:
        if not who.may_act_for(office):
            raise HTTPException(403, f"this token may not act for office {office}")

    @app.exception_handler(RequestValidationError)
    async def refused(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _where(exc.errors())}, status_code=422)

    @app.put(
        "/v1/offices/{office}/days/{day}",
        response_model=Kept,
        responses=_documented(400, 401, 403, 409, 413, 422, 429),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/DayPayload"}}
                },
            }
        },
    )
    async def put_day(office: str, day: date, request: Request, who: Token) -> Any:
        """Keep one office's day unless a newer revision of it is held."""
        for_office(office, who)
        limit.check(who.id)
        body = await bounded_body(request, max_body)
        try:
            document = DayPayload.model_validate_json(body)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from None
        if document.office != office or document.day != day:
            raise HTTPException(422, "the document's office and day must match the path")
        if day > local_today() + timedelta(days=1):
            raise HTTPException(422, "the day has not come yet")
        held = await run_in_threadpool(_keep, single, document, body.decode("utf-8"))
        if held > document.revision:
            raise HTTPException(409, {"held": held, "sent": document.revision})
        # The answer written directly (its model documents it): no validation round of its own.
        return Response(
            f'{{"office": "{office}", "day": "{day.isoformat()}", "held": {held}}}',
            media_type="application/json",
        )

    @app.get(
        "/v1/offices/{office}/days/{day}",
        responses=_documented(401, 403, 404, 422),
        response_model=DayPayload,
    )
    def get_day(office: str, day: date, who: Token) -> Response:
        """One held document, as it was sent."""
        for_office(office, who)
        with engine.connect() as conn:
            found = conn.execute(
                select(received.c.document).where(
                    received.c.office == office, received.c.day == day
                )
            ).scalar()
        if found is None:
            raise HTTPException(404, "no such day")
        return Response(found, media_type="application/json")

    @app.get("/v1/days", responses=_documented(401, 422))
    def list_days(
        who: Token,
        first: FromDay,
        last: ToDay,
        office: OfficeFilter = None,
        limit: Annotated[int, Query(ge=1, le=PAGE_MAX)] = PAGE_DEFAULT,
        cursor: Annotated[str | None, Query(max_length=200)] = None,
    ) -> Response:
        """The held documents of a range, a page at a time, ordered by office and day.

        ``next`` is the cursor of the following page (None after the last)."""
        after = _cursor(cursor)
        rows = _page(engine, who, first, last, office, after, limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        following = _next_cursor(rows[-1].office, rows[-1].day) if more else None
        head = f'{{"from": "{first}", "to": "{last}", "next": {_json(following)}, "days": ['
        return Response(
            head + ",".join(r.document for r in rows) + "]}", media_type="application/json"
        )

    @app.get("/v1/days.csv", response_class=StreamingResponse, responses=_documented(401, 422))
    def list_days_csv(who: Token, first: FromDay, last: ToDay, office: OfficeFilter = None) -> Any:
        """One CSV row per office and day with its headline figures, streamed."""
        _check_range(first, last)

        def rows() -> Iterator[str]:  # a page of rows a piece: one thread hop each
            yield "\ufeff" + overview.csv_line(overview.CSV_COLUMNS)
            after: tuple[str, date] | None = None
            while True:
                page = _page(engine, who, first, last, office, after, PAGE_MAX)
                yield "".join(overview.day_csv_line(row) for row in page)
                if len(page) < PAGE_MAX:
                    return
                after = (page[-1].office, page[-1].day)

        return StreamingResponse(
            rows(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="days-{first}-{last}.csv"'},
        )

    overview.routes(app, engine, local_today)

    @app.get("/health")
    def health() -> dict[str, str]:
        """The process answers (liveness)."""
        return {"status": "ok"}

    @app.get("/ready", responses={503: {"model": Problem, "description": "Not ready: why"}})
    def ready() -> JSONResponse:
        """The database answers and is at the receiver's schema (readiness)."""
        try:
            at = db.current(engine)
        except Exception as exc:  # any database trouble: not ready, and why
            return JSONResponse({"detail": f"database: {type(exc).__name__}"}, status_code=503)
        if at != db.head():
            return JSONResponse(
                {"detail": f"schema {at} is not {db.head()}: run servicedisk-receiver upgrade"},
                status_code=503,
            )
        return JSONResponse({"status": "ready", "schema": at})

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            document = DayPayload.model_json_schema(ref_template="#/components/schemas/{model}")
            components = schema.setdefault("components", {}).setdefault("schemas", {})
            components.update(document.pop("$defs", {}))
            components["DayPayload"] = document
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    live.routes(app, rate=limit, max_body=max_body)  # the visitors' pages (app.receiver.live)
    bookings.routes(app, rate=limit, today=local_today)  # booking files (app.receiver.bookings)
    app.add_middleware(RequestLog)
    return app


@contextlib.asynccontextmanager
async def _few_threads(_app: FastAPI) -> AsyncIterator[None]:
    """A worker's threads capped at what its pool holds: beyond, requests queue, not threads
    (forty threads by default would contend for the one interpreter and the pool)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = db.THREADS
    yield


FromDay = Annotated[date, Query(alias="from")]
ToDay = Annotated[date, Query(alias="to")]
OfficeFilter = Annotated[str | None, Query(max_length=40)]


def _keep(engine: Engine, document: DayPayload, text: str) -> int:
    """One day kept: one statement on a server (atomic alone), one transaction on SQLite."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            return keep(conn, document, text, datetime.now(UTC))
    with engine.begin() as conn:
        return keep(conn, document, text, datetime.now(UTC))


def _where(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without what was sent: where, what kind, what was expected."""
    return [
        {"loc": list(e.get("loc", ())), "type": e.get("type"), "msg": e.get("msg")}
        for e in jsonable_encoder(list(errors)[:20], exclude={"input", "ctx", "url"})
    ]


def _check_range(first: date, last: date) -> None:
    if last < first:
        raise HTTPException(422, "'to' is before 'from'")


def _cursor(text: str | None) -> tuple[str, date] | None:
    if not text:
        return None
    try:
        office, _, day = base64.urlsafe_b64decode(text.encode() + b"==").decode().partition("|")
        return office, date.fromisoformat(day)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        raise HTTPException(422, "not a cursor this receiver gave") from None


def _next_cursor(office: str, day: date) -> str:
    return base64.urlsafe_b64encode(f"{office}|{day.isoformat()}".encode()).decode().rstrip("=")


def _json(value: str | None) -> str:
    return "null" if value is None else f'"{value}"'


def _page(
    engine: Engine,
    who: Holder,
    first: date,
    last: date,
    office: str | None,
    after: tuple[str, date] | None,
    size: int,
) -> list[Any]:
    """One page of held days in (office, day) order, after the cursor's day."""
    _check_range(first, last)
    query = (
        select(received.c.office, received.c.day, received.c.revision, received.c.document)
        .where(received.c.day >= first, received.c.day <= last)
        .order_by(received.c.office, received.c.day)
        .limit(size)
    )
    if office is not None:
        query = query.where(received.c.office == office)
    if not who.every_office:
        query = query.where(received.c.office.in_(sorted(who.offices)))
    if after is not None:
        query = query.where(tuple_(received.c.office, received.c.day) > tuple_(*after))
    with engine.connect() as conn:
        return list(conn.execute(query))
