"""`python -m app` runs the servicedisk command."""

import sys

from app.cli.main import main

sys.exit(main())
