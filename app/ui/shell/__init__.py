"""The application's frame: start-up, the shared context, runner, watcher and main window."""
