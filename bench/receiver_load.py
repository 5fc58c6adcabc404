"""The national year's load for bench_receiver: the offices' documents, and their sending.

The documents are the app's own payload model with plausible figures, one template
per office and kind of day (quiet, ordinary, busy), the day and revision varied;
the plan sends each office's year in date order with some days again at a higher,
the same or a lower revision. The sending runs as a process of its own
(``python -m bench.receiver_load SPEC``), every office a task with its own
keep-alive connection, so that it shares the receiver's cores as little as it can.
"""

from __future__ import annotations

import contextlib
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HIGHER, SAME, LOWER = 0.10, 0.02, 0.05  # days sent again: at a higher, the same, a lower revision
VARIANTS = 3  # a quiet, an ordinary and a busy day per office
SENTINEL_DAY, SENTINEL_REVISION = date(2099, 12, 31), 2**31 - 1


def say(text: str) -> None:
    print(f"  receiver bench: {text}", file=sys.stderr, flush=True)


# --- the documents ---------------------------------------------------------------------


def _histogram(rng: random.Random, n: int, mean_s: float, cap_s: int) -> dict[str, Any]:
    from app.services.stats.histogram import Histogram

    h = Histogram.of_seconds([min(cap_s, int(rng.expovariate(1 / mean_s))) for _ in range(n)])
    return {"bins": h.bins, "count": h.count, "total_s": h.total_s, "max_s": h.max_s}


def _part(rng: random.Random, visitors: int) -> dict[str, Any]:
    booked = round(visitors * rng.uniform(0.2, 0.4))
    no_shows = rng.randint(0, max(1, visitors // 40))
    walked_out = rng.randint(0, max(1, visitors // 30))
    cancelled = rng.randint(0, max(1, visitors // 50))
    served = max(0, visitors - no_shows - walked_out - cancelled)
    return {
        "visitors": visitors,
        "tickets": visitors + rng.randint(0, max(1, visitors // 50)),
        "booked": booked,
        "walk_in": visitors - booked,
        "served": served,
        "no_shows": no_shows,
        "walked_out": walked_out,
        "cancelled": cancelled,
        "not_served": walked_out + cancelled,
        "unreliable": rng.randint(0, 2),
        "quick_desk": visitors // 20,
        "quick_phone": visitors // 25,
        "errands": round(served * rng.uniform(1.05, 1.4)),
        # waits of ten minutes on average, up to an hour: some sixty one-minute bins
        "wait": _histogram(rng, served + walked_out, 600, 3599),
        "service": _histogram(rng, served, 360, 2700),
    }


def _split(rng: random.Random, total: int, weights: list[float]) -> list[int]:
    shares = [w * rng.uniform(0.8, 1.2) for w in weights]
    parts = [int(total * s / sum(shares)) for s in shares]
    parts[0] += total - sum(parts)
    return parts


def _breakdown(rng: random.Random, total: int, codes: Mapping[str, float]) -> dict[str, int]:
    from app.sync.payload import fold_small_cells

    counts = dict(zip(codes, _split(rng, total, list(codes.values())), strict=True))
    return fold_small_cells({c: n for c, n in counts.items() if n}, 5)


QUEUES = {"A": 0.4, "B": 0.3, "C": 0.2, "D": 0.1}
HOURS = {f"{h:02d}": w for h, w in zip(range(8, 17), (4, 8, 10, 9, 7, 8, 9, 7, 4), strict=True)}
AGENCIES = {"fk": 35, "skv": 20, "pm": 14, "af": 14, "kommun": 10, "csn": 4, "tv": 2, "lm": 1}
ERRANDS = {
    "fk/foraldrapenning": 12, "fk/sjukpenning": 9, "fk/bostadsbidrag": 6, "fk/ovrigt": 8,
    "skv/id-kort": 10, "skv/flytt": 6, "skv/deklaration": 4, "pm/pension": 10, "pm/ovrigt": 4,
    "af/inskrivning": 8, "af/aktivitetsrapport": 6, "kommun/bygglov": 3, "kommun/ovrigt": 7,
    "csn/studiemedel": 4, "tv/betalning": 2, "lm/lantmateri": 1,
}  # fmt: skip
OUTCOMES = {"done": 70, "referred": 12, "booked_new": 9, "documents_missing": 7, "other": 2}
REFERRALS = {"fk": 5, "skv": 3, "af": 2, "kommun": 2}
LANGUAGES = {"sv": 70, "en": 9, "ar": 8, "so": 4, "ti": 2, "fa": 3, "pl": 2, "uk": 2}
INTERPRETERS = {"ar": 3, "so": 2, "ti": 1}


def _aggregates(rng: random.Random, visitors: int) -> dict[str, Any]:
    top = _part(rng, visitors)
    aggregates: dict[str, Any] = {"version": 1, **top}
    aggregates["wait_booked"] = _histogram(rng, top["booked"], 240, 1800)
    aggregates["wait_walk_in"] = _histogram(rng, top["walk_in"], 720, 3599)
    queues = _split(rng, visitors, list(QUEUES.values()))
    aggregates["queues"] = {q: _part(rng, n) for q, n in zip(QUEUES, queues, strict=True)}
    hours: dict[str, Any] = {}
    for hour, n in zip(HOURS, _split(rng, visitors, list(HOURS.values())), strict=True):
        hours[hour] = {
            **_part(rng, n),
            "staffed_minutes": float(60 * rng.randint(2, 6)),
            "queue_max": rng.randint(1, max(2, n // 3)),
        }
    aggregates["hours"] = hours
    aggregates["staffed_minutes"] = sum(h["staffed_minutes"] for h in hours.values())
    errands = top["errands"]
    aggregates["breakdowns"] = {
        "agencies": _breakdown(rng, errands, AGENCIES),
        "errand_types": _breakdown(rng, errands, ERRANDS),
        "outcomes": _breakdown(rng, errands, OUTCOMES),
        "referrals": _breakdown(rng, errands // 8, REFERRALS),
        "languages": _breakdown(rng, visitors, LANGUAGES),
        "interpreters": _breakdown(rng, visitors // 15, INTERPRETERS),
    }

    def estimate(n: int) -> dict[str, Any]:
        return {
            "count": n,
            "within_5_min": round(n * rng.uniform(0.5, 0.75)),
            "wait": _histogram(rng, n, 240, 2400),
            "service": _histogram(rng, n, 150, 1200),
        }

    aggregates["estimate"] = {
        **estimate(top["served"]),
        "queues": {q: estimate(p["served"]) for q, p in aggregates["queues"].items()},
        "hours": {h: estimate(p["served"]) for h, p in hours.items()},
    }
    return aggregates


def office_code(n: int) -> str:
    return f"kontor-{n:03d}"


@dataclass(frozen=True)
class Template:
    """One office's kind of day as the client sends it, its day and revision left to fill in."""

    text: str
    agencies: int  # agency rows the day brings
    headline: dict[str, int]  # the figures kept beside the document

    def body(self, day: date, revision: int) -> str:
        return self.text.replace('"2099-12-31"', f'"{day.isoformat()}"', 1).replace(
            f'"revision":{SENTINEL_REVISION}', f'"revision":{revision}', 1
        )


def templates(n_offices: int) -> list[list[Template]]:
    """Per office, its quiet, ordinary and busy day: documents of the app's payload model."""
    from app import __version__
    from app.receiver.keeping import Headline
    from app.sync.payload import SCHEMA_VERSION, Aggregates, DayPayload

    out = []
    for n in range(n_offices):
        rng = random.Random(7_000 + n)
        size = rng.randint(50, 300)  # the office's ordinary day: 50–400 visitors with the busy
        kinds = []
        for factor in (0.7, 1.0, 1.3):
            visitors = max(50, min(400, round(size * factor)))
            document = DayPayload(
                schema_version=SCHEMA_VERSION,
                office=office_code(n),
                day=SENTINEL_DAY,
                revision=SENTINEL_REVISION,
                app_version=__version__,
                aggregates=Aggregates.model_validate(_aggregates(rng, visitors)),
            )
            text = document.model_dump_json()  # as app.sync.client sends it
            assert text.count('"2099-12-31"') == 1
            assert text.count(f'"revision":{SENTINEL_REVISION}') == 1
            head = Headline.of(document)
            kinds.append(Template(text, len(head.agencies), head.columns()))
        out.append(kinds)
    return out


def variant(day: date) -> int:
    """Monday busy, Friday quiet, an ordinary day otherwise."""
    return {0: 2, 4: 0}.get(day.weekday(), 1)


def year_days(n_days: int, today: date) -> list[date]:
    """The n days up to yesterday."""
    return [today - timedelta(days=n_days - i) for i in range(n_days)]


@dataclass(frozen=True)
class Send:
    day: int  # index into the year's days
    revision: int
    status: int  # what the receiver must answer: 200 or 409
    held: int  # … and the revision it must say it holds


def plan(office: int, n_days: int) -> list[Send]:
    """An office's PUTs in order: its backlog day by day, some days sent again a few days on."""
    rng = random.Random(1_000 + office)
    later: dict[int, list[tuple[int, int]]] = defaultdict(list)
    order: list[tuple[int, int]] = []
    for i in range(n_days):
        first = rng.randint(1, 3)
        order.append((i, first))
        order.extend(later.pop(i, []))
        u, when = rng.random(), i + rng.randint(1, 7)
        if u < HIGHER:
            later[when].append((i, first + rng.randint(1, 3)))
        elif u < HIGHER + SAME:
            later[when].append((i, first))  # the answer was lost: sent again, kept as it is
        elif u < HIGHER + SAME + LOWER:
            later[when].append((i, first - 1))  # an older revision from a restored backup: 409
    for when in sorted(later):
        order.extend(later[when])
    held: dict[int, int] = {}
    sends = []
    for i, revision in order:
        before = held.get(i, -1)
        held[i] = max(before, revision)
        sends.append(Send(i, revision, 409 if revision < before else 200, held[i]))
    return sends


# --- the load generator (a process of its own) ----------------------------------------


async def _answer(reader: Any) -> tuple[int, bytes, bool]:
    """One HTTP/1.1 response: its status, its body, and whether the connection ends with it."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    length, close, chunked = None, False, False
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"connection":
            close = value == b"close"
        elif name == b"transfer-encoding":
            chunked = b"chunked" in value
    if chunked:
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        return status, b"".join(p[:-2] for p in parts), close
    if length is None:
        return status, await reader.read(), True
    return status, await reader.readexactly(length), close


def _load(spec_path: Path) -> None:
    """Child: every office sends its year at once; timings and answers to spec['out'].

    Each office is a task with its own keep-alive connection, speaking HTTP/1.1 by hand
    over asyncio streams: a client as lean as can be (httpx costs some 2 ms of CPU a
    request, a fifth of this machine at the budget's rate), because it shares the
    receiver's two cores where the offices' own PCs would not.
    """
    import asyncio
    import resource
    from urllib.parse import urlsplit

    spec = json.loads(spec_path.read_text())
    days = [date.fromisoformat(d) for d in spec["days"]]
    kinds = templates(spec["offices"])
    plans = [plan(n, len(days)) for n in range(spec["offices"])]
    where = urlsplit(spec["url"])
    host, port = where.hostname or "127.0.0.1", where.port or 80
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    wrong: list[str] = []
    sent_bytes = [0]

    def note(text: str) -> None:
        if len(wrong) < 10:
            wrong.append(text)

    async def office(n: int) -> None:
        code, token = office_code(n), spec["tokens"][n]
        reader: Any = None
        writer: Any = None
        for s in plans[n]:
            day = days[s.day]
            body = kinds[n][variant(day)].body(day, s.revision).encode()
            request = (
                f"PUT /v1/offices/{code}/days/{day.isoformat()} HTTP/1.1\r\n"
                f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\n"
                f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode() + body
            sent_bytes[0] += len(body)
            start = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 60)
                writer.write(request)
                status, answer, close = await asyncio.wait_for(_answer(reader), 60)
            except (OSError, ValueError, TimeoutError, asyncio.IncompleteReadError) as exc:
                latencies.append(time.perf_counter() - start)
                statuses[type(exc).__name__] += 1
                note(f"{code} {day} r{s.revision}: {type(exc).__name__} {exc}")
                if writer is not None:
                    writer.close()
                writer = None
                continue
            latencies.append(time.perf_counter() - start)
            statuses[str(status)] += 1
            if close:
                writer.close()
                writer = None
            said = None
            with contextlib.suppress(ValueError, KeyError, TypeError):
                data = json.loads(answer)
                said = data["held"] if status == 200 else data["detail"]["held"]
            if status != s.status or said != s.held:
                statuses["unexpected"] += 1
                note(
                    f"{code} {day} r{s.revision}: {status} held {said}, expected {s.status} "
                    f"held {s.held}: {answer[:200]!r}"
                )
        if writer is not None:
            writer.close()

    async def everyone() -> float:
        start = time.perf_counter()
        await asyncio.gather(*(office(n) for n in range(spec["offices"])))
        return time.perf_counter() - start

    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    try:
        import uvloop

        wall = uvloop.run(everyone())
    except ImportError:
        wall = asyncio.run(everyone())
    usage = resource.getrusage(resource.RUSAGE_SELF)
    Path(spec["out"]).write_text(
        json.dumps(
            {
                "wall": wall,
                "latencies": latencies,
                "statuses": statuses,
                "wrong": wrong,
                "bytes": sent_bytes[0],
                "cpu": usage.ru_utime + usage.ru_stime - cpu_before,
            }
        )
    )
    print("done", flush=True)


# --- processes, as /proc tells them ---------------------------------------------------


if __name__ == "__main__":
    _load(Path(sys.argv[1]))
