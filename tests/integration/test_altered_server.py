"""A server store holds exactly the schema its migrations make: one that holds more (a
trigger, a rule, a function behind a column's default, a policy, a table or column of
personal data) is refused by opening and by `check`, untouched, with the object named.

Anyone with the office's database password could add these; each is what an attacker
would add to take a manager's rights or keep data the office must not hold.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from app.cli.main import main
from app.config import resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.services.queue import calling as q
from app.store import server_schema
from app.store.engine import open_store, upgrade, upgrade_to
from app.store.errors import NotAStoreError
from tests.conftest import desk_for
from tests.postgres import new_database

pytestmark = pytest.mark.usefixtures("restore_logging")

CRAFTS = {
    "trigger promote": """
        CREATE FUNCTION promote_all() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN UPDATE staff SET role = 'manager'; RETURN NEW; END $$;
        CREATE TRIGGER promote AFTER INSERT ON audit_event
        FOR EACH ROW EXECUTE FUNCTION promote_all()""",
    "rule forget_failures": """
        CREATE RULE forget_failures AS ON INSERT TO audit_event
        WHERE NEW.action = 'sign_in_failed' DO INSTEAD NOTHING""",
    "function whoami": """
        CREATE FUNCTION whoami() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$""",
    "table visitor_ids": """
        CREATE TABLE visitor_ids (personnummer text);
        INSERT INTO visitor_ids VALUES ('19121212-1212')""",
    "table ticket": "ALTER TABLE ticket ADD COLUMN personnummer text",
    "policy only_mine": """
        CREATE POLICY only_mine ON staff USING (login = current_user)""",
    "view everyone": "CREATE VIEW everyone AS SELECT * FROM staff",
}


def test_the_kept_server_schema_is_what_the_migrations_make(postgres_url):
    """A new migration comes with `make schema` (the schema a server store is checked by)."""
    engine = create_engine(postgres_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            fresh = server_schema.read_server_schema(conn)
    finally:
        engine.dispose()
    assert fresh == server_schema.expected_server_schema()
    assert not any(key.startswith(server_schema.ACTING) for key in fresh)


@pytest.fixture
def server_office(tmp_path, postgres_url) -> list[str]:
    """An office on its own server database, with three tickets issued."""
    clock = SystemClock()
    settings = resolve_settings(tmp_path / "pc", postgres_url, env={})
    store = open_store(settings, seed=seeder(clock))
    for _ in range(3):
        q.issue_ticket(desk_for(store, clock), "A")
    store.close()
    return ["--data-dir", str(tmp_path / "pc"), "--database-url", postgres_url]


def _on(url: str, sql: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _counts(url: str) -> tuple:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            counts = [
                conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                for table in ("ticket", "audit_event", "staff")
            ]
            return (*counts, conn.execute(text("SELECT version_num FROM alembic_version")).scalar())
    finally:
        engine.dispose()


@pytest.mark.parametrize("named", list(CRAFTS))
def test_an_altered_server_store_is_not_opened_and_check_says_why(
    server_office, postgres_url, capsys, named
):
    _on(postgres_url, CRAFTS[named])
    before = _counts(postgres_url)
    capsys.readouterr()

    assert main([*server_office, "check"]) != 0
    assert named in capsys.readouterr().err
    assert main([*server_office, "ticket", "issue", "A"]) != 0  # opening refuses too
    err = capsys.readouterr().err
    assert named in err and "left untouched" in err
    assert _counts(postgres_url) == before  # nothing written, for IT to look at


def test_an_older_server_store_with_a_trigger_is_refused_before_its_upgrade(
    tmp_path, postgres_server, capsys
):
    url = new_database(postgres_server)
    engine = create_engine(url)
    try:
        upgrade_to(engine, "0006")
    finally:
        engine.dispose()
    _on(url, CRAFTS["trigger promote"])
    settings = resolve_settings(tmp_path / "pc", url, env={})
    with pytest.raises(NotAStoreError, match="trigger promote") as refused:
        open_store(settings)
    assert "left untouched" in str(refused.value)
    assert _counts(url)[-1] == "0006"  # not upgraded


def test_what_an_extension_owns_is_left_to_the_servers_administrators(server_office, postgres_url):
    """IT may install an extension into the schema: its functions are not the office's."""
    try:
        _on(postgres_url, "CREATE EXTENSION citext")
    except Exception as exc:  # pragma: no cover - Debian's server package carries contrib
        pytest.fail(f"the citext extension cannot be installed here: {exc}")
    assert main([*server_office, "check"]) == 0
