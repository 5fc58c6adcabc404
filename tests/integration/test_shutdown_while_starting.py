"""A PC shutting down (SIGTERM) at any moment of a program's start-up — while Python loads
Qt, while the window shows, while the store opens behind it — ends it as closing it does:
exit 0, no crash, never killed by the signal's default (exit 143). Before, a SIGTERM in the
first second of ``--display`` crashed it one time in ten (the store-opening thread was
still signalling while the shut-down deleted its object)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.test_office_programs import ROOT, _env, servicedisk

pytestmark = pytest.mark.slow

# After the program has begun to handle SIGTERM (its first lines: before that, Python
# itself is still starting and the signal's default is all there is).
MOMENTS_S = (0.0, 0.1, 0.25, 0.5, 0.8, 1.2)


def _handles_sigterm(pid: int) -> bool:
    """The process catches SIGTERM (its SigCgt mask in /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught.split()[1], 16) & (1 << (signal.SIGTERM - 1)))


@pytest.mark.parametrize("mode", [[], ["--display"], ["--kiosk"]], ids=["main", "display", "kiosk"])
def test_a_shutdown_at_any_moment_of_start_up_ends_the_program_cleanly(tmp_path, mode):
    data = tmp_path / "office"
    servicedisk(data, "queue")  # the store exists, as on any day after the first
    codes = []
    for moment in MOMENTS_S:
        started = subprocess.Popen(
            [sys.executable, "-m", "app", "--data-dir", str(data), *mode],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=_env(),
        )
        deadline = time.monotonic() + 30
        while not _handles_sigterm(started.pid) and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(moment)
        started.send_signal(signal.SIGTERM)
        _, err = started.communicate(timeout=60)
        codes.append((moment, started.returncode, "Traceback" in err, err[-400:]))
    assert all(code == 0 and not traced for _, code, traced, _ in codes), codes
