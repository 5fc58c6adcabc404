"""Use cases: plain Python, no Qt. Each function is one unit of work."""
