"""What a screen reader and a keyboard need of a control: a name, a description, its place in
the Tab order.

A control's name comes from its text (a button), its buddy label (a field:
QLabel.setBuddy), or is set where no label stands beside it. On Linux, Qt gives
a combo box's current value as its name and its label only through the
"labelled by" relation, so a combo box always gets a buddy label (or a titled
group box); the accessible name set on it is what Windows reads. The
description says in a few words what the control does or takes.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget

W = TypeVar("W", bound=QWidget)


def describe(widget: W, description: str, name: str = "") -> W:
    """Give ``widget`` its description (and a name, where its text or label is not one)."""
    if name:
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    return widget


def tab_chain(widgets: Iterable[QWidget | None]) -> None:
    """Tab goes through ``widgets`` in this order (None and repeated neighbours skipped)."""
    chain = [w for w in widgets if w is not None]
    for first, second in itertools.pairwise(chain):
        if first is not second:
            QWidget.setTabOrder(first, second)


def buttons_in_reading_order(box: QDialogButtonBox) -> None:
    """Tab goes through a dialog's buttons as the platform lays them out (Linux: Avbryt
    before Spara; Windows: Spara first), not in the order they were made. Call it once the
    box has its buttons."""
    layout = box.layout()
    items = [layout.itemAt(i) for i in range(layout.count())] if layout else []
    tab_chain(i.widget() for i in items if i and isinstance(i.widget(), QAbstractButton))
