"""A day's bookings fetched from the central receiver and taken in, as a file would be.

The office asks its receiver (the sync address and token, :func:`~app.sync.client.resolve_target`)
for ``GET /v1/offices/{office}/bookings/{day}``, naming the file it took in last time
(``If-None-Match`` with its SHA-256), so that a file already taken in is not sent or read
again. A new file is read with the same reader and taken in by the same use case as
``servicedisk bookings import`` (all or nothing, the line named), acting for the desk it
is given: the command line's manager, or :data:`~app.services.access.actor.SYSTEM`.

What was taken in last is remembered per day in a small file in the office's data folder
(``bookings-pulled.json``, this user's only): SHA-256 digests, no booking, no reference.
It is written only after a file has been taken in, so a failed import is tried again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx

from app.services import ServiceError
from app.services.access.actor import Desk, require
from app.services.bookings.day import ImportResult, import_bookings
from app.services.bookings.files import MAX_BYTES, BookingFileError, read_bookings
from app.services.office.clock import office_day, office_zone
from app.store.engine import Store
from app.store.errors import short
from app.sync.client import TIMEOUT, Target, unverified_certificate

log = logging.getLogger(__name__)

STATE_FILE = "bookings-pulled.json"
REMEMBER_DAYS = 14  # digests of days older than this are forgotten


class PullError(ServiceError):
    """The day's bookings could not be fetched or taken in: nothing changed."""


class NoBookingsFileError(ServiceError):
    """The receiver holds no booking file for the office's day (nothing to do)."""

    exit_code = 3


@dataclass(frozen=True)
class Pulled:
    """What a pull did: the day, the file's SHA-256, and what it changed (None: not changed)."""

    day: date
    sha256: str
    result: ImportResult | None

    @property
    def changed(self) -> bool:
        """A new file was taken in."""
        return self.result is not None


def pull_bookings(
    desk: Desk, target: Target, client: httpx.Client, day: date | None = None
) -> Pulled:
    """Fetch the office's booking file for the day (today by default) and take it in."""
    require(desk.actor, "bookings")  # before asking the receiver for anything
    store = desk.store
    today = office_day(store, desk.clock.now())
    day = day or today
    remembered = _read_state(store, target.office)
    last = remembered.get(day.isoformat())
    headers = {"Authorization": f"Bearer {target.token}"}
    if last:
        headers["If-None-Match"] = f'"{last}"'
    url = f"{target.url}/v1/offices/{target.office}/bookings/{day.isoformat()}"
    status, body, kind, etag = _fetch(client, url, headers)
    if status == 304 and last:
        return Pulled(day, last, None)
    if status != 200:
        raise _refusal(status, body, target.office, day)
    sha = hashlib.sha256(body).hexdigest()
    if etag is not None and etag.removeprefix("W/").strip('"') != sha:
        raise PullError(
            "The booking file from the receiver was damaged on the way: try again.",
            "pull.damaged",
        )
    if sha == last:  # a receiver that sent it again all the same
        return Pulled(day, sha, None)
    name = "bookings.ics" if kind == "text/calendar" else "bookings.csv"
    try:
        rows = read_bookings(body, name, office_zone(store))
    except BookingFileError as exc:
        raise PullError(
            f"The receiver's booking file for {day}: {exc.english.rstrip('.')}; "
            "nothing was imported.",
            "pull.bad_file",
            day=day.isoformat(),
            problem=exc.message,
        ) from exc
    result = import_bookings(desk, rows)
    remembered[day.isoformat()] = sha
    _write_state(store, target.office, remembered, today)
    log.info(
        "bookings for %s from the receiver: %d added, %d updated, %d withdrawn, %d unchanged",
        day, result.added, result.updated, result.withdrawn, result.unchanged,
    )  # fmt: skip
    return Pulled(day, sha, result)


def _fetch(
    client: httpx.Client, url: str, headers: dict[str, str]
) -> tuple[int, bytes, str, str | None]:
    """(status, body, media type, ETag); the body bounded; one sentence when it fails."""
    try:
        with client.stream("GET", url, headers=headers, timeout=TIMEOUT) as answer:
            parts, size = [], 0
            for chunk in answer.iter_bytes():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise PullError(
                        "The receiver sent more than a booking file may hold (5 MB).",
                        "pull.too_big",
                    )
                parts.append(chunk)
            kind = answer.headers.get("content-type", "").partition(";")[0].strip().lower()
            return answer.status_code, b"".join(parts), kind, answer.headers.get("etag")
    except httpx.HTTPError as exc:  # down, timed out, reset, a bad answer
        why = unverified_certificate(exc)
        if why is not None:
            raise PullError(
                f"The receiver's certificate could not be verified ({why}): check the sync "
                "address, or install the central office's CA certificate on this PC.",
                "pull.certificate",
            ) from exc
        raise PullError(
            f"The receiver could not be reached ({type(exc).__name__}): "
            "check the network and try again later.",
            "pull.unreachable",
        ) from exc


def _refusal(status: int, body: bytes, office: str, day: date) -> ServiceError:
    if status == 404:
        return NoBookingsFileError(
            f"The receiver has no booking file for {office} on {day}.",
            "pull.no_file",
            day=day.isoformat(),
        )
    if status in (401, 403):
        return PullError(
            "The receiver refused the token (check the sync token).",
            "pull.token",
        )
    said = short(body.decode("utf-8", errors="replace"), 160)
    return PullError(
        f"The receiver answered HTTP {status} ({said}): try again later.",
        "pull.status",
        status=status,
    )


def state_file(store: Store) -> Path | None:
    """Where the digests of the files taken in are kept (None: a store without a folder)."""
    settings = store.settings
    return settings.data_dir / STATE_FILE if settings is not None else None


def _read_state(store: Store, office: str) -> dict[str, str]:
    """Day → SHA-256 of the file taken in for this office; empty when none or unreadable."""
    path = state_file(store)
    if path is None or not path.is_file():
        return {}
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # fetched whole again: the import changes nothing
        log.warning("%s cannot be read (%s): the booking files are fetched whole", path, exc)
        return {}
    if not isinstance(found, dict) or found.get("office") != office:
        return {}
    days = found.get("days")
    if not isinstance(days, dict):
        return {}
    return {str(k): str(v) for k, v in days.items() if isinstance(v, str)}


def _write_state(store: Store, office: str, days: dict[str, str], today: date) -> None:
    """The digests written whole (a file of this user's only), old days left out."""
    path = state_file(store)
    if path is None:
        return
    oldest = (today - timedelta(days=REMEMBER_DAYS)).isoformat()
    kept = {k: v for k, v in sorted(days.items()) if k >= oldest}
    text = json.dumps({"office": office, "days": kept}, indent=1) + "\n"
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(prefix=".bookings-", dir=path.parent)  # mode 0600
        os.close(fd)
        Path(temporary).write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:  # the bookings are in: only the next pull fetches them again
        log.warning("could not remember the booking file taken in (%s): %s", path, exc)
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
