"""PyInstaller runtime hook of the Linux bundle: Qt's window goes through X11.

The bundle carries X11's platform plugin and not Wayland's (packaging/servicedisk.spec):
in a Wayland session Qt would try Wayland first and warn before it falls back, so it is
told X11 (XWayland) from the start. A QT_QPA_PLATFORM set by the PC still wins.
"""

import os
import sys

if sys.platform.startswith("linux"):
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
