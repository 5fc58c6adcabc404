"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder.

Started once per test run when the server's programs are installed (Debian's
``postgresql`` package; `.ci/run` installs it), on a free loopback port with
trust authentication, and stopped at the end. As root the server runs as the
``postgres`` user (it refuses root). Where the programs are missing the tests
that need it skip with the reason; under CI they fail instead.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

USER = "servicedisk"


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def unavailable(reason: str) -> None:
    """Skip (or, under CI, fail) a test that needs a server this machine cannot run."""
    if os.environ.get("SERVICEDISK_CI"):
        pytest.fail(f"PostgreSQL is needed under CI: {reason}")
    pytest.skip(reason)


class ServerUnavailable(RuntimeError):
    """The machine cannot run a throwaway PostgreSQL server; the message says why."""


@dataclass
class Server:
    """A running throwaway server: its URL, and a way to stop and start it again."""

    url: str
    _pg_ctl: list[str]
    _log: Path
    _options: str
    _data: Path

    def stop(self) -> None:
        """Stop it as an administrator would (sessions ended, in-flight work rolled back)."""
        subprocess.run([*self._pg_ctl, "-m", "fast", "-w", "stop"], **_RUN)

    def freeze(self, stop: bool = True) -> None:
        """Freeze every process of the server (SIGSTOP), or thaw them (SIGCONT): a server that
        hangs without a word, its connections open and silent."""
        postmaster = int((self._data / "postmaster.pid").read_text().split()[0])
        for pid in [postmaster, *_children(postmaster)]:
            os.kill(pid, signal.SIGSTOP if stop else signal.SIGCONT)

    def start(self) -> None:
        """Start it again on the same port, with the same data."""
        subprocess.run(
            [*self._pg_ctl, "-l", str(self._log), "-o", self._options, "-w", "start"], **_RUN
        )


def _children(parent: int) -> list[int]:
    """The processes whose parent is ``parent`` (read from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


_RUN: dict[str, Any] = {"check": True, "capture_output": True, "timeout": 120}


@contextlib.contextmanager
def throwaway_server(*, fsync: bool = False) -> Iterator[str]:
    """``postgresql+psycopg://servicedisk@127.0.0.1:PORT``: a cluster of its own, removed after.

    ``fsync`` off for the tests (durability is not what they are about); on for the
    benchmarks, which measure what an office's server does.
    """
    with stoppable_server(fsync=fsync) as server:
        yield server.url


@contextlib.contextmanager
def stoppable_server(*, fsync: bool = False) -> Iterator[Server]:
    """A cluster of its own (as :func:`throwaway_server`) that a test may stop and start."""
    try:
        import psycopg  # noqa: F401 - the driver, in the test extras
    except ImportError as exc:
        raise ServerUnavailable(f"the psycopg driver cannot load: {exc}") from exc
    bin_dir = _binaries()
    if bin_dir is None:
        raise ServerUnavailable("no PostgreSQL server programs (initdb) on this machine")
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="servicedisk-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError as exc:
            raise ServerUnavailable(
                "running as root and there is no postgres user to run the server"
            ) from exc
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["setpriv", "--reuid", "postgres", "--regid", "postgres", "--init-groups"]
    data, port = folder / "data", _free_port()
    subprocess.run(
        [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER], **_RUN
    )
    options = (
        f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync={'on' if fsync else 'off'}"
    )
    pg_ctl = [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data)]
    url = f"postgresql+psycopg://{USER}@127.0.0.1:{port}"
    server = Server(url, pg_ctl, folder / "log", options, data)
    server.start()
    try:
        yield server
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


def _on_server(server: str, sql: str) -> None:
    """One statement on the server's maintenance database (outside any transaction)."""
    import psycopg

    dsn = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)


def new_database(server: str, name: str | None = None, *, template: str | None = None) -> str:
    """A new database on the server, empty or a copy of ``template``; its URL."""
    name = name or f"t_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    _on_server(server, f'CREATE DATABASE "{name}"{copy}')
    return f"{server}/{name}"


def drop_database(server: str, name: str | None) -> None:
    """Drop a database on the server (closing what is still connected to it)."""
    _on_server(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """``postgresql+psycopg://servicedisk@127.0.0.1:PORT``, a server of this run's own."""
    try:
        with throwaway_server() as server:
            yield server
    except ServerUnavailable as exc:
        unavailable(str(exc))


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A new, empty database on the run's server, for this test alone."""
    return new_database(postgres_server)
