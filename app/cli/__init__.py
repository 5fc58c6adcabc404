"""The `servicedisk` command: the app by default, headless subcommands for IT and scripts."""
