"""The period's figures as tables, and the CSV for scripts.

:func:`tables` turns :func:`~app.services.stats.figures.period_figures` into
named tables (the same column names as the JSON of ``servicedisk stats``),
with the catalog's Swedish labels beside the codes. The CSV for scripts
(``csv``): a folder with one file per table, named by the table (``daily.csv``),
comma-separated, UTF-8 with a BOM, the JSON's column names and durations in
seconds, ``daily.csv`` with one row per day of the range and no totals row; it
stays as it is, for the scripts that read it. What the office opens itself,
the XLSX workbook and CSV för Excel (``csv-excel``), in Swedish, is written by
:mod:`app.services.stats.sheets`. The PDF report needs Qt's painter, so it
lives in :mod:`app.ui.statistics.report`.

Text from the catalog never becomes a formula: a CSV cell that would start
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe, and XLSX cells are written as strings, never parsed.
"""

from __future__ import annotations

import csv
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import (
    Agency,
    ErrandType,
    InterpreterKind,
    Language,
    Office,
    Outcome,
    Queue,
    ReferralTarget,
    Staff,
)
from app.services import ServiceError
from app.services.stats.bookings import COLUMNS as BOOKING_COLUMNS
from app.services.stats.bookings import has_bookings
from app.services.stats.figures import COUNTS
from app.store.backup import partial_path
from app.store.engine import Store

FOLDER_FORMATS = ("csv", "csv-excel")  # written as a folder of files, one per table
DURATIONS = ("count", "mean_s", "median_s", "p90_s", "max_s")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    """One table: its name (file or sheet), columns and rows."""

    name: str
    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


def _duration_columns() -> tuple[str, ...]:
    return tuple(f"{kind}_{d}" for kind in ("wait", "service") for d in DURATIONS)


FIGURE_COLUMNS = (*COUNTS, *_duration_columns(), "service_level")


def catalog_labels(store: Store) -> dict[str, dict[str, str]]:
    """Code → Swedish label for every catalog list the figures name."""
    columns: dict[str, tuple[Any, Any]] = {
        "agencies": (Agency.code, Agency.label),
        "outcomes": (Outcome.code, Outcome.label),
        "referrals": (ReferralTarget.code, ReferralTarget.label),
        "languages": (Language.code, Language.label),
        "interpreters": (InterpreterKind.code, InterpreterKind.label),
        "queues": (Queue.letter, Queue.label),
    }
    labels: dict[str, dict[str, str]] = {}
    with store.read() as session:
        for name, (key, label) in columns.items():
            labels[name] = {k: v for k, v in session.execute(select(key, label)).all()}
        # The manager's own view names each member of staff (never in an export or sync).
        labels["staff"] = {
            str(id_): f"{name} ({login})" if name and name != login else login
            for id_, login, name in session.execute(
                select(Staff.id, Staff.login, Staff.display_name)
            )
        }
        labels["errand_types"] = {
            f"{a}/{c}": label
            for a, c, label in session.execute(
                select(Agency.code, ErrandType.code, ErrandType.label).join(
                    Agency, Agency.id == ErrandType.agency_id
                )
            )
        }
    return labels


def _rows(columns: Sequence[str], items: Sequence[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [tuple(item.get(c) for c in columns) for item in items]


def _table(name: str, title: str, columns: Sequence[str], items: Sequence[dict]) -> Table:
    return Table(name, title, tuple(columns), _rows(columns, items))


def tables(figures: dict[str, Any], labels: dict[str, dict[str, str]]) -> list[Table]:
    """Every table of an export, in order; a period with bookings gets their figures in
    *Hela perioden* and a table of its own, *Bokade besök*, one row per day."""
    per_hour = ("staffed_minutes", "visitors_per_staffed_hour")
    queue_label = labels.get("queues", {})
    booked = has_bookings(figures)
    out = [
        _table("daily", "Per dag", ("day", *FIGURE_COLUMNS, *per_hour), figures["days"]),
        _table(
            "totals",
            "Hela perioden",
            ("from", "to", *FIGURE_COLUMNS, *per_hour, *(BOOKING_COLUMNS if booked else ())),
            [
                {
                    "from": figures["from"],
                    "to": figures["to"],
                    **figures["totals"],
                    **(figures["bookings"] if booked else {}),
                }
            ],
        ),
        _table(
            "queues",
            "Per kö",
            ("queue", "label", *FIGURE_COLUMNS),
            [{**r, "label": queue_label.get(r["queue"], "")} for r in figures["queues"]],
        ),
        _table(
            "hours",
            "Per timme",
            ("hour", "arrivals", "staffed_minutes", "queue_max", "days", *FIGURE_COLUMNS),
            figures["hours"],
        ),
    ]
    titles = {
        "agencies": "Ärenden per myndighet",
        "errand_types": "Ärendetyper",
        "outcomes": "Utfall",
        "referrals": "Hänvisningar",
        "languages": "Språk",
        "interpreters": "Tolk",
    }
    for name, title in titles.items():
        named = [{**r, "label": labels.get(name, {}).get(r["code"], "")} for r in figures[name]]
        out.append(_table(name, title, ("code", "label", "count"), named))
    out.append(
        _table(
            "estimates",
            "Utlovad väntetid mot verklig",
            ("queue", "count", "median_abs_error_s", "within_5_min"),
            figures["estimate_queues"],
        )
    )
    if booked:
        out.append(
            _table("bookings", "Bokade besök", ("day", *BOOKING_COLUMNS), figures["booking_days"])
        )
    return out


def safe_text(value: Any) -> Any:
    """A cell for CSV: text that a spreadsheet would read as a formula is neutralised."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class ExportTargetError(ServiceError):
    """The place to export to is neither new nor a plain file (a folder, for CSV)."""

    exit_code = 2

    def __init__(self, path: Path, what: str) -> None:
        super().__init__(
            f"{path} is {what}: an export is written only to a new or an ordinary file "
            "(a folder, for CSV). Nothing was written.",
            "export.target",
            name=path.name,
            target=what,
        )


def check_target(path: Path, *, folder: bool = False) -> bool:
    """Refuse anything but a new path or an ordinary file (a folder, for CSV): never a
    link, a device, a pipe. Whether something is there already (to be replaced)."""
    try:
        found = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(found.st_mode):
        raise ExportTargetError(path, "a symbolic link")
    if folder:
        if not stat.S_ISDIR(found.st_mode):
            raise ExportTargetError(path, "a file, not a folder")
        return any([check_target(file) for file in path.glob("*.csv")])
    if stat.S_ISDIR(found.st_mode):
        raise ExportTargetError(path, "a folder")
    if not stat.S_ISREG(found.st_mode):
        raise ExportTargetError(path, "a device, a pipe or a socket")
    return True


def write_csv(all_tables: Sequence[Table], folder: Path) -> Path:
    """One CSV file per table in ``folder`` (made if missing); returns the folder."""
    check_target(folder, folder=True)
    folder.mkdir(parents=True, exist_ok=True)
    for table in all_tables:
        path = folder / f"{table.name}.csv"
        check_target(path)
        partial = partial_path(path)
        with open(partial, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(table.columns)
            for row in table.rows:
                writer.writerow(["" if v is None else safe_text(v) for v in row])
        os.replace(partial, path)
    return folder


def office_name(store: Store) -> str:
    """The office's name, for the head of every printed page."""
    with store.read() as session:
        return session.scalar(select(Office.name)) or ""


def export_figures(figures: dict[str, Any], fmt: str, out: Path, store: Store) -> Path:
    """Write the figures as ``csv`` (a folder, for scripts), ``csv-excel`` (a folder, for
    Excel in Swedish) or ``xlsx``; returns what was written."""
    all_tables = tables(figures, catalog_labels(store))
    if fmt == "csv":
        return write_csv(all_tables, out)
    if fmt not in ("csv-excel", "xlsx"):
        raise ValueError(f"unknown export format {fmt!r}")
    from app.services.stats.sheets import Heading, write_csv_excel, write_xlsx

    first, last = figures["from"], figures["to"]
    heading = Heading(
        office_name(store),
        first if first == last else f"{first} – {last}",
        figures["service_level_threshold_min"],
    )
    if fmt == "csv-excel":
        return write_csv_excel(all_tables, out, heading)
    return write_xlsx(all_tables, out, heading)
