"""A shutdown that comes while the app is still starting (importing Qt, say): noted, so the
app ends as closing it does once it can, instead of being killed by the signal's default.

The GUI's own handler (app.ui.shell.application._quit_on_termination) takes over from
this one and asks :func:`came_early` first. No Qt here: it is installed before Qt loads.
"""

from __future__ import annotations

import os
import signal
import threading

_came = threading.Event()


def note_early() -> None:
    """From now on SIGTERM and SIGINT are only noted (until the GUI's handler is in)."""
    if os.name == "nt":  # pragma: no cover - Windows ends a GUI app with WM_CLOSE
        return
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda _signum, _frame: _came.set())


def came_early() -> bool:
    """A shutdown was asked for before the GUI's handler was in."""
    return _came.is_set()
