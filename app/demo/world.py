"""The office as the demo sees it: its active catalog, queues, points and staff, with pickers.

Each picker is a weighted choice built once on the store's own entries, with
the weights of :mod:`app.demo.rhythm`, so that a day's many draws are
cheap. A visitor's language, interpreter and errands are drawn here.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.rhythm import (
    AGENCY_MINUTES,
    BOOKED_TYPES,
    DOCUMENT_TYPES,
    ERRAND_COUNTS,
    HOUR_WEIGHT,
    HOUR_WEIGHT_LATE,
    INTERPRETER_TIME,
    INTERPRETER_WEIGHT,
    LANGUAGE_WEIGHT,
    NO_INTERPRETER_TIME,
    OUTCOME_WEIGHT,
    PLAIN_LANGUAGES,
    PLAN_SERVICE_MINUTES,
    QUEUE_SHARE,
    REFERENCE_WEEK,
    SIZING_UTILISATION,
    STOP_ISSUING_BEFORE_CLOSE,
    TARGET_WEIGHT,
    TAX_SEASON_TYPE_FACTOR,
    TYPE_MINUTES,
    TYPE_WEIGHT,
)
from app.models import (
    Agency,
    ErrandType,
    InterpreterKind,
    Language,
    Office,
    Outcome,
    Queue,
    ReferralTarget,
    ServicePoint,
    Staff,
)
from app.services import ServiceError
from app.services.errands.rules import DEFAULT_INTERPRETER
from app.services.office import calendar
from app.services.office.clock import OFFICE_TZ


class DemoRefused(ServiceError):
    """Demo data would mix with an office's real records, or was asked for wrongly."""

    def __init__(self, english: str, swedish: str) -> None:
        super().__init__(english, swedish)


# ---------------------------------------------------------------- sampling


class Pick:
    """A weighted choice among items, fast for many draws."""

    def __init__(self, items: Sequence[Any], weights: Sequence[float]) -> None:
        pairs = [(i, w) for i, w in zip(items, weights, strict=True) if w > 0]
        self.items = [i for i, _ in pairs]
        self.cum: list[float] = []
        total = 0.0
        for _, w in pairs:
            total += w
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> Any:
        if not self.items:
            return None
        index = bisect_right(self.cum, rng.random() * self.total)
        return self.items[min(index, len(self.items) - 1)]


def hour_segments(hours: dict[str, Any], day: date) -> list[tuple[float, float, float]]:
    """Pieces of the day's opening hours by clock hour: (start, end, arrival weight)."""
    out = []
    for start, end in calendar.opening_intervals(hours, day):
        end -= timedelta(seconds=STOP_ISSUING_BEFORE_CLOSE)
        at = start
        while at < end:
            local = at.astimezone(OFFICE_TZ)
            step = timedelta(minutes=60 - local.minute, seconds=-local.second)
            upto = min(end, at + step)
            weight = (
                HOUR_WEIGHT.get(local.hour, HOUR_WEIGHT_LATE) * (upto - at) / timedelta(hours=1)
            )
            out.append((at.timestamp(), upto.timestamp(), weight))
            at = upto
    return out


# ---------------------------------------------------------------- the office as the demo sees it


class World:
    """The store's active catalog, queues, points and staff, with pickers built on them."""

    def __init__(self, session: Session) -> None:
        office = session.scalar(select(Office))
        if office is None:
            raise DemoRefused(
                "The store has no office; open it once with the app first.",
                "Databasen har inget kontor. Öppna den med appen först.",
            )
        self.hours: dict[str, Any] = dict(office.opening_hours or {})
        self.recalls_needed = max(1, office.recalls_before_no_show)
        self.recall_gap = max(45.0, float(office.recall_min_seconds))
        self.priority_ratio = office.priority_ratio
        agencies = {a.id: a.code for a in session.scalars(select(Agency).where(Agency.active))}
        types: dict[int, list[ErrandType]] = {}
        for t in session.scalars(select(ErrandType).where(ErrandType.active)):
            if t.agency_id in agencies:
                types.setdefault(t.agency_id, []).append(t)
        self.agency_code = agencies
        self.type_code = {t.id: t.code for ts in types.values() for t in ts}
        queues = [
            q
            for q in session.scalars(select(Queue).where(Queue.active).order_by(Queue.sort_order))
            if any(a.id in agencies for a in q.agencies)
        ]
        if not queues:
            raise DemoRefused(
                "The office has no active queue for an active agency; nothing to simulate.",
                "Kontoret har ingen aktiv kö för en aktiv myndighet.",
            )
        self.letter = {q.id: q.letter for q in queues}
        skv = {q.id for q in queues if any(a.code == "SKV" for a in q.agencies)}
        self.skv_queue = next((q.id for q in queues if q.id in skv), None)
        self.queue_pick = {
            season: Pick(
                [q.id for q in queues],
                [
                    QUEUE_SHARE.get(q.letter, 0.1) * (1.5 if season and q.id in skv else 1.0)
                    for q in queues
                ],
            )
            for season in (False, True)
        }
        self.agency_pick = {}  # a queue's agencies: the first is the usual one
        for q in queues:
            ids = [a.id for a in q.agencies if a.id in agencies]
            rest = 0.3 / max(1, len(ids) - 1)
            self.agency_pick[q.id] = Pick(ids, [0.7 if i == 0 else rest for i in range(len(ids))])
        self.any_agency = Pick(list(agencies), [1.0] * len(agencies))
        self.type_pick = {
            season: {
                a_id: Pick(
                    [t.id for t in ts],
                    [
                        TYPE_WEIGHT.get(t.code, 1.0)
                        * (TAX_SEASON_TYPE_FACTOR.get(t.code, 1.0) if season else 1.0)
                        for t in ts
                    ],
                )
                for a_id, ts in types.items()
            }
            for season in (False, True)
        }
        skv_agency = next((i for i, c in agencies.items() if c == "SKV"), None)
        id_types = [t for t in types.get(skv_agency or -1, []) if t.code in BOOKED_TYPES]
        self.booked_agency = skv_agency
        self.booked_type = Pick([t.id for t in id_types], [BOOKED_TYPES[t.code] for t in id_types])
        self._outcomes(session)
        languages = list(session.scalars(select(Language).where(Language.active)))
        self.language_pick = Pick(
            [x.id for x in languages], [LANGUAGE_WEIGHT.get(x.code, 0.2) for x in languages]
        )
        self.plain_language = {x.id for x in languages if x.code in PLAIN_LANGUAGES}
        kinds = list(session.scalars(select(InterpreterKind).where(InterpreterKind.active)))
        self.no_interpreter = next((k.id for k in kinds if k.code == DEFAULT_INTERPRETER), None)
        self.interpreter_pick = Pick(
            [k.id for k in kinds], [INTERPRETER_WEIGHT.get(k.code, 0.05) for k in kinds]
        )
        self.interpreter_time = {k.id: INTERPRETER_TIME.get(k.code, 1.0) for k in kinds}
        self.points = list(
            session.scalars(
                select(ServicePoint).where(ServicePoint.active).order_by(ServicePoint.number)
            )
        )
        self.staff = list(
            session.scalars(
                select(Staff.id)
                .where(Staff.active, Staff.role.in_(("caseworker", "manager")))
                .order_by(Staff.id)
            )
        )

    def _outcomes(self, session: Session) -> None:
        outcomes = list(session.scalars(select(Outcome).where(Outcome.active)))
        targets = list(session.scalars(select(ReferralTarget).where(ReferralTarget.active)))
        usable = [o for o in outcomes if targets or not o.requires_referral]
        self.outcome_pick = Pick(
            [o.id for o in usable], [OUTCOME_WEIGHT.get(o.code, 0.03) for o in usable]
        )
        by_code = {o.code: o.id for o in usable}
        self.resolved = by_code.get("resolved")
        self.documents = by_code.get("documents")
        self.needs_referral = {o.id for o in usable if o.requires_referral}
        self.target_pick = {
            code: Pick(
                [r.id for r in targets if r.code != code],
                [TARGET_WEIGHT.get(r.code, 1.0) for r in targets if r.code != code],
            )
            for code in [*self.agency_code.values(), ""]
        }

    def size_points(self, session: Session, visits_per_day: int) -> int:
        """Add service points when the volume asked for needs more than the office has."""
        open_days = [d for d in REFERENCE_WEEK if calendar.is_open(self.hours, d)]
        if not open_days:
            return 0
        segments = hour_segments(self.hours, open_days[0])
        total = sum(w for _, _, w in segments) or 1.0
        peak = max(w / max(1.0, (b - a) / 3600) for a, b, w in segments) / total
        need = math.ceil(visits_per_day * peak * PLAN_SERVICE_MINUTES / 60 / SIZING_UTILISATION)
        number = max(session.scalars(select(ServicePoint.number)), default=0)
        added = 0
        while len(self.points) < need:
            number += 1
            point = ServicePoint(number=number, name=f"Lucka {number}")
            session.add(point)
            self.points.append(point)
            added += 1
        session.flush()
        return added

    def staff_at(self, day: date, point: int) -> int | None:
        """Who works at a point on a day (the office's own staff, when it has any)."""
        if not self.staff:
            return None
        return self.staff[(point + day.toordinal()) % len(self.staff)]

    def errands(
        self, rng: random.Random, queue_id: int, season: bool, booked: bool
    ) -> tuple[int | None, int | None, list[list[Any]]]:
        """A visitor's language, interpreter and errands ([agency, type, outcome, target, s])."""
        language = self.language_pick(rng)
        interpreter = self.no_interpreter
        factor = 1.0
        if language not in self.plain_language:
            interpreter = self.interpreter_pick(rng)
            factor = self.interpreter_time.get(interpreter, 1.0)
            if interpreter == self.no_interpreter:
                factor = NO_INTERPRETER_TIME
        agencies: list[int]
        if booked and self.booked_type.items and self.booked_agency is not None:
            agencies = [self.booked_agency]
        else:
            draw = rng.random()
            count = next(n for n, cum in ERRAND_COUNTS if draw < cum)
            first = self.agency_pick[queue_id](rng)
            agencies = [first] + [
                first if rng.random() < 0.5 else self.any_agency(rng) for _ in range(count - 1)
            ]
        out = []
        for agency in agencies:
            if booked and self.booked_type.items:
                type_id = self.booked_type(rng)
            else:
                picker = self.type_pick[season].get(agency)
                type_id = picker(rng) if picker else None
            code = self.type_code.get(type_id, "") if type_id else ""
            outcome = self.outcome_pick(rng)
            if booked and rng.random() < 0.95:
                outcome = self.resolved or outcome
            elif code in DOCUMENT_TYPES and rng.random() < 0.8:
                outcome = self.documents or outcome
            target = None
            if outcome in self.needs_referral:
                target = self.target_pick[self.agency_code.get(agency, "")](rng)
            minutes = TYPE_MINUTES.get(code) or AGENCY_MINUTES.get(self.agency_code[agency], 6.0)
            seconds = minutes * 60 * rng.lognormvariate(0, 0.45) * factor
            out.append([agency, type_id, outcome, target, int(min(3600, max(45, seconds)))])
        return language, interpreter, out
