"""The reference receiver: ``PUT /v1/offices/{office}/days/{day}``, the highest revision kept.

A real HTTP service (FastAPI on uvicorn) on its own database (a SQLite file or
a server URL). Every request needs ``Authorization: Bearer <token>``; the
tokens file names, per token, the offices it may send for (``"*"``: any).
Answers: 200 stored (or the same revision again), 409 an older revision than
the one held (the body says which), 401 no or a wrong token, 403 a token not
for that office, 422 a document outside the schema or not matching the path.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException
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

from app.sync.payload import DayPayload

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


def read_tokens(path: Path) -> dict[str, set[str]]:
    """The tokens file: a JSON object, token → list of office codes ("*" for any)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ValueError(f"{path}: expected an object of token → list of office codes")
    return {str(token): {str(o) for o in offices} for token, offices in data.items()}


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


def create_app(engine: Engine, tokens: Mapping[str, set[str]]) -> FastAPI:
    """The receiver as an ASGI application."""
    app = FastAPI(
        title="Servicedisk central receiver",
        version="1",
        description="Each office's daily summaries; the highest revision per office and day.",
    )

    def office_allowed(office: str, authorization: str | None) -> None:
        scheme, _, token = (authorization or "").partition(" ")
        allowed = tokens.get(token) if scheme.lower() == "bearer" else None
        if allowed is None:
            raise HTTPException(401, "missing or unknown bearer token")
        if office not in allowed and "*" not in allowed:
            raise HTTPException(403, f"this token may not send for office {office}")

    @app.put("/v1/offices/{office}/days/{day}")
    def put_day(
        office: str, day: date, document: DayPayload, authorization: Authorization = None
    ) -> dict[str, Any]:
        office_allowed(office, authorization)
        if document.office != office or document.day != day:
            raise HTTPException(422, "the document's office and day must match the path")
        body = document.model_dump_json()
        with engine.begin() as conn:
            held = conn.execute(
                select(received.c.revision).where(
                    received.c.office == office, received.c.day == day
                )
            ).scalar()
            if held is not None and held > document.revision:
                raise HTTPException(409, {"held": held, "sent": document.revision})
            if held is None:
                conn.execute(
                    received.insert().values(
                        office=office,
                        day=day,
                        revision=document.revision,
                        received_at=datetime.now(UTC),
                        document=body,
                    )
                )
            elif held < document.revision:
                conn.execute(
                    received.update()
                    .where(received.c.office == office, received.c.day == day)
                    .values(
                        revision=document.revision, received_at=datetime.now(UTC), document=body
                    )
                )
        return {"office": office, "day": day.isoformat(), "held": max(held or 0, document.revision)}

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

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
