"""The command line's `ticket` commands: issue, call and handle tickets as the desk does."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.cli.base import EXIT_FAILED, EXIT_OK, _open
from app.cli.bookings import add_check_in_parser, check_in
from app.config import Settings

if TYPE_CHECKING:
    from app.services.access.actor import Desk

log = logging.getLogger(__name__)


def add_parsers(sub: Any, number: Callable[[int, int], Any], letter: Any, code: Any) -> None:
    """The `ticket` command and its actions, on the main parser's subparsers."""
    ticket = sub.add_parser("ticket", help="issue, call and handle tickets")
    tsub = ticket.add_subparsers(dest="action", metavar="ACTION", required=True)
    issue = tsub.add_parser("issue", help="issue a ticket in QUEUE (its letter)")
    issue.add_argument("queue", metavar="QUEUE", type=letter)
    issue.add_argument("--booked", action="store_true", help="booked time / priority")
    issue.add_argument(
        "--language",
        metavar="CODE",
        help="the visitor's language, a code of the catalog's languages (ar, fa, uk …)",
    )
    issue.add_argument(
        "--print",
        action="store_true",
        dest="print_ticket",
        help="print it as reception's button does",
    )
    call = tsub.add_parser("call", help="call the next ticket, or CODE, to a service point")
    call.add_argument("code", nargs="?", metavar="CODE", type=code)
    call.add_argument("--point", type=number(1, 9999), required=True, metavar="N")
    for name, helptext in (
        ("recall", "announce a called ticket again"),
        ("no-show", "the called visitor did not come"),
        ("finish", "finish serving a ticket"),
        ("cancel", "cancel a waiting ticket"),
        ("walked-out", "the visitor left before being called"),
        ("park", "set a called visitor aside"),
        ("return", "put a called ticket back in its queue, in its old place"),
        ("start", "the called visitor has arrived"),
    ):
        p = tsub.add_parser(name, help=helptext)
        p.add_argument("code", metavar="CODE", type=code)
    resume = tsub.add_parser("resume", help="call a parked visitor back")
    resume.add_argument("code", metavar="CODE", type=code)
    resume.add_argument("--point", type=number(1, 9999), required=True, metavar="N")
    reprint = tsub.add_parser(
        "print", help="print a waiting ticket again, as reception's reprint does"
    )
    reprint.add_argument("code", metavar="CODE", type=code)
    transfer = tsub.add_parser("transfer", help="move a ticket to another queue")
    transfer.add_argument("code", metavar="CODE", type=code)
    transfer.add_argument("queue", metavar="QUEUE", type=letter)
    add_check_in_parser(tsub)


def _print_ticket_line(ref: Any, detail: str | None = None) -> None:
    print(ref.code, flush=True)
    if detail:
        print(detail)


def cmd_ticket(args: argparse.Namespace, settings: Settings) -> int:
    """The `ticket` subcommands."""
    desk = _open(settings)
    try:
        return _ticket_action(args, desk)
    finally:
        desk.store.close()  # checkpoints the WAL, and callers in-process keep no connection


def _ticket_action(args: argparse.Namespace, desk: Desk) -> int:
    from app.services.queue import calling as q
    from app.services.queue.views import estimate_detail, estimate_minutes_for, queue_snapshot

    action = args.action
    simple: dict[str, Callable[..., Any]] = {
        "recall": q.recall,
        "no-show": q.no_show,
        "finish": q.finish,
        "cancel": q.cancel,
        "walked-out": q.walked_out,
        "park": q.park,
        "return": q.return_to_queue,
        "start": q.start_serving,
    }
    if action == "issue":
        ref = q.issue_ticket(
            desk, args.queue, booked=args.booked, language=args.language, source="cli"
        )
        _print_ticket_line(ref)  # stored: the code is out before anything else can fail
        try:
            snapshot = queue_snapshot(desk.store, desk.clock)
            print(estimate_detail(snapshot, ref.code))
            minutes = estimate_minutes_for(snapshot, ref.code)
            if minutes is not None:
                q.record_estimate(desk, ref.code, minutes)
        except Exception as exc:  # the "3 ahead" line is a bonus; the ticket stands
            log.warning("ticket %s issued; its detail line failed: %s", ref.code, exc)
        if args.print_ticket:
            from app.ui.reception.printing import print_ticket_headless

            ok, message = print_ticket_headless(desk, ref.code)
            print(message, file=sys.stderr)
            if not ok:
                return EXIT_FAILED
    elif action == "call":
        if args.code:
            ref = q.call_ticket(desk, args.code, args.point)
        else:
            ref = q.call_next(desk, args.point)
        _print_ticket_line(ref, f"{ref.service_point_name}")
    elif action == "resume":
        ref = q.resume(desk, args.code, args.point)
        _print_ticket_line(ref, f"{ref.service_point_name}")
    elif action == "print":
        from app.ui.reception.printing import print_ticket_headless

        ok, message = print_ticket_headless(desk, args.code)
        print(message, file=sys.stderr)
        return EXIT_OK if ok else EXIT_FAILED
    elif action == "check-in":
        return check_in(desk, args.reference)
    elif action == "transfer":
        ref = q.transfer(desk, args.code, args.queue)
        _print_ticket_line(ref, f"now in queue {ref.queue_letter}")
    else:
        ref = simple[action](desk, args.code)
        _print_ticket_line(ref, ref.state.replace("_", "-"))
    return EXIT_OK
