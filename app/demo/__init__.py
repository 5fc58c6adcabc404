"""Demo data: an office's history made up for trying the app, a tool rather than a use case."""
