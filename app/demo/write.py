"""The demo's fast writer: rows with ids given here, bulk inserted with Core executemany.

No ORM objects: each table's rows are tuples in the column order of
:data:`COLUMNS`, inserted parents first, with instants kept as epoch seconds
until the insert turns each distinct one into the column's bound value once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import case, func, insert, select, text
from sqlalchemy.orm import Session

from app.demo.plan import DayPlan
from app.demo.sim import state_at
from app.demo.world import World
from app.models import CallEvent, Errand, Ticket, TicketCounter, Visit
from app.models.base import UTCDateTime

# The columns the writer fills, in the order of its row tuples.
COLUMNS: dict[Any, tuple[str, ...]] = {
    Ticket: (
        "id", "business_day", "code", "number", "origin_queue_id", "queue_id", "booked",
        "state", "issued_at", "place_at", "first_called_at", "called_at", "recalls",
        "service_point_id", "staff_id", "closed_at", "print_status", "demo",
    ),
    CallEvent: ("id", "business_day", "at", "ticket_id", "service_point_id", "recall"),
    Visit: (
        "id", "business_day", "ticket_id", "channel", "service_point_id", "staff_id",
        "started_at", "ended_at", "timing_unreliable", "demo",
    ),
    Errand: (
        "id", "visit_id", "position", "agency_id", "errand_type_id", "outcome_id",
        "referral_target_id", "language_id", "interpreter_kind_id", "staff_id",
        "duration_seconds", "created_at",
    ),
}  # fmt: skip


class Writer:
    """Rows for the store, with ids given here, inserted in bulk."""

    TABLES = (Ticket, CallEvent, Visit, Errand)

    def __init__(self, session: Session, world: World) -> None:
        self.session, self.world = session, world
        self.next_id = {
            m: int(session.scalar(select(func.coalesce(func.max(m.id), 0))) or 0) + 1
            for m in self.TABLES
        }
        self.rows: dict[Any, list[tuple[Any, ...]]] = {m: [] for m in self.TABLES}
        self.counts = dict.fromkeys(self.TABLES, 0)
        self.counters: dict[tuple[date, str], int] = {}
        self.days: list[date] = []

    def _visit(self, values: tuple[Any, ...]) -> int:
        visit_id = self.next_id[Visit]
        self.next_id[Visit] += 1
        self.rows[Visit].append((visit_id, *values, True))
        return visit_id

    def _errands(
        self,
        visit_id: int,
        errands: list[list[Any]],
        language: int | None,
        interpreter: int | None,
        durations: list[int | None],
        staff: int | None,
        at: int,
    ) -> None:
        rows, first = self.rows[Errand], self.next_id[Errand]
        for position, (errand, seconds) in enumerate(zip(errands, durations, strict=True)):
            agency, type_id, outcome, target, _ = errand
            row = (
                first + position, visit_id, position, agency, type_id, outcome, target,
                language, interpreter, staff, seconds, at,
            )  # fmt: skip
            rows.append(row)
        self.next_id[Errand] = first + len(errands)

    def add(self, plan: DayPlan, cut: float) -> None:
        """The rows of one simulated day, as they stand at `cut`."""
        day, world, wrote = plan.day, self.world, False
        tickets, calls = self.rows[Ticket], self.rows[CallEvent]
        for tk in plan.tickets:
            if tk.issued > cut:
                continue
            wrote = True
            s = state_at(tk, cut)
            letter = world.letter[tk.queue_id]
            key = (day, letter)
            self.counters[key] = max(self.counters.get(key, 0), tk.number)
            ticket_id = self.next_id[Ticket]
            self.next_id[Ticket] += 1
            point_id = world.points[s.point].id if s.point is not None else None
            staff = world.staff_at(day, s.point) if s.point is not None else None
            issued = round(tk.issued)
            row = (
                ticket_id, day, f"{letter}{tk.number:03d}", tk.number, tk.queue_id, s.queue_id,
                tk.booked, s.state, issued, issued, _maybe(s.first_called), _maybe(s.called),
                s.recalls, point_id, staff, _maybe(s.closed), "printed", True,
            )  # fmt: skip
            tickets.append(row)
            for at, point, recall in s.calls:
                at_point = world.points[point].id
                calls.append((self.next_id[CallEvent], day, round(at), ticket_id, at_point, recall))
                self.next_id[CallEvent] += 1
            if s.visit is None:
                continue
            started, ended, forgot = s.visit
            end = round(ended)
            visit_id = self._visit(
                (day, ticket_id, "ticket", point_id, staff, round(started), end, forgot)
            )
            durations: list[int | None] = [e[4] for e in tk.errands]
            if forgot:
                durations = [None] * len(durations)
            else:
                durations[0] = (durations[0] or 0) + round(s.walk)
            self._errands(visit_id, tk.errands, tk.language, tk.interpreter, durations, staff, end)
        for channel, start, ended, language, interpreter, errands in plan.quick:
            if ended > cut:
                continue
            wrote = True
            end = round(ended)
            visit_id = self._visit((day, None, channel, None, None, round(start), end, False))
            seconds = end - round(start)
            self._errands(visit_id, errands, language, interpreter, [seconds], None, end)
        if wrote:
            self.days.append(day)

    @property
    def pending(self) -> int:
        """Rows not yet inserted."""
        return sum(len(rows) for rows in self.rows.values())

    def flush(self) -> None:
        """Insert what is pending, parents first (Core executemany: no ORM objects)."""
        instants: dict[int, Any] = {}
        for model in self.TABLES:
            rows = self.rows[model]
            if rows:
                _bulk_insert(self.session, model, COLUMNS[model], rows, instants)
                self.counts[model] += len(rows)
                rows.clear()

    def finish(self) -> None:
        """Leave the ticket counters at the last number given, and server sequences past ours."""
        self.flush()
        dialect = self.session.get_bind().dialect.name
        if self.counters:
            from sqlalchemy.dialects import postgresql, sqlite

            upsert: Any = postgresql.insert if dialect == "postgresql" else sqlite.insert
            stmt = upsert(TicketCounter)
            last = TicketCounter.last_number
            stmt = stmt.on_conflict_do_update(
                index_elements=["business_day", "letter"],
                set_={
                    "last_number": case(
                        (last > stmt.excluded.last_number, last), else_=stmt.excluded.last_number
                    )
                },
            )
            rows = [
                {"business_day": d, "letter": letter, "last_number": n}
                for (d, letter), n in sorted(self.counters.items())
            ]
            self.session.execute(stmt, rows)
        if dialect == "postgresql":  # ids were given here, so move the sequences on
            for model in self.TABLES:
                name = model.__tablename__
                self.session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT coalesce(max(id), 0) + 1 FROM {name}), false)"
                    )
                )


def _maybe(seconds: float | None) -> int | None:
    # Instants stay whole epoch seconds until _bulk_insert turns them into datetimes.
    return None if seconds is None else round(seconds)


def _bulk_insert(
    session: Session,
    model: Any,
    keys: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    instants: dict[int, Any],
) -> None:
    """Insert rows with one executemany, processing parameters a column at a time.

    Session.execute(insert(table), rows) builds and type-processes parameters
    row by row; here the statement is compiled once for the dialect and each
    column's own bind processor (the one SQLAlchemy would use) runs once per
    distinct value. Instants come as epoch seconds; `instants` remembers them
    across tables (a visit ends when its ticket closes).
    """
    conn = session.connection()
    dialect = conn.dialect
    table = model.__table__
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    columns: dict[str, list[Any]] = {}
    for key, values in zip(keys, map(list, zip(*rows, strict=True)), strict=True):
        column_type = table.c[key].type
        processor = column_type.dialect_impl(dialect).bind_processor(dialect)
        if processor is None:
            columns[key] = values
            continue
        if isinstance(column_type, UTCDateTime):
            memo = instants
            for value in set(values) - memo.keys():
                memo[value] = processor(datetime.fromtimestamp(value, UTC)) if value else None
        else:
            memo = {value: processor(value) for value in set(values)}
        columns[key] = [memo[value] for value in values]
    if compiled.positional:
        order = compiled.positiontup or keys
        params: list[Any] = list(zip(*(columns[name] for name in order), strict=True))
    else:
        params = [dict(zip(keys, row, strict=True)) for row in zip(*columns.values(), strict=True)]
    conn.exec_driver_sql(compiled.string, params)
