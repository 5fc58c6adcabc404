"""The command line's `db` commands: a store on a server made ready, an office moved between
databases (SQLite ↔ PostgreSQL)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.base import EXIT_OK, EXIT_USAGE, CliError, _open
from app.config import Settings


def add_parsers(sub: Any) -> None:
    """The `db` command, on the main parser's subparsers."""
    db = sub.add_parser("db", help="the store's database: make a server one ready, copy one")
    dsub = db.add_subparsers(dest="action", metavar="ACTION", required=True)
    dsub.add_parser(
        "init", help="create or upgrade the schema (and the seed office) where the URL points"
    )
    copy = dsub.add_parser("copy", help="copy the office's whole history to another database")
    copy.add_argument("--to", dest="target", required=True, metavar="URL")
    copy.add_argument("--yes", action="store_true", help="replace what the target holds")


def _no_password(url: str) -> None:
    from sqlalchemy.engine import make_url

    if make_url(url).password:
        raise CliError(
            "Give the server's password in PGPASSFILE, PGPASSWORD or the keyring, not on the "
            "command line (other users of this PC can read it there).",
            EXIT_USAGE,
        )


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk db init` and `servicedisk db copy --to URL [--yes]`."""
    from app.services.office.info import get_office
    from app.store.engine import HEAD_REVISION

    if args.action == "init":
        desk = _open(settings)  # opening creates, upgrades and seeds; refuses a foreign one
        try:
            print(f"schema\t{HEAD_REVISION}\noffice\t{get_office(desk.store).name}")
        finally:
            desk.store.close()
        return EXIT_OK
    from app.services.upkeep.copying import TargetNotEmptyError, copy_store_to

    _no_password(args.target)
    desk = _open(settings)
    try:
        report = copy_store_to(desk, args.target, replace=args.yes)
    except TargetNotEmptyError as exc:
        raise CliError(str(exc)) from exc
    finally:
        desk.store.close()
    for table, count in report.rows.items():
        print(f"{table}\t{count}")
    print(
        f"copied to {report.target}: {sum(report.rows.values())} rows; the statistics of "
        f"{report.days_checked} days with rows agree",
        file=sys.stderr,
    )
    return EXIT_OK
