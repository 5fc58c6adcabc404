"""The national overview for the central office: every office's sending, service and visitors.

``GET /`` (HTML, for a browser), ``GET /overview.csv`` (the same rows) and
``GET /agencies.csv`` (errands per agency, nationally, for a period). Per
office: the last day received, the working days missing since its first day,
the last sync, and its visitors and service level over the last weeks. Read
from ``office_seen`` (one row per office) and the figures kept beside each day
of the period, never from the documents: the page costs the same in the tenth
year as in the first.
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import escape
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app.receiver.access import Browser
from app.receiver.db import SERVICE_LEVEL_MINUTES, office_seen, received, received_agency
from app.receiver.keeping import is_working_day
from app.receiver.tokens import Holder
from app.services.stats.figures import COUNTS, durations
from app.services.stats.histogram import Histogram

SHOWN_MISSING = 5  # the latest missing days named per office
MISSING_WINDOW_DAYS = 56  # … looked for in the last eight weeks
Sort = Literal["office", "last_day", "missing", "last_sync", "visitors", "level"]
Weeks = Annotated[int, Query(ge=1, le=26)]
SortBy = Annotated[Sort, Query()]
Order = Annotated[Literal["asc", "desc"], Query()]
Since = Annotated[date | None, Query(alias="from")]
Until = Annotated[date | None, Query(alias="to")]


@functools.lru_cache(maxsize=128)
def _working_in_year(year: int) -> tuple[date, ...]:
    first = date(year, 1, 1)
    return tuple(
        d
        for d in (first + timedelta(days=n) for n in range(366))
        if d.year == year and is_working_day(d)
    )


def working_days_between(first: date, last: date) -> int:
    """How many working days from ``first`` to ``last``, both counted."""
    if last < first:
        return 0
    count = 0
    for year in range(first.year, last.year + 1):
        days = _working_in_year(year)
        count += bisect.bisect_right(days, last) - bisect.bisect_left(days, first)
    return count


@dataclass
class OfficeLine:
    """One office's row on the overview."""

    office: str
    first_day: date
    last_day: date
    days_received: int
    last_received_at: datetime
    missing: int = 0
    latest_missing: list[date] = field(default_factory=list)
    visitors: int = 0
    served: int = 0
    waited: int = 0
    waited_within: int = 0
    wait_total_s: int = 0

    @property
    def level(self) -> float | None:
        """Share of the waiting called within the national service level, in per cent."""
        return round(100 * self.waited_within / self.waited, 1) if self.waited else None

    @property
    def wait_mean_min(self) -> float | None:
        return round(self.wait_total_s / self.waited / 60, 1) if self.waited else None


@dataclass
class Overview:
    today: date
    weeks: int
    offices: list[OfficeLine]
    agencies: list[tuple[str, int, int]]  # code, errands, offices
    agency_from: date
    agency_to: date

    @property
    def period(self) -> tuple[date, date]:
        yesterday = self.today - timedelta(days=1)
        return yesterday - timedelta(days=7 * self.weeks - 1), yesterday


def read_overview(
    engine: Engine,
    who: Holder,
    today: date,
    *,
    weeks: int = 4,
    agency_from: date | None = None,
    agency_to: date | None = None,
) -> Overview:
    """The overview's figures, for the offices the token may read."""
    yesterday = today - timedelta(days=1)
    start = yesterday - timedelta(days=7 * weeks - 1)
    window = min(start, yesterday - timedelta(days=MISSING_WINDOW_DAYS - 1))
    a_from, a_to = agency_from or start, agency_to or yesterday
    only = None if who.every_office else sorted(who.offices)
    seen_q = select(office_seen)
    days_q = select(
        received.c.office,
        received.c.day,
        received.c.working_day,
        received.c.visitors,
        received.c.served,
        received.c.waited,
        received.c.waited_within,
        received.c.wait_total_s,
    ).where(received.c.day >= window)
    agency_q = (
        select(
            received_agency.c.agency,
            func.sum(received_agency.c.errands),
            func.count(func.distinct(received_agency.c.office)),
        )
        .where(received_agency.c.day >= a_from, received_agency.c.day <= a_to)
        .group_by(received_agency.c.agency)
    )
    if only is not None:
        seen_q = seen_q.where(office_seen.c.office.in_(only))
        days_q = days_q.where(received.c.office.in_(only))
        agency_q = agency_q.where(received_agency.c.office.in_(only))
    with engine.connect() as conn:
        seen = list(conn.execute(seen_q))
        days = list(conn.execute(days_q))
        agencies = [(str(a), int(n), int(o)) for a, n, o in conn.execute(agency_q)]
    by_office: dict[str, list[Any]] = defaultdict(list)
    for row in days:
        by_office[row.office].append(row)
    window_working = [
        window + timedelta(days=n)
        for n in range((yesterday - window).days + 1)
        if is_working_day(window + timedelta(days=n))
    ]
    lines = []
    for s in seen:
        line = OfficeLine(s.office, s.first_day, s.last_day, s.days_received, s.last_received_at)
        held = by_office.get(s.office, [])
        later = sum(1 for r in held if r.day > yesterday and r.working_day)
        received_until_yesterday = s.working_days_received - later
        line.missing = max(
            0, working_days_between(s.first_day, yesterday) - received_until_yesterday
        )
        got = {r.day for r in held}
        gaps = [d for d in window_working if d >= s.first_day and d not in got]
        line.latest_missing = gaps[-SHOWN_MISSING:]
        for r in held:
            if start <= r.day <= yesterday:
                line.visitors += r.visitors
                line.served += r.served
                line.waited += r.waited
                line.waited_within += r.waited_within
                line.wait_total_s += r.wait_total_s
        lines.append(line)
    agencies.sort(key=lambda a: (-a[1], a[0]))
    return Overview(today, weeks, lines, agencies, a_from, a_to)


_KEYS: Mapping[str, Callable[[OfficeLine], Any]] = {
    "office": lambda o: o.office,
    "last_day": lambda o: o.last_day,
    "missing": lambda o: o.missing,
    "last_sync": lambda o: o.last_received_at,
    "visitors": lambda o: o.visitors,
    "level": lambda o: (o.level is not None, o.level or 0.0),
}


def sorted_lines(lines: Iterable[OfficeLine], sort: str, descending: bool) -> list[OfficeLine]:
    ordered = sorted(lines, key=lambda o: o.office)
    return sorted(ordered, key=_KEYS[sort], reverse=descending)


OVERVIEW_COLUMNS = (
    "office",
    "first_day",
    "last_day",
    "days_received",
    "working_days_missing",
    "latest_missing",
    "last_received_at",
    "visitors",
    "served",
    "waited",
    f"called_within_{SERVICE_LEVEL_MINUTES}_min_pct",
    "wait_mean_min",
)


def overview_csv_rows(lines: Sequence[OfficeLine]) -> Iterable[Sequence[Any]]:
    for o in lines:
        yield (
            o.office,
            o.first_day,
            o.last_day,
            o.days_received,
            o.missing,
            " ".join(d.isoformat() for d in o.latest_missing),
            o.last_received_at.isoformat(timespec="seconds"),
            o.visitors,
            o.served,
            o.waited,
            "" if o.level is None else o.level,
            "" if o.wait_mean_min is None else o.wait_mean_min,
        )


CSV_COLUMNS = (
    "office",
    "day",
    "revision",
    *COUNTS,
    "wait_count",
    "wait_mean_s",
    "wait_median_s",
    "wait_p90_s",
    "wait_max_s",
    "service_count",
    "service_mean_s",
    "service_median_s",
    "service_p90_s",
    "service_max_s",
    "staffed_minutes",
)


def csv_line(values: Iterable[Any]) -> str:
    """One CSV line; a text an office sent that a spreadsheet would take for a formula
    (a code beginning with - or +) is quoted with an apostrophe, as spreadsheets do."""
    out = io.StringIO()
    cells = [
        "" if v is None else f"'{v}" if isinstance(v, str) and v and v[0] in "=+-@" else v
        for v in values
    ]
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()


def day_csv_line(row: Any) -> str:
    """One held day as a CSV line: its counts and duration figures."""
    aggregates = json.loads(row.document).get("aggregates", {})
    figures = {
        **{name: int(aggregates.get(name, 0)) for name in COUNTS},
        **durations("wait", Histogram.from_json(aggregates.get("wait"))),
        **durations("service", Histogram.from_json(aggregates.get("service"))),
        "staffed_minutes": aggregates.get("staffed_minutes", 0),
    }
    return csv_line(
        [row.office, row.day.isoformat(), row.revision, *(figures[c] for c in CSV_COLUMNS[3:])]
    )


def _csv(lines: Iterable[str], name: str) -> Response:
    return Response(
        "\ufeff" + "".join(lines),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


def routes(app: FastAPI, engine: Engine, today: Callable[[], date]) -> None:
    """The overview's three routes on the receiver's application."""

    def read(who: Holder, weeks: int, first: date | None, last: date | None) -> Overview:
        if first is not None and last is not None and last < first:
            raise HTTPException(422, "'to' is before 'from'")
        return read_overview(engine, who, today(), weeks=weeks, agency_from=first, agency_to=last)

    @app.get("/", response_class=HTMLResponse)
    def overview_page(
        who: Browser,
        sort: SortBy = "office",
        order: Order = "asc",
        weeks: Weeks = 4,
        agencies_from: Since = None,
        agencies_to: Until = None,
    ) -> HTMLResponse:
        """The national overview as a page (no script, nothing fetched from elsewhere)."""
        seen = read(who, weeks, agencies_from, agencies_to)
        lines = sorted_lines(seen.offices, sort, order == "desc")
        return HTMLResponse(render(seen, lines, sort, order))

    @app.get("/overview.csv", response_class=Response)
    def overview_csv(
        who: Browser, sort: SortBy = "office", order: Order = "asc", weeks: Weeks = 4
    ) -> Response:
        """The overview's rows as CSV."""
        seen = read(who, weeks, None, None)
        lines = sorted_lines(seen.offices, sort, order == "desc")
        body = [csv_line(OVERVIEW_COLUMNS), *(csv_line(r) for r in overview_csv_rows(lines))]
        return _csv(body, f"overview-{seen.today}.csv")

    @app.get("/agencies.csv", response_class=Response)
    def agencies_csv(
        who: Browser,
        agencies_from: Since = None,
        agencies_to: Until = None,
    ) -> Response:
        """Errands per agency, all offices together, for a period (default: the last four weeks)."""
        seen = read(who, 4, agencies_from, agencies_to)
        body = [
            csv_line(("agency", "errands", "offices", "from", "to")),
            *(csv_line((a, n, o, seen.agency_from, seen.agency_to)) for a, n, o in seen.agencies),
        ]
        return _csv(body, f"agencies-{seen.agency_from}-{seen.agency_to}.csv")


HEADERS: tuple[tuple[str | None, str], ...] = (
    ("office", "Kontor"),
    ("last_day", "Senaste dag"),
    ("missing", "Saknade arbetsdagar"),
    (None, "Senast saknade"),
    ("last_sync", "Senaste synk (UTC)"),
    ("visitors", "Besökare"),
    ("level", f"Inom {SERVICE_LEVEL_MINUTES} min"),
    (None, "Medelväntan"),
)


def _number(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = f"{value:,.1f}" if isinstance(value, float) else f"{value:,}"
    return text.replace(",", "\u00a0").replace(".", ",") + unit


def render(seen: Overview, lines: Sequence[OfficeLine], sort: str, order: str) -> str:
    """The overview as HTML: sortable by a link in each column's head."""
    first, last = seen.period
    heads = []
    for key, title in HEADERS:
        if key is None:
            heads.append(f"<th scope='col'>{title}</th>")
            continue
        flip = "desc" if key == sort and order == "asc" else "asc"
        link = "?" + urlencode({"sort": key, "order": flip, "weeks": seen.weeks})
        aria = (
            f" aria-sort='{'ascending' if order == 'asc' else 'descending'}'" if key == sort else ""
        )
        mark = (" ▲" if order == "asc" else " ▼") if key == sort else ""
        heads.append(f"<th scope='col'{aria}><a href='{escape(link)}'>{title}{mark}</a></th>")
    rows = []
    for o in lines:
        shown = ", ".join(d.isoformat() for d in o.latest_missing)
        older = o.missing - len(o.latest_missing)
        if older > 0:
            shown += f"{' och ' if shown else ''}{older} tidigare"
        level_class = "bad" if o.level is not None and o.level < 80 else ""
        rows.append(
            f"<tr><th scope='row'>{escape(o.office)}</th>"
            f"<td class='date'>{o.last_day.isoformat()}</td>"
            f"<td class='num {'bad' if o.missing else 'ok'}'>{o.missing}</td>"
            f"<td>{escape(shown)}</td>"
            f"<td class='date'>{o.last_received_at:%Y-%m-%d %H:%M}</td>"
            f"<td class='num'>{_number(o.visitors)}</td>"
            f"<td class='num {level_class}'>{_number(o.level, ' %')}</td>"
            f"<td class='num'>{_number(o.wait_mean_min, ' min')}</td></tr>"
        )
    waited = sum(o.waited for o in lines)
    within = sum(o.waited_within for o in lines)
    national = round(100 * within / waited, 1) if waited else None
    missing_offices = sum(1 for o in lines if o.missing)
    agency_rows = (
        "".join(
            f"<tr><th scope='row'>{escape(a)}</th><td class='num'>{_number(n)}</td>"
            f"<td class='num'>{o}</td></tr>"
            for a, n, o in seen.agencies
        )
        or "<tr><td colspan='3'>Inga ärenden under perioden.</td></tr>"
    )
    body = (
        "\n".join(rows) or "<tr><td colspan='8'>Inget kontor har skickat någon dag ännu.</td></tr>"
    )
    return PAGE.format(
        today=seen.today.isoformat(),
        offices=len(lines),
        missing_offices=missing_offices,
        visitors=_number(sum(o.visitors for o in lines)),
        national=_number(national, " %"),
        minutes=SERVICE_LEVEL_MINUTES,
        weeks=seen.weeks,
        first=first.isoformat(),
        last=last.isoformat(),
        heads="".join(heads),
        rows=body,
        agency_rows=agency_rows,
        sort=escape(sort),
        order=escape(order),
        a_from=seen.agency_from.isoformat(),
        a_to=seen.agency_to.isoformat(),
        csv=escape(
            "overview.csv?" + urlencode({"sort": sort, "order": order, "weeks": seen.weeks})
        ),
        agencies_csv=escape(
            "agencies.csv?" + urlencode({"from": seen.agency_from, "to": seen.agency_to})
        ),
    )


PAGE = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Servicedisk – nationell översikt</title>
<style>
body {{ font-family: system-ui, "DejaVu Sans", sans-serif; margin: 1.5em 2em; color: #1d1d1d; }}
h1 {{ font-size: 1.5em; margin-bottom: .2em; }} h2 {{ font-size: 1.15em; margin-top: 1.6em; }}
p.lead {{ margin-top: 0; color: #444; }}
.figures {{ display: flex; gap: 1em; margin: 1em 0; flex-wrap: wrap; }}
.figure {{ border: 1px solid #ccd; border-radius: 6px; padding: .5em 1em; min-width: 10em; }}
.figure b {{ display: block; font-size: 1.4em; }}
table {{ border-collapse: collapse; }}
th, td {{ border-bottom: 1px solid #dde; padding: .25em .7em; text-align: left; }}
thead th {{ background: #f0f2f6; position: sticky; top: 0; }}
th a {{ color: inherit; }} td.date {{ white-space: nowrap; }}
td.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.bad {{ color: #a61c00; font-weight: bold; }} td.ok {{ color: #256b2a; }}
tbody tr:nth-child(even) {{ background: #fafbfc; }}
form {{ margin: .5em 0 1em; }} input, button {{ font: inherit; }}
a:focus, input:focus, button:focus {{ outline: 3px solid #1a5fb4; outline-offset: 2px; }}
</style></head><body>
<h1>Servicedisk – nationell översikt</h1>
<p class="lead">{offices} kontor, i dag {today}. Besökare och servicenivå avser de senaste {weeks}
veckorna ({first} – {last}); servicenivån är andelen som ropades upp inom {minutes} minuter
(rött under 80&nbsp;%).
Saknade arbetsdagar räknas från kontorets första dag till och med i går (måndag–fredag,
helgdagar undantagna).</p>
<div class="figures">
<div class="figure">Besökare<b>{visitors}</b></div>
<div class="figure">Inom {minutes} min, hela landet<b>{national}</b></div>
<div class="figure">Kontor som saknar dagar<b>{missing_offices}</b></div>
</div>
<p><a href="{csv}">Hämta tabellen som CSV</a></p>
<table><thead><tr>{heads}</tr></thead>
<tbody>
{rows}
</tbody></table>
<h2>Ärenden per myndighet, {a_from} – {a_to}</h2>
<form method="get"><input type="hidden" name="sort" value="{sort}">
<input type="hidden" name="order" value="{order}"><input type="hidden" name="weeks" value="{weeks}">
<label>Från <input type="date" name="from" value="{a_from}"></label>
<label>Till <input type="date" name="to" value="{a_to}"></label>
<button type="submit">Visa</button> <a href="{agencies_csv}">Hämta som CSV</a></form>
<table><thead><tr><th scope="col">Myndighet</th><th scope="col">Ärenden</th>
<th scope="col">Kontor</th></tr></thead>
<tbody>{agency_rows}</tbody></table>
</body></html>
"""
