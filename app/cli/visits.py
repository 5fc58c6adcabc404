"""`servicedisk visits --day D [--json]`: a day's visits with their errands, for IT and for
checking a correction; `servicedisk errand correct ERRAND --outcome O …` corrects one (the
command line acts as the office manager: any day within retention, audited)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from app.cli.base import EXIT_OK, EXIT_USAGE, CliError, _open
from app.config import Settings


def add_parsers(sub: Any, day: Any) -> None:
    """The `visits` command, on the main parser's subparsers."""
    visits = sub.add_parser("visits", help="a day's visits with their errands")
    visits.add_argument("--day", type=day, metavar="YYYY-MM-DD", help="default: today")
    visits.add_argument("--json", action="store_true")
    errand = sub.add_parser("errand", help="correct a logged errand")
    esub = errand.add_subparsers(dest="action", metavar="ACTION", required=True)
    correct = esub.add_parser(
        "correct", help="change some fields of errand ERRAND (the number `visits` shows)"
    )
    correct.add_argument("errand", type=int, metavar="ERRAND")
    for name in FIELDS:
        correct.add_argument(f"--{name}", metavar="CODE", help=f"the new {name} code ('-': none)")


FIELDS = {
    "agency": "agency_code",
    "type": "errand_type_code",
    "outcome": "outcome_code",
    "referral": "referral_target_code",
    "language": "language_code",
    "interpreter": "interpreter_code",
}


def _errand(e: Any) -> dict[str, Any]:
    return {
        "errand": e.id,
        "agency": e.agency_code,
        "errand_type": e.errand_type_code,
        "outcome": e.outcome_code,
        "referral": e.referral_target_code,
        "language": e.language_code,
        "interpreter": e.interpreter_code,
        "duration_s": e.duration_seconds,
        "corrected": e.corrected,
    }


def cmd_visits(args: argparse.Namespace, settings: Settings) -> int:
    """Print the visits: one line per errand, or JSON with the errands inside each visit."""
    from app.services.errands.desk import ErrandDesk

    desk = ErrandDesk.of(_open(settings))
    try:
        found = desk.day_visits(args.day)
    finally:
        desk.store.close()
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "visit": v.visit_id,
                        "day": v.business_day.isoformat(),
                        "ticket": v.ticket_code,
                        "queue": v.queue_letter,
                        "channel": v.channel,
                        "started": v.started_at.isoformat(),
                        "ended": v.ended_at.isoformat() if v.ended_at else None,
                        "point": v.point_number,
                        "staff": v.staff_login,
                        "errands": [_errand(e) for e in v.errands],
                    }
                    for v in found
                ],
                indent=2,
            )
        )
        return EXIT_OK
    for v in found:
        head = f"{v.visit_id}\t{v.ticket_code or v.channel}\t{v.staff_login or '-'}"
        for e in v.errands:
            codes = (e.agency_code, e.errand_type_code, e.outcome_code, e.language_code)
            mark = "\tcorrected" if e.corrected else ""
            print(f"{head}\t{e.id}\t" + "\t".join(c or "-" for c in codes) + mark)
    return EXIT_OK


def cmd_errand(args: argparse.Namespace, settings: Settings) -> int:
    """Correct the fields given; the others keep their codes. Prints the errand after."""
    from dataclasses import replace

    from app.services.errands.desk import ErrandDesk
    from app.services.errands.records import ErrandInput

    wanted = {field: getattr(args, name) for name, field in FIELDS.items()}
    wanted = {field: code for field, code in wanted.items() if code is not None}
    if not wanted:
        raise CliError("Give at least one field to change (--outcome CODE, …).", EXIT_USAGE)
    if "outcome_code" in wanted:  # a referral belongs to its outcome: give it again if kept
        wanted.setdefault("referral_target_code", None)
    wanted = {field: None if code == "-" else code for field, code in wanted.items()}
    desk = ErrandDesk.of(_open(settings))
    try:
        now = desk.find_errand(args.errand)
        current = ErrandInput(
            now.agency_code,
            now.errand_type_code,
            now.outcome_code,
            now.referral_target_code,
            now.language_code,
            now.interpreter_code,
        )
        fixed = desk.correct_errand(args.errand, replace(current, **wanted))
    finally:
        desk.store.close()
    print(json.dumps(_errand(fixed)))
    return EXIT_OK
