"""The app's own sync: a round of sending every minute (or sooner, on "Synka nu"), off the GUI
thread, and one line for the status bar: not set up, online, offline, or what went wrong.

A round runs on the runner; when another program of the office is sending (its
lock is taken) this one leaves the round to it. After a failure the next round
waits with exponential backoff (or as long as the receiver's Retry-After says).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.ui.shell.context import UiContext
from app.ui.shell.office_time import hhmm

log = logging.getLogger(__name__)

ROUND_MS = 60_000
FIRST_ROUND_MS = 20_000


@dataclass(frozen=True)
class SyncLine:
    """What the status bar says, and how it looks ("ok", "info", "error")."""

    text: str
    kind: str


class SyncWorker(QObject):
    """Rounds of sending on the runner; ``changed`` carries the status line."""

    changed = Signal(object)  # SyncLine

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._busy = False
        self._failures = 0
        self.timer = QTimer(self)
        self.timer.setObjectName("sync-round")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self.timer.start(FIRST_ROUND_MS)

    def sync_now(self) -> None:
        """Start a round now (unless one is running)."""
        if self._busy:
            return
        self._busy = True
        self.timer.stop()
        ctx = self._ctx
        self._ctx.runner.submit(lambda: one_round(ctx), self._on_done, self._on_failed)

    def _on_done(self, result: tuple[Any, Any, str | None]) -> None:
        self._busy = False
        summary, report, state = result
        line, delay = self.describe(summary, report, state)
        self.changed.emit(line)
        self.timer.start(int(delay * 1000))

    def _on_failed(self, exc: Exception) -> None:
        self._busy = False
        log.warning("sync round failed: %s", exc)
        self._failures += 1
        self.changed.emit(SyncLine(self.tr("Synk: fel – se loggen"), "error"))
        self.timer.start(ROUND_MS)

    def describe(self, summary: Any, report: Any, state: str | None) -> tuple[SyncLine, float]:
        """The status line for a round's outcome, and how long to wait before the next."""
        from app.sync.client import backoff

        n = summary.waiting
        waiting = (
            (self.tr("1 dag väntar") if n == 1 else self.tr("{0} dagar väntar").format(n))
            if n
            else ""
        )
        last = hhmm(summary.last_acked_at) if summary.last_acked_at else None
        if state == "not set up":
            return SyncLine(self.tr("Synk: inte inställd"), "info"), ROUND_MS / 1000
        if state == "busy":
            return SyncLine(self.tr("Synk: ett annat program skickar"), "info"), ROUND_MS / 1000
        if report.stopped:
            self._failures = 0
            return SyncLine(self.tr("Synk: fel – {0}").format(_swedish(report.stopped)), "error"), (
                ROUND_MS / 1000
            )
        if report.retry:
            self._failures += 1
            delay = report.retry_after_s or backoff(self._failures)
            text = self.tr("Synk: offline")
            if waiting:
                text += f" · {waiting}"
            return SyncLine(text, "error"), delay
        self._failures = 0
        parts = [self.tr("Synk: online")]
        if last:
            parts.append(self.tr("senast {0}").format(last))
        if waiting:
            parts.append(waiting)
        return SyncLine(" · ".join(parts), "ok"), ROUND_MS / 1000


def _swedish(reason: str) -> str:
    if reason.startswith("the receiver's certificate"):
        return (
            "mottagarens certifikat kunde inte kontrolleras: kontrollera adressen, eller "
            "installera centralkontorets CA-certifikat på den här datorn"
        )
    if "token" in reason:
        return "nyckeln avvisades"
    if "HTTP 422" in reason:
        return "mottagaren godtog inte uppgifterna"
    return "mottagaren sa nej"


def one_round(ctx: UiContext) -> tuple[Any, Any, str | None]:
    """One round of sending (on the runner): the summary after it, the report, or a state."""
    from app.sync.client import SenderBusy, http_client, resolve_target, send_pending
    from app.sync.status import sync_summary

    store = ctx.store
    target = resolve_target(store)
    if target is None:
        return sync_summary(store), None, "not set up"
    try:
        with http_client() as client:
            report = send_pending(ctx.upkeep, target, client, wait=False)  # as SYSTEM
    except SenderBusy:
        return sync_summary(store), None, "busy"
    return sync_summary(store), report, None
