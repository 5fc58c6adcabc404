"""`python -m bench [NAME …]`: run the bench/bench_*.py modules, print a table, save JSON.

Each module exposes ``run() -> list[dict]`` (see bench/common.py). Results go to
bench/results/latest.json. With NAME only the modules whose name contains it run
(``python -m bench queue``). A module that fails is reported and the others still run.
Exit status: 0, or 1 with ``--strict`` when a figure is over its budget or a module failed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import platform
import sqlite3
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bench
from bench.common import within_budget

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"


def discover() -> list[str]:
    """The bench modules, by name (bench_queue, bench_startup …)."""
    return sorted(
        info.name for info in pkgutil.iter_modules(bench.__path__) if info.name.startswith("bench_")
    )


def run_module(name: str) -> tuple[list[dict[str, Any]], float, str | None]:
    """Run one module; returns its figures, its wall time and the error, if any."""
    start = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.{name}")
        rows = list(module.run())
    except Exception:  # one broken bench must not hide the others' figures
        return [], time.perf_counter() - start, traceback.format_exc()
    return rows, time.perf_counter() - start, None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    return str(value)


def print_table(rows: list[dict[str, Any]]) -> None:
    """The figures as an aligned table, then their notes."""
    header = ("module", "figure", "value", "unit", "budget", "")
    lines = [header]
    for row in rows:
        ok = row.get("ok")
        status = "" if ok is None else ("ok" if ok else "OVER")
        lines.append(
            (
                row["module"],
                str(row.get("name", "")),
                _cell(row.get("value")),
                str(row.get("unit", "")),
                _cell(row.get("budget")),
                status,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for i, line in enumerate(lines):
        cells = [c.rjust(widths[j]) if j == 2 else c.ljust(widths[j]) for j, c in enumerate(line)]
        print("  ".join(cells).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    notes = [(row["module"], row.get("name"), row.get("note")) for row in rows if row.get("note")]
    if notes:
        print()
        for module, name, note in notes:
            print(f"{module} · {name}: {note}")


def main(argv: list[str] | None = None) -> int:
    """Run the benches; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME", help="run only modules matching")
    parser.add_argument("--list", action="store_true", help="list the bench modules and stop")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a figure is over its budget"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"JSON file (default {RESULTS})")
    args = parser.parse_args(argv)

    modules = [m for m in discover() if not args.names or any(n in m for n in args.names)]
    if args.list or not modules:
        print("\n".join(discover()))
        return 0 if args.list else 2

    rows: list[dict[str, Any]] = []
    failures: dict[str, str] = {}
    timings: dict[str, float] = {}
    for name in modules:
        print(f"running {name} …", file=sys.stderr, flush=True)
        figures, seconds, error = run_module(name)
        timings[name] = round(seconds, 2)
        if error is not None:
            failures[name] = error
            print(error, file=sys.stderr)
            last_line = error.strip().splitlines()[-1]
            rows.append({"module": name, "name": "FAILED", "ok": False, "note": last_line})
            continue
        for figure in figures:
            row = {"module": name, **figure}
            row["ok"] = within_budget(figure)
            rows.append(row)

    print_table(rows)
    over = [r for r in rows if r.get("ok") is False]
    summary = f"\n{len(rows)} figures, {len(modules)} modules; {len(over)} over budget or failed"
    print(summary + (": " + "; ".join(str(r["name"]) for r in over) if over else ""))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(timespec="seconds"),
                "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version,
                "platform": platform.platform(),
                "machine": platform.machine(),
                "seconds_per_module": timings,
                "results": rows,
                "failures": failures,
            },
            ensure_ascii=False,
            indent=2,
            default=str,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"results written to {args.out}", file=sys.stderr)
    return 1 if args.strict and over else 0


if __name__ == "__main__":
    raise SystemExit(main())
