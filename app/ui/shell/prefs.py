"""Per-workstation preferences (chosen service point, last-used values, window geometry)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings


class Prefs:
    """A small typed wrapper over an INI file kept in the data dir."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def get_int(self, key: str, default: int | None = None) -> int | None:
        """An integer, or default when unset or not a number."""
        value = self._qs.value(key)
        try:
            return int(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    def get_str(self, key: str, default: str | None = None) -> str | None:
        """A text value, or default."""
        value = self._qs.value(key)
        return str(value) if value is not None else default

    def get(self, key: str, default: Any = None) -> Any:
        """A raw value (QByteArray for geometry)."""
        return self._qs.value(key, default)

    def set(self, key: str, value: Any) -> None:
        """Store a value and write it out."""
        self._qs.setValue(key, value)
        self._qs.sync()
