"""The office's files are this user's alone: folders 0700, files 0600.

The store holds staff PIN hashes, and backups and logs hold the office's
records: nobody else on the PC may read them. :func:`keep_private` sets the
process's umask, so that everything it creates from then on (the store and its
WAL, backups, logs, printed tickets, exports) is private, and tightens what an
earlier version left readable. On Windows the umask does nothing; the folder's
ACL decides (docs/data-inventory.md says how to set it).
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from app.config import Settings

log = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077


def keep_private(settings: Settings) -> None:
    """From now on create files private to this user; make the office's own ones private."""
    os.umask(PRIVATE_UMASK)
    for folder in dict.fromkeys((settings.data_dir, settings.backups_dir, settings.logs_dir)):
        try:
            if not folder.is_dir() or folder.is_symlink():
                continue  # not made yet (it will be, privately), or not ours to change
        except OSError:  # a file in the way: the store says so in its own sentence
            continue
        _tighten(folder, 0o700)
        for entry in folder.iterdir():  # the store and its WAL, backups, logs, tickets/
            if entry.is_symlink():
                continue
            if entry.is_dir():
                _tighten(entry, 0o700)
            elif entry.is_file():
                _tighten(entry, 0o600)


def _tighten(path: Path, mode: int) -> None:
    """Take group and others' access away from a path of this user's (others are left)."""
    try:
        found = path.lstat()
    except OSError:  # gone, or a file where a folder should be
        return
    if found.st_uid != os.getuid() or stat.S_ISLNK(found.st_mode):
        return
    if stat.S_IMODE(found.st_mode) & 0o077:
        try:
            path.chmod(stat.S_IMODE(found.st_mode) & mode)
        except OSError as exc:
            log.warning("could not make %s private: %s", path, exc)
            return
        log.info("made %s private to this user", path)
