"""``python -m app.receiver``: the receiver's command line (as ``servicedisk-receiver``)."""

import sys

from app.receiver.cli import main

sys.exit(main())
