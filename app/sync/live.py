"""The live snapshot an office pushes while online: what a visitor's "follow your place" page shows.

Every few seconds (:mod:`app.ui.shell.live_worker`) the office sends
``PUT {receiver}/v1/offices/{office}/live`` with one small document: for each
of today's tickets that has a follow key, its code, language, state, the people
ahead and the estimate (waiting) or the service point (called, serving), and
the calls standing now. Codes, counts, estimates and languages only: no
identity (the store holds none), no staff, no times of a visit. The schema is
:class:`LiveDocument`, which the receiver validates with too.

The page's address for a ticket's QR code is :func:`live_url`. The rounds of
pushing, and the lock that lets one program per office push, are in
:mod:`app.sync.live_sender`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC
from typing import TYPE_CHECKING, Annotated, Any, Literal
from urllib.parse import quote

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from app.models import states as st
from app.services.queue.views import read_snapshot
from app.store.errors import short

if TYPE_CHECKING:  # the HTTP side loads when a push is made: the receiver and a printout need
    import httpx  # only the schema and the address

    from app.services.office.clock import Clock
    from app.store.engine import Store
    from app.sync.client import Target

log = logging.getLogger(__name__)

FORMAT, VERSION = "servicedisk-live", 1
MAX_TICKETS = 999  # the tickets of one office's day a document may hold
MAX_CALLING = 8  # the calls standing now, newest first
MAX_MINUTES = 24 * 60
TIMEOUT_S, CONNECT_S = 4.0, 3.0  # under the pusher's 5 s: a slow push never piles up

CODE, KEY, LANGUAGE = r"^[A-Z][0-9]{3}$", r"^[A-Za-z0-9_-]{8,32}$", r"^[A-Za-z0-9-]{1,12}$"
Code = Annotated[str, Field(pattern=CODE)]
Key = Annotated[str, Field(pattern=KEY)]
Language = Annotated[str, Field(pattern=LANGUAGE)]
# A service point's number ("3") or its own name; no control characters, no braces.
Point = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[^\x00-\x1f\x7f{}]+$")]
OfficeCode = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.\-]+$")]
State = Literal["waiting", "called", "serving", "done", "gone"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class LiveTicket(_Strict):
    """One ticket as its page shows it: ``ahead`` and ``minutes`` while waiting, ``point``
    once called (None: not known, for a parked visitor or a queue without an estimate)."""

    key: Key
    code: Code
    language: Language | None = None
    state: State
    ahead: Annotated[int, Field(ge=0, le=MAX_TICKETS)] | None = None
    minutes: Annotated[int, Field(ge=0, le=MAX_MINUTES)] | None = None
    point: Point | None = None


class LiveCall(_Strict):
    """A call standing now: the number and where to go."""

    code: Code
    point: Point


class LiveDocument(_Strict):
    """The whole snapshot (at most 999 tickets and 8 calls; each key once)."""

    format: Literal["servicedisk-live"]
    version: Literal[1]
    office: OfficeCode
    at: AwareDatetime
    tickets: list[LiveTicket] = Field(max_length=MAX_TICKETS)
    calling: list[LiveCall] = Field(max_length=MAX_CALLING)

    @model_validator(mode="after")
    def _keys_once(self) -> LiveDocument:
        if len({t.key for t in self.tickets}) != len(self.tickets):
            raise ValueError("a follow key is given twice")
        return self


_PARTS = {
    st.WAITING: "waiting",
    st.PARKED: "waiting",  # back in a while: waiting, without a place to tell
    st.CALLED: "called",
    st.SERVING: "serving",
    st.DONE: "done",
}
_FOLLOWED = (
    "SELECT id, code, state, language, follow_key FROM ticket"
    " WHERE business_day = :day AND follow_key IS NOT NULL ORDER BY id DESC"
)
OFFICE_SQL = "SELECT code, live_page FROM office ORDER BY id LIMIT 1"


def point_label(number: int | None, name: str | None) -> str | None:
    """What the page says for a service point: its number when its name says no more than
    that ("Lucka 3": the page says it in the visitor's language), else its name."""
    if number is None:
        return None
    plain = (name or "").strip()
    if not plain or plain.casefold() in {str(number), f"lucka {number}"}:
        return str(number)
    cleaned = "".join(c for c in plain if c.isprintable() and c not in "{}")[:40].strip()
    return cleaned or str(number)


def live_snapshot(store: Store, clock: Clock) -> dict[str, Any]:
    """The document the office pushes now (see the module doc): plain JSON-ready values."""
    now = clock.now()
    with store.reading() as fetch:
        snap = read_snapshot(fetch, now)
        office = str(fetch(OFFICE_SQL, {})[0][0])
        followed = fetch(_FOLLOWED, {"day": snap.business_day})
    places: dict[int, tuple[int | None, int | None]] = {}
    seen: dict[str, int] = {}
    for view in snap.waiting:  # in call order: each ticket's place in its own queue
        ahead = seen.get(view.queue_letter, 0)
        seen[view.queue_letter] = ahead + 1
        status = snap.queue(view.queue_letter)
        minutes = None if status is None else (status.wait_for(ahead) if ahead else 0)
        places[view.id] = (ahead, None if minutes is None else min(minutes, MAX_MINUTES))
    points = {
        p.current.id: point_label(p.number, p.name) for p in snap.points if p.current is not None
    }
    code_ok, key_ok, language_ok = re.compile(CODE), re.compile(KEY), re.compile(LANGUAGE)
    tickets = []
    for id_, code, state, language, key in followed:
        if not (code_ok.match(code) and key_ok.match(key)):
            continue  # a letter outside A–Z, a key from elsewhere: never a refused document
        part = _PARTS.get(state, "gone")
        place, estimate = places.get(id_, (None, None)) if part == "waiting" else (None, None)
        tickets.append(
            {
                "key": key,
                "code": code,
                "language": language if language and language_ok.match(language) else None,
                "state": part,
                "ahead": place,
                "minutes": estimate,
                "point": points.get(id_) if part in ("called", "serving") else None,
            }
        )
    # The live ones first, then the latest finished (newest first: a stable sort): at most 999.
    tickets.sort(key=lambda t: t["state"] in ("done", "gone"))
    calling: list[dict[str, Any]] = []
    for call in snap.recent_calls:  # newest first; a recall is the same visitor again
        label = point_label(call.point_number, call.point_name)
        if not call.stands or label is None or not code_ok.match(call.code):
            continue
        if all(c["code"] != call.code for c in calling):
            calling.append({"code": call.code, "point": label})
    return {
        "format": FORMAT,
        "version": VERSION,
        "office": office,
        "at": now.astimezone(UTC).isoformat(timespec="seconds"),
        "tickets": tickets[:MAX_TICKETS],
        "calling": calling[:MAX_CALLING],
    }


def live_url(sync_url: str, office_code: str, follow_key: str) -> str:
    """The follow-your-place page of a ticket (its QR code), on the office's receiver.

    The receiver's base is the sync address as the sync client checks it
    (https, or http to this machine only: :class:`~app.sync.client.SyncConfigError`).
    """
    from app.sync.client import check_url

    return f"{check_url(sync_url)}/live/{quote(office_code, safe='')}/{quote(follow_key, safe='')}"


@dataclass(frozen=True)
class LiveResult:
    """One push: sent and kept (``ok``), or why not (``error``, in English for the log)."""

    ok: bool
    status: int | None = None
    error: str | None = None
    tickets: int = 0
    size: int = 0
    retry_after_s: float | None = None


def push_live(
    store: Store,
    clock: Clock,
    target: Target,
    client: httpx.Client,
    *,
    document: dict[str, Any] | None = None,
) -> LiveResult:
    """Send the snapshot (built now unless given) as the sync client sends a day; never raises
    for network trouble or a refusal: the result says what happened."""
    import httpx

    from app.sync.client import retry_after, unverified_certificate

    doc = document if document is not None else live_snapshot(store, clock)
    body = LiveDocument.model_validate(doc, strict=False).model_dump_json()
    url = f"{target.url}/v1/offices/{quote(target.office, safe='')}/live"
    try:
        answer = client.put(
            url,
            content=body,
            headers={
                "Authorization": f"Bearer {target.token}",
                "Content-Type": "application/json",
            },
            timeout=httpx.Timeout(TIMEOUT_S, connect=CONNECT_S),
        )
    except httpx.HTTPError as exc:
        why = unverified_certificate(exc)
        error = f"certificate: {why}" if why else f"{type(exc).__name__}: {short(str(exc), 160)}"
        return LiveResult(False, error=error, size=len(body))
    status = answer.status_code
    if status in (200, 204):
        return LiveResult(True, status, tickets=len(doc["tickets"]), size=len(body))
    if status in (401, 403):
        error = "the receiver refused the token (check the sync token)"
    elif status == 404:
        error = "the receiver has no live page (an older receiver?)"
    else:
        error = f"HTTP {status} {short(answer.text, 160)}"
    wait = retry_after(answer.headers.get("Retry-After"), clock.now())
    return LiveResult(False, status, error, size=len(body), retry_after_s=wait)
