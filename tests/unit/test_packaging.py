"""The installers say what the app accepts and carry what it needs (packaging/, no build).

The Windows installer script is read as text, the PyInstaller spec as Python source
(never run: PyInstaller is not in the test venv), the desktop entries as INI files; every
command line they start is parsed with the app's own parser. The bundle itself is built
and started by `make package` and `packaging/smoke-test` in CI, not here.
"""

from __future__ import annotations

import argparse
import ast
import configparser
import contextlib
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import app
from app.cli.main import _parser
from app.config import ENV_DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "servicedisk.spec"
ISS = PACKAGING / "servicedisk.iss"
DESKTOP_FILES = sorted(PACKAGING.glob("*.desktop"))
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _parse(argv: list[str], where: str) -> argparse.Namespace:
    """The app's parser on argv; a test failure naming `where` instead of an exit."""
    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said), contextlib.redirect_stdout(said):
            return _parser().parse_args(argv)
    except SystemExit:
        pytest.fail(f"{where}: servicedisk refuses {argv}: {said.getvalue().strip()}")


# --- the PyInstaller spec ---------------------------------------------------------------


def _spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def _executables() -> dict[str, ast.Call]:
    """The spec's EXE(...) calls by the name they give the program."""
    found = {}
    for node in ast.walk(_spec_tree()):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EXE":
            keywords = {k.arg: k.value for k in node.keywords}
            found[ast.literal_eval(keywords["name"])] = node
    return found


def _console(call: ast.Call, *, windows: bool) -> bool:
    """The EXE's console= as it comes out on Windows or on Linux."""
    value = next(k.value for k in call.keywords if k.arg == "console")
    names = {"WINDOWS": windows, "LINUX": not windows}
    return bool(eval(compile(ast.Expression(value), str(SPEC), "eval"), {}, names))


def _spec_strings(assigned: str) -> list[str]:
    """Every string constant in the value the spec assigns to `assigned`."""
    for node in ast.walk(_spec_tree()):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(getattr(t, "id", None) == assigned for t in targets):
                return [
                    n.value
                    for n in ast.walk(node.value)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str)
                ]
    raise AssertionError(f"the spec assigns no {assigned}")


def _app_qt_modules() -> set[str]:
    """The PySide6 modules the app imports (QtCore, QtCharts …)."""
    found = set()
    for path in (ROOT / "app").rglob("*.py"):
        found |= set(re.findall(r"from PySide6\.(Qt\w+) import", path.read_text(encoding="utf-8")))
    return found


def test_on_windows_the_window_has_no_console_and_the_command_line_has_one():
    programs = _executables()
    assert set(programs) == {"servicedisk", "servicedisk-cli"}
    assert not _console(programs["servicedisk"], windows=True)
    assert _console(programs["servicedisk-cli"], windows=True)


def test_both_windows_programs_share_one_folder():
    collects = [
        node
        for node in ast.walk(_spec_tree())
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "COLLECT"
    ]
    assert len(collects) == 1
    assert {k.arg: ast.literal_eval(k.value) for k in collects[0].keywords if k.arg == "name"} == {
        "name": "servicedisk"
    }


def test_every_repository_path_the_spec_names_exists():
    """`root / "app" / "store" / …` chains, globs included: a moved file fails here."""
    paths = []
    for node in ast.walk(_spec_tree()):
        parts: list[str] = []
        while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            if not isinstance(node.right, ast.Constant):
                break
            parts.insert(0, node.right.value)
            node = node.left
        if parts and isinstance(node, ast.Name) and node.id == "root":
            paths.append("/".join(parts))
    assert "app/resources" in paths and "app/store/migrations" in paths
    for relative in paths:
        assert (ROOT / relative).exists(), f"the spec names {relative}, which is not there"
    assert len(list((ROOT / "app" / "store").glob("schema_head*.json"))) == 2


def test_the_postgres_extras_driver_is_a_hidden_import_of_the_bundle():
    """SQLAlchemy loads the driver by the URL's name: the analysis cannot see it."""
    (requirement,) = PYPROJECT["project"]["optional-dependencies"]["postgres"]
    driver = re.match(r"[\w-]+", requirement).group(0)
    hidden = _spec_strings("a")
    assert driver in hidden
    assert f"sqlalchemy.dialects.postgresql.{driver}" in hidden


def test_no_qt_module_the_app_imports_is_left_out_of_the_bundle():
    used = _app_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets", "QtMultimedia", "QtTextToSpeech"} <= used
    excluded = {w for s in _spec_strings("UNUSED_QT_MODULES") for w in re.findall(r"\bQt\w+", s)}
    assert "QtQuick" in excluded
    assert not used & excluded, f"the spec excludes {sorted(used & excluded)}, which app/ uses"
    dropped = re.compile("".join(_spec_strings("DROP_LIBRARY")), re.IGNORECASE)
    assert dropped.match("libQt6Quick.so.6") and dropped.match("Qt6Pdf.dll")
    for module in used:
        library = f"libQt6{module.removeprefix('Qt')}.so.6"
        assert not dropped.match(library), f"the spec drops {library}, which {module} needs"


def test_the_package_extra_builds_the_office_pc_app_with_pyinstaller():
    extra = PYPROJECT["project"]["optional-dependencies"]["package"]
    assert any(r.startswith("servicedisk[") and "desk" in r and "postgres" in r for r in extra)
    assert any(re.match(r"pyinstaller\s*>=\s*6[\d.]*\s*,\s*<\s*7", r) for r in extra)


# --- the Windows installer --------------------------------------------------------------


def _iss_text() -> str:
    return ISS.read_text(encoding="utf-8-sig").replace(" \\\n", " ")  # ISPP's line spanning


def _iss_section(name: str) -> list[str]:
    lines, inside = [], False
    for line in _iss_text().splitlines():
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            inside = stripped[1:-1].lower() == name.lower()
        elif inside and stripped and not stripped.startswith(";"):
            lines.append(stripped)
    return lines


def _iss_setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _iss_section("Setup"))


def _iss_entries(section: str) -> list[dict[str, str]]:
    """A section's entries as {parameter: value}, Inno's "" unquoted to "."""
    entries = []
    for line in _iss_section(section):
        fields = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]+)', line)
        entries.append({key: _iss_value(value) for key, value in fields})
    return entries


def _iss_value(value: str) -> str:
    value = value.strip()
    return value[1:-1].replace('""', '"') if value.startswith('"') else value


def _iss_define(name: str) -> str:
    found = re.search(rf'#define {name} "([^"]*)"', _iss_text())
    assert found, f"{ISS.name} defines no {name}"
    return found.group(1)


def test_the_installer_keeps_one_fixed_app_id():
    app_id = _iss_setup()["AppId"]
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", app_id), app_id


def test_the_installer_installs_the_64_bit_program_for_the_whole_machine():
    setup = _iss_setup()
    assert setup["ArchitecturesAllowed"] == "x64compatible"
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["DefaultDirName"].startswith("{autopf}")


def test_the_installer_speaks_swedish_first_and_english():
    files = [entry["MessagesFile"] for entry in _iss_entries("Languages")]
    assert files == ["compiler:Languages\\Swedish.isl", "compiler:Default.isl"]


def test_the_installers_version_defaults_to_the_apps():
    assert _iss_define("AppVersion") == app.__version__
    assert _iss_setup()["AppVersion"] == "{#AppVersion}"


def test_the_installer_takes_the_folder_the_spec_builds():
    (files,) = _iss_entries("Files")
    assert files["Source"] == "..\\dist\\servicedisk\\*"
    assert "recursesubdirs" in files["Flags"]


def test_every_shortcut_starts_the_window_program_with_options_the_app_accepts():
    shortcuts = [e for e in _iss_entries("Icons") if e["Filename"] != "{uninstallexe}"]
    data_dir = _iss_define("DataDir")
    modes = set()
    for shortcut in shortcuts:
        assert shortcut["Filename"] == "{app}\\servicedisk.exe", shortcut
        argv = shlex.split(shortcut.get("Parameters", "").replace("{#DataDir}", data_dir))
        args = _parse(argv, f"the shortcut {shortcut['Name']}")
        assert args.command is None  # the window, not a command
        assert args.data_dir == data_dir
        modes.add("display" if args.display else "kiosk" if args.kiosk else "app")
    assert modes == {"app", "display", "kiosk"}
    start_menu = {e["Name"] for e in shortcuts if e["Name"].startswith("{group}")}
    assert len(start_menu) == 3


def test_the_shared_data_folder_is_made_for_the_users_and_named_for_the_command_line():
    data_dir = _iss_define("DataDir")
    assert data_dir.startswith("{commonappdata}\\")
    (folder,) = _iss_entries("Dirs")
    assert folder["Name"] == "{#DataDir}"
    assert folder["Permissions"] == "users-modify"
    assert "uninsneveruninstall" in folder["Flags"]  # the office's records stay
    (variable,) = _iss_entries("Registry")
    assert variable["ValueName"] == ENV_DATA_DIR
    assert variable["ValueData"] == "{#DataDir}"
    assert variable["Root"] == "HKLM"


# --- the Linux desktop entries ------------------------------------------------------------


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive: Name, Name[sv]
    parser.read_string(path.read_text(encoding="utf-8"), source=str(path))
    assert parser.sections() == ["Desktop Entry"], path.name
    return parser["Desktop Entry"]


@pytest.mark.parametrize("path", DESKTOP_FILES, ids=lambda p: p.name)
def test_a_desktop_entry_starts_the_servicedisk_command_with_options_it_accepts(path):
    entry = _desktop_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] and entry["Name[sv]"] and entry["Comment"]
    assert entry["Terminal"] == "false"
    program, *argv = shlex.split(entry["Exec"])
    assert program in PYPROJECT["project"]["scripts"]
    assert not [a for a in argv if a.startswith("%")], "no field codes: it opens no files"
    args = _parse(argv, path.name)
    assert args.command is None


def test_there_is_a_desktop_entry_for_the_app_the_display_and_the_kiosk():
    modes = set()
    for path in DESKTOP_FILES:
        args = _parse(shlex.split(_desktop_entry(path)["Exec"])[1:], path.name)
        modes.add("display" if args.display else "kiosk" if args.kiosk else "app")
    assert modes == {"app", "display", "kiosk"}
    assert len(DESKTOP_FILES) == 3


# --- the smoke test -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["smoke-test", "glibc-floor", "portable-python", "installer-check"]
)
def test_the_packaging_scripts_are_executable_bash_scripts(name):
    script = PACKAGING / name
    assert script.stat().st_mode & 0o111
    assert script.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    checked = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_the_glibc_check_names_a_file_that_asks_for_too_new_a_glibc(tmp_path):
    """packaging/glibc-floor (the smoke test's step 3): a program that asks for a newer
    glibc than the limit is named and fails the check; within the limit it passes and says
    what the folder needs."""
    bash, objdump = shutil.which("bash"), shutil.which("objdump")
    if bash is None or objdump is None:
        if os.environ.get("SERVICEDISK_CI"):
            pytest.fail(".ci/run installs bash and binutils")
        pytest.skip("no bash or objdump here (apt-get install binutils)")
    program = tmp_path / "bundle" / "python"
    program.parent.mkdir()
    shutil.copy(Path(sys.executable).resolve(), program)  # asks for GLIBC_2.x, x > 2.5
    script = str(PACKAGING / "glibc-floor")

    too_old = subprocess.run(
        [bash, script, str(program.parent), "2.2.5"], capture_output=True, text=True
    )
    assert too_old.returncode == 1
    assert (
        "python asks for GLIBC_2." in too_old.stderr and "newer than GLIBC_2.2.5" in too_old.stderr
    )

    new_enough = subprocess.run(
        [bash, script, str(program.parent), "99.0"], capture_output=True, text=True
    )
    assert new_enough.returncode == 0, new_enough.stderr
    assert new_enough.stdout.startswith("runs where glibc is 2.")


def test_ci_builds_and_smoke_tests_the_bundle_after_the_suite():
    steps = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    suite = steps.index("make test")
    package = steps.index("make package")
    smoke = next(i for i, s in enumerate(steps) if s.startswith("packaging/smoke-test"))
    installer = steps.index("packaging/installer-check")
    assert suite < package < smoke < installer


def test_a_wheel_carries_every_resource_the_app_reads():
    """The seed office, the chime, the visitors' texts and the translations are package data:
    an office or a receiver installed from a wheel has them (app.config finds them in the
    package), not only a source checkout or the bundle."""
    import fnmatch
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    globs = data["tool"]["setuptools"]["package-data"]["app"]
    resources = ROOT / "app" / "resources"
    read = [p for p in resources.rglob("*") if p.is_file() and p.suffix in (".json", ".wav", ".ts")]
    assert {p.parent.name for p in read} >= {"seed", "sounds", "visitor", "i18n"}
    for path in read:
        relative = path.relative_to(ROOT / "app").as_posix()
        assert any(fnmatch.fnmatch(relative, g.replace("**/", "*/")) for g in globs), relative
