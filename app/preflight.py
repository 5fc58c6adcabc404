"""Before the window: the system libraries Qt needs on Linux, and one sentence if some are not.

Qt's own message for a missing library is *Could not load the Qt platform plugin "xcb"*,
which names neither the library nor what to install. The GUI path of the command line
(and ``make run``, as ``python -m app.preflight``) asks the dynamic loader first for each
library the window's platform plugin needs, and maps those it cannot load to their
Debian/Ubuntu packages:

    servicedisk: The window cannot open: this PC lacks system libraries that Qt needs
    (libxcb-icccm.so.4, libxcb-keysyms.so.1); install them with: sudo apt install
    libxcb-icccm4 libxcb-keysyms1

The tables were read from the ``NEEDED`` entries of PySide6 6.11's ``libqxcb.so``,
``libQt6XcbQpa.so.6``, ``libQt6Gui.so.6``, ``libQt6Core.so.6``, ``libQt6DBus.so.6`` and
``libQt6Widgets.so.6`` (``tests/unit/test_preflight.py`` reads them again from the
installed PySide6 and fails when one is new or gone), and ``libqwayland.so``'s for a
Wayland session. The C and C++ runtime (libc, libm, libstdc++, libgcc_s) are
every Linux's and are not checked; ICU comes with PySide6.

Nothing here imports Qt or SQLAlchemy, and nothing is checked where Qt will not open a
window on the screen (``QT_QPA_PLATFORM=offscreen`` in tests, ``minimal``, ``vnc`` …),
nor on Windows or macOS, where PySide6 brings everything it needs.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The GUI's exit code when a library it needs is missing: nothing was done, and the line
# on stderr says why.
EXIT_MISSING_LIBRARIES = 5  # docs/cli.md, Exit codes

# QtGui, QtCore and QtDBus themselves: needed whatever the window platform.
GUI_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

# The X11 platform plugin (libqxcb.so and libQt6XcbQpa.so.6), Qt's default on Linux.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}

# The Wayland platform plugin (libqwayland.so), Qt's first choice in a Wayland session.
WAYLAND_LIBRARIES: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}

# What the app works without, a little less well: only `python -m app.preflight` names them
# (sound is loaded lazily, and start-up does not load it to ask). find_library's name → package.
OPTIONAL_LIBRARIES: dict[str, tuple[str, str]] = {
    "pulse": ("libpulse0", "the chime and Qt's voices on the display and the kiosk"),
    "cups": ("libcups2", "ticket printers (without it every ticket goes to a PDF)"),
}
OPTIONAL_PROGRAMS: dict[str, tuple[str, str]] = {
    "espeak-ng": ("espeak-ng", "calls spoken offline where Qt has no voice"),
}

# Platforms that show no window on this PC's screen: nothing to check.
UNCHECKED_PLATFORMS = frozenset(
    {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}
)


def window_platform(
    env: Mapping[str, str] | None = None, *, wayland_plugin: bool = True
) -> str | None:
    """The platform plugin Qt will use ("xcb", "wayland"), or None where none is checked.

    ``QT_QPA_PLATFORM`` may list several ("wayland;xcb", tried in turn) and give options
    ("xcb:…"); unset, Qt tries Wayland first in a Wayland session, X11 (xcb) otherwise.
    Without a Wayland plugin (the Linux bundle carries none) Qt goes on to X11 (XWayland).
    """
    env = os.environ if env is None else env
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if not chosen:
        wayland_session = env.get("XDG_SESSION_TYPE", "") == "wayland"
        return "wayland" if wayland_session and wayland_plugin else "xcb"
    names = [part.split(":")[0].strip().lower() for part in chosen.split(";")]
    names = [name for name in names if name] or ["xcb"]
    tried = [n for n in names if wayland_plugin or not n.startswith("wayland")] or names
    first = tried[0]
    if first.startswith("wayland"):
        return "wayland"
    return "xcb" if first == "xcb" else None


def needed_libraries(platform: str) -> dict[str, str]:
    """The libraries (soname → Debian package) a window on this platform needs."""
    extra = {"xcb": XCB_LIBRARIES, "wayland": WAYLAND_LIBRARIES}.get(platform, {})
    return {**GUI_LIBRARIES, **extra}


def pyside_folder() -> Path | None:
    """PySide6's folder, found without importing it; None where it is not installed."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if locations:
        return Path(locations[0])
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "PySide6").is_dir():
        return Path(frozen) / "PySide6"
    return None


def has_wayland_plugin(pyside: Path) -> bool:
    """Whether this PySide6 (or bundle) carries Qt's Wayland platform plugin."""
    return any(
        any((pyside / plugins / "platforms").glob("libqwayland*.so"))
        for plugins in ("Qt/plugins", "plugins")
    )


def _bundled_folders(pyside: Path | None) -> list[Path]:
    """Where a bundle carries its own copies: a frozen app's folder, PySide6's Qt/lib."""
    folders = [Path(frozen)] if (frozen := getattr(sys, "_MEIPASS", None)) else []
    return folders + ([pyside / "Qt" / "lib", pyside] if pyside is not None else [])


def loadable(soname: str, folders: list[Path]) -> bool:
    """Whether the dynamic loader finds the library as Qt's libraries will ask for it, or a
    bundle carries it in one of the folders.

    The check loads it: Qt loads it a moment later anyway.
    """
    try:
        ctypes.CDLL(soname)
    except OSError:
        return any((folder / soname).is_file() for folder in folders)
    return True


def missing_libraries(
    env: Mapping[str, str] | None = None,
    *,
    is_loadable: Callable[[str], bool] | None = None,
    system: str | None = None,
    wayland_plugin: bool | None = None,
) -> dict[str, str]:
    """The needed libraries (soname → package) this PC lacks for the window; {} when none are
    or nothing is checked (not Linux, a platform that shows no window, no PySide6: the
    command line says then how to install the desktop app)."""
    system = sys.platform if system is None else system
    if not system.startswith("linux"):
        return {}
    pyside = None
    if is_loadable is None or wayland_plugin is None:
        pyside = pyside_folder()
        if pyside is None:
            return {}
    if wayland_plugin is None:
        assert pyside is not None
        wayland_plugin = has_wayland_plugin(pyside)
    platform = window_platform(env, wayland_plugin=wayland_plugin)
    if platform is None:
        return {}
    if is_loadable is None:
        folders = _bundled_folders(pyside)

        def is_loadable(soname: str) -> bool:
            return loadable(soname, folders)

    return {
        name: package
        for name, package in needed_libraries(platform).items()
        if not is_loadable(name)
    }


def _install_command(packages: list[str]) -> str:
    return "sudo apt install " + " ".join(packages)


def sentence(missing: Mapping[str, str], *, has_apt: bool | None = None) -> str:
    """One sentence for the terminal and the log: what is missing and what to install."""
    import shutil

    packages = list(dict.fromkeys(missing.values()))  # in table order, each once
    names = ", ".join(missing)
    has_apt = shutil.which("apt") is not None if has_apt is None else has_apt
    how = (
        f"install them with: {_install_command(packages)}"
        if has_apt
        else f"install the packages that provide them (on Debian or Ubuntu: "
        f"{_install_command(packages)})"
    )
    return f"The window cannot open: this PC lacks system libraries that Qt needs ({names}); {how}"


def gui_preflight(env: Mapping[str, str] | None = None) -> str | None:
    """The sentence to print before the GUI starts, or None when it can start."""
    missing = missing_libraries(env)
    return sentence(missing) if missing else None


def optional_advice() -> str | None:
    """One sentence on what the app works without but does better with, or None."""
    import ctypes.util  # here, not at start-up: it loads subprocess and tempfile
    import shutil

    if not sys.platform.startswith("linux"):
        return None
    lacking = [
        (package, why)
        for name, (package, why) in OPTIONAL_LIBRARIES.items()
        if ctypes.util.find_library(name) is None
    ]
    lacking += [
        (package, why)
        for program, (package, why) in OPTIONAL_PROGRAMS.items()
        if shutil.which(program) is None
    ]
    if not lacking:
        return None
    whys = "; ".join(f"{package}: {why}" for package, why in lacking)
    packages = [package for package, _ in lacking]
    return (
        f"The app works without these, but better with them ({whys}): {_install_command(packages)}"
    )


def main() -> int:
    """`python -m app.preflight`: 0 when the window can open, else the sentence and 3."""
    problem = gui_preflight()
    if problem is not None:
        print(f"servicedisk: {problem}", file=sys.stderr)
        return EXIT_MISSING_LIBRARIES
    if window_platform() is not None:
        advice = optional_advice()
        if advice is not None:
            print(f"servicedisk: {advice}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
