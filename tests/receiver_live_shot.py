"""The visitor's "follow your place" page on a phone, in headless Chromium, for docs/ and a look.

    python -m tests.receiver_live_shot docs/screenshots

A receiver on SQLite is given one office's snapshot at 10:42 on a November
morning (the receiver's clock held there); the pages of three tickets are fetched
and Chromium (Debian's ``chromium`` package) shoots each at a phone's 390×844:
``live-sv.png`` (waiting, three ahead), ``live-en.png`` (called to counter 3) and
``live-ar.png`` (waiting, right to left).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from unittest import mock

from fastapi.testclient import TestClient

from app.receiver import live
from tests.receiving import receiver_app, receiver_store

SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
AT = datetime(2026, 11, 25, 9, 42, 10, tzinfo=UTC)  # 10:42 in Stockholm
PHONE = (390, 844)
PAGES = (("sv", "Sv3nskaKey01"), ("en", "Engl1shKey02"), ("ar", "Arab1cKey003"))


def snapshot() -> dict:
    """A busy morning's snapshot as an office would push it."""
    ticket = {"language": None, "ahead": None, "minutes": None, "point": None}
    return {
        "format": "servicedisk-live",
        "version": 1,
        "office": "exempelstad",
        "at": AT.isoformat(),
        "tickets": [
            {**ticket, "key": "Sv3nskaKey01", "code": "A014", "language": "sv",
             "state": "waiting", "ahead": 3, "minutes": 12},
            {**ticket, "key": "Engl1shKey02", "code": "B007", "language": "en",
             "state": "called", "point": "3"},
            {**ticket, "key": "Arab1cKey003", "code": "A016", "language": "ar",
             "state": "waiting", "ahead": 5, "minutes": 19},
            {**ticket, "key": "Done0000Key4", "code": "A009", "state": "done"},
        ],
        "calling": [
            {"code": "B007", "point": "3"},
            {"code": "A013", "point": "1"},
            {"code": "C004", "point": "2"},
            {"code": "D002", "point": "Reception"},
        ],
    }  # fmt: skip


def shoot(out: Path) -> list[Path]:
    """The three pictures in ``out``; RuntimeError without Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise RuntimeError("needs Debian's chromium: apt-get install chromium")
    out.mkdir(parents=True, exist_ok=True)
    made = []
    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(live, "now", lambda: AT):
        engine = receiver_store(Path(tmp) / "receiver.sqlite3")
        try:
            with TestClient(receiver_app(engine)) as client:
                put = client.put(
                    "/v1/offices/exempelstad/live",
                    json=snapshot(),
                    headers={"Authorization": "Bearer good"},
                )
                put.raise_for_status()
                pages = {lang: client.get(f"/live/exempelstad/{key}").text for lang, key in PAGES}
        finally:
            engine.dispose()
        for lang, page in pages.items():
            html = Path(tmp) / f"live-{lang}.html"
            html.write_text(page, encoding="utf-8")
            target = out / f"live-{lang}.png"
            subprocess.run(
                [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", f"--user-data-dir={Path(tmp) / 'profile'}",
                 "--hide-scrollbars", "--force-device-scale-factor=1",
                 f"--window-size={PHONE[0]},{PHONE[1]}", f"--screenshot={target.resolve()}",
                 html.as_uri()],
                check=True, capture_output=True, timeout=120,
            )  # fmt: skip
            made.append(target)
    return made


def main(out: Path) -> int:
    try:
        for path in shoot(out):
            print(path)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SHOTS))
