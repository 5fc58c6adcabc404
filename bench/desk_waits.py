"""What the long-work benches share: a big office's year, reception issuing beside the
work, and the waits of its issues as figures (budget: a press waits ≤ 50 ms).

Not a bench itself (its name does not start with ``bench_``): bench_purge,
bench_long_work and bench_long_work_server use it. Reception is another process, as
at an office: it issues a ticket every PACE_S, each timed, from a second before the
work starts (the baseline) until just after it ends. :func:`timed_writes` times the
work's own write transactions, so a figure's note says which of them the longest
wait met and how long it held the write lock. On SQLite a press that finds the lock
taken looks again 1, 2, 5, 10, 15, 20, 25 … ms later (SQLite's busy handler), so its
waits come in steps: some 20 ms behind a transaction of 10 ms, some 55 behind one of 35.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import statistics
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import event

from app.config import resolve_settings
from app.services.access.actor import SYSTEM, Desk
from app.services.office.clock import ManualClock, SystemClock
from app.services.office.info import seeder
from app.store.engine import Store, open_store
from bench.common import figure, ms, percentile

YEAR_DAYS, VISITS_PER_DAY = 365, 600  # a big office's year, the demo's (about 220,000 visits)
NOW = datetime(2025, 11, 20, 13, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
BUDGET_MS = 50.0
PACE_S = 0.02  # reception issues every 20 ms
BASELINE_S = 1.0  # its issues in the second before the work starts: the baseline

T = TypeVar("T")


def big_office_year(data_dir: Path) -> Desk:
    """A SQLite store in data_dir holding a big office's year, and a SYSTEM desk on it."""
    from app.demo.fill import generate_demo

    clock = ManualClock(NOW)
    store = open_store(resolve_settings(data_dir, env={}), now=clock.now, seed=seeder(clock))
    desk = Desk(store, clock, SYSTEM)
    generate_demo(desk, days=YEAR_DAYS, seed=7, visits_per_day=VISITS_PER_DAY)
    return desk


def _reception(data_dir: str, url: str | None, started, stop, results) -> None:
    """Child: issue a ticket every PACE_S until told to stop; each issue timed.

    An issue that fails (the store busy past its timeout) is timed too and named:
    the child always reports, so the bench says what went wrong instead of hanging.
    """
    timed: list[tuple[float, float]] = []
    errors: list[str] = []
    try:
        from app.services.queue.calling import issue_ticket

        settings = resolve_settings(data_dir, url, env={})
        desk = Desk(open_store(settings), SystemClock(), SYSTEM)
        issue_ticket(desk, "A")  # warm
        started.set()
        while not stop.is_set():
            at = time.perf_counter()
            try:
                issue_ticket(desk, "ABCD"[len(timed) % 4])
            except Exception as exc:  # reported with the figures
                errors.append(f"{type(exc).__name__}: {exc}")
            timed.append((at, time.perf_counter() - at))
            time.sleep(PACE_S)
        desk.store.close()
    except Exception:
        errors.append(traceback.format_exc())
    finally:
        started.set()
        results.put((timed, errors))


@dataclass
class Waits:
    """Reception's issues around one piece of work, and how long the work took."""

    before: list[float]  # seconds per issue in the second before the work
    during: list[tuple[float, float]]  # (when it began, seconds) per issue while it ran
    start: float  # when the work began (perf_counter: one clock for both processes)
    seconds: float  # the work's own time
    errors: list[str] = field(default_factory=list)  # issues that failed
    failed: str | None = None  # the work's own error, when it failed (timed all the same)

    @property
    def waits(self) -> list[float]:
        """Seconds per issue while the work ran."""
        return [t for _, t in self.during]

    def note(self) -> str:
        """The issues meanwhile and the baseline, for a figure's note."""
        at, _ = max(self.during, key=lambda issue: issue[1])
        text = (
            f"{len(self.during)} issues meanwhile from another process, median "
            f"{ms(statistics.median(self.waits))} ms, the longest {at - self.start:.2f} s "
            f"into the work; before the work: median {ms(statistics.median(self.before))} ms, "
            f"longest {ms(max(self.before))} ms"
        )
        if self.errors:
            text += f"; {len(self.errors)} issues FAILED: {self.errors[0].strip()[:200]}"
        return text


def issues_during(
    data_dir: Path, work: Callable[[], T], url: str | None = None
) -> tuple[T | None, Waits]:
    """Run work here while another process issues tickets on the same store; the waits.

    Work that fails returns None; the waits until it failed are reported all the same,
    with its error (a figure that fails). What the bench itself left in memory (the
    year it generated, the modules run before) is collected and frozen first, as the
    app freezes what its start-up loaded (and as ``longest_gui_stall`` does): a full
    collection over the bench's own leftovers (some 60 ms) inside one of the work's
    write transactions is not the app's wait.
    """
    gc.collect()
    gc.freeze()
    try:
        return _issues_during(data_dir, work, url)
    finally:
        gc.unfreeze()


def _issues_during(
    data_dir: Path, work: Callable[[], T], url: str | None = None
) -> tuple[T | None, Waits]:
    ctx = multiprocessing.get_context("spawn")
    started, stop, results = ctx.Event(), ctx.Event(), ctx.Queue()
    child = ctx.Process(target=_reception, args=(str(data_dir), url, started, stop, results))
    child.start()
    try:
        started.wait(60)
        time.sleep(BASELINE_S)
        start = time.perf_counter()
        done: T | None = None
        failed = None
        try:
            done = work()
        except Exception as exc:  # reported with the figures, and fails them
            failed = f"{type(exc).__name__}: {exc}"
        end = time.perf_counter()
        time.sleep(0.2)
    finally:
        stop.set()
        timed, errors = results.get(timeout=120)
        child.join(60)
    before = [t for at, t in timed if at < start]
    during = [(at, t) for at, t in timed if start <= at <= end]
    if not before or not during:
        raise RuntimeError(f"reception issued nothing to time: {'; '.join(errors) or 'no error'}")
    return done, Waits(before, during, start, end - start, errors, failed)


def wait_figures(
    longest_name: str, p99_name: str, waits: Waits, what: str, writes: Writes | None = None
) -> list[dict[str, Any]]:
    """The longest wait of an issue (budgeted) and its p99 during the work."""
    note = f"{what} in {waits.seconds:.1f} s; " + waits.note()
    if writes is not None:
        note += f"; {writes.note(waits)}"
    longest = max(waits.waits)
    row = figure(longest_name, ms(longest), "ms", f"≤ {BUDGET_MS:g}", note)
    if waits.errors:
        row["ok"] = False
    p99 = ms(percentile(waits.waits, 99))
    rows = [row, figure(p99_name, p99, "ms", None, "the same issues")]
    if waits.failed is not None:
        work = longest_name.split(":", 1)[0]
        failed = figure(f"{work}: the work itself FAILED", 0, "", None, waits.failed[:300])
        failed["ok"] = False
        rows.append(failed)
    return rows


@dataclass
class Span:
    """One write transaction of the work: when it asked for the write lock, had it,
    began its commit and ended; and the function that opened it."""

    asked: float
    locked: float
    committing: float
    ended: float
    where: str

    @property
    def took(self) -> float:
        """From asking for the lock to the end of the commit."""
        return self.ended - self.asked

    def text(self) -> str:
        """ "12.3 ms (retention.py:purge: 0.5 ms for the lock, 9.8 held, 2 ms commit)"."""
        return (
            f"{ms(self.took)} ms ({self.where}: {ms(self.locked - self.asked)} ms for the "
            f"lock, {ms(self.committing - self.locked)} held, {ms(self.ended - self.committing)} "
            "committing)"
        )


@dataclass
class Writes:
    """The write transactions a piece of work took in this process (a diagnosis: which
    of them holds the write lock how long, and which an issue's longest wait met)."""

    spans: list[Span] = field(default_factory=list)

    def note(self, waits: Waits) -> str:
        """How many, the longest, and those the longest wait of an issue overlapped."""
        if not self.spans:
            return "the work took no write transaction meanwhile"
        took = [span.took for span in self.spans]
        longest = max(self.spans, key=lambda span: span.took)
        at, wait = max(waits.during, key=lambda issue: issue[1])
        met = [span for span in self.spans if span.asked < at + wait and span.ended > at]
        return (
            f"the work's {len(took)} write transactions: median "
            f"{ms(statistics.median(took))} ms, longest {longest.text()}; the longest wait "
            + (f"met {'; '.join(span.text() for span in met)}" if met else "met none of them")
        )


@contextlib.contextmanager
def timed_writes(store: Store) -> Iterator[Writes]:
    """Time every write transaction this process opens on store meanwhile: asking for the
    lock, holding it, committing (on SQLite the commit's fsync, and a checkpoint of the
    WAL when it has grown past its limit, after the lock is let go)."""
    writes = Writes()
    plain, bare = store.write, store.write_connection
    marks: dict[str, float] = {}

    def locked(conn: Any) -> None:  # after the store's own begin: BEGIN IMMEDIATE, or the lock
        if conn.get_execution_options().get("servicedisk_write"):
            marks.setdefault("locked", time.perf_counter())

    def committing(conn: Any) -> None:
        if conn.get_execution_options().get("servicedisk_write"):
            marks.setdefault("committing", time.perf_counter())

    def wrap(opener: Callable[..., Any]) -> Callable[..., Any]:
        @contextlib.contextmanager
        def opened(*args: Any, **kwargs: Any) -> Iterator[Any]:
            caller = sys._getframe(2).f_code  # past contextlib's __enter__
            where = f"{Path(caller.co_filename).name}:{caller.co_name}"
            marks.clear()
            asked = time.perf_counter()
            try:
                with opener(*args, **kwargs) as handle:
                    yield handle
            finally:
                ended = time.perf_counter()
                had = marks.get("locked", asked)
                writes.spans.append(Span(asked, had, marks.get("committing", ended), ended, where))

        return opened

    event.listen(store.engine, "begin", locked)
    event.listen(store.engine, "commit", committing)
    store.write = wrap(plain)  # type: ignore[method-assign]
    store.write_connection = wrap(bare)  # type: ignore[method-assign]
    try:
        yield writes
    finally:
        del store.write, store.write_connection  # the class's own again
        event.remove(store.engine, "begin", locked)
        event.remove(store.engine, "commit", committing)
