"""The command line's staff, audit and purge commands (IT's headless set-up and upkeep).

The command line on the office PC acts as a trusted local manager; what it
does is audited with the operating-system user (see app/services/access/actor.py).
A PIN is read from standard input, twice (entry and confirmation), never
from the command line, where other users could see it in the process list.
Where the office asks it (Settings › Kontoret), a manager's login and PIN are
read first, before anything that changes staff or purges (app/cli/base.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.cli.base import EXIT_OK, EXIT_USAGE, CliError, _open, manager_desk, read_line
from app.config import Settings


def add_parsers(sub: Any, day: Any) -> None:
    """The `staff`, `audit` and `purge` commands, on the main parser's subparsers."""
    staff = sub.add_parser("staff", help="staff accounts: add, list, disable, reset a PIN")
    ssub = staff.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = ssub.add_parser("add", help="a new account (the PIN read twice from stdin)")
    add.add_argument("login")
    add.add_argument("--role", required=True, choices=("reception", "caseworker", "manager"))
    add.add_argument("--name", help="the person's name as colleagues see it (default: the login)")
    listing = ssub.add_parser("list", help="every account")
    listing.add_argument("--json", action="store_true")
    disable = ssub.add_parser("disable", help="close an account (its history stays)")
    disable.add_argument("login")
    enable = ssub.add_parser("enable", help="open a closed account again")
    enable.add_argument("login")
    reset = ssub.add_parser("reset-pin", help="a new PIN (read twice from stdin); lifts a lock")
    reset.add_argument("login")

    audit = sub.add_parser("audit", help="the audit log: who did what, when")
    audit.add_argument("--from", dest="first", type=day, metavar="YYYY-MM-DD")
    audit.add_argument("--to", dest="last", type=day, metavar="YYYY-MM-DD")
    audit.add_argument("--kind", action="append", help="only events of this kind (repeatable)")
    audit.add_argument("--json", action="store_true")

    purge = sub.add_parser("purge", help="delete visit rows older than the retention period")
    purge.add_argument("--dry-run", action="store_true", help="only say how many rows would go")
    purge.add_argument("--yes", action="store_true", help="do not ask (needed without a terminal)")


def _new_pin() -> tuple[str, str]:
    what = "the PIN and its confirmation"
    return read_line("New PIN: ", secret=True, what=what), read_line(
        "New PIN again: ", secret=True, what=what
    )


def _staff_line(view: Any) -> str:
    state = "active" if view.active else "disabled"
    return f"{view.login}\t{view.role}\t{state}\t{view.display_name}"


def cmd_staff(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk staff add|list|disable|enable|reset-pin`."""
    from app.services.staff.desk import StaffDesk

    opened = _open(settings) if args.action == "list" else manager_desk(settings)
    desk = StaffDesk.of(opened)
    try:
        if args.action == "add":
            pin, again = _new_pin()
            print(_staff_line(desk.add(args.login, args.role, pin, again, display_name=args.name)))
        elif args.action == "list":
            rows = desk.list()
            if args.json:
                print(
                    json.dumps(
                        [
                            {
                                "login": r.login,
                                "name": r.display_name,
                                "role": r.role,
                                "active": r.active,
                                "locked_until": r.locked_until.isoformat()
                                if r.locked_until
                                else None,
                            }
                            for r in rows
                        ],
                        ensure_ascii=False,
                        indent=2,
                    )
                )
            else:
                for r in rows:
                    print(_staff_line(r))
        elif args.action in ("disable", "enable"):
            print(_staff_line(desk.set_active(args.login, args.action == "enable")))
        elif args.action == "reset-pin":
            pin, again = _new_pin()
            print(_staff_line(desk.reset_pin(args.login, pin, again)))
    finally:
        opened.store.close()
    return EXIT_OK


def cmd_audit(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk audit [--from D] [--to D] [--kind K] [--json]`, newest first."""
    from app.services.access.audit import KINDS, AuditDesk

    if args.kind and (unknown := set(args.kind) - set(KINDS)):
        raise CliError(
            f"Unknown kind {sorted(unknown)[0]!r}; one of {', '.join(KINDS)}.", EXIT_USAGE
        )
    desk = _open(settings)
    store = desk.store
    try:
        rows = AuditDesk.of(desk).events(args.first, args.last, args.kind)
    finally:
        store.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "at": r.at.isoformat(),
                        "kind": r.kind,
                        "who": r.who,
                        "role": r.role,
                        "detail": r.detail,
                    }
                    for r in rows
                ],
                indent=2,
            )
        )
    else:
        for r in rows:
            print(f"{r.at.isoformat(timespec='seconds')}\t{r.kind}\t{r.who}\t{r.detail}")
    return EXIT_OK


def cmd_purge(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk purge [--dry-run] [--yes]`: says how many rows per table go."""
    from app.cli.office import _confirmed
    from app.services.upkeep.retention import TABLES, plan, purge

    desk = _open(settings) if args.dry_run else manager_desk(settings)
    store, clock = desk.store, desk.clock
    try:
        planned = plan(store, clock.now())
        for table in TABLES:
            print(f"{table}\t{planned.rows[table]}")
        print(f"rows of business days before {planned.before.isoformat()}: {planned.total}")
        if args.dry_run or planned.total == 0:
            return EXIT_OK
        if not _confirmed(f"Delete these {planned.total} rows for good?", args.yes):
            print("nothing purged", file=sys.stderr)
            return EXIT_USAGE
        done = purge(desk)  # as the command line's local manager (cli.main)
        print(f"purged {done.total} rows; the daily summaries are kept")
    finally:
        store.close()
    return EXIT_OK
