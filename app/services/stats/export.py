"""The period's figures as tables, written as CSV files or one XLSX workbook.

:func:`tables` turns :func:`~app.services.stats.figures.period_figures` into
named tables (the same column names as the JSON of ``servicedisk stats``),
with the catalog's Swedish labels beside the codes. CSV: a folder with one file
per table, comma-separated, UTF-8 with a BOM (Excel opens it as UTF-8), and
``daily.csv`` with one row per day of the range and no totals row. XLSX (with
XlsxWriter): one sheet per table, numbers as numbers, durations in minutes,
frozen header rows, column widths and a chart. The PDF report needs Qt's
painter, so it lives in :mod:`app.ui.statistics.report`.

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
    Outcome,
    Queue,
    ReferralTarget,
    Staff,
)
from app.services import ServiceError
from app.services.stats.figures import COUNTS
from app.store.backup import partial_path
from app.store.engine import Store

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
    """Every table of an export, in order."""
    per_hour = ("staffed_minutes", "visitors_per_staffed_hour")
    queue_label = labels.get("queues", {})
    out = [
        _table("daily", "Per dag", ("day", *FIGURE_COLUMNS, *per_hour), figures["days"]),
        _table(
            "totals",
            "Hela perioden",
            ("from", "to", *FIGURE_COLUMNS, *per_hour),
            [{"from": figures["from"], "to": figures["to"], **figures["totals"]}],
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
            f"{path.name} går inte att skriva över (det är {SWEDISH_KINDS[what]}). "
            "Välj ett annat namn. Inget sparades.",
        )


SWEDISH_KINDS = {
    "a symbolic link": "en länk",
    "a device, a pipe or a socket": "ingen vanlig fil",
    "a folder": "en mapp",
    "a file, not a folder": "en fil, inte en mapp",
}


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


def _as_minutes(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column.endswith("_s") and isinstance(value, int | float):
        return round(value / 60, 2)
    return value


def write_xlsx(all_tables: Sequence[Table], path: Path, period: str) -> Path:
    """One workbook: a sheet per table, durations in minutes, a chart of the days."""
    import xlsxwriter

    check_target(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(path)
    workbook = xlsxwriter.Workbook(str(partial), {"strings_to_formulas": False})
    try:
        head = workbook.add_format({"bold": True, "bg_color": "#dde4ea", "border": 1})
        number = workbook.add_format({"num_format": "0.0"})
        for table in all_tables:
            sheet = workbook.add_worksheet(table.name[:31])
            columns = [
                c.removesuffix("_s") + "_min" if c.endswith("_s") else c for c in table.columns
            ]
            sheet.write_row(0, 0, columns, head)
            for r, row in enumerate(table.rows, start=1):
                for c, (column, value) in enumerate(zip(table.columns, row, strict=True)):
                    value = _as_minutes(column, value)
                    if value is None:
                        continue
                    if isinstance(value, bool) or not isinstance(value, int | float):
                        sheet.write_string(r, c, str(value))
                    else:
                        sheet.write_number(
                            r, c, value, number if isinstance(value, float) else None
                        )
            for c, name in enumerate(columns):
                width = max([len(name), *(len(str(row[c] or "")) for row in table.rows)])
                sheet.set_column(c, c, min(40, width + 2))
            sheet.freeze_panes(1, 0)
            if table.name == "daily" and table.rows:
                _daily_chart(workbook, sheet, table, period)
    finally:
        workbook.close()
    os.replace(partial, path)
    return path


def _daily_chart(workbook: Any, sheet: Any, table: Table, period: str) -> None:
    chart = workbook.add_chart({"type": "column"})
    last = len(table.rows)
    for column in ("visitors", "served"):
        c = table.columns.index(column)
        chart.add_series(
            {
                "name": ["daily", 0, c],
                "categories": ["daily", 1, 0, last, 0],
                "values": ["daily", 1, c, last, c],
            }
        )
    chart.set_title({"name": f"Besökare per dag {period}"})
    chart.set_size({"width": 720, "height": 320})
    sheet.insert_chart(1, len(table.columns) + 1, chart)


def export_figures(figures: dict[str, Any], fmt: str, out: Path, store: Store) -> Path:
    """Write the figures as ``csv`` (a folder) or ``xlsx``; returns what was written."""
    all_tables = tables(figures, catalog_labels(store))
    if fmt == "csv":
        return write_csv(all_tables, out)
    if fmt == "xlsx":
        return write_xlsx(all_tables, out, f"{figures['from']} – {figures['to']}")
    raise ValueError(f"unknown export format {fmt!r}")
