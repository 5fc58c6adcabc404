"""The command line's office commands: backup and restore, statistics and exports and sync.

Each is ``cmd_<name>(args, settings) -> exit code``; :mod:`app.cli.main` parses the
arguments and turns any failure into one sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from app.cli.base import EXIT_NOTHING, EXIT_OK, EXIT_USAGE, CliError, _open, restore_actor
from app.config import Settings


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk backup [--out FILE] [--list]`."""
    from app.services.upkeep.backups import backup_now
    from app.store.backup import list_backups

    if args.list:
        for b in list_backups(settings.backups_dir):
            print(f"{b.taken_at.isoformat(timespec='seconds')}\t{b.reason}\t{b.size}\t{b.path}")
        return EXIT_OK
    desk = _open(settings)
    try:
        print(backup_now(desk, out=Path(args.out) if args.out else None))
    finally:
        desk.store.close()
    return EXIT_OK


def _confirmed(question: str, yes: bool) -> bool:
    """--yes, or a "yes" typed on a terminal; without a terminal and --yes: refuse."""
    if yes:
        return True
    if not sys.stdin.isatty():
        raise CliError(f"{question} Refusing without a terminal; add --yes to confirm.")
    answer = input(f"{question} Type yes to go on: ")
    return answer.strip().lower() in ("yes", "ja", "y", "j")


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk restore FILE [--yes]`: verify the copy, confirm, restore."""
    from app.services.office.clock import SystemClock
    from app.services.upkeep.backups import StoreFiles, check_backup, restore_store

    source = Path(args.file)
    found = check_backup(source)  # before asking: a bad file is refused at once
    question = (
        f"Replace the store in {settings.data_dir} with {source} (schema {found.revision})? "
        "The store as it is now is backed up first."
    )
    # The store may not open at all: the files, restored for the OS user's local manager
    # (or the manager who signs in, where the office asks it).
    actor = restore_actor(settings)
    if not _confirmed(question, args.yes):
        print("Nothing was changed.", file=sys.stderr)
        return EXIT_NOTHING
    report = restore_store(StoreFiles(settings, SystemClock(), actor), source)
    if report.taken_before is not None:
        print(f"restored; the store as it was is in {report.taken_before}")
    elif report.moved_aside is not None:
        print(f"restored; the unusable file was moved to {report.moved_aside}")
    else:
        print("restored")
    return EXIT_OK


def _stats_desk(settings: Settings) -> Any:
    from app.services.stats.desk import StatsDesk

    return StatsDesk.of(_open(settings))


def _range(args: argparse.Namespace) -> tuple[date, date]:
    if args.last < args.first:
        raise CliError("--to is before --from.", EXIT_USAGE)
    if (args.last - args.first).days > 3660:
        raise CliError("The range is longer than ten years.", EXIT_USAGE)
    return args.first, args.last


def cmd_stats(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk stats --from D --to D [--json]`."""
    first, last = _range(args)
    desk = _stats_desk(settings)
    try:
        figures = desk.figures(first, last)
    finally:
        desk.store.close()
    if args.json:
        json.dump(figures, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return EXIT_OK
    header = ("day", "visitors", "served", "no-shows", "walked out")
    print("\t".join((*header, "wait median min", "wait p90 min", "service level %")))
    for row in [*figures["days"], {"day": "total", **figures["totals"]}]:
        print(
            "\t".join(
                str(v)
                for v in (
                    row["day"],
                    row["visitors"],
                    row["served"],
                    row["no_shows"],
                    row["walked_out"],
                    _minutes(row["wait_median_s"]),
                    _minutes(row["wait_p90_s"]),
                    "" if row["service_level"] is None else row["service_level"],
                )
            )
        )
    return EXIT_OK


def _minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{seconds / 60:.1f}"


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk export --from D --to D --format csv|csv-excel|xlsx|pdf --out PATH`."""
    from app.services.stats.export import FOLDER_FORMATS, check_target

    first, last = _range(args)
    out = Path(args.out)
    if check_target(out, folder=args.format in FOLDER_FORMATS) and not args.yes:
        _ask_to_replace(out)
    desk = _stats_desk(settings)
    try:
        if args.format == "pdf":
            print(_pdf_report(desk, first, last, out))
        else:
            print(desk.export(first, last, args.format, out))
    finally:
        desk.store.close()
    return EXIT_OK


def _ask_to_replace(out: Path) -> None:
    """Replace what is there only when the person says so (or gave --yes)."""
    if not sys.stdin.isatty():
        raise CliError(f"{out} exists already: add --yes to replace it.", EXIT_USAGE)
    answer = input(f"{out} exists already. Replace it? [y/N] ")
    if answer.strip().lower() not in ("y", "yes", "j", "ja"):
        raise CliError("Nothing was exported.", EXIT_USAGE)


def _pdf_report(desk: Any, first: date, last: date, out: Path) -> Path:
    """The PDF report needs Qt's painter: only this export loads Qt."""
    from app.services.office.info import get_office
    from app.ui.shell.headless import ensure_application
    from app.ui.statistics.report import write_pdf

    ensure_application()
    name, labels = get_office(desk.store).name, desk.labels()
    return Path(
        desk.export(
            first, last, "pdf", out, writer=lambda figures: write_pdf(figures, out, name, labels)
        )
    )


def cmd_sync(args: argparse.Namespace, settings: Settings) -> int:
    """`servicedisk sync [--once] [--set-token]`: headless sending of the daily summaries."""
    import time

    from app.sync.client import (
        SyncConfigError,
        backoff,
        http_client,
        resolve_target,
        save_token,
        send_pending,
    )

    desk = _open(settings)
    store = desk.store
    try:
        if args.set_token:
            token = sys.stdin.readline().strip()
            if not token:
                raise CliError("No token on standard input.", EXIT_USAGE)
            print(f"token kept in {save_token(desk, token)}")
            return EXIT_OK
        try:
            target = resolve_target(store)
        except SyncConfigError as exc:
            raise CliError(str(exc)) from exc
        if target is None:
            raise CliError(
                "Sync is not set up: give the address in Settings or SERVICEDISK_SYNC_URL, "
                "and the token with --set-token or SERVICEDISK_SYNC_TOKEN."
            )
        failures = 0
        with http_client() as client:
            while True:
                report = send_pending(desk, target, client)
                for day, revision in report.acked:
                    print(f"{day.isoformat()}\trevision {revision}\tacknowledged")
                if report.stopped:
                    raise CliError(f"Sync stopped: {report.stopped}.")
                if args.once:
                    if report.done:
                        return EXIT_OK
                    raise CliError(
                        f"{report.waiting} day(s) not sent yet: the receiver could not be "
                        "reached or asked to wait; try again later."
                    )
                failures = failures + 1 if report.retry else 0
                if report.retry_after_s is not None:
                    time.sleep(report.retry_after_s)
                else:
                    time.sleep(backoff(failures) if report.retry else 60.0)
    finally:
        store.close()
