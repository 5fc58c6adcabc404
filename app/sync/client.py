"""Sending every day the receiver has not acknowledged at its latest revision, oldest first.

All state is in the store (``sync_state``, ``sync_attempt``): a process that
quits or is killed mid-request loses nothing, and a revision once
acknowledged is never sent again. One sender at a time per store, across
processes (a lock file beside a SQLite store). What the receiver answers:

- 200/201/204: acknowledged; 409: it holds a newer revision, done too;
- 429 and 503: try again after ``Retry-After``; 5xx, timeouts, network errors:
  try again later (the worker backs off exponentially, with jitter);
- 401/403: stop, the token is wrong; any other 4xx (422: the document failed
  the receiver's schema): stop and say why;
- a certificate that does not verify (another host's, an unknown CA's, an
  expired one): stop and say so; it is no network blip to wait out.

TLS is checked against the operating system's trust store (:func:`http_client`),
so an agency's own CA, deployed to its PCs, is trusted as the browser trusts it.
"""

from __future__ import annotations

import contextlib
import functools
import ipaddress
import logging
import os
import random
import ssl
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import httpx
from sqlalchemy import func, select

from app.models import DayRevision, DaySummary, Office, SyncAttempt, SyncState
from app.services import ServiceError
from app.services.access.actor import Desk, allowed
from app.services.office.clock import Clock
from app.services.stats.summary import day_summaries
from app.store.engine import Store, beside, file_lock
from app.store.errors import short
from app.sync.payload import build_payload

log = logging.getLogger(__name__)

ENV_URL, ENV_TOKEN = "SERVICEDISK_SYNC_URL", "SERVICEDISK_SYNC_TOKEN"
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
MAX_BACKOFF_S = 15 * 60


class SyncConfigError(ServiceError, ValueError):
    """The sync settings cannot work: English for the command line, Swedish for the screen."""


@dataclass(frozen=True)
class Target:
    """Where to send, as whom."""

    url: str
    token: str
    office: str


@dataclass
class Report:
    """What one round of sending did."""

    acked: list[tuple[date, int]] = field(default_factory=list)
    waiting: int = 0  # days still to send after this round
    retry: bool = False  # try again later (network, timeouts, 5xx, 429/503)
    retry_after_s: float | None = None  # … after this long, when the receiver said so
    stopped: str | None = None  # a reason a person must act on (401, 422 …)

    @property
    def done(self) -> bool:
        """Everything the store holds is acknowledged."""
        return self.waiting == 0 and self.stopped is None and not self.retry


def http_client() -> httpx.Client:
    """The client every sender uses: TLS verified against the operating system's trust store.

    On Windows and macOS that is the system's certificate store (where an
    agency deploys its own CA); on Linux OpenSSL's default paths, which honour
    ``SSL_CERT_FILE`` and ``SSL_CERT_DIR``. Without truststore, httpx's own list.
    """
    truststore = _truststore()
    if truststore is None:
        return httpx.Client()
    return httpx.Client(verify=truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))


@functools.cache  # one log line, not one per round
def _truststore() -> ModuleType | None:
    try:
        import truststore
    except Exception as exc:  # not installed, or not on this platform or Python
        log.warning("no system trust store (%s): TLS is checked with httpx's own CA list", exc)
        return None
    return truststore


def unverified_certificate(exc: BaseException) -> str | None:
    """Why the receiver's certificate did not verify, when that is what ``exc`` comes from."""
    seen: set[int] = set()
    found: BaseException | None = exc
    while found is not None and id(found) not in seen:
        if isinstance(found, ssl.SSLCertVerificationError):
            return short(found.verify_message or found.reason or str(found), 120).rstrip(".")
        seen.add(id(found))
        found = found.__cause__ or found.__context__
    return None


def check_url(url: str) -> str:
    """The endpoint, if it may be used: https, or plain http to this machine only."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and _loopback(host):
        return url.strip().rstrip("/")
    raise SyncConfigError(
        f"The sync address {short(url, 60)!r} must be https:// (http:// only to this machine).",
        "sync.https",
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_file(store: Store) -> Path | None:
    """The file that keeps the token where no keyring is (readable by this user only)."""
    settings = store.settings
    return settings.data_dir / "sync-token" if settings is not None else None


def read_token(store: Store) -> str | None:
    """The token from the keyring, else from the token file, or None."""
    try:
        import keyring

        found = keyring.get_password("servicedisk", "sync-token")
        if found:
            return found
    except Exception:  # no keyring module or no backend: the file, then
        log.debug("no keyring for the sync token", exc_info=True)
    path = token_file(store)
    if path is not None and path.is_file():
        return path.read_text(encoding="utf-8").strip() or None
    return None


@allowed("configure")
def save_token(desk: Desk, token: str) -> str:
    """Keep the token in the keyring, else in a file only this user may read; says where."""
    token = token.strip()
    try:
        import keyring

        keyring.set_password("servicedisk", "sync-token", token)
        return "keyring"
    except Exception:
        log.info("no keyring: the sync token goes to a file readable by this user only")
    path = token_file(desk.store)
    if path is None:
        raise SyncConfigError("No data folder for the token file.", "sync.no_folder")
    path.parent.mkdir(parents=True, exist_ok=True)  # a server store's PC may have made none
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(token + "\n")
    os.chmod(path, 0o600)
    return str(path)


def resolve_target(store: Store, env: Mapping[str, str] | None = None) -> Target | None:
    """The endpoint, token and office code, or None when sync is not set up."""
    env = os.environ if env is None else env
    with store.read() as session:
        office = session.scalar(select(Office))
        assert office is not None
        url, code = office.sync_url, office.code
    url = env.get(ENV_URL) or url
    token = env.get(ENV_TOKEN) or read_token(store)
    if not url or not token:
        return None
    return Target(check_url(url), token, code)


def pending(store: Store) -> list[tuple[date, int]]:
    """Every day whose revision is newer than the acknowledged one, oldest first."""
    with store.read() as session:
        rows = session.execute(
            select(DayRevision.business_day, DayRevision.revision)
            .outerjoin(SyncState, SyncState.business_day == DayRevision.business_day)
            .where(DayRevision.revision > func.coalesce(SyncState.acked_revision, -1))
            .order_by(DayRevision.business_day)
        ).all()
    return [(d, int(r)) for d, r in rows]


class SenderBusy(RuntimeError):
    """Another program is sending this store's days right now."""


SENDER_LOCK_KEY = 0x5D_53_59_4E  # "]SYN": the advisory lock's key on a server database


@contextlib.contextmanager
def _advisory_lock(store: Store, *, wait: bool) -> Iterator[None]:
    """PostgreSQL's session-level advisory lock, on a connection of its own held for the
    round; the server lets it go if the program dies, so a killed sender blocks no one."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")  # not idle in a transaction
        key = {"key": SENDER_LOCK_KEY}
        if wait:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), key)
        elif not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), key).scalar():
            raise SenderBusy("another program is sending the days")
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), key)


@contextlib.contextmanager
def sender_lock(store: Store, *, wait: bool = True) -> Iterator[None]:
    """One sender at a time for a store: a lock file beside a SQLite store, an advisory
    lock on a PostgreSQL server (every PC of the office sees the same one).

    With ``wait`` off, raises :class:`SenderBusy` at once when another has it
    (the app's worker then leaves the round to that program).
    """
    settings = store.settings
    if store.dialect == "postgresql":
        with _advisory_lock(store, wait=wait):
            yield
        return
    if settings is None or settings.sqlite_path is None:
        yield  # no file to lock beside (an in-memory store in a test)
        return
    path = beside(settings.sqlite_path, ".sync")  # one lock, whichever path leads to the store
    if wait:
        with file_lock(path):
            yield
        return
    if os.name == "nt":  # pragma: no cover - Windows: wait as the command line does
        with file_lock(path):
            yield
        return
    import fcntl

    # The very file file_lock() waits on: a sender that waits (the command line) and one
    # that does not (the app's worker) keep each other out.
    with open(beside(path, ".lock"), "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise SenderBusy("another program is sending the days") from exc
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@allowed("sync")
def send_pending(
    desk: Desk,
    target: Target,
    client: httpx.Client,
    *,
    limit: int | None = None,
    wait: bool = True,
) -> Report:
    """Send the days waiting, oldest first, until done or something says stop or wait.

    The programs' sender acts as :data:`~app.services.access.actor.SYSTEM`, the
    command line's ``sync`` as its local manager.
    """
    store, clock = desk.store, desk.clock
    report = Report()
    with sender_lock(store, wait=wait):
        days = pending(store)
        for n, (day, _revision) in enumerate(days):
            if limit is not None and n >= limit:
                break
            if not _send_day(store, clock, target, client, day, report):
                break
        report.waiting = len(pending(store))
    return report


def _send_day(
    store: Store, clock: Clock, target: Target, client: httpx.Client, day: date, report: Report
) -> bool:
    now = clock.now()
    summary = day_summaries(store, day, day, now).get(day)
    with store.read() as session:
        threshold = int(session.scalar(select(Office.small_count_threshold)) or 5)
        revision = session.scalar(select(DaySummary.revision).where(DaySummary.business_day == day))
    if summary is None or revision is None:
        return True
    payload = build_payload(
        summary, office=target.office, day=day, revision=int(revision), threshold=threshold
    )
    url = f"{target.url}/v1/offices/{target.office}/days/{day.isoformat()}"
    try:
        answer = client.put(
            url,
            content=payload.model_dump_json(),
            headers={
                "Authorization": f"Bearer {target.token}",
                "Content-Type": "application/json",
            },
            timeout=TIMEOUT,
        )
    except httpx.HTTPError as exc:  # down, timed out, reset, a bad answer
        why = unverified_certificate(exc)
        if why is not None:  # the wrong address or a CA this PC lacks: waiting will not help
            report.stopped = (
                f"the receiver's certificate could not be verified ({why}): check the sync "
                "address, or install the central office's CA certificate on this PC"
            )
            _attempt(store, now, day, int(revision), None, "stopped", f"certificate: {why}")
            return False
        _attempt(store, now, day, int(revision), None, "retry", f"{type(exc).__name__}: {exc}")
        report.retry = True
        return False
    status = answer.status_code
    if status in (200, 201, 204, 409):
        _ack(store, now, day, int(revision), status)
        report.acked.append((day, int(revision)))
        return True
    if status in (429, 503) or status >= 500:
        report.retry = True
        report.retry_after_s = retry_after(answer.headers.get("Retry-After"), now)
        _attempt(store, now, day, int(revision), status, "retry", short(answer.text, 200))
        return False
    if status in (401, 403):
        report.stopped = "the receiver refused the token (check the sync token)"
    else:
        report.stopped = f"the receiver refused day {day}: HTTP {status} {short(answer.text, 160)}"
    _attempt(store, now, day, int(revision), status, "stopped", short(answer.text, 200))
    return False


def retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds from a Retry-After header (seconds or an HTTP date), or None."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, (parsedate_to_datetime(value) - now).total_seconds())
    except (TypeError, ValueError):
        return None


def backoff(failures: int, *, base: float = 5.0, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter, capped at a quarter of an hour."""
    ceiling = min(MAX_BACKOFF_S, base * 2 ** max(0, failures))
    return (rng or random).uniform(ceiling / 2, ceiling)


def _ack(store: Store, now: datetime, day: date, revision: int, status: int) -> None:
    with store.write() as session:
        state = session.get(SyncState, day)
        if state is None:
            session.add(SyncState(business_day=day, acked_revision=revision, acked_at=now))
        elif state.acked_revision < revision:
            state.acked_revision, state.acked_at = revision, now
        outcome = "superseded" if status == 409 else "acked"
        session.add(
            SyncAttempt(at=now, business_day=day, revision=revision, status=status, outcome=outcome)
        )


def _attempt(
    store: Store,
    now: datetime,
    day: date | None,
    revision: int | None,
    status: int | None,
    outcome: str,
    detail: str,
) -> None:
    with store.write() as session:
        session.add(
            SyncAttempt(
                at=now,
                business_day=day,
                revision=revision,
                status=status,
                outcome=outcome,
                detail=detail[:300],
            )
        )
