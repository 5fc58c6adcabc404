"""The central receiver at a national year: 150 offices × 365 days sent at once, then read back.

Each store (PostgreSQL with fsync on, then SQLite) gets the receiver's own database
(``python -m app.receiver upgrade``), a token per office bound to it and one central
reading token, and the receiver served as production serves it, in a process of its
own (``python -m app.receiver serve --workers W``, its JSON request log to a file).
A load generator, another process on the same two cores (asyncio, one task and one
keep-alive connection per office, HTTP/1.1 by hand to leave the cores to the
receiver), sends every office's year at once: documents of the app's own payload
model, one template per office, the day and revision varied. Some days go again at a
higher revision (kept), at the same one (a lost answer: 200, nothing changes) or at a
lower one (409 with the revision held). Afterwards the database is read: every
office × day must be held at its highest revision, ``office_seen`` must count each
office's days, and the agency rows must be those of the kept documents.

Then the year is read with the central token, in pages (``GET /v1/days``, following
``next``) and as streamed CSV (``GET /v1/days.csv``), while the receiver's workers'
resident memory is watched (VmHWM reset before the reads, VmRSS polled); and the
overview (``GET /``, ``/overview.csv``) is timed after warm-up. The baseline, in the
same run: the same rows written by the bare driver, one transaction per row
(psycopg, as many connections as the receiver's pools hold; sqlite3, WAL, FULL).

The year is the 365 days up to yesterday, so that the overview's last weeks are
full. A smaller run: ``python -m bench.bench_receiver --offices 20 --days 30`` (or
``BENCH_RECEIVER_OFFICES``, ``BENCH_RECEIVER_DAYS``, ``BENCH_RECEIVER_STORES`` =
postgresql,sqlite and ``BENCH_RECEIVER_SQLITE_WORKERS`` = 1 or 1,2 under ``python -m bench``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import logging
import os
import select
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bench.common import figure, percentile
from bench.receiver_load import Template, office_code, plan, say, templates, variant, year_days

ROOT = Path(__file__).resolve().parent.parent
OFFICES, DAYS = 150, 365
PG_WORKERS = int(os.environ.get("BENCH_RECEIVER_PG_WORKERS") or 2)
SQLITE_WORKERS = (1,)
RATE, BURST = 100_000, 1_000_000  # the receiver's highest settings: nothing is throttled
PUT_RATE_BUDGET = 460.0  # PUT/s
YEAR_BUDGET_S = 120.0  # the national year (150 × 365 days); scaled for a smaller run
P99_BUDGET_MS = 1000.0
RSS_BUDGET_MB = 300.0
OVERVIEW_BUDGET_MS = 200.0
PAGE = 500
OVERVIEW_WARMUP, OVERVIEW_TIMES = 3, 20
ENV_OFFICES, ENV_DAYS = "BENCH_RECEIVER_OFFICES", "BENCH_RECEIVER_DAYS"
ENV_STORES, ENV_SQLITE_WORKERS = "BENCH_RECEIVER_STORES", "BENCH_RECEIVER_SQLITE_WORKERS"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def _children(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields is not None and int(fields[1]) == parent:
                found.append(int(entry.name))
    return found


def _tree(pid: int) -> list[int]:
    """The process and its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(_children(p))
    return out


def _cpu(pid: int) -> float:
    """CPU seconds of a process tree, the reaped children of its root counted too."""
    total = 0.0
    for p in _tree(pid):
        fields = _stat(p)
        if fields is not None:
            total += int(fields[11]) + int(fields[12])
            if p == pid:
                total += int(fields[13]) + int(fields[14])
    return total / CLK_TCK


def _machine_busy() -> float:
    """CPU seconds the machine spent busy (all cores) since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    return (sum(values) - values[3] - values[4]) / CLK_TCK


def _memory_kb(pid: int, key: str) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _line(proc: subprocess.Popen[str], timeout: float) -> str:
    """The next line the child prints, or "" when it ends or the time runs out."""
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    return proc.stdout.readline().strip() if ready else ""


class Receiver:
    """``python -m app.receiver serve`` in a process group of its own, its log in a file."""

    def __init__(self, url: str, workers: int, log: Path) -> None:
        self.url, self.workers, self.log = url, workers, log
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Receiver:
        import httpx

        env = {k: v for k, v in os.environ.items() if not k.startswith("SERVICEDISK_RECEIVER")}
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable, "-m", "app.receiver", "--database", self.url, "serve",
                    "--host", "127.0.0.1", "--port", str(self.port),
                    "--workers", str(self.workers), "--rate", str(RATE), "--burst", str(BURST),
                ],
                cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the receiver ended at start: {self.tail()}")
            answered = 0
            with contextlib.suppress(httpx.HTTPError):
                answered = httpx.get(self.base + "/ready", timeout=5).status_code
            if answered == 200 and len(self.serving()) == self.workers:
                time.sleep(2)  # one worker answered; the others' imports done too
                return self
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the receiver was not ready in 120 s: {self.tail()}")

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def serving(self) -> list[int]:
        """The processes that answer: uvicorn's spawned workers, or the one process."""
        assert self.proc is not None
        if self.workers == 1:
            return [self.proc.pid]
        found = []
        for pid in _children(self.proc.pid):
            with contextlib.suppress(OSError):
                if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    found.append(pid)
        return found

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is not None:
            with contextlib.suppress(ProcessLookupError):  # workers orphaned by a dead main
                os.killpg(self.proc.pid, signal.SIGKILL)
            return
        self.proc.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):  # whatever of the group is left
            os.killpg(self.proc.pid, signal.SIGKILL)  # (the session this bench started)
        self.proc.wait(timeout=30)

    def tail(self) -> str:
        with contextlib.suppress(OSError):
            return self.log.read_text(errors="replace")[-2000:]
        return ""


class RssWatch:
    """The serving processes' resident memory: peaks since a reset, and a 20 ms poll of the sum."""

    def __init__(self, pids: list[int]) -> None:
        self.pids = pids
        self.polled_max_kb = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def reset(self) -> None:
        for pid in self.pids:  # "5": the peak (VmHWM) set back to what is resident now
            Path(f"/proc/{pid}/clear_refs").write_text("5")  # (Linux 4.0 on)
        self.polled_max_kb = 0

    def peaks_kb(self) -> list[int]:
        return [_memory_kb(pid, "VmHWM") for pid in self.pids]

    def __enter__(self) -> RssWatch:
        self._stop.clear()

        def poll() -> None:
            while not self._stop.wait(0.02):
                total = sum(_memory_kb(pid, "VmRSS") for pid in self.pids)
                self.polled_max_kb = max(self.polled_max_kb, total)

        self._thread = threading.Thread(target=poll, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)


# --- one store ------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one store's run measured."""

    label: str
    postgres: bool
    workers: int
    puts: int = 0
    wall: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    wrong: list[str] = field(default_factory=list)
    sent_mb: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)
    check: dict[str, Any] = field(default_factory=dict)
    rss_write_mb: float = 0.0
    rss_read_mb: float = 0.0
    rss_read_polled_mb: float = 0.0
    rss_supervisor_mb: float = 0.0
    pages: dict[str, Any] = field(default_factory=dict)
    csv: dict[str, Any] = field(default_factory=dict)
    overview: dict[str, list[float]] = field(default_factory=dict)
    log: dict[str, Any] = field(default_factory=dict)
    raw_rate: float = 0.0
    raw_note: str = ""
    upgrade_s: float = 0.0

    @property
    def rate(self) -> float:
        return self.puts / self.wall if self.wall else 0.0

    @property
    def failed(self) -> int:
        return sum(n for s, n in self.statuses.items() if s not in ("200", "409"))


def _expected(n_offices: int, days: list[date]) -> tuple[dict[tuple[str, date], int], int]:
    """Every office × day's highest revision sent, and how many PUTs are sent in all."""
    held: dict[tuple[str, date], int] = {}
    puts = 0
    for n in range(n_offices):
        sends = plan(n, len(days))
        puts += len(sends)
        for s in sends:
            key = (office_code(n), days[s.day])
            held[key] = max(held.get(key, -1), s.revision)
    return held, puts


def _check(url: str, kinds: list[list[Template]], days: list[date]) -> dict[str, Any]:
    """The database against what was sent: revisions, office_seen, agency rows."""
    from sqlalchemy import text

    from app.receiver.db import open_engine
    from app.receiver.keeping import is_working_day

    expected, _ = _expected(len(kinds), days)
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT office, day, revision FROM received_day")).all()
            seen = conn.execute(
                text("SELECT office, days_received, working_days_received FROM office_seen")
            ).all()
            agency_rows = conn.execute(text("SELECT count(*) FROM received_agency")).scalar_one()
    finally:
        engine.dispose()
    held = {
        (r.office, r.day if isinstance(r.day, date) else date.fromisoformat(r.day)): r.revision
        for r in rows
    }
    wrong = sum(1 for k, v in expected.items() if held.get(k) != v)
    extra = len(set(held) - set(expected))
    working = sum(1 for d in days if is_working_day(d))
    seen_wrong = sum(
        1 for s in seen if s.days_received != len(days) or s.working_days_received != working
    ) + (len(kinds) - len(seen))
    agencies = sum(kinds[n][variant(d)].agencies for n in range(len(kinds)) for d in days)
    return {
        "expected": len(expected),
        "held": len(held),
        "wrong": wrong + extra,
        "seen_wrong": seen_wrong,
        "agency_rows": int(agency_rows),
        "agency_expected": agencies,
    }


def _send_year(
    receiver: Receiver, tokens: list[str], days: list[date], folder: Path, pg_root: int | None
) -> tuple[dict[str, Any], dict[str, float]]:
    """The load generator's run, and the CPU each side spent meanwhile."""
    spec = folder / "load.json"
    out = folder / "load-out.json"
    spec.write_text(
        json.dumps(
            {
                "url": receiver.base,
                "tokens": tokens,
                "offices": len(tokens),
                "days": [d.isoformat() for d in days],
                "out": str(out),
            }
        )
    )
    spec.chmod(0o600)
    _, puts = _expected(len(tokens), days)
    timeout = max(900.0, puts / 40)
    with (folder / "load.err").open("w") as err:
        loader = subprocess.Popen(
            [sys.executable, "-m", "bench.receiver_load", str(spec)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
            start_new_session=True,
        )
    try:
        if _line(loader, 300) != "ready":
            raise RuntimeError(f"the load generator did not start: {_tail(folder / 'load.err')}")
        assert receiver.proc is not None and loader.stdin is not None
        before = {
            "receiver": _cpu(receiver.proc.pid),
            "machine": _machine_busy(),
            **({"postgres": _cpu(pg_root)} if pg_root else {}),
        }
        loader.stdin.write("go\n")
        loader.stdin.flush()
        if _line(loader, timeout) != "done":
            raise RuntimeError(
                f"the load generator did not finish in {timeout:.0f} s: "
                f"{_tail(folder / 'load.err')}"
            )
        after = {
            "receiver": _cpu(receiver.proc.pid),
            "machine": _machine_busy(),
            **({"postgres": _cpu(pg_root)} if pg_root else {}),
        }
        loader.wait(timeout=60)
    finally:
        if loader.poll() is None:
            loader.kill()
            loader.wait(timeout=30)
    result = json.loads(out.read_text())
    cpu = {k: after[k] - before[k] for k in after}
    cpu["loader"] = result["cpu"]
    return result, cpu


def _pg_counters(url: str) -> dict[str, int]:
    """Sessions opened and transactions committed in the database so far (pg_stat_database)."""
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as conn:
        row = conn.execute(
            "SELECT sessions, xact_commit FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
    assert row is not None
    return {"sessions": int(row[0]), "commits": int(row[1])}


def _tail(path: Path) -> str:
    with contextlib.suppress(OSError):
        return path.read_text(errors="replace")[-2000:]
    return ""


def _read_pages(base: str, token: str, first: date, last: date, expected: dict) -> dict[str, Any]:
    import httpx

    pages = days = mismatched = size = 0
    parse = 0.0
    cursor: str | None = None
    start = time.perf_counter()
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=300
    ) as client:
        while True:
            params: dict[str, Any] = {"from": first.isoformat(), "to": last.isoformat()}
            params["limit"] = PAGE
            if cursor:
                params["cursor"] = cursor
            answer = client.get("/v1/days", params=params)
            if answer.status_code != 200:
                raise RuntimeError(f"GET /v1/days: {answer.status_code} {answer.text[:300]}")
            size += len(answer.content)
            began = time.perf_counter()
            page = json.loads(answer.content)
            for doc in page["days"]:
                key = (doc["office"], date.fromisoformat(doc["day"]))
                mismatched += expected.get(key) != doc["revision"]
            parse += time.perf_counter() - began
            pages += 1
            days += len(page["days"])
            cursor = page["next"]
            if not cursor:
                break
    return {
        "seconds": time.perf_counter() - start,
        "pages": pages,
        "days": days,
        "mismatched": mismatched,
        "mb": size / 1e6,
        "parse": parse,
    }


def _read_csv(base: str, token: str, first: date, last: date, expected: dict) -> dict[str, Any]:
    import httpx

    rows = mismatched = size = 0
    first_byte: float | None = None
    rest = b""
    header = True
    start = time.perf_counter()
    with (
        httpx.Client(
            base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=300
        ) as client,
        client.stream(
            "GET", "/v1/days.csv", params={"from": first.isoformat(), "to": last.isoformat()}
        ) as answer,
    ):
        if answer.status_code != 200:
            raise RuntimeError(f"GET /v1/days.csv: {answer.status_code}")
        for chunk in answer.iter_bytes():
            if first_byte is None:
                first_byte = time.perf_counter() - start
            size += len(chunk)
            lines = (rest + chunk).split(b"\r\n")
            rest = lines.pop()
            for line in lines:
                if header:
                    header = False
                    continue
                office, day, revision = line.split(b",", 3)[:3]
                key = (office.decode(), date.fromisoformat(day.decode()))
                mismatched += expected.get(key) != int(revision)
                rows += 1
    return {
        "seconds": time.perf_counter() - start,
        "rows": rows,
        "mismatched": mismatched,
        "mb": size / 1e6,
        "first_byte": first_byte or 0.0,
    }


def _overview(base: str, token: str, path: str, check: Callable[[str], bool]) -> list[float]:
    import httpx

    times = []
    with httpx.Client(
        base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60
    ) as client:
        for n in range(OVERVIEW_WARMUP + OVERVIEW_TIMES):
            start = time.perf_counter()
            answer = client.get(path)
            took = time.perf_counter() - start
            if answer.status_code != 200 or not check(answer.text):
                raise RuntimeError(f"GET {path}: {answer.status_code} {answer.text[:300]}")
            if n >= OVERVIEW_WARMUP:
                times.append(took)
    return times


def _read_log(path: Path) -> dict[str, Any]:
    lines = requests = errors = server_errors = 0
    with path.open("rb") as f:
        for raw in f:
            lines += 1
            try:
                entry = json.loads(raw)
            except ValueError:
                errors += 1  # not a JSON line: uvicorn's own, or a traceback
                continue
            if entry.get("event") == "request":
                requests += 1
                server_errors += int(entry.get("status", 0)) >= 500
            elif entry.get("level") in ("ERROR", "CRITICAL"):
                errors += 1
    return {
        "lines": lines,
        "requests": requests,
        "errors": errors,
        "server_errors": server_errors,
        "mb": path.stat().st_size / 1e6,
    }


def _log_cost_us() -> float:
    """What one request's log line costs (JsonLines to a file), measured here in microseconds."""
    from app.receiver.guard import JsonLines

    with tempfile.TemporaryDirectory() as tmp:
        logger = logging.getLogger("app.receiver.requests.bench")
        handler = logging.FileHandler(Path(tmp) / "log")
        handler.setFormatter(JsonLines())
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
        try:
            n = 20_000
            start = time.perf_counter()
            for i in range(n):
                logger.info(
                    json.dumps(
                        {
                            "event": "request",
                            "method": "PUT",
                            "path": f"/v1/offices/kontor-{i % 150:03d}/days/2026-01-01",
                            "status": 200,
                            "ms": 12.3,
                            "bytes": 48,
                            "client": "127.0.0.1",
                        },
                        ensure_ascii=True,
                    )
                )
            return (time.perf_counter() - start) / n * 1e6
        finally:
            logger.removeHandler(handler)
            handler.close()


ROW_COLUMNS = (
    "office, day, revision, received_at, document, visitors, served, waited, waited_within, "
    "wait_total_s, working_day"
)


def _raw_keys(kinds: list[list[Template]], days: list[date]) -> list[tuple[int, date, int]]:
    """(office, day, highest revision) of every row the receiver keeps."""
    expected, _ = _expected(len(kinds), days)
    return [(n, d, expected[(office_code(n), d)]) for n in range(len(kinds)) for d in days]


def _raw_row(kinds: list[list[Template]], key: tuple[int, date, int], now: Any) -> tuple:
    """The row kept for one office's day (its highest revision's document), made when written."""
    from app.receiver.keeping import is_working_day

    n, d, revision = key
    kind = kinds[n][variant(d)]
    h = kind.headline
    return (
        office_code(n), d, revision, now, kind.body(d, revision), h["visitors"], h["served"],
        h["waited"], h["waited_within"], h["wait_total_s"], int(is_working_day(d)),
    )  # fmt: skip


def _raw_postgres(url: str, kinds: list[list[Template]], days: list[date]) -> tuple[float, str]:
    """Rows a second by psycopg alone: one INSERT and COMMIT per row, 20 connections at once."""
    import psycopg

    dsn = url.replace("postgresql+psycopg://", "postgresql://")
    threads = 2 * 10  # the receiver's two workers' pools
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE bench_raw (office varchar(40), day date, revision int NOT NULL,"
            " received_at timestamptz NOT NULL, document text NOT NULL, visitors int NOT NULL,"
            " served int NOT NULL, waited int NOT NULL, waited_within int NOT NULL,"
            " wait_total_s bigint NOT NULL, working_day int NOT NULL, PRIMARY KEY (office, day))"
        )
        conn.execute("CREATE INDEX bench_raw_by_day ON bench_raw (day, office)")
    keys = _raw_keys(kinds, days)
    now = datetime.now(UTC)
    sql = f"INSERT INTO bench_raw ({ROW_COLUMNS}) VALUES ({', '.join(['%s'] * 11)})"
    errors: list[BaseException] = []
    barrier = threading.Barrier(threads + 1)

    def writer(share: list[tuple[int, date, int]]) -> None:
        try:
            with psycopg.connect(dsn) as conn:
                barrier.wait(timeout=120)
                for key in share:
                    conn.execute(sql, _raw_row(kinds, key, now))
                    conn.commit()
        except BaseException as exc:  # reported by the caller
            errors.append(exc)
            barrier.abort()

    pool = [threading.Thread(target=writer, args=(keys[i::threads],)) for i in range(threads)]
    for t in pool:
        t.start()
    with contextlib.suppress(threading.BrokenBarrierError):
        barrier.wait(timeout=120)
    start = time.perf_counter()
    for t in pool:
        t.join()
    took = time.perf_counter() - start
    if errors:
        raise errors[0]
    rows = keys
    note = (
        f"{len(rows)} rows (the kept documents and their figures) by psycopg alone, "
        f"{threads} connections at once, each row its own INSERT and COMMIT, in {took:.1f} s"
    )
    return len(rows) / took, note


def _raw_sqlite(path: Path, kinds: list[list[Template]], days: list[date]) -> tuple[float, str]:
    """Rows a second by sqlite3 alone: one INSERT and COMMIT per row (WAL, synchronous FULL)."""
    import sqlite3

    rows = _raw_keys(kinds, days)
    now = datetime.now(UTC)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(
            "CREATE TABLE bench_raw (office varchar(40), day date, revision int NOT NULL,"
            " received_at text NOT NULL, document text NOT NULL, visitors int NOT NULL,"
            " served int NOT NULL, waited int NOT NULL, waited_within int NOT NULL,"
            " wait_total_s bigint NOT NULL, working_day int NOT NULL, PRIMARY KEY (office, day))"
        )
        conn.execute("CREATE INDEX bench_raw_by_day ON bench_raw (day, office)")
        sql = f"INSERT INTO bench_raw ({ROW_COLUMNS}) VALUES ({', '.join(['?'] * 11)})"
        start = time.perf_counter()
        for key in rows:  # dates as text, as the receiver's engine stores them
            row = _raw_row(kinds, key, now)
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(sql, (row[0], row[1].isoformat(), row[2], row[3].isoformat(), *row[4:]))
            conn.execute("COMMIT")
        took = time.perf_counter() - start
    finally:
        conn.close()
    note = (
        f"{len(rows)} rows by sqlite3 alone, one connection, each row its own "
        f"BEGIN IMMEDIATE, INSERT and COMMIT (WAL, synchronous FULL), in {took:.1f} s"
    )
    return len(rows) / took, note


def _run_store(
    label: str,
    url: str,
    workers: int,
    folder: Path,
    n_offices: int,
    days: list[date],
    kinds: list[list[Template]],
    raw: Callable[[], tuple[float, str]],
) -> Outcome:
    """One store: make the database and tokens, serve, send the year, check, read, baseline."""
    from app.receiver import tokens as receiver_tokens
    from app.receiver.db import open_engine

    postgres = url.startswith("postgresql")
    outcome = Outcome(label, postgres, workers)
    folder.mkdir(parents=True, exist_ok=True)
    say(f"{label}: upgrade, {n_offices} office tokens")
    start = time.perf_counter()
    made = subprocess.run(
        [sys.executable, "-m", "app.receiver", "--database", url, "upgrade"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outcome.upgrade_s = time.perf_counter() - start
    if made.returncode != 0:
        raise RuntimeError(f"upgrade failed: {made.stderr[-1000:]}")
    engine = open_engine(url)
    try:
        office_tokens = [
            receiver_tokens.add(engine, [office_code(n)], label=office_code(n))[1]
            for n in range(n_offices)
        ]
        _, central = receiver_tokens.add(engine, ["*"], label="central office")
        pg_root = None
        if postgres:
            with engine.connect() as conn:
                backend = int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())
                settings = {
                    name: conn.exec_driver_sql(f"SHOW {name}").scalar_one()
                    for name in ("fsync", "synchronous_commit", "shared_buffers", "server_version")
                }
            fields = _stat(backend)
            pg_root = int(fields[1]) if fields else None
            outcome.check["pg_settings"] = settings
            if settings["fsync"] != "on" or settings["synchronous_commit"] != "on":
                raise RuntimeError(f"the server is not durable: {settings}")
    finally:
        engine.dispose()
    expected, _ = _expected(n_offices, days)
    log_path = folder / "receiver.log"
    with Receiver(url, workers, log_path) as receiver:
        serving = receiver.serving()
        say(f"{label}: receiver up (pids {serving}); {n_offices} offices send their year")
        counts = _pg_counters(url) if postgres else {}
        result, cpu = _send_year(receiver, office_tokens, days, folder, pg_root)
        if postgres:
            time.sleep(11)  # an idle session flushes its statistics within 10 s (PostgreSQL 15)
            after = _pg_counters(url)
            outcome.check["pg_counts"] = {k: after[k] - counts[k] for k in after}
        outcome.wall, outcome.latencies = result["wall"], result["latencies"]
        outcome.puts = len(result["latencies"])
        outcome.statuses, outcome.wrong = result["statuses"], result["wrong"]
        outcome.sent_mb, outcome.cpu = result["bytes"] / 1e6, cpu
        say(
            f"{label}: {outcome.puts} PUTs in {outcome.wall:.1f} s "
            f"({outcome.rate:.0f}/s), answers {dict(outcome.statuses)}; checking the database"
        )
        outcome.check.update(_check(url, kinds, days))
        watch = RssWatch(receiver.serving())
        outcome.rss_write_mb = sum(watch.peaks_kb()) / 1024
        if workers > 1 and receiver.proc is not None:
            outcome.rss_supervisor_mb = _memory_kb(receiver.proc.pid, "VmHWM") / 1024
        watch.reset()
        first, last = days[0], days[-1]
        with watch:
            say(f"{label}: reading the year in pages")
            outcome.pages = _read_pages(receiver.base, central, first, last, expected)
            say(f"{label}: reading the year as CSV")
            outcome.csv = _read_csv(receiver.base, central, first, last, expected)
            say(f"{label}: the overview")
            outcome.overview["page"] = _overview(
                receiver.base, central, "/", lambda t: f"{n_offices} kontor" in t
            )
            outcome.overview["csv"] = _overview(
                receiver.base, central, "/overview.csv", lambda t: t.count("\n") == n_offices + 1
            )
        outcome.rss_read_mb = sum(watch.peaks_kb()) / 1024
        outcome.rss_read_polled_mb = watch.polled_max_kb / 1024
    outcome.log = _read_log(log_path)
    say(f"{label}: the baseline")
    outcome.raw_rate, outcome.raw_note = raw()
    return outcome


# --- figures --------------------------------------------------------------------------


def _figures(o: Outcome, n_offices: int, n_days: int) -> list[dict[str, Any]]:
    scale = n_offices * n_days / (OFFICES * DAYS)
    name = f"receiver {o.label}:"
    budgeted = o.postgres
    lat = o.latencies
    c, p, v = o.check, o.pages, o.csv
    expected_puts = sum(len(plan(n, n_days)) for n in range(n_offices))
    again = expected_puts - n_offices * n_days
    busy = o.cpu.get("machine", 0.0)
    cores = os.cpu_count() or 1
    others = busy - sum(spent for k, spent in o.cpu.items() if k != "machine")
    cpu_note = (
        f"of {cores} cores × {o.wall:.0f} s = {cores * o.wall:.0f} CPU-s, busy {busy:.0f}: "
        f"receiver {o.cpu.get('receiver', 0):.0f}"
        + (f", PostgreSQL {o.cpu['postgres']:.0f}" if "postgres" in o.cpu else "")
        + f", load generator {o.cpu.get('loader', 0):.0f} (one process, same cores)"
        + f", other processes of the machine {others:.0f}"
        + (
            f"; PostgreSQL meanwhile: {pg['sessions']} sessions opened (the pools' connections"
            f" made), {pg['commits']} transactions committed"
            if (pg := o.check.get("pg_counts"))
            else ""
        )
    )
    statuses = ", ".join(f"{k}: {n}" for k, n in sorted(o.statuses.items()))
    wrong = f"; e.g. {o.wrong[0]}" if o.wrong else ""
    page_ms = [t * 1000 for t in o.overview["page"]]
    csv_ms = [t * 1000 for t in o.overview["csv"]]
    lg = o.log
    return [
        figure(
            f"{name} PUT/s, {n_offices} offices at once", round(o.rate, 1), "PUT/s",
            f"≥ {PUT_RATE_BUDGET:g}" if budgeted else None,
            f"{o.puts} PUTs ({n_offices} offices × {n_days} days, {again} of them sent again) "
            f"of {o.sent_mb / o.puts * 1000:.1f} kB each on average; --workers {o.workers}; "
            f"upgrade {o.upgrade_s:.1f} s",
        ),
        figure(
            f"{name} the year, wall", round(o.wall, 1), "s",
            f"≤ {o.puts / PUT_RATE_BUDGET:.0f}" if budgeted else None,
            f"from the first PUT to the last answer; the budget is the architecture's "
            f"{YEAR_BUDGET_S:g} s for the national year's {OFFICES * DAYS} days at "
            f"{PUT_RATE_BUDGET:g} PUT/s, stretched to this run's {o.puts} PUTs ({scale:.3g} of "
            f"the national year, the days sent again included)",
        ),
        figure(
            f"{name} PUT latency, p99", round(percentile(lat, 99) * 1000, 1), "ms",
            f"≤ {P99_BUDGET_MS:g}" if budgeted else None,
            f"median {percentile(lat, 50) * 1000:.1f} ms, max {max(lat) * 1000:.1f} ms; "
            f"answers {statuses}",
        ),
        figure(
            f"{name} answers neither 200 nor 409, or not the revision held",
            o.failed, "", "≤ 0",
            f"answers {statuses} (a 429, 5xx or error counts; 'unexpected': 200 for 409 or "
            f"the wrong revision said){wrong}",
        ),
        figure(
            f"{name} office × days not held at the highest revision sent",
            c["wrong"] + c["seen_wrong"] + abs(c["agency_rows"] - c["agency_expected"]), "",
            "≤ 0",
            f"{c['held']} days held of {c['expected']}, {c['wrong']} at another revision; "
            f"office_seen wrong for {c['seen_wrong']} offices; {c['agency_rows']} agency rows "
            f"of {c['agency_expected']}",
        ),
        figure(
            f"{name} CPU busy during the year", round(100 * busy / (cores * o.wall), 1), "%",
            None, cpu_note,
        ),
        figure(
            f"{name} baseline, rows/s by the bare driver", round(o.raw_rate, 1), "rows/s", None,
            o.raw_note,
        ),
        figure(
            f"{name} PUT/s ÷ baseline rows/s", round(o.rate / o.raw_rate, 3), "×", None,
            f"{o.rate:.0f} PUT/s through HTTP, validation, token look-up and the overview's "
            f"figures against {o.raw_rate:.0f} bare durable inserts a second",
        ),
        figure(
            f"{name} peak RSS while the year is sent", round(o.rss_write_mb, 1), "MB", None,
            f"VmHWM summed over the {o.workers} serving process(es)"
            + (f"; the supervisor {o.rss_supervisor_mb:.0f} MB more" if o.workers > 1 else ""),
        ),
        figure(
            f"{name} the year read in pages (/v1/days)", round(p["seconds"], 1), "s", None,
            f"{p['days']} days in {p['pages']} pages of {PAGE}, {p['mb']:.0f} MB; the client's "
            f"JSON parsing {p['parse']:.1f} s of it; {p['mismatched']} at another revision",
        ),
        figure(
            f"{name} the year streamed as CSV (/v1/days.csv)", round(v["seconds"], 1), "s",
            None,
            f"{v['rows']} rows, {v['mb']:.1f} MB, first byte after {v['first_byte'] * 1000:.0f}"
            f" ms, read incrementally; {v['mismatched']} at another revision",
        ),
        figure(
            f"{name} days read back", p["days"] + v["rows"] - p["mismatched"] - v["mismatched"],
            "", f"≥ {2 * n_offices * n_days}",
            "pages' days + CSV rows at the highest revision (each must be every office × day)",
        ),
        figure(
            f"{name} peak RSS while reading the year", round(o.rss_read_mb, 1), "MB",
            f"≤ {RSS_BUDGET_MB:g}" if budgeted else None,
            f"VmHWM reset before the reads, summed over the {o.workers} serving process(es) "
            f"after pages, CSV and overview; polled every 20 ms: {o.rss_read_polled_mb:.0f} MB"
            + (f"; the supervisor {o.rss_supervisor_mb:.0f} MB more" if o.workers > 1 else ""),
        ),
        figure(
            f"{name} overview page (GET /), median", round(statistics.median(page_ms), 1), "ms",
            f"≤ {OVERVIEW_BUDGET_MS:g}" if budgeted else None,
            f"{len(page_ms)} requests after {OVERVIEW_WARMUP} untimed; max "
            f"{max(page_ms):.1f} ms; {n_offices} offices, the last 4 weeks of the year",
        ),
        figure(
            f"{name} overview page (GET /), max", round(max(page_ms), 1), "ms", None,
            f"the slowest of the {len(page_ms)}",
        ),
        figure(
            f"{name} /overview.csv, median", round(statistics.median(csv_ms), 1), "ms", None,
            f"max {max(csv_ms):.1f} ms of {len(csv_ms)}",
        ),
        figure(
            f"{name} request log lines", lg["requests"], "", None,
            f"kept on (as production runs): {lg['mb']:.1f} MB to a file, {lg['lines']} lines, "
            f"{lg['server_errors']} 5xx, {lg['errors']} errors or other lines",
        ),
    ]  # fmt: skip


def _settings() -> tuple[int, int, list[str], list[int]]:
    offices = int(os.environ.get(ENV_OFFICES) or OFFICES)
    n_days = int(os.environ.get(ENV_DAYS) or DAYS)
    stores = (os.environ.get(ENV_STORES) or "postgresql,sqlite").split(",")
    workers = [int(w) for w in (os.environ.get(ENV_SQLITE_WORKERS) or "1").split(",")]
    if not 1 <= offices <= 999 or not 1 <= n_days <= 2000:
        raise ValueError(f"{ENV_OFFICES} must be 1-999 and {ENV_DAYS} 1-2000")
    return offices, n_days, [s.strip() for s in stores if s.strip()], workers


def _failed(label: str, exc: BaseException) -> dict[str, Any]:
    row = figure(f"receiver {label}: FAILED", 0, "", None, f"{type(exc).__name__}: {exc}"[:600])
    row["ok"] = False
    return row


def run() -> list[dict[str, Any]]:
    """The national year on PostgreSQL (fsync on) and on SQLite, side by side."""
    from app.services.office.clock import OFFICE_TZ

    n_offices, n_days, stores, sqlite_workers = _settings()
    days = year_days(n_days, datetime.now(OFFICE_TZ).date())
    kinds = templates(n_offices)
    rows: list[dict[str, Any]] = []
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="bench-receiver-", ignore_cleanup_errors=True) as tmp:
        base = Path(tmp)
        if "postgresql" in stores:
            from tests.postgres import ServerUnavailable, new_database, throwaway_server

            label = f"PostgreSQL ×{PG_WORKERS}"
            try:
                with throwaway_server(fsync=True) as server:
                    url = new_database(server)
                    raw_url = new_database(server)
                    outcome = _run_store(
                        label, url, PG_WORKERS, base / "pg", n_offices, days, kinds,
                        lambda: _raw_postgres(raw_url, kinds, days),
                    )  # fmt: skip
                    outcomes.append(outcome)
                    figures = _figures(outcome, n_offices, n_days)
                    s = outcome.check["pg_settings"]
                    figures[0]["note"] += (
                        f"; PostgreSQL {s['server_version']}, fsync {s['fsync']}, "
                        f"synchronous_commit {s['synchronous_commit']}, "
                        f"shared_buffers {s['shared_buffers']}"
                    )
                    rows += figures
            except ServerUnavailable as exc:
                rows.append(figure(f"receiver {label}: skipped", 0, "", None, str(exc)))
            except Exception as exc:  # the other stores still run
                rows.append(_failed(label, exc))
                say(f"{label} failed: {exc!r}")
        if "sqlite" in stores:
            for workers in sqlite_workers:
                label = f"SQLite ×{workers}"
                folder = base / f"sqlite-{workers}"
                try:
                    url = f"sqlite:///{folder / 'receiver.sqlite3'}"
                    folder.mkdir(parents=True, exist_ok=True)
                    outcome = _run_store(
                        label, url, workers, folder, n_offices, days, kinds,
                        functools.partial(_raw_sqlite, folder / "raw.sqlite3", kinds, days),
                    )  # fmt: skip
                    outcomes.append(outcome)
                    rows += _figures(outcome, n_offices, n_days)
                except Exception as exc:  # the other stores still run
                    rows.append(_failed(label, exc))
                    say(f"{label} failed: {exc!r}")
            tried = [o for o in outcomes if not o.postgres]
            if len(tried) > 1:
                best = max(tried, key=lambda o: o.rate)
                rows.append(
                    figure(
                        "receiver SQLite: the best --workers", best.workers, "", None,
                        "; ".join(
                            f"{o.workers}: {o.rate:.0f} PUT/s, p99 "
                            f"{percentile(o.latencies, 99) * 1000:.0f} ms"
                            for o in tried
                        ),
                    )
                )  # fmt: skip
    log_us = _log_cost_us()
    for o in outcomes:
        share = log_us * o.rate / 1e6 / (os.cpu_count() or 1) * 100
        rows.append(
            figure(
                f"receiver {o.label}: request log, cost per line", round(log_us, 1), "µs", None,
                f"JsonLines to a file, measured alone: at {o.rate:.0f} PUT/s some {share:.2f} % "
                "of the machine's CPU, so the log is kept on",
            )
        )  # fmt: skip
    _summary(outcomes, n_offices, n_days)
    return rows


def _summary(outcomes: list[Outcome], n_offices: int, n_days: int) -> None:
    print(f"\nreceiver bench, {n_offices} offices × {n_days} days:", file=sys.stderr)
    for o in outcomes:
        print(
            f"  {o.label:16} {o.rate:7.0f} PUT/s  year {o.wall:6.1f} s  "
            f"p50 {percentile(o.latencies, 50) * 1000:6.1f} ms  "
            f"p99 {percentile(o.latencies, 99) * 1000:7.1f} ms  failed {o.failed}  "
            f"wrong {o.check.get('wrong')}  ×raw {o.rate / o.raw_rate:.2f}  "
            f"pages {o.pages['seconds']:.1f} s  csv {o.csv['seconds']:.1f} s  "
            f"RSS read {o.rss_read_mb:.0f} MB  overview "
            f"{statistics.median(o.overview['page']) * 1000:.1f} ms",
            file=sys.stderr,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_receiver", description=__doc__)
    parser.add_argument("--offices", type=int, help=f"default {OFFICES}")
    parser.add_argument("--days", type=int, help=f"default {DAYS}")
    parser.add_argument("--stores", help="postgresql,sqlite (default both)")
    parser.add_argument("--sqlite-workers", help="1,2 (default 1: writes take turns)")
    args = parser.parse_args(argv)
    for env, value in (
        (ENV_OFFICES, args.offices),
        (ENV_DAYS, args.days),
        (ENV_STORES, args.stores),
        (ENV_SQLITE_WORKERS, args.sqlite_workers),
    ):
        if value is not None:
            os.environ[env] = str(value)
    from bench.__main__ import print_table
    from bench.common import within_budget

    rows = [{"module": "bench_receiver", **r} for r in run()]
    for r in rows:
        r["ok"] = within_budget(r)
    print_table(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
