"""Settings and paths: every location the app uses comes from here.

Paths come from platformdirs unless a data dir is given (``--data-dir`` or
``SERVICEDISK_DATA_DIR``); then data, backups and logs all live inside it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "Servicedisk"
APP_AUTHOR = "Servicedisk"
DATABASE_FILENAME = "servicedisk.sqlite3"
ENV_DATA_DIR = "SERVICEDISK_DATA_DIR"
ENV_DATABASE_URL = "SERVICEDISK_DATABASE_URL"
# This PC's choice of a server store (Settings › Databas), beside its data: never a password.
DATABASE_URL_FILE = "database-url"

RESOURCES_DIR = Path(__file__).resolve().parent / "resources"


@dataclass(frozen=True)
class Settings:
    """Where the store, its backups and logs are, and which database to use."""

    data_dir: Path
    backups_dir: Path
    logs_dir: Path
    database_url: str

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file behind the database URL, or None for a server database."""
        prefix = "sqlite:///"
        if not self.database_url.startswith(prefix):
            return None
        rest = self.database_url[len(prefix) :]
        return Path(rest) if rest and rest != ":memory:" else None


def resolve_settings(
    data_dir: str | os.PathLike[str] | None = None,
    database_url: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Settings:
    """Settings from explicit arguments, then the environment, then platformdirs."""
    env = os.environ if env is None else env
    chosen_dir = data_dir or env.get(ENV_DATA_DIR) or None
    if chosen_dir:
        base = Path(chosen_dir).expanduser().resolve()
        data, backups, logs = base, base / "backups", base / "logs"
    else:
        import platformdirs

        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        data = Path(dirs.user_data_dir)
        backups = data / "backups"
        logs = Path(dirs.user_log_dir)
    url = (
        database_url
        or env.get(ENV_DATABASE_URL)
        or _chosen_url(data)
        or f"sqlite:///{data / DATABASE_FILENAME}"
    )
    return Settings(data_dir=data, backups_dir=backups, logs_dir=logs, database_url=url)


def _chosen_url(data_dir: Path) -> str | None:
    """The server store chosen in Settings for this PC, if any (read as one line)."""
    try:
        text = (data_dir / DATABASE_URL_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return text or None


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file; when it cannot be written (a full disk), that is said once, not per line."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        """Say once on stderr that the log cannot be written, then stay quiet."""
        if not self.failed:
            self.failed = True
            print(f"servicedisk: cannot write the log {self.baseFilename}", file=sys.stderr)


def setup_logging(settings: Settings, level: int = logging.INFO) -> Path | None:
    """Log to a rotating file in the log dir; returns the file, or None if it cannot be made.

    Without a log file, nothing is logged (one line on stderr says so): a
    message the command line prints is never printed twice.
    """
    root = logging.getLogger()
    root.setLevel(level)
    path = settings.logs_dir / "servicedisk.log"
    for existing in root.handlers:  # called again in one process (tests, embedding): reuse
        if getattr(existing, "baseFilename", None) == str(path.resolve()):
            return path
    try:
        settings.logs_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _LogFile(
            path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError as exc:
        print(
            f"servicedisk: no log file in {settings.logs_dir} ({exc.strerror or exc})",
            file=sys.stderr,
        )
        if not root.handlers:
            root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
    )
    root.addHandler(handler)
    return path
