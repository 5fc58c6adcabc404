"""The visitors' "follow your place" pages, from the live snapshots the offices push.

- ``PUT /v1/offices/{office}/live``: an office's snapshot (:class:`~app.sync.live.LiveDocument`),
  with the office's token checked as for a day (before the body is read; 401, 403,
  429 per token), the body bounded (413) and validated (422: where, never what was
  sent) before it replaces the office's previous one.
- ``GET /live/{office}/{key}``: one ticket's page (:mod:`app.receiver.live_page`), in
  the ticket's language; 404 with the "we cannot find your ticket" text for a key the
  office's latest snapshot does not hold, or one from an earlier day.
- ``GET /live/{office}/{key}.json``: the same facts for the page's script: that
  ticket's and the calls standing now, never another ticket's key.

The pages need no token (the key in the address is the visitor's); each client
address may ask ``rate`` times a second with bursts of ``burst`` (per worker), as a
token may send. Nothing is cached on the way (``Cache-Control: no-store``).
"""

from __future__ import annotations

import functools
import ipaddress
import json
import logging
import math
import re
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import FastAPI, HTTPException, Path, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ValidationError
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from starlette.concurrency import run_in_threadpool

from app.receiver.access import Token
from app.receiver.db import live_snapshot
from app.receiver.guard import RateLimit, bounded_body
from app.receiver.live_page import OFFLINE_S, POLICY, Seen, facts, render
from app.services.office.clock import OFFICE_TZ
from app.sync.live import LiveDocument

if TYPE_CHECKING:
    from app.services.office.visitor_texts import VisitorLanguage

log = logging.getLogger(__name__)

OFFICE_PATTERN = r"^[A-Za-z0-9_.\-]{1,40}$"
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,32}$")
DEFAULT_LANGUAGE = "sv"
_DECODER = json.JSONDecoder()
OfficePath = Annotated[str, Path(pattern=OFFICE_PATTERN)]


class LiveKept(BaseModel):
    """The snapshot was kept: whose, and how many tickets it holds."""

    office: str
    tickets: int


class LiveFacts(BaseModel):
    """One ticket's facts, the calls standing now, and the page's sentences."""

    office: str
    code: str | None
    state: str
    language: str
    ahead: int | None
    minutes: int | None
    point: str | None
    calling: list[dict[str, str]]
    updated: str | None
    offline: bool
    text: dict[str, Any]


_PRIVATE = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def routes(app: FastAPI, *, rate: RateLimit, max_body: int) -> None:
    """The live routes on the receiver's application (after its OpenAPI is set up)."""
    engine: Engine = app.state.single
    pages = RateLimit(rate.rate, rate.burst)  # per client address, apart from the tokens'

    def by_address(request: Request) -> None:
        wait = pages.take(_address_key(request.client.host if request.client else ""))
        if wait > 0:
            raise HTTPException(
                429,
                "too many requests from this address: try again later",
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )

    @app.put(
        "/v1/offices/{office}/live",
        response_model=LiveKept,
        responses=_said(401, 403, 413, 422, 429),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/LiveDocument"}}
                },
            }
        },
    )
    async def put_live(office: OfficePath, request: Request, who: Token) -> Response:
        """Keep the office's live snapshot, replacing the one before."""
        if not who.may_act_for(office):
            raise HTTPException(403, f"this token may not act for office {office}")
        rate.check(who.id)
        body = await bounded_body(request, max_body)
        try:
            document = LiveDocument.model_validate_json(body)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from None
        if document.office != office:
            raise HTTPException(422, "the snapshot's office must match the path")
        await run_in_threadpool(keep_snapshot, engine, office, document.model_dump_json())
        return Response(
            json.dumps({"office": office, "tickets": len(document.tickets)}),
            media_type="application/json",
        )

    # The JSON first: its path would match the page's too.
    @app.get("/live/{office}/{key}.json", response_model=LiveFacts, responses=_said(404, 429, 503))
    def live_json(office: str, key: str, request: Request) -> JSONResponse:
        """One ticket's facts for its page's script (404: not in today's snapshot)."""
        by_address(request)
        seen, language = _look_up(engine, office, key, request)
        status = 404 if seen.state == "unknown" else 200
        return JSONResponse(facts(office, seen, language), status_code=status, headers=_PRIVATE)

    @app.get("/live/{office}/{key}", response_class=HTMLResponse, responses=_said(404, 429, 503))
    def live_page(office: str, key: str, request: Request) -> HTMLResponse:
        """One ticket's page, in its language (404: not in today's snapshot)."""
        by_address(request)
        seen, language = _look_up(engine, office, key, request)
        return HTMLResponse(
            render(seen, language),
            status_code=404 if seen.state == "unknown" else 200,
            headers={**_PRIVATE, "Content-Security-Policy": POLICY},
        )

    _document_the_snapshot(app)


def now() -> datetime:
    """The receiver's time (one place, so that a picture for the docs can hold it still)."""
    return datetime.now(UTC)


def keep_snapshot(engine: Engine, office: str, body: str) -> None:
    """The office's snapshot replaced, in one statement."""
    insert = (postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert)(
        live_snapshot
    )
    statement = insert.values(office=office, received_at=now(), body=body)
    statement = statement.on_conflict_do_update(
        index_elements=[live_snapshot.c.office],
        set_={"received_at": statement.excluded.received_at, "body": statement.excluded.body},
    )
    with engine.begin() as conn:
        conn.execute(statement)


def find(
    engine: Engine, office: str, key: str, at_time: datetime | None = None
) -> tuple[Seen, str | None]:
    """The ticket with this key in the office's latest snapshot, and its language.

    Only that ticket is read out of the snapshot (the stored form is the validated
    one, where ``{"key":"…"`` opens each ticket and a quote in a text is escaped),
    and the calls standing now: never another ticket's key.
    """
    unknown = Seen(code=None, state="unknown")
    if not re.match(OFFICE_PATTERN, office) or not KEY_PATTERN.match(key):
        return unknown, None
    with engine.connect() as conn:
        row = conn.execute(
            select(live_snapshot.c.received_at, live_snapshot.c.body).where(
                live_snapshot.c.office == office
            )
        ).first()
    if row is None:
        return unknown, None
    at = row.received_at if row.received_at.tzinfo else row.received_at.replace(tzinfo=UTC)
    moment = at_time or now()
    if at.astimezone(OFFICE_TZ).date() != moment.astimezone(OFFICE_TZ).date():
        return unknown, None  # yesterday's tickets are not today's
    body: str = row.body
    start = body.find(f'{{"key":"{key}"')
    if start < 0:
        return unknown, None
    ticket, _ = _DECODER.raw_decode(body, start)
    opening = body.rfind('"calling":')  # the document's last field
    calls, _ = _DECODER.raw_decode(body, opening + len('"calling":'))
    seen = Seen(
        code=ticket["code"],
        state=ticket["state"],
        received_at=at,
        offline=(moment - at).total_seconds() > OFFLINE_S,
        ahead=ticket["ahead"],
        minutes=ticket["minutes"],
        point=ticket["point"],
        calling=[(c["code"], c["point"]) for c in calls],
    )
    return seen, ticket["language"]


def _look_up(
    engine: Engine, office: str, key: str, request: Request
) -> tuple[Seen, VisitorLanguage]:
    texts = _visitor_texts()
    seen, language = find(engine, office, key)
    if language is None:  # the ticket's own, else what the browser asks for, else Swedish
        asked = request.headers.get("accept-language")
        language = DEFAULT_LANGUAGE if seen.code else _asked(asked, texts.available())
    return seen, texts.load_or_english(language)


def _visitor_texts() -> Any:
    """The visitor texts' module, or 503 when they are missing (see :func:`_loaded_texts`)."""
    found = _loaded_texts()
    if found is None:
        raise HTTPException(503, "the visitor texts are not installed on this receiver")
    return found


@functools.cache
def _loaded_texts() -> Any:
    """The visitor texts, loaded with the first page; None (said once in the log) when they
    are not beside the installed package: the receiver keeps taking days without them."""
    try:
        from app.services.office import visitor_texts
    except ValueError as exc:  # VisitorTextError: no app/resources/visitor in the package
        log.error("the live pages cannot be shown without the visitor texts: %s", exc)
        return None
    return visitor_texts


def _asked(header: str | None, shipped_codes: list[str]) -> str:
    """The first language the browser asks for that the visitor texts have (else Swedish)."""
    if not header:
        return DEFAULT_LANGUAGE
    shipped = set(shipped_codes)
    wanted: list[tuple[float, int, str]] = []
    for n, part in enumerate(header.split(",")[:20]):
        tag, _, weight = part.strip().partition(";q=")
        try:
            q = float(weight) if weight else 1.0
        except ValueError:
            continue
        code = tag.split("-")[0].strip().lower()
        if code in shipped and q > 0:
            wanted.append((-q, n, code))
    return min(wanted)[2] if wanted else DEFAULT_LANGUAGE


def _address_key(host: str) -> int:
    """A client address as a bucket's key."""
    try:
        return int(ipaddress.ip_address(host))
    except ValueError:
        return zlib.crc32(host.encode())


def _said(*codes: int) -> dict[int | str, dict[str, Any]]:
    said = {
        401: "No token, or one the receiver does not know (or revoked)",
        403: "The token may not act for this office",
        404: "No such ticket in the office's snapshot today: the page says so",
        503: "The visitor texts are not installed on this receiver",
        413: "The body is larger than the limit",
        422: "Outside the snapshot's schema: where, never what was sent",
        429: "Too many at once: try again after `Retry-After` seconds",
    }
    return {code: {"description": said[code]} for code in codes}


def _document_the_snapshot(app: FastAPI) -> None:
    """The snapshot's schema in the OpenAPI document, beside the day's."""
    made: Callable[[], dict[str, Any]] = app.openapi

    def openapi() -> dict[str, Any]:
        schema = made()
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        if "LiveDocument" not in components:
            document = LiveDocument.model_json_schema(ref_template="#/components/schemas/{model}")
            components.update(document.pop("$defs", {}))
            components["LiveDocument"] = document
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
