"""A throwaway PostgreSQL server for the tests: its own cluster in a temporary folder.

Started once per test run when the server's programs are installed (Debian's
``postgresql`` package; `.ci/run` installs it), on a free loopback port with
trust authentication, and stopped at the end. As root the server runs as the
``postgres`` user (it refuses root). Where the programs are missing the tests
that need it skip with the reason; under CI they fail instead.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

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


def _unavailable(reason: str) -> None:
    if os.environ.get("SERVICEDISK_CI"):
        pytest.fail(f"PostgreSQL is needed under CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """``postgresql+psycopg://servicedisk@127.0.0.1:PORT``, a server of this run's own."""
    try:
        import psycopg  # noqa: F401 - the driver, in the test extras
    except ImportError as exc:
        _unavailable(f"the psycopg driver cannot load: {exc}")
    bin_dir = _binaries()
    if bin_dir is None:
        _unavailable("no PostgreSQL server programs (initdb) on this machine")
    assert bin_dir is not None
    as_user: list[str] = []
    folder = Path(tempfile.mkdtemp(prefix="servicedisk-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            _unavailable("running as root and there is no postgres user to run the server")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        as_user = ["setpriv", "--reuid", "postgres", "--regid", "postgres", "--init-groups"]
    data, port = folder / "data", _free_port()
    run = {"check": True, "capture_output": True, "timeout": 120}
    subprocess.run(
        [*as_user, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", USER], **run
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    pg_ctl = [*as_user, str(bin_dir / "pg_ctl"), "-D", str(data)]
    subprocess.run([*pg_ctl, "-l", str(folder / "log"), "-o", options, "-w", "start"], **run)
    try:
        yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}"
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A new, empty database on the run's server, for this test alone."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    dsn = postgres_server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{postgres_server}/{name}"
