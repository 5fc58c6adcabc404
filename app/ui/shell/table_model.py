"""The one base of the screens' table models: rows of read models, keyed, updated in place.

Every model of the application (the live queue at reception, the ticket lists
and catalog choices of the service point, the settings tables) shows a list of
frozen read models. :class:`RowsModel` holds them under a stable key and, given
a new list, removes, inserts and repaints only what changed, so a selection and
a scroll position survive a refresh. All models answer the same roles:

- ``SORT_ROLE``: a raw value to sort the column by (a proxy's sort role);
- ``KEY_ROLE``: the row's stable key (a ticket's code, a catalog code, a point's number);
- ``OBJECT_ROLE``: the read model itself.

A subclass names its columns in ``HEADERS`` (marked with :func:`QT_TRANSLATE_NOOP` in
the subclass's own context, translated by its ``tr()`` when shown) and says what a cell
shows in :meth:`RowsModel._cell`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QT_TR_NOOP as _QT_TR_NOOP
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.ui.shell.marks import QT_TRANSLATE_NOOP as QT_TRANSLATE_NOOP

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
OBJECT_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
# Roles a view asks of every cell it paints and no model here answers: they are turned
# away before any lookup (three of the seven questions per painted cell).
_UNANSWERED = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.SizeHintRole,
    )
)


def QT_TR_NOOP(text: str) -> str:
    """Mark a text for translation where it is defined; ``tr()`` translates it when shown.

    lupdate files it under the enclosing class only inside a method: in a class body or
    at module level prefer :func:`QT_TRANSLATE_NOOP`, naming the class whose ``tr()``
    shows it.
    """
    return str(_QT_TR_NOOP(text))


class RowsModel(QAbstractTableModel):
    """Rows keyed by a stable key, updated in place; subclasses say what a cell shows."""

    HEADERS: ClassVar[tuple[str, ...]] = ()
    CLOCK_COLUMNS: ClassVar[tuple[int, ...]] = ()  # columns whose text moves with the clock

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._now: datetime | None = None

    # -- what subclasses provide
    def headers(self) -> tuple[str, ...]:
        """The column titles (untranslated): ``HEADERS`` unless a model sets its own."""
        return self.HEADERS

    def _key(self, row: Any) -> object:
        """The row's stable key; the default is the read model's ``code``."""
        return row.code

    def _cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def _signature(self, row: Any) -> object:
        """What a row shows; a row whose signature is unchanged is not repainted."""
        return row

    # -- the Qt model contract
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows (none under a child: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """One column per title."""
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles (Swedish, translatable); rows are numbered from 1."""
        if role != DISPLAY:
            return None
        headers = self.headers()
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(headers):
            return self.tr(headers[section])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """A cell, by role; ``KEY_ROLE`` and ``OBJECT_ROLE`` answer for every column."""
        if role in _UNANSWERED:
            return None
        row = self.at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(self.headers()):
            return None
        if role == OBJECT_ROLE:
            return row
        if role == KEY_ROLE:
            return self._key(row)
        return self._cell(row, index.column(), role)

    # -- access for views
    def at(self, row: int) -> Any | None:
        """The read model shown in a row, or None outside the model."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        """Every row's read model, in order."""
        return list(self._rows)

    def keys(self) -> list[object]:
        """The keys of the rows, in order."""
        return [self._key(r) for r in self._rows]

    def row_of(self, key: object) -> int:
        """The row showing a key, or -1."""
        return next((i for i, r in enumerate(self._rows) if self._key(r) == key), -1)

    def find(self, key: object) -> Any | None:
        """The read model with this key, or None."""
        return self.at(self.row_of(key))

    def set_now(self, now: datetime) -> None:
        """Move the time that running figures (waits) are measured to.

        The clock columns are repainted (one range, from the first row whose
        :meth:`_clock_value` moved to the last) only when one did: a wait shown
        in minutes changes once a minute, not at every refresh.
        """
        if now == self._now:
            return
        rows = self._rows if self.CLOCK_COLUMNS else []
        before = [self._clock_value(r) for r in rows]
        self._now = now
        moved = [i for i, row in enumerate(rows) if self._clock_value(row) != before[i]]
        if moved:
            for column in self.CLOCK_COLUMNS:
                self.dataChanged.emit(self.index(moved[0], column), self.index(moved[-1], column))

    def _clock_value(self, row: Any) -> object:
        """What of a row's clock columns moves with the time (by default: the time itself)."""
        return self._now

    # -- in-place update
    def set_rows(self, rows: Sequence[Any], now: datetime | None = None) -> bool:
        """Show these rows, changing only what differs; returns whether anything did."""
        new = list(rows)
        changed = new != self._rows
        if changed:
            self._update(new)
        if now is not None:
            self.set_now(now)
        return changed

    def _update(self, new: list[Any]) -> None:
        new_keys = [self._key(r) for r in new]
        wanted = set(new_keys)
        if len(wanted) != len(new_keys):  # keys not unique: no rows to follow
            self._reset(new)
            return
        for i in range(len(self._rows) - 1, -1, -1):
            if self._key(self._rows[i]) not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        kept = [self._key(r) for r in self._rows]
        kept_set = set(kept)
        if kept != [k for k in new_keys if k in kept_set]:
            self._reset(new)  # rows changed order (rare: a transfer): simpler than moves
            return
        changed: list[int] = []
        for i, (key, row) in enumerate(zip(new_keys, new, strict=True)):
            if i >= len(self._rows) or self._key(self._rows[i]) != key:
                self.beginInsertRows(QModelIndex(), i, i)
                self._rows.insert(i, row)
                self.endInsertRows()
            else:
                if self._signature(self._rows[i]) != self._signature(row):
                    changed.append(i)
                self._rows[i] = row
        last_column = len(self.headers()) - 1
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def _reset(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted row numbers as (first, last) runs of consecutive rows."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
