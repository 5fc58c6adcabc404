"""The PySide6 user interface: screens, dialogs and Qt item models. Talks to services only."""
