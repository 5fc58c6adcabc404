"""The receiver for tests: a database brought to head, tokens chosen by the test, its app.

Tokens are plain words here ("good", "central") so that a test can present
them; the receiver keeps only their hashes, as it does for real ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app.receiver import db, tokens

TOKENS = {"good": {"exempelstad"}, "central": {"*"}}


def receiver_store(url: str | Path, given: Mapping[str, set[str]] = TOKENS) -> Engine:
    """A receiver's database at head (a SQLite path, or a URL), with these tokens."""
    engine = db.open_engine(url if isinstance(url, str) else f"sqlite:///{url}")
    db.upgrade(engine)
    for plain, offices in given.items():
        tokens.add(engine, offices, label=plain, plain=plain)
    return engine


def receiver_app(engine: Engine, **options: Any) -> Any:
    """The receiver's app; unthrottled unless the test passes a ``rate`` (tests send fast)."""
    from app.receiver.app import create_app
    from app.receiver.guard import RateLimit

    options.setdefault("rate", RateLimit(rate=1e6, burst=10**6))
    return create_app(engine, **options)


def receiver_with_two_offices(request: Any, tmp_path: Path) -> Iterator[Engine]:
    """A receiver store on SQLite or (``request.param == "postgresql"``) on the test server,
    with a token for another office ("annat", plain "other") beside the test's own."""
    if request.param == "sqlite":
        found = receiver_store(tmp_path / "receiver.sqlite3")
    else:
        from tests.postgres import new_database

        found = receiver_store(new_database(request.getfixturevalue("postgres_server")))
    tokens.add(found, ["annat"], label="another office", plain="other")
    yield found
    found.dispose()
