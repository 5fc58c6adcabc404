"""The `servicedisk` command: the GUI by default, headless subcommands for scripts.

Results go to stdout, everything else to stderr. Exit codes: 0 done, 1 failed
(one sentence on stderr, the traceback in the log), 2 wrong usage, 3 nothing
to do. Only the GUI, ``ticket issue --print`` and ``ticket print`` load Qt.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    _open,
)
from app.cli.bookings import add_parsers as add_booking_parsers
from app.cli.bookings import cmd_bookings
from app.cli.db import add_parsers as add_db_parsers
from app.cli.db import cmd_db
from app.cli.office import (
    cmd_backup,
    cmd_export,
    cmd_restore,
    cmd_stats,
    cmd_sync,
)
from app.cli.staff import add_parsers as add_staff_parsers
from app.cli.staff import cmd_audit, cmd_purge, cmd_staff
from app.cli.tickets import add_parsers as add_ticket_parsers
from app.cli.tickets import cmd_ticket
from app.cli.visits import add_parsers as add_visit_parsers
from app.cli.visits import cmd_errand, cmd_visits
from app.config import Settings, resolve_settings, setup_logging
from app.private import keep_private
from app.store.errors import short

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


def _number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from low to high, else a usage error naming the range."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {short(text, 20)}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high}")
        return value

    return parse


def _data_dir(text: str) -> str:
    """An argparse type: the folder of the office's data (never "", which meant the default)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "needs a folder; leave --data-dir out to use this PC's usual one"
        )
    return text


def _database_url(text: str) -> str:
    """An argparse type: a database that keeps what is written to it."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a URL; leave --database-url out for the file")
    return text


def _unusable(settings: Settings) -> str | None:
    """Why these settings cannot hold an office's store (in English), or None."""
    url = settings.database_url
    if url.startswith("sqlite") and settings.sqlite_path is None:
        return (
            f"{short(url, 60)} is an in-memory database: it would keep nothing. "
            "Give a file (sqlite:///PATH) or a server (postgresql+psycopg://…)."
        )
    if url.startswith("sqlite") and any(c in str(settings.data_dir) for c in "?#%"):
        return (
            f"the data folder {settings.data_dir} has ?, # or % in its path, which a database "
            "address cannot hold: choose a folder without them."
        )
    return None


def _letter(text: str) -> str:
    """An argparse type: a queue's letter (one or two letters)."""
    if not 1 <= len(text) <= 2 or not text.isalpha():
        raise argparse.ArgumentTypeError(f"not a queue letter: {short(text, 20)!r}")
    return text.upper()


def _code(text: str) -> str:
    """An argparse type: a ticket's code, a letter and its number ("A012")."""
    if not 2 <= len(text) <= 8 or not text[0].isalpha() or not text.isalnum():
        raise argparse.ArgumentTypeError(f"not a ticket code: {short(text, 20)!r}")
    return text.upper()


def _day(text: str) -> date:
    """An argparse type: a date as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {short(text, 20)}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="servicedisk",
        description="Front-desk queue and errand application for a service office. "
        "Without a command it opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"servicedisk {__version__}")
    parser.add_argument(
        "--data-dir",
        help="keep the store, backups and logs in DIR (env SERVICEDISK_DATA_DIR)",
        metavar="DIR",
        type=_data_dir,
    )
    parser.add_argument(
        "--database-url",
        help="use this database instead of the SQLite file (env SERVICEDISK_DATABASE_URL)",
        metavar="URL",
        type=_database_url,
    )
    screens = parser.add_mutually_exclusive_group()
    screens.add_argument(
        "--display", action="store_true", help="open only the waiting-room display, full screen"
    )
    screens.add_argument(
        "--kiosk",
        action="store_true",
        help="open the self-service ticket kiosk, full screen and locked",
    )
    parser.add_argument(
        "--language",
        choices=("sv", "en", "system"),
        default=None,
        help="the staff's screens in Swedish or English, or as the computer "
        "(default: the workstation's choice in the app)",
    )
    parser.add_argument(
        "--screen",
        type=_number(0, 16),
        default=None,
        metavar="N",
        help="with --display or --kiosk: the screen number to use",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    add_ticket_parsers(sub, _number, _letter, _code)

    queue = sub.add_parser("queue", help="who is waiting and who is being served")
    queue.add_argument("--json", action="store_true")

    sub.add_parser("check", help="verify the database (integrity, schema version)")

    backup = sub.add_parser("backup", help="take a consistent copy of the store now")
    backup.add_argument("--out", metavar="FILE", help="write it to FILE (default: backups/)")
    backup.add_argument("--list", action="store_true", help="list the backups, newest first")
    restore = sub.add_parser("restore", help="put a backup in place of the store")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--yes", action="store_true", help="do not ask (for scripts)")

    cat = sub.add_parser("catalog", help="export or import the catalog")
    csub = cat.add_subparsers(dest="action", metavar="ACTION", required=True)
    exp = csub.add_parser("export", help="write the catalog to FILE (JSON)")
    exp.add_argument("file", metavar="FILE")
    imp = csub.add_parser("import", help="read the catalog from FILE (all or nothing)")
    imp.add_argument("file", metavar="FILE")

    stats = sub.add_parser("stats", help="the office's figures for a range of days")
    stats.add_argument("--from", dest="first", type=_day, required=True, metavar="YYYY-MM-DD")
    stats.add_argument("--to", dest="last", type=_day, required=True, metavar="YYYY-MM-DD")
    stats.add_argument("--json", action="store_true")
    export = sub.add_parser(
        "export", help="write the figures for a range as CSV, CSV för Excel, XLSX or PDF"
    )
    export.add_argument("--from", dest="first", type=_day, required=True, metavar="YYYY-MM-DD")
    export.add_argument("--to", dest="last", type=_day, required=True, metavar="YYYY-MM-DD")
    export.add_argument(
        "--format",
        choices=("csv", "csv-excel", "xlsx", "pdf"),
        required=True,
        help="csv: for scripts (English columns, comma); csv-excel: for Excel in Swedish "
        "(semicolons, decimal commas); xlsx: a workbook in Swedish; pdf: a one-page report",
    )
    export.add_argument("--out", required=True, metavar="PATH")
    export.add_argument("--yes", action="store_true", help="replace what is at PATH without asking")

    sync = sub.add_parser("sync", help="send the daily summaries to the central receiver")
    sync.add_argument("--once", action="store_true", help="send what is pending, then exit")
    sync.add_argument(
        "--set-token", action="store_true", help="read the token from standard input and keep it"
    )

    add_staff_parsers(sub, _day)
    add_db_parsers(sub)
    add_visit_parsers(sub, _day)
    add_booking_parsers(sub, _day)

    demo = sub.add_parser("demo", help="fill the store with a demo office's history")
    demo.add_argument("--days", type=_number(1, 3660), required=True, metavar="N")
    demo.add_argument("--seed", type=_number(0, 2**31), default=1, metavar="S")
    demo.add_argument("--visits-per-day", type=_number(1, 5000), default=120, metavar="M")
    return parser


def cmd_queue(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk queue`: waiting and serving, one per line (or --json)."""
    from app.services.queue.views import queue_snapshot

    desk = _open(settings)
    store, clock = desk.store, desk.clock
    try:
        snap = queue_snapshot(store, clock)
    finally:
        store.close()
    if args.json:
        doc = {
            "business_day": snap.business_day.isoformat(),
            "queues": [asdict(s) for s in snap.queues],
            "waiting": [asdict(t) for t in snap.waiting],
            "parked": [asdict(t) for t in snap.parked],
            "serving": [
                {"point": p.number, "name": p.name, "ticket": asdict(p.current)}
                for p in snap.points
                if p.current
            ],
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2, default=str))
        return EXIT_OK
    for t in snap.waiting:
        flag = (" booked" if t.booked else "") + (f" language={t.language}" if t.language else "")
        print(f"{t.code}\twaiting\t{t.queue_letter}\t{t.wait_seconds // 60} min{flag}")
    for t in snap.parked:
        print(f"{t.code}\tparked\t{t.queue_letter}\t{t.wait_seconds // 60} min")
    for p in snap.points:
        if p.current:
            print(f"{p.current.code}\t{p.current.state}\t{p.current.queue_letter}\t{p.name}")
    if not snap.waiting and not snap.parked and not any(p.current for p in snap.points):
        print("nobody waiting", file=sys.stderr)
    return EXIT_OK


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk check`: integrity and schema version."""
    from app.services.upkeep.backups import check_store

    report = check_store(settings)
    for line in report.lines:
        print(line)
    if not report.ok:
        raise CliError(report.problem or "the database check failed")
    return EXIT_OK


def cmd_catalog(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk catalog export|import FILE`."""
    from app.services.catalog import transfer as catalog

    desk = _open(settings)
    store = desk.store
    path = Path(args.file)
    if args.action == "export":
        with store.read() as session:
            text = catalog.dump_catalog(catalog.export_catalog(session))
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
        print(path)
        return EXIT_OK
    try:
        doc = catalog.read_catalog_file(path)
        result = catalog.import_catalog(desk, doc)
    except catalog.CatalogError as exc:
        raise CliError(f"Nothing was imported: {exc}") from exc
    print(f"{result.added} added, {result.updated} updated, {result.retired} retired")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk demo`: fill the store with a demo office's history."""
    from app.demo.fill import DemoRefused, generate_demo

    desk = _open(settings)
    try:
        result = generate_demo(
            desk, days=args.days, seed=args.seed, visits_per_day=args.visits_per_day
        )
    except DemoRefused as exc:
        raise CliError(str(exc)) from exc
    print(
        f"{result.tickets} tickets, {result.visits} visits, {result.errands} errands "
        f"over {result.days} days"
    )
    return EXIT_OK


def load_gui() -> Callable[..., int]:
    """Load the window's code (the bulk of start-up) and hand back its entry point.

    The garbage collector waits meanwhile, and what was loaded is then frozen out
    of its sight: it lives as long as the app, so collecting over it part-way
    through (and in every full collection later, on the GUI thread) is wasted time.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        from app.ui.shell.application import run_gui
    except ImportError as exc:
        hint = (
            " The desktop app is the 'desk' extra: pip install 'servicedisk[desk]'."
            if (exc.name or "").startswith("PySide6")
            else ""
        )
        raise CliError(f"The app's window cannot open here: {exc}.{hint}") from exc
    finally:
        if collecting:
            gc.freeze()
            gc.enable()
    return run_gui


def _run_gui(args: argparse.Namespace, settings: Settings) -> int:
    from app.termination import note_early

    note_early()  # a shutdown while Qt loads ends the app once it can, not by a kill
    from app.preflight import EXIT_MISSING_LIBRARIES, gui_preflight

    missing = gui_preflight()  # before Qt: a missing system library named, not Qt's abort
    if missing is not None:
        log.error("%s", missing)
        print(f"servicedisk: {missing}", file=sys.stderr)
        return EXIT_MISSING_LIBRARIES
    run_gui = load_gui()
    return run_gui(
        settings,
        display_only=args.display,
        screen=args.screen,
        kiosk=args.kiosk,
        language=args.language,
    )


COMMANDS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "ticket": cmd_ticket,
    "queue": cmd_queue,
    "check": cmd_check,
    "backup": cmd_backup,
    "stats": cmd_stats,
    "export": cmd_export,
    "sync": cmd_sync,
    "restore": cmd_restore,
    "catalog": cmd_catalog,
    "demo": cmd_demo,
    "staff": cmd_staff,
    "audit": cmd_audit,
    "purge": cmd_purge,
    "db": cmd_db,
    "visits": cmd_visits,
    "errand": cmd_errand,
    "bookings": cmd_bookings,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and wrong usage (2): return, don't exit
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    settings = resolve_settings(args.data_dir, args.database_url)
    unusable = _unusable(settings)
    if unusable is not None:
        print(f"servicedisk: {unusable}", file=sys.stderr)
        return EXIT_USAGE
    if os.name != "nt":  # Windows: the folder's ACL (admin guide)
        keep_private(settings)  # before the first file this run creates: the log
    setup_logging(settings)
    from app.services import ServiceError
    from app.store.errors import StoreError

    try:
        if args.command is None:
            return _run_gui(args, settings)
        # Each command acts as the OS user's local manager: the desk _open gives it.
        return COMMANDS[args.command](args, settings)
    except ServiceError as exc:
        log.info("%s: %s", args.command, exc)
        print(f"servicedisk: {exc}", file=sys.stderr)
        return exc.exit_code
    except StoreError as exc:
        log.error("%s failed: %s", args.command, exc)
        print(f"servicedisk: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except CliError as exc:
        log.error("%s failed: %s", args.command, exc)
        print(f"servicedisk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `servicedisk stats | head`: the reader has had enough
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - nothing may flush into the pipe
        return EXIT_OK
    except Exception as exc:  # the one place that turns any failure into a sentence
        log.exception("%s failed", args.command)
        print(
            f"servicedisk: {args.command or 'app'} failed: {exc} "
            f"(details in the log in {settings.logs_dir})",
            file=sys.stderr,
        )
        return EXIT_FAILED
