"""`servicedisk bookings import FILE | pull [--day D] | list [--day D] [--json]` and
`servicedisk ticket check-in REFERENCE`: the day's booked visits from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli.base import EXIT_OK, CliError, _open
from app.config import Settings

MAX_FILE_BYTES = 5 * 1024 * 1024


def add_parsers(sub: Any, day: Any) -> None:
    """The `bookings` command, on the main parser's subparsers."""
    bookings = sub.add_parser("bookings", help="the day's booked visits")
    bsub = bookings.add_subparsers(dest="action", metavar="ACTION", required=True)
    take = bsub.add_parser("import", help="take in bookings from a CSV or iCalendar file")
    take.add_argument("file", type=Path, metavar="FILE")
    pull = bsub.add_parser("pull", help="fetch the day's bookings from the central receiver")
    pull.add_argument("--day", type=day, metavar="YYYY-MM-DD", help="default: today")
    listing = bsub.add_parser("list", help="a day's bookings (never a name, never a reference)")
    listing.add_argument("--day", type=day, metavar="YYYY-MM-DD", help="default: today")
    listing.add_argument("--json", action="store_true")


def add_check_in_parser(tsub: Any) -> None:
    """`ticket check-in REFERENCE`, on the `ticket` command's subparsers."""
    check_in = tsub.add_parser(
        "check-in", help="check a booked visitor in with their booking reference"
    )
    check_in.add_argument("reference", metavar="REFERENCE")


def cmd_bookings(args: argparse.Namespace, settings: Settings) -> int:
    """The `bookings` subcommands."""
    desk = _open(settings)
    try:
        if args.action == "import":
            return _import(desk, args.file)
        if args.action == "pull":
            return _pull(desk, args.day)
        return _list(desk, args.day, as_json=args.json)
    finally:
        desk.store.close()


def _import(desk: Any, path: Path) -> int:
    from app.services.bookings.day import import_bookings
    from app.services.bookings.files import BookingFileError, read_bookings
    from app.services.office.clock import office_zone

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CliError(f"{path} is larger than 5 MB: not a day's bookings.")
        data = path.read_bytes()
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    try:
        rows = read_bookings(data, path.name, office_zone(desk.store))
    except BookingFileError as exc:
        raise CliError(f"{path}: {exc.english.rstrip('.')}; nothing was imported.") from exc
    print(_counts(import_bookings(desk, rows)))
    return EXIT_OK


def _counts(result: Any) -> str:
    return (
        f"{result.added} added, {result.updated} updated, {result.withdrawn} withdrawn, "
        f"{result.unchanged} unchanged"
    )


def _pull(desk: Any, day: Any) -> int:
    """`bookings pull`: the day's file from the receiver, taken in as `import` takes a file."""
    from app.sync.bookings_pull import pull_bookings
    from app.sync.client import http_client, resolve_target

    target = resolve_target(desk.store)
    if target is None:
        raise CliError(
            "Sync is not set up: give the address in Settings or SERVICEDISK_SYNC_URL, "
            "and the token with `servicedisk sync --set-token` or SERVICEDISK_SYNC_TOKEN."
        )
    with http_client() as client:
        pulled = pull_bookings(desk, target, client, day)
    print(_counts(pulled.result) if pulled.result is not None else "not changed")
    return EXIT_OK


def _list(desk: Any, day: Any, *, as_json: bool) -> int:
    from app.services.bookings.day import list_bookings

    found = list_bookings(desk, day)
    if as_json:
        doc = [
            {
                "starts_at": b.starts_at.isoformat(),
                "minutes": b.minutes,
                "agency": b.agency,
                "errand_type": b.errand_type,
                "language": b.language,
                "interpreter": b.interpreter,
                "state": b.state,
                "ticket": b.ticket_code,
            }
            for b in found
        ]
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return EXIT_OK
    for b in found:
        extra = " ".join(
            part
            for part in (
                b.errand_type or "",
                f"language={b.language}" if b.language else "",
                "interpreter" if b.interpreter else "",
                f"ticket={b.ticket_code}" if b.ticket_code else "",
            )
            if part
        )
        print(f"{_hhmm(desk.store, b.starts_at)}\t{b.minutes} min\t{b.agency}\t{b.state}"
              f"\t{extra}".rstrip())  # fmt: skip
    return EXIT_OK


def _hhmm(store: Any, instant: Any) -> str:
    from app.services.office.clock import office_zone

    return str(instant.astimezone(office_zone(store)).strftime("%H:%M"))


def check_in(desk: Any, reference: str) -> int:
    """`ticket check-in REFERENCE`: the ticket's code first, then when it is called."""
    from app.services.bookings.day import check_in as checking_in

    done = checking_in(desk, reference, source="cli")
    print(done.ticket.code, flush=True)
    print(f"booked {_hhmm(desk.store, done.starts_at)}, "
          f"called from {_hhmm(desk.store, done.due_at)}")  # fmt: skip
    return EXIT_OK
