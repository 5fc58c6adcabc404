"""What stands before the receiver's handlers: a rate per token, a bounded body, a request log.

- Rate: each token may PUT ``rate`` documents a second with bursts of
  ``burst`` (a token bucket per worker process); beyond it, 429 with
  ``Retry-After`` in whole seconds, which the office's client honours.
- Body: a document larger than ``max_body`` bytes is refused with 413, by its
  Content-Length before anything is read, or as soon as more arrives.
- Log: one JSON line per request (time, method, path, answer, duration, bytes,
  client address): never a body, a query string or a header, so never a token.
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request

log = logging.getLogger("app.receiver.requests")

MAX_BODY = 1_048_576  # bytes: a real day's document is 5–40 kB
RATE_PER_S, BURST = 50.0, 100  # a year's backlog goes in under ten seconds, one office at a time


@dataclass
class RateLimit:
    """A token bucket per token id."""

    rate: float = RATE_PER_S
    burst: int = BURST
    _buckets: dict[int, tuple[float, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, key: int, now: float | None = None) -> float:
        """0 when the request may go on, else the seconds until it may."""
        moment = time.monotonic() if now is None else now
        with self._lock:
            tokens, since = self._buckets.get(key, (float(self.burst), moment))
            tokens = min(float(self.burst), tokens + (moment - since) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, moment)
                return 0.0
            self._buckets[key] = (tokens, moment)
            return (1.0 - tokens) / self.rate

    def check(self, key: int) -> None:
        wait = self.take(key)
        if wait > 0:
            raise HTTPException(
                429,
                "too many documents at once: try again later",
                headers={"Retry-After": str(max(1, math.ceil(wait)))},
            )


async def bounded_body(request: Request, limit: int) -> bytes:
    """The request's body, refused with 413 past ``limit`` bytes (declared or sent)."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise HTTPException(400, "Content-Length must be a number")
        if int(declared) > limit:
            raise HTTPException(413, f"the document is larger than {limit} bytes")
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the document is larger than {limit} bytes")
        parts.append(chunk)
    return b"".join(parts)


Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


class RequestLog:
    """ASGI middleware: one structured line per HTTP request, written when it ends."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = {"status": 500, "bytes": 0}

        async def sending(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                seen["status"] = int(message["status"])
            elif message["type"] == "http.response.body":
                seen["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            if log.isEnabledFor(logging.INFO):
                client = scope.get("client") or ("", 0)
                log.info(
                    json.dumps(
                        {
                            "event": "request",
                            "method": scope["method"],
                            "path": scope["path"][:200],
                            "status": seen["status"],
                            "ms": round((time.perf_counter() - started) * 1000, 1),
                            "bytes": seen["bytes"],
                            "client": client[0],
                        },
                        ensure_ascii=True,
                    )
                )


class JsonLines(logging.Formatter):
    """Log records as JSON lines: a request line as it is, any other record wrapped."""

    def format(self, record: logging.LogRecord) -> str:
        stamp = self.formatTime(record, "%Y-%m-%dT%H:%M:%S")
        message = record.getMessage()
        if record.name == log.name and message.startswith("{"):
            return f'{{"time": "{stamp}", "level": "{record.levelname}", {message[1:]}'
        entry = {
            "time": stamp,
            "level": record.levelname,
            "logger": record.name,
            "message": message,
        }
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=True)
