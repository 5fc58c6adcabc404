"""Layers point one way: the store, models and services (and sync) never load Qt, nor the UI."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import app

APP_DIR = Path(app.__file__).resolve().parent
ROOT = APP_DIR.parent
CORE_PACKAGES = ("store", "models", "services", "sync")
QT_MODULES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "qtpy")


def _core_files() -> list[Path]:
    files = []
    for package in CORE_PACKAGES:
        files.extend(sorted((APP_DIR / package).rglob("*.py")))
    return files


def _imported_modules(path: Path) -> list[str]:
    """Every module an import statement in the file names, wherever the statement is."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append(node.args[0].value)
    return names


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SERVICEDISK_")}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_the_core_packages_exist():
    assert _core_files(), "no files found under app/store, app/models and app/services"


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(APP_DIR)))
def test_no_core_module_imports_qt_or_the_ui(path):
    for name in _imported_modules(path):
        top = name.split(".")[0]
        assert top not in QT_MODULES, f"{path.name} imports {name}"
        assert not name.startswith("app.ui"), f"{path.name} imports {name}"


IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
loaded = []
for package in ("app.store", "app.models", "app.services", "app.sync"):
    try:
        pkg = importlib.import_module(package)
    except ModuleNotFoundError as exc:
        if exc.name == package:
            continue  # not written yet
        raise
    loaded.append(package)
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        if info.name.startswith("app.store.migrations."):
            continue  # Alembic's env and versions run only inside Alembic
        importlib.import_module(info.name)
        loaded.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in QT)
print(json.dumps({"loaded": loaded, "qt": qt, "ui": sorted(m for m in sys.modules
                  if m.startswith("app.ui"))}))
"""


def test_importing_every_core_module_loads_no_qt():
    result = _run(f"QT = {QT_MODULES!r}\n" + IMPORT_ALL)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "app.services.queue.calling" in report["loaded"]
    assert "app.store.engine" in report["loaded"]
    assert report["qt"] == []
    assert report["ui"] == []


HEADLESS = r"""
import json, sys
from app.cli.main import main
data_dir = sys.argv[1]
codes = [main(["--data-dir", data_dir, *argv]) for argv in (
    ["ticket", "issue", "A"], ["ticket", "call", "--point", "1"], ["queue", "--json"], ["check"])]
qt = sorted(m for m in sys.modules if m.split(".")[0] == "PySide6")
print(json.dumps({"codes": codes, "qt": qt}), file=sys.stderr)
"""


def test_headless_commands_stay_without_qt(tmp_path):
    result = _run(HEADLESS, str(tmp_path))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report == {"codes": [0, 0, 0, 0], "qt": []}
