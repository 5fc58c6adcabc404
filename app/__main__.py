"""`python -m app` runs the servicedisk command."""

import sys

from app.cli import main

sys.exit(main())
