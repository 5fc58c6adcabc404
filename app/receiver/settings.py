"""The receiver's settings: from the environment (workers) or the command line, one shape."""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.receiver.guard import BURST, MAX_BODY, RATE_PER_S, JsonLines

ENV_DATABASE = "SERVICEDISK_RECEIVER_DATABASE"
ENV_MAX_BODY = "SERVICEDISK_RECEIVER_MAX_BODY"
ENV_RATE = "SERVICEDISK_RECEIVER_RATE"
ENV_BURST = "SERVICEDISK_RECEIVER_BURST"


class SettingError(ValueError):
    """A setting outside its range."""


@dataclass(frozen=True)
class ReceiverSettings:
    database: str
    max_body: int = MAX_BODY
    rate: float = RATE_PER_S
    burst: int = BURST


def default_database() -> str:
    """A SQLite file in the user's data folder: the receiver tried out on one machine."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("servicedisk-receiver", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return f"sqlite:///{folder / 'receiver.sqlite3'}"


def _number(name: str, text: str | None, default: float, low: float, high: float) -> float:
    if text is None or text == "":
        return default
    try:
        value = float(text)
    except ValueError:
        raise SettingError(f"{name} must be a number, not {text[:40]!r}") from None
    if not low <= value <= high:
        raise SettingError(f"{name} must be from {low:g} to {high:g}, not {value:g}")
    return value


def read_environment(env: dict[str, str] | None = None) -> ReceiverSettings:
    source = os.environ if env is None else env
    return ReceiverSettings(
        database=source.get(ENV_DATABASE) or default_database(),
        max_body=int(_number(ENV_MAX_BODY, source.get(ENV_MAX_BODY), MAX_BODY, 1024, 64 * 2**20)),
        rate=_number(ENV_RATE, source.get(ENV_RATE), RATE_PER_S, 0.01, 100_000),
        burst=int(_number(ENV_BURST, source.get(ENV_BURST), BURST, 1, 1_000_000)),
    )


def log_as_json_lines() -> None:
    """The receiver's log on stderr, one JSON object a line (what a log collector reads)."""
    root = logging.getLogger("app.receiver")
    if any(isinstance(h.formatter, JsonLines) for h in root.handlers):
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    root.propagate = False


def build(settings: ReceiverSettings) -> Any:
    from app.receiver.app import create_app
    from app.receiver.db import open_engine
    from app.receiver.guard import RateLimit

    return create_app(
        open_engine(settings.database),
        max_body=settings.max_body,
        rate=RateLimit(settings.rate, settings.burst),
    )


def from_environment() -> Any:
    """The application a worker serves, as the environment sets it up."""
    log_as_json_lines()
    return build(read_environment())
