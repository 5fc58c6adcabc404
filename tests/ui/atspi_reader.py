"""Read the staff screens back through AT-SPI, as a screen reader (Orca) does.

Runs with the system's Python (``/usr/bin/python3``: the venv has no PyGObject) beside
``python -m tests.ui.test_staff_accessibility DIR``, both in one D-Bus session under an
X server. For each screen the app shows, it writes ``NN.expected.json``; this reads the
app's window from the accessibility bus and writes what it found to ``NN.atspi.json``,
which tells the app to go on to the next screen. ``done`` ends it.

    atspi_reader.py --activate          start the accessibility bus (before the app)
    atspi_reader.py DIR APPLICATION     read each screen of APPLICATION into DIR
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402  (after require_version, as PyGObject wants)

WAIT_S = 90.0
# What the rules look at is the control; its rows, cells and list items are not read.
LEAVES = {"table", "tree table", "tree", "list", "combo box", "spin button", "text"}


def _state(node: Atspi.Accessible, state: Atspi.StateType) -> bool:
    return bool(node.get_state_set().contains(state))


def _labels(node: Atspi.Accessible) -> list[str]:
    """The names of what labels the node ("labelled by")."""
    names = []
    for relation in node.get_relation_set() or []:
        if relation.get_relation_type() == Atspi.RelationType.LABELLED_BY:
            for i in range(relation.get_n_targets()):
                names.append(relation.get_target(i).get_name() or "")
    return names


def _node(node: Atspi.Accessible) -> dict[str, object]:
    extents = node.get_extents(Atspi.CoordType.SCREEN)
    return {
        "id": node.get_accessible_id() or "",
        "role": node.get_role_name(),
        "name": node.get_name() or "",
        "description": node.get_description() or "",
        "labelled_by": _labels(node),
        "focusable": _state(node, Atspi.StateType.FOCUSABLE),
        "showing": _state(node, Atspi.StateType.SHOWING),
        "enabled": _state(node, Atspi.StateType.ENABLED),
        "extents": [extents.x, extents.y, extents.width, extents.height],
    }


def read_tree(root: Atspi.Accessible) -> list[dict[str, object]]:
    """Every showing node under ``root`` (not the insides of tables, lists and fields)."""
    found: list[dict[str, object]] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if not _state(node, Atspi.StateType.SHOWING):
            continue
        found.append(_node(node))
        if node.get_role_name() in LEAVES:
            continue
        stack.extend(node.get_child_at_index(i) for i in range(node.get_child_count()))
    return found


def _application(name: str) -> Atspi.Accessible:
    """The application on the bus, once it has come."""
    end = time.monotonic() + WAIT_S
    while time.monotonic() < end:
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            app = desktop.get_child_at_index(i)
            if app is not None and app.get_name() == name:
                return app
        time.sleep(0.2)
    raise SystemExit(f"atspi_reader: {name} never came on the accessibility bus")


def _window(app: Atspi.Accessible, window_id: str) -> Atspi.Accessible:
    """The application's shown window of that accessible id."""
    end = time.monotonic() + WAIT_S
    while time.monotonic() < end:
        for i in range(app.get_child_count()):
            window = app.get_child_at_index(i)
            shown = _state(window, Atspi.StateType.SHOWING)
            if shown and (window.get_accessible_id() or "") == window_id:
                return window
        time.sleep(0.2)
    shown = [app.get_child_at_index(i) for i in range(app.get_child_count())]
    ids = [w.get_accessible_id() for w in shown if _state(w, Atspi.StateType.SHOWING)]
    raise SystemExit(f"atspi_reader: no shown window {window_id}; shown: {ids}")


def _wait_for(*paths: Path) -> Path:
    end = time.monotonic() + WAIT_S
    while time.monotonic() < end:
        for path in paths:
            if path.exists():
                return path
        time.sleep(0.05)
    raise SystemExit(f"atspi_reader: waited in vain for {paths[0].name}")


def main(argv: list[str]) -> int:
    """Read the screens one after the other, as the app shows them."""
    if argv[1:] == ["--activate"]:
        Atspi.get_desktop(0).get_child_count()  # asks the session bus for org.a11y.Bus
        return 0
    folder, name = Path(argv[1]), argv[2]
    app = _application(name)
    number = 0
    while True:
        expected = folder / f"{number:02d}.expected.json"
        if _wait_for(expected, folder / "done") != expected:
            return 0
        time.sleep(0.3)  # the app has shown the screen; let the bus catch up with it
        screen = json.loads(expected.read_text(encoding="utf-8"))
        nodes = read_tree(_window(app, screen["window_id"]))
        out = folder / f"{number:02d}.atspi.json"
        partial = out.with_suffix(".part")
        partial.write_text(json.dumps(nodes, ensure_ascii=False), encoding="utf-8")
        partial.rename(out)
        number += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
