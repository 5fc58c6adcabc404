"""An office may ask the command line for a manager's login and PIN (Settings › Kontoret)
before it changes staff, restores or purges: read from standard input, checked and counted
like any sign-in, and the manager named in the audit instead of the PC's user alone."""

from __future__ import annotations

import json

import pytest

from app.config import resolve_settings
from app.services.office.clock import SystemClock
from app.services.office.info import seeder
from app.services.setup.office_setup import update_office
from app.services.staff import accounts
from app.store.engine import open_store
from tests.conftest import desk_for
from tests.integration.test_cli_staff import cli

pytestmark = pytest.mark.usefixtures("restore_logging")


@pytest.fixture
def office(tmp_path):
    """An office whose command line must sign in: karin the manager, anna a case worker."""
    folder = tmp_path / "office"
    clock = SystemClock()
    store = open_store(resolve_settings(folder, env={}), seed=seeder(clock))
    desk = desk_for(store, clock)
    accounts.add_staff(desk, "karin", "manager", "864213", "864213")
    accounts.add_staff(desk, "anna", "caseworker", "2468", "2468")
    update_office(desk, cli_sign_in=True)
    store.close()
    return folder


def _logins(office) -> list[str]:
    listed = cli(office, "staff", "list", "--json")  # reading needs no sign-in
    assert listed.returncode == 0, listed.stderr
    return [a["login"] for a in json.loads(listed.stdout)]


def test_staff_changes_need_a_managers_pin_and_name_the_manager(office):
    made = cli(office, "staff", "add", "bo", "--role", "reception",
               stdin="karin\n864213\n975310\n975310\n")  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "864213" not in made.stdout + made.stderr
    (added,) = [
        e for e in json.loads(cli(office, "audit", "--kind", "staff", "--json").stdout)
        if "login=bo" in e["detail"]
    ]  # fmt: skip
    assert added["who"] == "karin"  # the manager, not only the PC's user


@pytest.mark.parametrize(
    ("stdin", "says"),
    [
        ("975310\n975310\n", "Wrong login or PIN"),  # a script that knows nothing of it
        ("karin\n000000\n975310\n975310\n", "Wrong login or PIN"),
        ("anna\n2468\n975310\n975310\n", "anna is not a manager"),
        ("", "a manager's login and PIN"),
    ],
)
def test_without_a_managers_pin_nothing_changes(office, stdin, says):
    refused = cli(office, "staff", "add", "bo", "--role", "reception", stdin=stdin)
    assert refused.returncode != 0 and says in refused.stderr
    assert "bo" not in _logins(office)
    assert cli(office, "staff", "disable", "anna", stdin=stdin).returncode != 0
    assert cli(office, "staff", "reset-pin", "anna", stdin=stdin).returncode != 0
    assert cli(office, "staff", "list").stdout.count("\tactive\t") == 2  # nobody disabled


def test_wrong_pins_from_the_command_line_lock_the_account_too(office):
    for _ in range(accounts.MAX_ATTEMPTS):
        cli(office, "staff", "disable", "anna", stdin="karin\n000000\n")
    locked = cli(office, "staff", "disable", "anna", stdin="karin\n864213\n")
    assert locked.returncode != 0 and "Too many wrong attempts" in locked.stderr


def test_purge_and_restore_need_a_managers_pin(office, tmp_path):
    assert cli(office, "demo", "--days", "100", "--visits-per-day", "5").returncode == 0
    assert cli(office, "purge", "--dry-run").returncode == 0  # only saying: no sign-in
    assert cli(office, "purge", "--yes", stdin="karin\n000000\n").returncode != 0
    assert cli(office, "purge", "--yes", stdin="karin\n864213\n").returncode == 0
    copy = tmp_path / "copy.sqlite3"
    assert cli(office, "backup", "--out", str(copy)).returncode == 0
    refused = cli(office, "restore", str(copy), "--yes", stdin="anna\n2468\n")
    assert refused.returncode != 0 and "not a manager" in refused.stderr
    done = cli(office, "restore", str(copy), "--yes", stdin="karin\n864213\n")
    assert done.returncode == 0, done.stderr
    kinds = {e["kind"]: e["who"] for e in json.loads(cli(office, "audit", "--json").stdout)}
    assert kinds["restore"] == "karin" and kinds["purge"] == "karin"
