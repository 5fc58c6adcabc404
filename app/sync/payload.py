"""The one document sent per office and business day: its schema, and how it is built.

The schema is these pydantic models; ``schema/day-payload.schema.json`` in the
repository is generated from them (``python -m app.sync.payload``), and a test
fails when the two differ. Every model forbids fields it does not name, so a
document with per-staff figures or anything else unlisted fails validation:
per-staff figures never leave the office.

Small cells: in the errand breakdowns (agencies, errand types, outcomes,
referrals, languages, interpreters), a code counted fewer times than the
office's small-count threshold (default 5) is folded into ``other``, so that a
rare combination in a small town cannot point at one visitor.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer

from app import __version__

SCHEMA_VERSION: Literal[1] = 1
OTHER = "other"
BREAKDOWN_NAMES = ("agencies", "errand_types", "outcomes", "referrals", "languages", "interpreters")

# Every number and day has a range, so that no document can hold a figure that breaks a sum,
# a column or a page of the receiver's (a count of 10^400, a revision past a server's integer,
# a day in year 1): what is outside is refused with the document, never stored.
MAX_COUNT = 1_000_000  # of anything in one office's day
MAX_SECONDS = 100_000_000_000  # a sum of durations: MAX_COUNT visits of a day each
MAX_REVISION = 2**31 - 1  # a server's integer column
FIRST_DAY, LAST_DAY = date(2020, 1, 1), date(2099, 12, 31)
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]
Seconds = Annotated[int, Field(ge=0, le=MAX_SECONDS)]
Minutes = Annotated[float, Field(ge=0, le=MAX_COUNT, allow_inf_nan=False)]
Code = Annotated[str, Field(min_length=1, max_length=81, pattern=r"^[A-Za-z0-9_.\-/]+$")]
Hour = Annotated[str, Field(pattern=r"^([01][0-9]|2[0-3])$")]
Letter = Annotated[str, Field(min_length=1, max_length=1)]
# From a booked time to its call: early (negative) by a day at most, late by seven days.
SignedSeconds = Annotated[int, Field(ge=-86_400, le=7 * 86_400)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Histogram(_Strict):
    """Durations in seconds per whole minute (``bins[m]``: how many in minute m)."""

    bins: list[Count] = Field(default_factory=list, max_length=1440)
    count: Count = 0
    total_s: Seconds = 0
    max_s: Annotated[int, Field(ge=0, le=7 * 86_400)] = 0


class Part(_Strict):
    """Counts and durations of a day, or of one queue or hour of it."""

    visitors: Count = 0
    tickets: Count = 0
    booked: Count = 0
    walk_in: Count = 0
    served: Count = 0
    no_shows: Count = 0
    walked_out: Count = 0
    cancelled: Count = 0
    not_served: Count = 0
    unreliable: Count = 0
    quick_desk: Count = 0
    quick_phone: Count = 0
    errands: Count = 0
    wait: Histogram = Field(default_factory=Histogram)
    service: Histogram = Field(default_factory=Histogram)


class HourPart(Part):
    """One local hour of the day."""

    staffed_minutes: Minutes = 0.0
    queue_max: Count = 0


class EstimatePart(_Strict):
    """The wait told at issue against the wait that followed (errors as durations)."""

    count: Count = 0
    within_5_min: Count = 0
    wait: Histogram = Field(default_factory=Histogram)
    service: Histogram = Field(default_factory=Histogram)


class Estimate(EstimatePart):
    """The estimates of the whole day, per queue and per hour."""

    queues: dict[Letter, EstimatePart] = Field(default_factory=dict, max_length=60)
    hours: dict[Hour, EstimatePart] = Field(default_factory=dict)


class DayBookings(_Strict):
    """The day's booked visits (optional: only a day with bookings has them).

    At the document's revision: ``missed_bookings`` are the bookings neither checked
    in nor cancelled, which the day's last revision holds exactly once the day is over.
    Punctuality is booked time → first call (negative: early), null below the
    office's small-count threshold of booked visitors called.
    """

    bookings: Count = 0
    checked_in: Count = 0
    booked_visitors: Count = 0
    walk_in_visitors: Count = 0
    missed_bookings: Count = 0
    cancelled_bookings: Count = 0
    punctuality_median_s: SignedSeconds | None = None
    punctuality_p90_s: SignedSeconds | None = None


class Aggregates(Part):
    """The day's figures: aggregates only, no staff and no visitor."""

    version: Annotated[int, Field(ge=0, le=1000)]
    wait_booked: Histogram = Field(default_factory=Histogram)
    wait_walk_in: Histogram = Field(default_factory=Histogram)
    queues: dict[Letter, Part] = Field(default_factory=dict, max_length=60)
    hours: dict[Hour, HourPart] = Field(default_factory=dict)
    staffed_minutes: Minutes = 0.0
    breakdowns: dict[
        Literal["agencies", "errand_types", "outcomes", "referrals", "languages", "interpreters"],
        Annotated[dict[Code, Count], Field(max_length=2000)],
    ] = Field(default_factory=dict)
    estimate: Estimate = Field(default_factory=Estimate)
    bookings: DayBookings | None = None

    # No return annotation: the serialization schema stays the model's own.
    @model_serializer(mode="wrap")
    def _leave_out_absent_bookings(self, handler: SerializerFunctionWrapHandler):
        """A day without bookings is sent without the key, as before it existed, so that a
        receiver older than the field still takes every office's days without bookings."""
        data = handler(self)
        if isinstance(data, dict) and data.get("bookings") is None:
            data.pop("bookings", None)
        return data


class DayPayload(_Strict):
    """``PUT {base}/v1/offices/{office}/days/{day}``: one office's one business day."""

    schema_version: Literal[1]
    office: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_.\-]+$")]
    day: Annotated[date, Field(ge=FIRST_DAY, le=LAST_DAY)]
    revision: Annotated[int, Field(ge=0, le=MAX_REVISION)]
    app_version: Annotated[str, Field(min_length=1, max_length=40)]
    aggregates: Aggregates


def fold_small_cells(counts: dict[str, int], threshold: int) -> dict[str, int]:
    """Codes counted fewer than ``threshold`` times, added together under ``other``."""
    kept = {code: n for code, n in counts.items() if n >= threshold}
    folded = sum(n for code, n in counts.items() if n < threshold)
    if folded:
        kept[OTHER] = kept.get(OTHER, 0) + folded
    return kept


def build_payload(
    summary: dict[str, Any], *, office: str, day: date, revision: int, threshold: int
) -> DayPayload:
    """The document for one day's stored summary (its central part, small cells folded,
    the bookings' figures only, with punctuality withheld below the threshold)."""
    from app.services.stats.bookings import central_bookings
    from app.services.stats.summary import central_part

    central = central_part(summary)
    booked = central.pop("bookings", None)
    if booked:
        central["bookings"] = central_bookings(booked, threshold)
    breakdowns = central.get("breakdowns", {})
    central["breakdowns"] = {
        name: fold_small_cells(dict(breakdowns.get(name, {})), threshold)
        for name in BREAKDOWN_NAMES
        if breakdowns.get(name)
    }
    return DayPayload(
        schema_version=SCHEMA_VERSION,
        office=office,
        day=day,
        revision=revision,
        app_version=__version__,
        aggregates=Aggregates.model_validate(central),
    )


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a day's document, as committed in ``schema/``."""
    schema = DayPayload.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://servicedisk.example/schema/day-payload.schema.json"
    return schema


def schema_text() -> str:
    """The committed form of the schema: sorted keys, indented, a final newline."""
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m app.sync.payload > schema/day-payload.schema.json
    sys.stdout.write(schema_text())
