"""The national overview at 150 offices, rendered in headless Chromium for docs/ and for a look.

    python -m tests.receiver_overview_shot docs/screenshots/receiver-overview.png

A receiver database on SQLite is filled with a national year (150 offices,
each working day of 2026 up to 4 December, a few offices with gaps and one
that stopped sending), the page is fetched with the central token, saved, and
Chromium (Debian's ``chromium`` package) takes its screenshot.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from app.receiver.keeping import is_working_day, keep
from app.sync.payload import DayPayload
from tests.receiving import receiver_app, receiver_store

TODAY = date(2026, 12, 4)
AGENCIES = ("fk", "skv", "pm", "af", "migrationsverket", "kommun")


def day_document(office: str, day: date, rng: random.Random, busy: float) -> DayPayload:
    visitors = int(rng.uniform(40, 260) * busy)
    slow = rng.uniform(0.5, 2.0) * busy
    bins = [0] * 60
    for _ in range(visitors):
        bins[min(59, int(rng.expovariate(1 / (8 * slow))))] += 1
    total = sum(m * n * 60 + 30 * n for m, n in enumerate(bins))
    agencies = {
        a: int(visitors * share)
        for a, share in zip(AGENCIES, (0.35, 0.3, 0.12, 0.1, 0.08, 0.05), strict=True)
    }
    return DayPayload.model_validate(
        {
            "schema_version": 1,
            "office": office,
            "day": day,
            "revision": 1,
            "app_version": "0.1.0",
            "aggregates": {
                "version": 1,
                "visitors": visitors,
                "served": visitors - visitors // 20,
                "wait": {
                    "bins": bins,
                    "count": visitors,
                    "total_s": total,
                    "max_s": max((m * 60 + 59 for m, n in enumerate(bins) if n), default=0),
                },
                "breakdowns": {"agencies": agencies},
            },
        }
    )


def fill(engine, offices: int = 150) -> None:
    rng = random.Random(1)
    names = sorted({f"{town}" for town in TOWNS[:offices]})
    first = date(2026, 1, 2)
    days = [first + timedelta(days=n) for n in range((TODAY - first).days)]
    with engine.begin() as conn:
        for n, office in enumerate(names):
            busy = rng.uniform(0.5, 1.6)
            stopped = TODAY - timedelta(days=9) if n % 47 == 5 else TODAY
            for day in days:
                if (
                    not is_working_day(day)
                    or day >= stopped
                    or (n % 13 == 3 and rng.random() < 0.02)
                ):
                    continue
                document = day_document(office, day, rng, busy)
                at = datetime.combine(
                    day + timedelta(days=1), datetime.min.time(), UTC
                ) + timedelta(hours=5)
                keep(conn, document, document.model_dump_json(), at)


TOWNS = sorted(
    """alingsas arvika avesta boden bollnas boras enkoping eskilstuna falkenberg falun
    finspang gallivare gavle goteborg-angered goteborg-bergsjon goteborg-hisingen gislaved
    halmstad haparanda harnosand hassleholm helsingborg hudiksvall jokkmokk jonkoping kalix
    kalmar karlshamn karlskoga karlskrona karlstad katrineholm kiruna kristianstad
    kristinehamn kumla kungsbacka landskrona lidkoping lindesberg linkoping ljungby ludvika
    lulea lund lycksele malmo-centrum malmo-rosengard mariestad mjolby motala nassjo
    norrkoping norrtalje nykoping olofstrom orebro ornskoldsvik oskarshamn ostersund
    pajala pitea ronneby sala sandviken savsjo skelleftea skovde soderhamn sodertalje
    solleftea sollentuna stockholm-farsta stockholm-kista stockholm-skarholmen
    stockholm-sodermalm stockholm-tensta stromstad sundsvall sunne svedala tierp tranas
    trelleborg trollhattan uddevalla ulricehamn umea uppsala uppsala-gottsunda vaggeryd
    vanersborg varberg varnamo vasteras vastervik vaxjo vetlanda vilhelmina visby ystad
    amal angelholm arjang avesta-krylbo bengtsfors borlange degerfors eksjo emmaboda
    fagersta filipstad gnosjo hallsberg hallstahammar hedemora hjo hoor horby hoganas
    kavlinge kopping laholm lessebo lomma malung mora nora nybro orsa osby overkalix
    ovanaker perstorp ragunda saffle simrishamn sjobo skara skurup smedjebacken solna
    sorsele storuman strangnas stromsund surahammar timra torsby uppvidinge vansbro
    vimmerby vingaker aneby askersund""".split()  # noqa: SIM905 - a list of names to read
)


def main(out: Path) -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("needs Debian's chromium: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        engine = receiver_store(Path(tmp) / "receiver.sqlite3")
        fill(engine)
        with TestClient(receiver_app(engine, today=lambda: TODAY)) as client:
            page = client.get(
                "/",
                params={"sort": "missing", "order": "desc"},
                headers={"Authorization": "Bearer central"},
            )
        engine.dispose()
        html = Path(tmp) / "overview.html"
        html.write_text(page.text, encoding="utf-8")
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={Path(tmp) / 'profile'}", "--hide-scrollbars",
             "--window-size=1280,1400", f"--screenshot={out.resolve()}", html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "receiver-overview.png")))
