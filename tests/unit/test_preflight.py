"""The preflight: a missing system library named with its package, before Qt aborts.

Qt's own message for a missing library of its X11 plugin is *Could not load the Qt
platform plugin "xcb"*; the GUI path asks the dynamic loader first and says what to
install instead (app/preflight.py).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app import preflight
from app.preflight import (
    EXIT_MISSING_LIBRARIES,
    GUI_LIBRARIES,
    XCB_LIBRARIES,
    missing_libraries,
    needed_libraries,
    sentence,
    window_platform,
)

ROOT = Path(__file__).resolve().parents[2]
ON_LINUX = sys.platform.startswith("linux")
# Every Linux's C and C++ runtime, which the preflight leaves alone.
RUNTIME = ("libc.so", "libm.so", "libstdc++.so", "libgcc_s.so", "ld-linux", "libpthread.so")


def only_missing(*sonames: str):
    """A loader that finds every library but these."""
    return lambda name: name not in sonames


def test_a_missing_xcb_cursor_names_its_package():
    missing = missing_libraries(
        {"DISPLAY": ":0"}, is_loadable=only_missing("libxcb-cursor.so.0"), system="linux"
    )  # QT_QPA_PLATFORM unset, an X11 session: Qt's default, xcb
    assert missing == {"libxcb-cursor.so.0": "libxcb-cursor0"}
    text = sentence(missing, has_apt=True)
    assert text.endswith("install them with: sudo apt install libxcb-cursor0")
    assert "libxcb-cursor.so.0" in text
    assert ". " not in text and not text.endswith(".")  # one sentence, for a terminal line


def test_several_missing_name_each_package_once_in_one_command():
    missing = missing_libraries(
        {},
        is_loadable=only_missing("libglib-2.0.so.0", "libgthread-2.0.so.0", "libxcb-icccm.so.4"),
        system="linux",
    )
    text = sentence(missing, has_apt=True)
    assert text.endswith("sudo apt install libglib2.0-0 libxcb-icccm4")


def test_without_apt_the_packages_are_named_as_debian_s():
    text = sentence({"libxcb-cursor.so.0": "libxcb-cursor0"}, has_apt=False)
    assert "on Debian or Ubuntu: sudo apt install libxcb-cursor0" in text


def test_all_present_needs_nothing():
    assert missing_libraries({}, is_loadable=lambda name: True, system="linux") == {}


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc", "eglfs"])
def test_a_platform_without_a_window_on_the_screen_needs_nothing(platform):
    nothing = lambda name: False  # noqa: E731 - not one library on this pretend PC
    env = {"QT_QPA_PLATFORM": platform}
    assert missing_libraries(env, is_loadable=nothing, system="linux") == {}


def test_windows_and_macos_are_not_checked():
    nothing = lambda name: False  # noqa: E731
    assert missing_libraries({}, is_loadable=nothing, system="win32") == {}
    assert missing_libraries({}, is_loadable=nothing, system="darwin") == {}


@pytest.mark.parametrize(
    ("env", "platform"),
    [
        ({}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),
        ({"QT_QPA_PLATFORM": "xcb:no-glx"}, "xcb"),
        ({"QT_QPA_PLATFORM": ""}, "xcb"),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, "wayland"),
        ({"QT_QPA_PLATFORM": "wayland-egl"}, "wayland"),
        ({"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}, "wayland"),
        ({"XDG_SESSION_TYPE": "x11"}, "xcb"),
        ({"QT_QPA_PLATFORM": "offscreen"}, None),
        ({"QT_QPA_PLATFORM": "minimal", "XDG_SESSION_TYPE": "wayland"}, None),
    ],
)
def test_the_platform_qt_will_try_first(env, platform):
    assert window_platform(env, wayland_plugin=True) == platform


def test_wayland_does_not_ask_for_the_x11_plugin_s_libraries():
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    no_xcb = only_missing(*XCB_LIBRARIES)
    for env in (session, {"QT_QPA_PLATFORM": "wayland"}):
        missing = missing_libraries(env, is_loadable=no_xcb, system="linux", wayland_plugin=True)
        assert missing == {}
    assert set(GUI_LIBRARIES) <= set(needed_libraries("wayland"))


def test_without_a_wayland_plugin_a_wayland_session_asks_for_x11_s():
    """The Linux bundle carries no Wayland plugin: Qt opens the window through XWayland."""
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    missing = missing_libraries(
        session,
        is_loadable=only_missing("libxcb-cursor.so.0"),
        system="linux",
        wayland_plugin=False,
    )
    assert missing == {"libxcb-cursor.so.0": "libxcb-cursor0"}
    assert window_platform({"QT_QPA_PLATFORM": "wayland;xcb"}, wayland_plugin=False) == "xcb"


def test_without_pyside6_the_command_line_says_what_to_install_instead(monkeypatch):
    """No PySide6 (a receiver's install): not the libraries, but the 'desk' extra is missing,
    which the command line says when it loads the window's code."""
    monkeypatch.setattr(preflight, "pyside_folder", lambda: None)
    assert missing_libraries({}, system="linux") == {}


def test_a_library_the_bundle_carries_counts_as_there(tmp_path, monkeypatch):
    """The Linux bundle carries the X11 libraries desktops lack, beside its own files,
    where the system's loader does not look: found there, they are not asked for."""
    name = "libservicedisk-test-absent.so.9"
    assert not preflight.loadable(name, [tmp_path])
    (tmp_path / name).write_bytes(b"")
    assert preflight.loadable(name, [tmp_path])
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert tmp_path in preflight._bundled_folders(None)


# ---------------------------------------------------------------- against the real Qt


def _qt_folder() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent / "Qt"


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what ldd starts from)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, f"{path}: not ELF64 LE"
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    for _name, kind, _flags, _addr, offset, size, link, *_rest in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        names = []
        for entry in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, entry)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                start = strings + value
                names.append(data[start : data.index(b"\0", start)].decode())
        return names
    return []


needs_linux_qt = pytest.mark.skipif(
    not ON_LINUX or sys.maxsize < 2**32 or sys.byteorder != "little",
    reason="reads the installed PySide6's Linux libraries (64-bit little-endian)",
)


@needs_linux_qt
def test_every_system_library_the_window_links_is_in_the_table():
    """A PySide6 upgrade that links a new library fails here until the table knows it."""
    qt = _qt_folder()
    bundled = {p.name for p in (qt / "lib").iterdir()}
    files = [qt / "plugins" / "platforms" / "libqxcb.so"] + [
        qt / "lib" / f"libQt6{name}.so.6" for name in ("XcbQpa", "Gui", "Core", "DBus", "Widgets")
    ]
    wanted = set()
    for path in files:
        for name in _needed(path):
            if name not in bundled and not name.startswith(RUNTIME):
                wanted.add(name)
    assert wanted, "read no library from the ELF files"
    assert sorted(wanted - set(needed_libraries("xcb"))) == []
    # and no entry in the table that Qt no longer asks for
    assert sorted(set(needed_libraries("xcb")) - wanted) == []


@needs_linux_qt
@pytest.mark.skipif(shutil.which("ldd") is None, reason="no ldd to compare with")
def test_on_this_pc_the_preflight_agrees_with_the_dynamic_loader():
    """What ldd cannot find for the X11 plugin is exactly what the preflight names (and when
    ldd finds everything, the preflight lets the window start)."""
    out = subprocess.run(
        ["ldd", str(_qt_folder() / "plugins" / "platforms" / "libqxcb.so")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    not_found = {line.split()[0] for line in out.splitlines() if "not found" in line}
    missing = missing_libraries({"QT_QPA_PLATFORM": "xcb"})
    assert set(missing) == not_found
    expected = None if not not_found else sentence(missing)
    assert preflight.gui_preflight({"QT_QPA_PLATFORM": "xcb"}) == expected


# ---------------------------------------------------------------- the entry points

# The real command line's main, in a process of its own, with one library of the table
# replaced by a name no PC has: the module-level table is the only thing changed.
ENTRY = """
import sys
from app import preflight
absent = {"libservicedisk-test-absent.so.9": "pkg-absent9"}
preflight.XCB_LIBRARIES = {**preflight.XCB_LIBRARIES, **absent}
from app.cli.main import main
code = main(sys.argv[1:])
print("qt loaded" if any(m.split(".")[0] == "PySide6" for m in sys.modules) else "no qt")
print("sqlalchemy loaded" if "sqlalchemy" in sys.modules else "no sqlalchemy")
sys.exit(code)
"""


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENTRY, "--data-dir", str(tmp_path / "data"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DISPLAY": ":0", **env},
    )


@pytest.mark.skipif(not ON_LINUX, reason="the preflight checks Linux only")
@pytest.mark.parametrize("screen", [[], ["--display"], ["--kiosk"]])
def test_the_app_exits_5_with_the_sentence_before_qt_loads(tmp_path, screen):
    done = _run(screen, tmp_path)
    assert done.returncode == EXIT_MISSING_LIBRARIES, done.stderr
    assert "libservicedisk-test-absent.so.9" in done.stderr
    assert "sudo apt install" in done.stderr and "pkg-absent9" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1  # one sentence, no traceback
    assert done.stdout.split() == ["no", "qt", "no", "sqlalchemy"]
    log = (tmp_path / "data" / "logs" / "servicedisk.log").read_text(encoding="utf-8")
    assert "libservicedisk-test-absent.so.9" in log


@pytest.mark.skipif(not ON_LINUX, reason="the preflight checks Linux only")
def test_commands_and_version_never_ask_for_the_window_s_libraries(tmp_path):
    version = _run(["--version"], tmp_path)
    assert version.returncode == 0 and "servicedisk" in version.stdout
    queue = _run(["queue"], tmp_path)
    assert queue.returncode == 0, queue.stderr
    assert "absent" not in queue.stderr


@pytest.mark.skipif(not ON_LINUX, reason="the preflight checks Linux only")
def test_offscreen_starts_without_asking(tmp_path):
    """Offscreen (tests, CI): the missing library is not looked for; `python -m
    app.preflight` (make run's first step) says nothing and exits 0."""
    code = (
        "import sys\n"
        "from app import preflight\n"
        "preflight.XCB_LIBRARIES = {'libservicedisk-test-absent.so.9': 'pkg-absent9'}\n"
        "sys.exit(preflight.main())\n"
    )
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, "")
    env["QT_QPA_PLATFORM"] = "xcb"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert done.returncode == EXIT_MISSING_LIBRARIES
    assert "sudo apt install" in done.stderr and "pkg-absent9" in done.stderr


def test_the_preflight_imports_neither_qt_nor_sqlalchemy():
    code = (
        "import sys, app.preflight\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy'}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
