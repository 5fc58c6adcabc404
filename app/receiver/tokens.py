"""The receiver's bearer tokens, kept in its database, hashed: added, revoked and rotated live.

A token is 32 random bytes (``secrets.token_urlsafe``), shown once when it is
made; the database keeps its SHA-256 (as strong as a slow hash for a random
secret of that size, and cheap per request) and the offices it may act for
(``"*"``: every office, the central office's reading token). Every request
looks its token up, so a token added, revoked or rotated by
``servicedisk-receiver token …`` counts at the next request in every worker,
with no restart. A rotated token may keep working for a grace period, so an
office can be given its new one before the old one stops.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from app.receiver.db import token, token_office

PREFIX = "sha256:"
EVERY_OFFICE = "*"
OFFICE_CODE = re.compile(r"^(\*|[A-Za-z0-9_.\-]{1,40})$")  # as the day's document names an office
MAX_LABEL = 80


class TokenError(ValueError):
    """A token command that cannot be done (an unknown id, a bad office code)."""


@dataclass(frozen=True)
class Holder:
    """Who presented a token: its id (for rate limits) and the offices it may act for."""

    id: int
    offices: frozenset[str]

    def may_act_for(self, office: str) -> bool:
        return EVERY_OFFICE in self.offices or office in self.offices

    @property
    def every_office(self) -> bool:
        return EVERY_OFFICE in self.offices


def hash_token(plain: str) -> str:
    """The form a token is kept in."""
    return PREFIX + hashlib.sha256(plain.encode("utf-8")).hexdigest()


def holder(conn: Connection, plain: str, now: datetime) -> Holder | None:
    """The holder of a presented token, or None: unknown, revoked, or past its grace."""
    if not plain or len(plain) > 200:
        return None
    if conn.dialect.name == "postgresql":  # every request asks: the driver's own statement
        found = conn.exec_driver_sql(
            _HOLDER_ON_SERVER, {"hash": hash_token(plain), "now": now}
        ).all()
        return Holder(found[0].id, frozenset(r.office for r in found)) if found else None
    found = conn.execute(
        select(token.c.id, token_office.c.office)
        .join(token_office, token_office.c.token_id == token.c.id)
        .where(
            token.c.hash == hash_token(plain),
            or_(token.c.revoked_at.is_(None), token.c.revoked_at > now),
        )
    ).all()
    if not found:
        return None
    return Holder(found[0].id, frozenset(row.office for row in found))


_HOLDER_ON_SERVER = """
SELECT t.id, o.office FROM token t JOIN token_office o ON o.token_id = t.id
WHERE t.hash = %(hash)s AND (t.revoked_at IS NULL OR t.revoked_at > %(now)s)
"""


def _offices(offices: Iterable[str]) -> list[str]:
    chosen = sorted(set(offices))
    wrong = [o for o in chosen if not OFFICE_CODE.match(o)]
    if not chosen or wrong:
        raise TokenError(
            f"office codes must be 1-40 of A-Z a-z 0-9 _ . - (or * for every office): {wrong}"
        )
    return chosen


def add(
    engine: Engine,
    offices: Iterable[str],
    *,
    label: str = "",
    plain: str | None = None,
    now: datetime | None = None,
) -> tuple[int, str]:
    """A new token for these offices: (its id, the token, shown this once)."""
    chosen = _offices(offices)
    secret = plain or secrets.token_urlsafe(32)
    with engine.begin() as conn:
        new_id = _add(conn, chosen, label, hash_token(secret), now or datetime.now(UTC))
    return new_id, secret


def _add(conn: Connection, offices: list[str], label: str, kept: str, now: datetime) -> int:
    new_id = conn.execute(
        insert(token)
        .values(hash=kept, label=label[:MAX_LABEL], created_at=now)
        .returning(token.c.id)
    ).scalar_one()
    conn.execute(insert(token_office), [{"token_id": new_id, "office": o} for o in offices])
    return int(new_id)


def revoke(engine: Engine, token_id: int, *, now: datetime | None = None) -> None:
    """The token stops working at once (cutting short any grace; a past revocation stays)."""
    moment = now or datetime.now(UTC)
    with engine.begin() as conn:
        _known(conn, token_id)
        conn.execute(
            update(token)
            .where(
                token.c.id == token_id,
                or_(token.c.revoked_at.is_(None), token.c.revoked_at > moment),
            )
            .values(revoked_at=moment)
        )


def rotate(
    engine: Engine, token_id: int, *, grace: timedelta = timedelta(0), now: datetime | None = None
) -> tuple[int, str]:
    """A new token for the same offices and label; the old one works ``grace`` longer."""
    moment = now or datetime.now(UTC)
    secret = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        old = _known(conn, token_id)
        offices = conn.execute(
            select(token_office.c.office).where(token_office.c.token_id == token_id)
        ).scalars()
        new_id = _add(conn, sorted(offices), old.label, hash_token(secret), moment)
        ends = moment + grace
        conn.execute(
            update(token)
            .where(
                token.c.id == token_id, or_(token.c.revoked_at.is_(None), token.c.revoked_at > ends)
            )
            .values(revoked_at=ends)
        )
    return new_id, secret


def _known(conn: Connection, token_id: int) -> Any:
    found = conn.execute(select(token).where(token.c.id == token_id)).first()
    if found is None:
        raise TokenError(f"no token with id {token_id}")
    return found


def listing(engine: Engine) -> list[dict[str, Any]]:
    """Every token: id, label, offices, when made and revoked (never the token or its hash)."""
    with engine.connect() as conn:
        offices: dict[int, list[str]] = {}
        for row in conn.execute(select(token_office).order_by(token_office.c.office)):
            offices.setdefault(row.token_id, []).append(row.office)
        return [
            {
                "id": row.id,
                "label": row.label,
                "offices": offices.get(row.id, []),
                "created_at": row.created_at.isoformat(timespec="seconds"),
                "revoked_at": row.revoked_at.isoformat(timespec="seconds")
                if row.revoked_at
                else None,
            }
            for row in conn.execute(select(token).order_by(token.c.id))
        ]


def import_file(engine: Engine, path: Path, *, now: datetime | None = None) -> int:
    """Tokens from the receiver's former tokens file (hash → offices); how many were new."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(
        isinstance(k, str)
        and k.startswith(PREFIX)
        and len(k) == len(PREFIX) + 64
        and isinstance(v, list)
        and all(isinstance(o, str) for o in v)
        for k, v in data.items()
    ):
        raise TokenError(f"{path}: expected an object of sha256:<hex> → list of office codes")
    added = 0
    with engine.begin() as conn:
        for kept, offices in data.items():
            if conn.execute(select(token.c.id).where(token.c.hash == kept)).first() is None:
                _add(conn, _offices(offices), f"from {path.name}", kept, now or datetime.now(UTC))
                added += 1
    return added
