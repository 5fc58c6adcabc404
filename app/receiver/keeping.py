"""Keeping one office's day: the highest revision wins, and the overview's figures move with it.

One transaction per document, one statement per step, safe with any number of
senders and workers at once on a server (and serialised by ``BEGIN IMMEDIATE``
on SQLite):

1. insert the day if it is new (``ON CONFLICT DO NOTHING``: a racing first
   insert waits for the winner, then finds the row);
2. else replace it only when the sent revision is higher (the row locked by
   the ``UPDATE``, its ``WHERE`` read again after any wait);
3. else answer with the revision held, changing nothing.

A day inserted or replaced brings its agency rows and its office's row
(``office_seen``) with it in the same transaction, so the overview never reads
a document.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import case, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from app.receiver.db import SERVICE_LEVEL_MINUTES, office_seen, received, received_agency
from app.services.office.calendar import is_holiday
from app.sync.payload import DayPayload


def is_working_day(day: date) -> bool:
    """Monday to Friday, public holidays left out: a day an office is expected to send."""
    return day.weekday() < 5 and not is_holiday(day)


@dataclass(frozen=True)
class Headline:
    """The figures of a day the overview reads, taken from its document once, when kept."""

    visitors: int
    served: int
    waited: int
    waited_within: int
    wait_total_s: int
    agencies: Mapping[str, int]

    @classmethod
    def of(cls, document: DayPayload | Mapping[str, Any]) -> Headline:
        if isinstance(document, DayPayload):  # read from the model: no copy of the document
            day = document.aggregates
            return cls(
                visitors=day.visitors,
                served=day.served,
                waited=day.wait.count,
                waited_within=sum(day.wait.bins[:SERVICE_LEVEL_MINUTES]),
                wait_total_s=day.wait.total_s,
                agencies=dict(day.breakdowns.get("agencies", {})),
            )
        aggregates = document.get("aggregates", {})
        wait = aggregates.get("wait", {})
        return cls(
            visitors=int(aggregates.get("visitors", 0)),
            served=int(aggregates.get("served", 0)),
            waited=int(wait.get("count", 0)),
            waited_within=sum(int(n) for n in wait.get("bins", [])[:SERVICE_LEVEL_MINUTES]),
            wait_total_s=int(wait.get("total_s", 0)),
            agencies=dict(aggregates.get("breakdowns", {}).get("agencies", {})),
        )

    def columns(self) -> dict[str, int]:
        return {
            "visitors": self.visitors,
            "served": self.served,
            "waited": self.waited,
            "waited_within": self.waited_within,
            "wait_total_s": self.wait_total_s,
        }


def keep(conn: Connection, document: DayPayload, body: str, now: datetime) -> int:
    """Keep the document unless a revision as high is held; the revision held after."""
    if conn.dialect.name == "postgresql":
        return _keep_on_server(conn, document, body, now)
    office, day, revision = document.office, document.day, document.revision
    headline = Headline.of(document)
    values = {"revision": revision, "received_at": now, "document": body, **headline.columns()}
    key = (received.c.office == office, received.c.day == day)
    working = is_working_day(day)
    new = _insert(conn.dialect.name, received).values(
        office=office, day=day, working_day=int(working), **values
    )
    if conn.execute(new.on_conflict_do_nothing().returning(received.c.revision)).first():
        _agencies(conn, office, day, headline.agencies)
        _seen(conn, office, day, now, new_day=True, working=working)
        return revision
    replaced = conn.execute(
        update(received)
        .where(*key, received.c.revision < revision)
        .values(**values)
        .returning(received.c.revision)
    ).first()
    if replaced:
        _agencies(conn, office, day, headline.agencies)
        _seen(conn, office, day, now, new_day=False, working=working)
        return revision
    return int(conn.execute(select(received.c.revision).where(*key)).scalar_one())


def _insert(dialect: str, table: Any) -> Any:
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def _agencies(conn: Connection, office: str, day: date, agencies: Mapping[str, int]) -> None:
    conn.execute(
        delete(received_agency).where(
            received_agency.c.office == office, received_agency.c.day == day
        )
    )
    if agencies:
        conn.execute(
            insert(received_agency),
            [
                {"office": office, "day": day, "agency": agency, "errands": int(n)}
                for agency, n in agencies.items()
            ],
        )


def _seen(
    conn: Connection, office: str, day: date, now: datetime, *, new_day: bool, working: bool
) -> None:
    """The office's row: its first and last day, days received, the last sync."""
    seen = office_seen.c
    row = _insert(conn.dialect.name, office_seen).values(
        office=office,
        first_day=day,
        last_day=day,
        days_received=1,
        working_days_received=int(working),
        last_received_at=now,
    )
    if not new_day:
        conn.execute(
            row.on_conflict_do_update(
                index_elements=[seen.office],
                set_={"last_received_at": row.excluded.last_received_at},
            )
        )
        return
    conn.execute(
        row.on_conflict_do_update(
            index_elements=[seen.office],
            set_={
                "first_day": case(
                    (row.excluded.first_day < seen.first_day, row.excluded.first_day),
                    else_=seen.first_day,
                ),
                "last_day": case(
                    (row.excluded.last_day > seen.last_day, row.excluded.last_day),
                    else_=seen.last_day,
                ),
                "days_received": seen.days_received + 1,
                "working_days_received": seen.working_days_received
                + row.excluded.working_days_received,
                "last_received_at": row.excluded.last_received_at,
            },
        )
    )


# On a server the steps above are one statement, so one round trip and its own transaction:
# the day's row inserted or replaced when the sent revision is higher (ON CONFLICT waits for a
# racing insert, then reads its row again), and only then its agencies and its office's row.
# The agencies not sent are deleted and the ones sent upserted: no row is touched twice.
_KEEP_ON_SERVER = """
WITH kept AS (
    INSERT INTO received_day AS r (office, day, revision, received_at, document, visitors,
        served, waited, waited_within, wait_total_s, working_day)
    VALUES (%(office)s, %(day)s, %(revision)s, %(now)s, %(document)s, %(visitors)s,
        %(served)s, %(waited)s, %(waited_within)s, %(wait_total_s)s, %(working)s)
    ON CONFLICT (office, day) DO UPDATE SET revision = excluded.revision,
        received_at = excluded.received_at, document = excluded.document,
        visitors = excluded.visitors, served = excluded.served, waited = excluded.waited,
        waited_within = excluded.waited_within, wait_total_s = excluded.wait_total_s
    WHERE r.revision < excluded.revision
    RETURNING (r.xmax = 0) AS new_day
), gone AS (
    DELETE FROM received_agency
    WHERE office = %(office)s AND day = %(day)s AND agency <> ALL(%(agencies)s::text[])
        AND EXISTS (SELECT 1 FROM kept)
), agencies AS (
    INSERT INTO received_agency AS a (office, day, agency, errands)
    SELECT %(office)s, %(day)s, t.agency, t.errands
    FROM unnest(%(agencies)s::text[], %(errands)s::int[]) AS t(agency, errands)
    WHERE EXISTS (SELECT 1 FROM kept)
    ON CONFLICT (office, day, agency) DO UPDATE SET errands = excluded.errands
), seen AS (
    INSERT INTO office_seen AS s (office, first_day, last_day, days_received,
        working_days_received, last_received_at)
    SELECT %(office)s, %(day)s, %(day)s, 1, %(working)s, %(now)s FROM kept
    ON CONFLICT (office) DO UPDATE SET
        first_day = LEAST(s.first_day, excluded.first_day),
        last_day = GREATEST(s.last_day, excluded.last_day),
        days_received = s.days_received + CASE WHEN (SELECT new_day FROM kept) THEN 1 ELSE 0 END,
        working_days_received = s.working_days_received
            + CASE WHEN (SELECT new_day FROM kept) THEN excluded.working_days_received ELSE 0 END,
        last_received_at = excluded.last_received_at
)
SELECT EXISTS (SELECT 1 FROM kept)
"""


def _keep_on_server(conn: Connection, document: DayPayload, body: str, now: datetime) -> int:
    headline = Headline.of(document)
    params = {
        "office": document.office,
        "day": document.day,
        "revision": document.revision,
        "now": now,
        "document": body,
        "working": int(is_working_day(document.day)),
        "agencies": list(headline.agencies),
        "errands": list(headline.agencies.values()),
        **headline.columns(),
    }
    if conn.exec_driver_sql(_KEEP_ON_SERVER, params).scalar():
        return document.revision
    return int(
        conn.execute(
            select(received.c.revision).where(
                received.c.office == document.office, received.c.day == document.day
            )
        ).scalar_one()
    )
